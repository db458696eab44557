#include "pages/settings/pricebookeditor.h"

#include "money/moneyformat.h"
#include "pages/settings/chargetext.h"
#include "theme.h"

#include <QCoreApplication>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace aicp {
namespace {

enum class Kind { Text, Money, CountOrUnlimited, CountOrAll, Charge, Bool, List };

struct Row {
    const char* label;
    const char* path;  // inside a tier's object
    Kind kind;
};

// The rows of the table, in the order of 'aicp pricebook show'.
constexpr Row kRows[] = {
    {QT_TRANSLATE_NOOP("PriceBookEditor", "Tier id"), "id", Kind::Text},
    {QT_TRANSLATE_NOOP("PriceBookEditor", "Name"), "name", Kind::Text},
    {QT_TRANSLATE_NOOP("PriceBookEditor", "Base price / month"), "base.amount", Kind::Money},
    {QT_TRANSLATE_NOOP("PriceBookEditor", "Requests included / month"), "requests.included",
     Kind::CountOrUnlimited},
    {QT_TRANSLATE_NOOP("PriceBookEditor", "Beyond the included requests"), "requests.beyond",
     Kind::Charge},
    {QT_TRANSLATE_NOOP("PriceBookEditor", "Policy packs included"), "policy_packs.included",
     Kind::CountOrAll},
    {QT_TRANSLATE_NOOP("PriceBookEditor", "Extra policy pack / month"), "policy_packs.extra",
     Kind::Charge},
    {QT_TRANSLATE_NOOP("PriceBookEditor", "Compliance modules included"),
     "compliance_modules.included", Kind::CountOrAll},
    {QT_TRANSLATE_NOOP("PriceBookEditor", "Extra compliance module / month"),
     "compliance_modules.extra", Kind::Charge},
    {QT_TRANSLATE_NOOP("PriceBookEditor", "Seats included"), "seats.included", Kind::CountOrAll},
    {QT_TRANSLATE_NOOP("PriceBookEditor", "Extra seat / month"), "seats.extra", Kind::Charge},
    {QT_TRANSLATE_NOOP("PriceBookEditor", "Agents included"), "agents.included",
     Kind::CountOrUnlimited},
    {QT_TRANSLATE_NOOP("PriceBookEditor", "Audit retention included"), "audit.included",
     Kind::Text},
    {QT_TRANSLATE_NOOP("PriceBookEditor", "Audit upgrades sold"), "audit.upgrades_sold",
     Kind::Bool},
    {QT_TRANSLATE_NOOP("PriceBookEditor", "Features"), "features", Kind::List},
    {QT_TRANSLATE_NOOP("PriceBookEditor", "Retired (no new licenses)"), "retired", Kind::Bool},
};
constexpr int kRowCount = static_cast<int>(std::size(kRows));
constexpr int kIdRow = 0;
constexpr int kNameRow = 1;

QString rowLabel(int row) {
    return QCoreApplication::translate("PriceBookEditor", kRows[row].label);
}

QJsonValue valueAt(const QJsonObject& object, const QStringList& path) {
    QJsonValue value = object;
    for (const QString& key : path)
        value = value.toObject().value(key);
    return value;
}

void setValueAt(QJsonObject& object, QStringList path, const QJsonValue& value) {
    const QString key = path.takeFirst();
    if (path.isEmpty()) {
        if (value.isUndefined())
            object.remove(key);
        else
            object.insert(key, value);
        return;
    }
    QJsonObject child = object.value(key).toObject();
    setValueAt(child, path, value);
    object.insert(key, child);
}

QString cellText(const QJsonValue& value, Kind kind) {
    switch (kind) {
        case Kind::Text:
        case Kind::Money:
            return value.toString();
        case Kind::CountOrUnlimited:
            return value.isNull() ? QStringLiteral("unlimited")
                                  : QString::number(value.toInteger());
        case Kind::CountOrAll:
            return value.isNull() ? QStringLiteral("all") : QString::number(value.toInteger());
        case Kind::Charge:
            return chargeTextFromJson(value);
        case Kind::List: {
            QStringList items;
            for (const QJsonValue& item : value.toArray())
                items.append(item.toString());
            return items.join(QStringLiteral(", "));
        }
        case Kind::Bool:
            return {};
    }
    return {};
}

// A count cell as JSON: a whole number, or null for `unlimitedWord`. Left
// as text when it is neither, so the price book's reader names the field.
QJsonValue countJson(const QString& text, const QString& unlimitedWord) {
    QString digits = text.trimmed();
    if (digits.isEmpty() || digits.compare(unlimitedWord, Qt::CaseInsensitive) == 0)
        return QJsonValue(QJsonValue::Null);
    digits.remove(u',').remove(u'_').remove(u' ');
    bool whole = false;
    const qlonglong count = digits.toLongLong(&whole);
    return whole ? QJsonValue(static_cast<double>(count)) : QJsonValue(text.trimmed());
}

Result<QJsonValue> cellJson(const QTableWidgetItem* item, Kind kind) {
    const QString text = item ? item->text().trimmed() : QString();
    switch (kind) {
        case Kind::Text:
            return QJsonValue(text);
        case Kind::Money:
            return QJsonValue(text.startsWith(u'$') ? text.mid(1) : text);
        case Kind::CountOrUnlimited:
            return countJson(text, QStringLiteral("unlimited"));
        case Kind::CountOrAll:
            return countJson(text, QStringLiteral("all"));
        case Kind::Charge:
            return chargeJsonFromText(text);
        case Kind::Bool:
            return QJsonValue(item && item->checkState() == Qt::Checked);
        case Kind::List: {
            QJsonArray items;
            for (const QString& part : text.split(u',', Qt::SkipEmptyParts))
                items.append(part.trimmed());
            return QJsonValue(items);
        }
    }
    return QJsonValue();
}

// "versions[0].tiers[2].seats.included: …" → tier 2 and "seats.included";
// -1 for a field of the version itself.
std::pair<int, QString> tierFieldOf(const QString& message) {
    static const QRegularExpression kTierField(
        QStringLiteral("^versions\\[0\\]\\.tiers\\[(\\d+)\\]\\.([^:]*):"));
    const QRegularExpressionMatch match = kTierField.match(message);
    if (!match.hasMatch())
        return {-1, QString()};
    return {match.captured(1).toInt(), match.captured(2)};
}

// The row whose path the field is or lies under ("requests.beyond.bands[0]"
// is under "requests.beyond").
int rowOfField(const QString& field) {
    int best = -1;
    qsizetype longest = 0;
    for (int row = 0; row < kRowCount; ++row) {
        const QString path = QString::fromLatin1(kRows[row].path);
        const bool under =
            field == path || field.startsWith(path + u'.') || field.startsWith(path + u'[');
        if (under && path.size() > longest) {
            best = row;
            longest = path.size();
        }
    }
    return best;
}

// "5000 @ 5; 10000 @ 10" as the version's volume_discounts; the price
// book's reader checks the amounts and their order.
Result<QJsonArray> volumeBandsJson(const QString& text) {
    QJsonArray bands;
    for (const QString& part : text.split(u';', Qt::SkipEmptyParts)) {
        const QStringList sides = part.split(u'@');
        if (sides.size() != 2 || sides.at(0).trimmed().isEmpty() || sides.at(1).trimmed().isEmpty())
            return Error::invalidInput(
                QStringLiteral("versions[0].volume_discounts: '%1' is not a band; write them "
                               "as 'FROM @ PERCENT; …', e.g. '5000 @ 5; 10000 @ 10'")
                    .arg(part.trimmed()));
        QString from = sides.at(0).trimmed();
        from.remove(u',');
        QString percent = sides.at(1).trimmed();
        if (percent.endsWith(u'%'))
            percent.chop(1);
        bands.append(QJsonObject{{QStringLiteral("from"), from},
                                 {QStringLiteral("percent"), percent.trimmed()}});
    }
    return bands;
}

}  // namespace

PriceBookEditor::PriceBookEditor(const PriceBookVersion& seed, const QString& id, QDate from,
                                 Preview preview, QWidget* parent)
    : QDialog(parent),
      seed_(seed.toJson()),
      heldTiers_(seed.tierIds()),
      preview_(std::move(preview)),
      id_(new QLineEdit(this)),
      from_(new QDateEdit(this)),
      currency_(new QLineEdit(this)),
      volume_(new QLineEdit(this)),
      table_(new QTableWidget(this)),
      problemLabel_(new QLabel(this)),
      impact_(new QTableWidget(this)),
      impactNote_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)),
      previewTimer_(new QTimer(this)) {
    setWindowTitle(tr("New Price Book Version"));
    build(true);
    fill(seed);
    id_->setText(id);
    from_->setDate(from);
    validate();
}

PriceBookEditor::PriceBookEditor(const PriceBookVersion& version, QWidget* parent)
    : QDialog(parent),
      seed_(version.toJson()),
      heldTiers_(version.tierIds()),
      id_(new QLineEdit(this)),
      from_(new QDateEdit(this)),
      currency_(new QLineEdit(this)),
      volume_(new QLineEdit(this)),
      table_(new QTableWidget(this)),
      problemLabel_(new QLabel(this)),
      impact_(new QTableWidget(this)),
      impactNote_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Close, this)),
      previewTimer_(new QTimer(this)) {
    setWindowTitle(tr("Price Book %1").arg(version.version));
    build(false);
    fill(version);
}

void PriceBookEditor::build(bool editable) {
    setObjectName(QStringLiteral("priceBookEditor"));
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(theme::spacing(font(), 0.6));
    buildHeader(layout);
    buildTable(layout, editable);
    buildImpact(layout, editable);
    if (editable)
        connectEditing();
    else
        makeReadOnly();
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons_);
    resize(theme::spacing(font(), 64), theme::spacing(font(), 58));
}

void PriceBookEditor::buildHeader(QVBoxLayout* layout) {
    auto* form = new QFormLayout;
    id_->setObjectName(QStringLiteral("versionIdInput"));
    id_->setToolTip(tr("A new id: changed prices are a new version, never an edit of one"));
    from_->setObjectName(QStringLiteral("effectiveFromInput"));
    from_->setCalendarPopup(true);
    from_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    from_->setToolTip(tr("The first day bills use this version; never inside an invoiced month"));
    currency_->setObjectName(QStringLiteral("currencyInput"));
    currency_->setMaxLength(3);
    currency_->setToolTip(tr("ISO 4217 code of every price in this version, such as USD or EUR"));
    form->addRow(tr("&Version"), id_);
    form->addRow(tr("In force &from"), from_);
    form->addRow(tr("C&urrency"), currency_);
    volume_->setObjectName(QStringLiteral("volumeDiscountsInput"));
    volume_->setPlaceholderText(tr("none"));
    volume_->setToolTip(
        tr("Discount bands of a customer's monthly recurring charges, e.g. '5000 @ 5; 10000 @ "
           "10': 5% off from 5,000 a month, 10% from 10,000. The contract's discount applies "
           "instead when it is larger."));
    form->addRow(tr("Volume &discounts"), volume_);
    layout->addLayout(form);
}

void PriceBookEditor::buildTable(QVBoxLayout* layout, bool editable) {
    table_->setObjectName(QStringLiteral("priceBookTable"));
    table_->setRowCount(kRowCount);
    QStringList labels;
    for (int row = 0; row < kRowCount; ++row)
        labels.append(rowLabel(row));
    table_->setVerticalHeaderLabels(labels);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->setWordWrap(false);
    table_->setTabKeyNavigation(false);
    table_->setAccessibleName(tr("Prices of every tier"));
    layout->addWidget(table_, 4);
    if (!editable)
        return;
    auto* hint = new QLabel(
        tr("Prices: a unit price such as 0.001; 'package: 1000 @ 5'; 'graduated: 10000000 @ "
           "0.0005; above @ 0.0002'; 'volume: 1000 @ 0.002; above @ 0.001'; nothing for none "
           "(a hard cap, or not sold). Counts: a number, or unlimited / all."),
        this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto* addTier = new QPushButton(tr("&Add Tier…"), this);
    addTier->setObjectName(QStringLiteral("addTierButton"));
    addTier->setToolTip(tr("A new tier, copied from the selected one: a plan or one deal's"));
    connect(addTier, &QPushButton::clicked, this, &PriceBookEditor::askForTier);
    layout->addWidget(addTier, 0, Qt::AlignLeft);
    QWidget::setTabOrder(table_, addTier);
    QWidget::setTabOrder(addTier, impact_);
}

void PriceBookEditor::buildImpact(QVBoxLayout* layout, bool editable) {
    problemLabel_->setObjectName(QStringLiteral("priceBookProblem"));
    problemLabel_->setWordWrap(true);
    QPalette warning = problemLabel_->palette();
    warning.setColor(QPalette::WindowText, theme::warningText(warning));
    problemLabel_->setPalette(warning);
    layout->addWidget(problemLabel_);

    impactNote_->setObjectName(QStringLiteral("impactNote"));
    impactNote_->setWordWrap(true);
    impact_->setObjectName(QStringLiteral("impactTable"));
    impact_->setColumnCount(5);
    impact_->setHorizontalHeaderLabels(
        {tr("Customer"), tr("Month"), tr("Bill before"), tr("Bill after"), tr("Change")});
    impact_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    impact_->verticalHeader()->hide();
    impact_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    impact_->setTabKeyNavigation(false);
    impact_->setAccessibleName(tr("Impact on the customers' bills"));
    layout->addWidget(impactNote_);
    layout->addWidget(impact_, 1);
    impactNote_->setVisible(editable);
    impact_->setVisible(editable);
}

void PriceBookEditor::connectEditing() {
    buttons_->button(QDialogButtonBox::Save)->setText(tr("&Save Version"));
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        if (problem_.isEmpty())
            accept();
    });
    previewTimer_->setSingleShot(true);
    previewTimer_->setInterval(300);
    connect(previewTimer_, &QTimer::timeout, this, &PriceBookEditor::validate);
    const auto later = [this] {
        if (!filling_)
            previewTimer_->start();
    };
    connect(id_, &QLineEdit::textChanged, this, later);
    connect(from_, &QDateEdit::dateChanged, this, later);
    connect(currency_, &QLineEdit::textChanged, this, later);
    connect(volume_, &QLineEdit::textChanged, this, later);
    connect(table_, &QTableWidget::itemChanged, this, later);
}

void PriceBookEditor::makeReadOnly() {
    id_->setReadOnly(true);
    currency_->setReadOnly(true);
    volume_->setReadOnly(true);
    from_->setReadOnly(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
}

void PriceBookEditor::fill(const PriceBookVersion& version) {
    filling_ = true;
    id_->setText(version.version);
    from_->setDate(version.effectiveFrom);
    currency_->setText(version.currency);
    QStringList bands;
    for (const VolumeDiscountBand& band : version.volumeDiscounts)
        bands.append(QStringLiteral("%1 @ %2").arg(band.from.toDecimalString(0),
                                                   band.percent.toDecimalString()));
    volume_->setText(bands.join(QStringLiteral("; ")));
    const QJsonArray tiers = seed_.value(QStringLiteral("tiers")).toArray();
    table_->setColumnCount(static_cast<int>(tiers.size()));
    for (int column = 0; column < tiers.size(); ++column) {
        const QJsonObject tier = tiers.at(column).toObject();
        table_->setHorizontalHeaderItem(
            column, new QTableWidgetItem(tier.value(QStringLiteral("name")).toString()));
        for (int row = 0; row < kRowCount; ++row) {
            const Kind kind = kRows[row].kind;
            const QJsonValue value =
                valueAt(tier, QString::fromLatin1(kRows[row].path).split(u'.'));
            auto* item = new QTableWidgetItem(cellText(value, kind));
            if (kind == Kind::Bool) {
                item->setFlags(item->flags() & ~Qt::ItemIsEditable);
                item->setCheckState(value.toBool() ? Qt::Checked : Qt::Unchecked);
            }
            // A tier's id is what licenses name: fixed once a version had it.
            if (row == kIdRow)
                item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            table_->setItem(row, column, item);
        }
    }
    filling_ = false;
}

Result<QJsonObject> PriceBookEditor::versionJson() const {
    QJsonObject version = seed_;
    version.insert(QStringLiteral("version"), id_->text().trimmed());
    version.insert(QStringLiteral("effective_from"), from_->date().toString(Qt::ISODate));
    version.insert(QStringLiteral("currency"), currency_->text().trimmed().toUpper());
    auto bands = volumeBandsJson(volume_->text());
    if (!bands)
        return bands.error();
    if (bands->isEmpty())
        version.remove(QStringLiteral("volume_discounts"));
    else
        version.insert(QStringLiteral("volume_discounts"), *bands);
    const QJsonArray seedTiers = seed_.value(QStringLiteral("tiers")).toArray();
    QJsonArray tiers;
    for (int column = 0; column < table_->columnCount(); ++column) {
        // A tier added here starts as a copy of the one it was made from.
        QJsonObject tier = column < seedTiers.size()
                               ? seedTiers.at(column).toObject()
                               : table_->item(kIdRow, column)->data(Qt::UserRole).toJsonObject();
        for (int row = 0; row < kRowCount; ++row) {
            auto value = cellJson(table_->item(row, column), kRows[row].kind);
            if (!value)
                return Error::invalidInput(
                    QStringLiteral("versions[0].tiers[%1].%2: %3")
                        .arg(column)
                        .arg(QString::fromLatin1(kRows[row].path), value.error().message()));
            // Written only when true, as the price book writes it.
            if (QLatin1String(kRows[row].path) == QLatin1String("retired") && !value->toBool())
                *value = QJsonValue(QJsonValue::Undefined);
            setValueAt(tier, QString::fromLatin1(kRows[row].path).split(u'.'), *value);
        }
        tiers.append(tier);
    }
    version.insert(QStringLiteral("tiers"), tiers);
    return version;
}

Result<PriceBook> PriceBookEditor::edited() const {
    auto version = versionJson();
    if (!version)
        return version.error();
    const QJsonObject root{{QStringLiteral("schema"), PriceBook::kSchemaVersion},
                           {QStringLiteral("versions"), QJsonArray{*version}}};
    return PriceBook::fromJson(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

void PriceBookEditor::validate() {
    for (int row = 0; row < table_->rowCount(); ++row) {
        for (int column = 0; column < table_->columnCount(); ++column) {
            if (QTableWidgetItem* item = table_->item(row, column))
                item->setData(Qt::BackgroundRole, QVariant());
        }
    }
    Result<PriceBook> book = edited();
    Result<PriceBookImport> preview = book ? (preview_ ? preview_(*book) : PriceBookImport())
                                           : Result<PriceBookImport>(book.error());
    if (!preview) {
        problem_ = preview.error().message();
        markCell(problem_);
    } else if (preview->merge.added.isEmpty()) {
        problem_ = tr("The workspace holds this version already; change its id and prices.");
    } else {
        problem_.clear();
        showImpact(*preview);
    }
    problemLabel_->setText(problem_);
    problemLabel_->setVisible(!problem_.isEmpty());
    impact_->setEnabled(problem_.isEmpty());
    if (QPushButton* save = buttons_->button(QDialogButtonBox::Save))
        save->setEnabled(problem_.isEmpty());
}

void PriceBookEditor::markCell(const QString& message) {
    const auto [column, field] = tierFieldOf(message);
    if (column < 0 || column >= table_->columnCount())
        return;
    const int row = rowOfField(field);
    if (row < 0)
        return;
    QTableWidgetItem* item = table_->item(row, column);
    item->setData(Qt::BackgroundRole, theme::warningText(palette()).lighter(185));
    // The reader's path in the words of the table: "Professional ▸ Seats included".
    const QString where =
        QStringLiteral("%1 ▸ %2").arg(table_->item(kNameRow, column)->text(), rowLabel(row));
    problem_ = where + message.mid(message.indexOf(u':'));
}

void PriceBookEditor::showImpact(const PriceBookImport& result) {
    impact_->setRowCount(static_cast<int>(result.impact.size()));
    impactNote_->setText(
        result.impact.empty()
            ? tr("No customer has a license in force on %1: no bill changes.")
                  .arg(from_->date().toString(Qt::ISODate))
            : tr("The bills of %1 of the customers with a license in force on %2, under the "
                 "prices in force now and under this version:")
                  .arg(YearMonth::of(from_->date()).toString(),
                       from_->date().toString(Qt::ISODate)));
    for (int i = 0; i < static_cast<int>(result.impact.size()); ++i) {
        const PriceBookImpact& row = result.impact[static_cast<std::size_t>(i)];
        const auto change = row.after.minus(row.before);
        const QLocale locale;
        QString changeText;
        if (change)
            changeText =
                (change->isZero() || change->isNegative() ? QString() : QStringLiteral("+")) +
                formatMoney(*change, locale, row.currency);
        const QStringList cells{row.customerName, row.month.toString(),
                                formatMoney(row.before, locale, row.currency),
                                formatMoney(row.after, locale, row.currency), changeText};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            if (column >= 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            impact_->setItem(i, column, item);
        }
    }
}

bool PriceBookEditor::addTier(const QString& id) {
    const QString trimmed = id.trimmed();
    for (int column = 0; column < table_->columnCount(); ++column) {
        if (table_->item(kIdRow, column)->text() == trimmed)
            return false;
    }
    if (!PriceBook::isIdentifier(trimmed))
        return false;
    const int from = std::max(0, table_->currentColumn());
    auto copied = versionJson();
    if (!copied)
        return false;
    QJsonObject tier = copied->value(QStringLiteral("tiers")).toArray().at(from).toObject();
    tier.insert(QStringLiteral("id"), trimmed);
    tier.insert(QStringLiteral("name"), trimmed);
    tier.remove(QStringLiteral("retired"));
    filling_ = true;
    const int column = table_->columnCount();
    table_->insertColumn(column);
    table_->setHorizontalHeaderItem(column, new QTableWidgetItem(trimmed));
    for (int row = 0; row < kRowCount; ++row) {
        const QTableWidgetItem* source = table_->item(row, from);
        auto* item = source->clone();
        table_->setItem(row, column, item);
    }
    table_->item(kIdRow, column)->setText(trimmed);
    table_->item(kIdRow, column)->setData(Qt::UserRole, tier);
    table_->item(kNameRow, column)->setText(trimmed);
    table_->item(kRowCount - 1, column)->setCheckState(Qt::Unchecked);
    filling_ = false;
    validate();
    return true;
}

void PriceBookEditor::askForTier() {
    bool ok = false;
    const QString id = QInputDialog::getText(
        this, tr("Add Tier"),
        tr("Id of the new tier (lower-case letters, digits, '-' and '_'), as licenses will name "
           "it:"),
        QLineEdit::Normal, QString(), &ok);
    if (ok && !addTier(id))
        problemLabel_->setText(tr("'%1' is taken or not a tier id.").arg(id));
}

}  // namespace aicp

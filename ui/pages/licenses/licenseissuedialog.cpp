#include "pages/licenses/licenseissuedialog.h"

#include "catalognames.h"
#include "money/moneyformat.h"
#include "pages/licenses/activationterminputs.h"
#include "pages/licenses/contractterminputs.h"
#include "pages/licenses/firstinvoiceview.h"
#include "pages/licenses/licensedetailsview.h"
#include "pages/licenses/licensestate.h"
#include "theme.h"
#include "widgets/cardframe.h"
#include "widgets/localdates.h"
#include "widgets/pagetext.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace aicp {
namespace {

const QString kNewCustomer = QStringLiteral("\x01new");
constexpr int kChoiceColumns = 2;
constexpr int kDefaultTermDays = 365;
constexpr int kMaxTermDays = 3650;
constexpr int kMaxPeople = 1'000'000;

QLabel* caption(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setFont(theme::scaledFont(label->font(), 1.0, true));
    return label;
}

QStringList checkedIds(const std::vector<QCheckBox*>& boxes) {
    QStringList ids;
    for (const QCheckBox* box : boxes) {
        if (box->isChecked() && box->isEnabled())
            ids.append(box->property("catalogId").toString());
    }
    return ids;
}

QDateTime startOfUtcDay(QDate date) {
    return QDateTime(date, QTime(0, 0), Qt::UTC);
}

}  // namespace

LicenseIssueDialog::LicenseIssueDialog(PriceBook priceBook, std::vector<Customer> customers,
                                       QWidget* parent)
    : QDialog(parent),
      priceBook_(std::move(priceBook)),
      customers_(std::move(customers)),
      customer_(new QComboBox(this)),
      newCustomerId_(new QLineEdit(this)),
      newCustomerName_(new QLineEdit(this)),
      newCustomerRow_(new QWidget(this)),
      tier_(new QComboBox(this)),
      packsGrid_(new QGridLayout),
      modulesGrid_(new QGridLayout),
      packsNote_(new QLabel(this)),
      modulesNote_(new QLabel(this)),
      seats_(new QSpinBox(this)),
      agents_(new QSpinBox(this)),
      auditTier_(new QComboBox(this)),
      start_(new QDateEdit(this)),
      forDays_(new QRadioButton(tr("&For"), this)),
      days_(new QSpinBox(this)),
      untilDate_(new QRadioButton(tr("U&ntil"), this)),
      until_(new QDateEdit(this)),
      graceDays_(new QSpinBox(this)),
      discount_(new QLineEdit(this)),
      termMonths_(new QComboBox(this)),
      terms_(new ContractTermInputs(this)),
      activation_(new ActivationTermInputs(this)),
      price_(new QLabel(this)),
      priceNote_(new QLabel(this)),
      firstInvoice_(new FirstInvoiceView(this)),
      preview_(new LicenseDetailsView(this)),
      problemLabel_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("licenseIssueDialog"));
    setWindowTitle(tr("Issue License"));
    prices_ = priceBook_.latest();
    buildForm();
    refreshPrices();
    tierChanged();
}

void LicenseIssueDialog::buildForm() {
    const int gap = theme::spacing(font(), 0.6);
    buildCustomerInputs();
    buildLimitInputs();
    QHBoxLayout* termRow = buildTermInputs(gap);
    buildContractInputs();
    QWidget* left = buildFormColumn(termRow, gap);
    QWidget* previewCard = buildPreviewCard(gap);
    buildButtons();

    auto* columns = new QHBoxLayout;
    columns->setSpacing(gap);
    columns->addWidget(left, 0);
    columns->addWidget(previewCard, 1);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(problemLabel_, 1);
    bottom->addWidget(buttons_, 0, Qt::AlignBottom);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(gap);
    layout->addLayout(columns, 1);
    layout->addLayout(bottom);

    connectInputs();
}

void LicenseIssueDialog::buildCustomerInputs() {
    customer_->setObjectName(QStringLiteral("customerInput"));
    for (const Customer& customer : customers_)
        customer_->addItem(tr("%1 (%2)").arg(customer.name, customer.id), customer.id);
    customer_->addItem(tr("New customer…"), kNewCustomer);
    customer_->setToolTip(tr("The customer the license is for, or a new one"));
    newCustomerId_->setObjectName(QStringLiteral("newCustomerIdInput"));
    newCustomerId_->setPlaceholderText(tr("customer-id"));
    newCustomerId_->setAccessibleName(tr("New customer id"));
    newCustomerId_->setToolTip(tr("Lowercase letters, digits and '-'; fixed once issued"));
    newCustomerId_->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[a-z0-9-]{0,64}")), newCustomerId_));
    newCustomerName_->setObjectName(QStringLiteral("newCustomerNameInput"));
    newCustomerName_->setPlaceholderText(tr("Customer name"));
    newCustomerName_->setAccessibleName(tr("New customer name"));
    newCustomerName_->setToolTip(tr("The customer's name as invoices and reports show it"));
    auto* newRow = new QHBoxLayout(newCustomerRow_);
    newRow->setContentsMargins(0, 0, 0, 0);
    newRow->addWidget(newCustomerId_, 2);
    newRow->addWidget(newCustomerName_, 3);
}

void LicenseIssueDialog::buildLimitInputs() {
    const QLocale locale;
    tier_->setObjectName(QStringLiteral("tierInput"));
    // A retired tier takes no new licenses; renewing keeps a customer on it.
    for (const TierDefinition& tier : priceBook_.latest().tiers) {
        if (!tier.retired)
            tier_->addItem(tier.name, tier.id);
    }
    tier_->setCurrentIndex(std::min(2, tier_->count() - 1));
    tier_->setToolTip(tr("The tier the license grants: its limits, features and price"));

    for (QSpinBox* people : {seats_, agents_}) {
        people->setRange(0, kMaxPeople);
        people->setGroupSeparatorShown(true);
        people->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    seats_->setObjectName(QStringLiteral("seatsInput"));
    agents_->setObjectName(QStringLiteral("agentsInput"));
    seats_->setToolTip(tr("0 keeps the seats the tier includes"));
    agents_->setToolTip(tr("0 keeps the agents the tier includes"));

    auditTier_->setObjectName(QStringLiteral("auditTierInput"));
    auditTier_->addItem(tr("As included in the tier"), QString());
    for (const AuditTier& audit : priceBook_.latest().auditTiers)
        auditTier_->addItem(
            tr("%1 (%2 days)").arg(audit.name, formatCount(audit.retentionDays, locale)), audit.id);
    auditTier_->setToolTip(
        tr("How long audit records are kept; longer than the tier includes "
           "is charged"));
}

QHBoxLayout* LicenseIssueDialog::buildTermInputs(int gap) {
    const QLocale locale;
    const QDate today = QDate::currentDate();
    for (QDateEdit* date : {start_, until_}) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(dateFormatWithFullYear(locale));
    }
    start_->setObjectName(QStringLiteral("startInput"));
    start_->setDate(today);
    start_->setToolTip(tr("Today means valid from the moment of signing"));
    until_->setObjectName(QStringLiteral("untilInput"));
    until_->setDate(today.addDays(kDefaultTermDays));
    until_->setAccessibleName(tr("Runs until"));
    until_->setToolTip(tr("The last day the license is valid, before any grace period"));
    days_->setObjectName(QStringLiteral("daysInput"));
    days_->setRange(1, kMaxTermDays);
    days_->setValue(kDefaultTermDays);
    days_->setSuffix(tr(" days"));
    days_->setAccessibleName(tr("Runs for days"));
    days_->setToolTip(tr("How many days the license is valid from its start"));
    // Room for a four-digit year beside the calendar button, in any locale.
    until_->setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 18);
    forDays_->setObjectName(QStringLiteral("forDaysInput"));
    untilDate_->setObjectName(QStringLiteral("untilDateInput"));
    forDays_->setChecked(true);
    forDays_->setToolTip(tr("The license runs a number of days"));
    untilDate_->setToolTip(tr("The license runs until a date"));
    auto* termGroup = new QButtonGroup(this);
    termGroup->addButton(forDays_);
    termGroup->addButton(untilDate_);
    auto* termRow = new QHBoxLayout;
    termRow->addWidget(forDays_);
    termRow->addWidget(days_, 1);
    termRow->addSpacing(gap);
    termRow->addWidget(untilDate_);
    termRow->addWidget(until_, 1);

    graceDays_->setObjectName(QStringLiteral("graceDaysInput"));
    graceDays_->setRange(0, LicenseRequest::kMaxGraceDays);
    graceDays_->setValue(LicenseRequest::kDefaultGraceDays);
    graceDays_->setSuffix(tr(" days"));
    graceDays_->setToolTip(tr("How long the license keeps working, flagged, after it expires"));
    return termRow;
}

void LicenseIssueDialog::buildContractInputs() {
    const QLocale locale;
    discount_->setObjectName(QStringLiteral("discountInput"));
    discount_->setPlaceholderText(locale.toString(0));
    discount_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    discount_->setToolTip(tr("Contract discount on the recurring charges"));
    discount_->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{0,3}([.,][0-9]{0,6})?")), discount_));
    termMonths_->setObjectName(QStringLiteral("termMonthsInput"));
    termMonths_->addItem(tr("Month to month"), 0);
    for (int months : {12, 24, 36})
        termMonths_->addItem(tr("%1 months").arg(months), months);
    termMonths_->setToolTip(tr("The contract's commitment; a longer term may earn a discount"));
}

QWidget* LicenseIssueDialog::buildFormColumn(QHBoxLayout* termRow, int gap) {
    packsGrid_->setHorizontalSpacing(gap);
    modulesGrid_->setHorizontalSpacing(gap);
    for (QLabel* note : {packsNote_, modulesNote_}) {
        note->setWordWrap(true);
        setMuted(note);
    }

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form->addRow(tr("&Customer"), customer_);
    form->addRow(QString(), newCustomerRow_);
    form->addRow(tr("&Tier"), tier_);
    form->addRow(tr("&Seats"), seats_);
    form->addRow(tr("A&gents"), agents_);
    activation_->addRows(form);
    form->addRow(tr("A&udit retention"), auditTier_);
    form->addRow(tr("St&arts"), start_);
    form->addRow(tr("Runs"), termRow);
    form->addRow(tr("Grace &period"), graceDays_);
    form->addRow(tr("&Discount %"), discount_);
    form->addRow(tr("Contract te&rm"), termMonths_);
    terms_->addRows(form);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, gap, 0);
    leftLayout->setSpacing(gap / 2);
    leftLayout->addLayout(form);
    leftLayout->addSpacing(gap);
    leftLayout->addWidget(caption(tr("Policy packs"), left));
    leftLayout->addWidget(packsNote_);
    leftLayout->addLayout(packsGrid_);
    leftLayout->addSpacing(gap);
    leftLayout->addWidget(caption(tr("Compliance modules"), left));
    leftLayout->addWidget(modulesNote_);
    leftLayout->addLayout(modulesGrid_);
    leftLayout->addStretch();
    left->setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 58);
    return left;
}

QWidget* LicenseIssueDialog::buildPreviewCard(int gap) {
    // The preview: the monthly price, then what the license would grant.
    auto* previewCard = new CardFrame(this);
    previewCard->setObjectName(QStringLiteral("issuePreview"));
    price_->setObjectName(QStringLiteral("previewPrice"));
    price_->setFont(theme::scaledFont(font(), 1.6, true));
    priceNote_->setObjectName(QStringLiteral("previewPriceNote"));
    priceNote_->setWordWrap(true);
    setMuted(priceNote_);
    auto* previewLayout = flushColumn(previewCard, gap / 2);
    previewLayout->addWidget(caption(tr("Preview"), previewCard));
    previewLayout->addWidget(price_);
    previewLayout->addWidget(priceNote_);
    previewLayout->addSpacing(gap / 2);
    previewLayout->addWidget(firstInvoice_);
    previewLayout->addSpacing(gap / 2);
    previewLayout->addWidget(preview_, 1);
    previewCard->setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 50);
    return previewCard;
}

void LicenseIssueDialog::buildButtons() {
    problemLabel_->setObjectName(QStringLiteral("issueProblem"));
    problemLabel_->setWordWrap(true);
    QPalette warning = problemLabel_->palette();
    warning.setColor(QPalette::WindowText, theme::warningText(warning));
    problemLabel_->setPalette(warning);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("S&ign and Issue…"));
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        if (problem_.isEmpty())
            accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void LicenseIssueDialog::connectInputs() {
    connect(customer_, &QComboBox::currentIndexChanged, this, [this] {
        newCustomerRow_->setVisible(customer_->currentData().toString() == kNewCustomer);
        // Priced in the customer's currency, as the registry signs it.
        refreshPrices();
        tierChanged();
    });
    newCustomerRow_->setVisible(customer_->currentData().toString() == kNewCustomer);
    connect(tier_, &QComboBox::currentIndexChanged, this, &LicenseIssueDialog::tierChanged);
    for (QLineEdit* edit : {newCustomerId_, newCustomerName_, discount_})
        connect(edit, &QLineEdit::textChanged, this, &LicenseIssueDialog::updatePreview);
    for (QSpinBox* spin : {seats_, agents_, days_, graceDays_})
        connect(spin, &QSpinBox::valueChanged, this, &LicenseIssueDialog::updatePreview);
    for (QComboBox* combo : {auditTier_, termMonths_})
        connect(combo, &QComboBox::currentIndexChanged, this, &LicenseIssueDialog::updatePreview);
    connect(until_, &QDateEdit::dateChanged, this, &LicenseIssueDialog::updatePreview);
    connect(terms_, &ContractTermInputs::changed, this, &LicenseIssueDialog::updatePreview);
    connect(activation_, &ActivationTermInputs::changed, this, &LicenseIssueDialog::updatePreview);
    connect(start_, &QDateEdit::dateChanged, this, [this] {
        terms_->setStart(start_->date());
        refreshPrices();
        tierChanged();
    });
    connect(forDays_, &QRadioButton::toggled, this, [this](bool days) {
        days_->setEnabled(days);
        until_->setEnabled(!days);
        updatePreview();
    });
    until_->setEnabled(false);
}

void LicenseIssueDialog::setRegisteredLicenses(std::vector<LicenseRecord> licenses) {
    registered_ = std::move(licenses);
    updatePreview();
}

void LicenseIssueDialog::selectCustomer(const QString& customerId) {
    const int index = customer_->findData(customerId);
    if (index >= 0)
        customer_->setCurrentIndex(index);
}

void LicenseIssueDialog::setUpgradeOf(const LicensePayload& old) {
    upgradeOf_ = old;
    setWindowTitle(tr("Upgrade License %1").arg(shortLicenseId(old.id)));
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Sign Upgrade…"));
    const LicenseRequest from = LicenseRequest::from(old);

    int index = customer_->findData(old.customerId);
    if (index < 0) {
        customer_->insertItem(0, tr("%1 (%2)").arg(old.customerName, old.customerId),
                              old.customerId);
        index = 0;
    }
    customer_->setCurrentIndex(index);
    customer_->setEnabled(false);
    customer_->setToolTip(tr("An upgrade keeps the customer"));

    const int tier = tier_->findData(from.tier);
    if (tier >= 0)
        tier_->setCurrentIndex(tier);
    tierChanged();
    for (QCheckBox* box : packs_)
        box->setChecked(from.policyPacks.contains(box->property("catalogId").toString()));
    for (QCheckBox* box : modules_)
        box->setChecked(from.complianceModules.contains(box->property("catalogId").toString()));
    // What the old tier included by default stays "included", so a new
    // tier brings its own defaults rather than the old tier's.
    const TierDefinition* oldTier = prices_.tier(old.tier);
    const auto explicitCount = [](std::optional<std::int64_t> value,
                                  std::optional<std::int64_t> included) {
        return value && value != included ? static_cast<int>(*value) : 0;
    };
    seats_->setValue(explicitCount(
        from.seats, oldTier ? oldTier->seats.included.value_or(1) : std::optional<std::int64_t>()));
    agents_->setValue(explicitCount(
        from.agents, oldTier ? oldTier->includedAgents : std::optional<std::int64_t>()));
    activation_->setFrom(old.activation, oldTier ? oldTier->activation : ActivationTerms());
    const bool auditIncluded = oldTier && from.auditTier == oldTier->includedAuditTier;
    const int audit = auditIncluded ? 0 : auditTier_->findData(from.auditTier);
    auditTier_->setCurrentIndex(audit < 0 ? 0 : audit);
    start_->setDate(QDate::currentDate());
    untilDate_->setChecked(true);
    until_->setDate(old.expiresAt.toUTC().date());
    graceDays_->setValue(from.graceDays);
    // In the user's decimal point; formRequest reads either.
    discount_->setText(from.contract.discount.isZero()
                           ? QString()
                           : from.contract.discount.toDecimalString().replace(
                                 QLatin1Char('.'), QLocale().decimalPoint()));
    const int term = termMonths_->findData(from.contract.termMonths);
    termMonths_->setCurrentIndex(term < 0 ? 0 : term);
    terms_->setFrom(from.contract);
    updatePreview();
}

void LicenseIssueDialog::refreshPrices() {
    // The version in force on the start date, in the customer's currency, is
    // the one the registry signs with; a new customer is billed in the home
    // currency.
    QString currency = priceBook_.homeCurrency();
    for (const Customer& customer : customers_) {
        if (customer.id == customer_->currentData().toString())
            currency = customer.currency;
    }
    auto version = priceBook_.versionAt(start_->date(), currency);
    prices_ = version ? std::move(version).value() : priceBook_.latest();
    terms_->setCurrency(prices_.currency);
}

void LicenseIssueDialog::tierChanged() {
    const TierDefinition* tier = prices_.tier(tier_->currentData().toString());
    if (tier) {
        const QLocale locale;
        seats_->setSpecialValueText(
            tr("Included (%1)").arg(formatCount(tier->seats.included.value_or(1), locale)));
        agents_->setSpecialValueText(tr("Included (%1)")
                                         .arg(tier->includedAgents
                                                  ? formatCount(*tier->includedAgents, locale)
                                                  : tr("unlimited")));
        activation_->setTier(tier->activation);
    }
    // An audit level below what the new tier includes gives way to the included one.
    const QString audit = auditTier_->currentData().toString();
    if (tier && !audit.isEmpty() &&
        prices_.auditTierRank(audit) <= prices_.auditTierRank(tier->includedAuditTier)) {
        const QSignalBlocker blocker(auditTier_);
        auditTier_->setCurrentIndex(0);
    }
    rebuildAddOns();
    updatePreview();
}

void LicenseIssueDialog::rebuildAddOns() {
    const PriceBookVersion& prices = prices_;
    const TierDefinition* tier = prices.tier(tier_->currentData().toString());
    const auto rebuild = [this, tier](QGridLayout* grid, std::vector<QCheckBox*>& boxes,
                                      const QStringList& ids, QString (*nameOf)(const QString&),
                                      const QString& prefix, QLabel* note,
                                      const AddOnAllowance* allowance, const QString& plural) {
        QStringList chosen;
        for (const QCheckBox* box : boxes) {
            if (box->isChecked())
                chosen.append(box->property("catalogId").toString());
        }
        for (QCheckBox* box : boxes)
            delete box;
        boxes.clear();
        const bool all = allowance && allowance->isUnlimited();
        for (int i = 0; i < ids.size(); ++i) {
            auto* box = new QCheckBox(nameOf(ids[i]), this);
            box->setObjectName(prefix + ids[i]);
            box->setProperty("catalogId", ids[i]);
            box->setChecked(all || chosen.contains(ids[i]));
            box->setEnabled(!all);
            connect(box, &QCheckBox::toggled, this, &LicenseIssueDialog::updatePreview);
            grid->addWidget(box, i / kChoiceColumns, i % kChoiceColumns);
            boxes.push_back(box);
        }
        if (!tier || !allowance) {
            note->clear();
        } else if (all) {
            note->setText(tr("%1 includes every one.").arg(tier->name));
        } else if (*allowance->included == 0 && !allowance->extra) {
            note->setText(tr("%1 has none.").arg(tier->name));
        } else {
            const QString included = tr("%1 includes %2").arg(tier->name).arg(*allowance->included);
            note->setText(allowance->extra ? tr("%1; more are sold as extras.").arg(included)
                                           : tr("%1 and sells no extra %2.").arg(included, plural));
        }
        note->setVisible(!note->text().isEmpty());
    };
    rebuild(packsGrid_, packs_, prices.policyPacks, &policyPackName, QStringLiteral("pack_"),
            packsNote_, tier ? &tier->policyPacks : nullptr, tr("packs"));
    rebuild(modulesGrid_, modules_, prices.complianceModules, &complianceModuleName,
            QStringLiteral("module_"), modulesNote_, tier ? &tier->complianceModules : nullptr,
            tr("modules"));
    orderTabs();
}

void LicenseIssueDialog::orderTabs() {
    // The add-on boxes are made after the form, and again on every tier change.
    QList<QWidget*> chain = {customer_, newCustomerId_, newCustomerName_, tier_, seats_, agents_};
    chain.append(activation_->tabChain());
    chain.append({auditTier_, start_, forDays_, days_, untilDate_, until_, graceDays_, discount_,
                  termMonths_});
    chain.append(terms_->tabChain());
    for (QCheckBox* box : packs_)
        chain.append(box);
    for (QCheckBox* box : modules_)
        chain.append(box);
    chain.append(preview_->tabStop());
    for (qsizetype i = 1; i < chain.size(); ++i)
        QWidget::setTabOrder(chain[i - 1], chain[i]);
}

QDateTime LicenseIssueDialog::startTime() const {
    // Today: valid from the moment of signing; another day: from its start (UTC).
    if (start_->date() == QDate::currentDate())
        return {};
    return startOfUtcDay(start_->date());
}

Result<LicenseRequest> LicenseIssueDialog::formRequest() const {
    LicenseRequest request;
    const QString chosen = customer_->currentData().toString();
    if (chosen == kNewCustomer) {
        request.customerId = newCustomerId_->text().trimmed();
        request.customerName = newCustomerName_->text().trimmed();
        if (request.customerId.isEmpty())
            return Error::invalidInput(tr("Give the new customer an id."));
        if (request.customerName.isEmpty())
            return Error::invalidInput(tr("Give the new customer a name."));
        for (const Customer& customer : customers_) {
            if (customer.id == request.customerId)
                return Error::invalidInput(
                    tr("A customer with id '%1' already exists; choose it from the list.")
                        .arg(request.customerId));
        }
    } else {
        request.customerId = chosen;
        for (const Customer& customer : customers_) {
            if (customer.id == chosen)
                request.customerName = customer.name;
        }
        if (request.customerName.isEmpty() && upgradeOf_)
            request.customerName = upgradeOf_->customerName;
    }
    request.tier = tier_->currentData().toString();
    const PriceBookVersion& prices = prices_;
    const TierDefinition* tier = prices.tier(request.tier);
    // A tier that includes every add-on takes them all (an empty list).
    if (!tier || !tier->policyPacks.isUnlimited())
        request.policyPacks = checkedIds(packs_);
    if (!tier || !tier->complianceModules.isUnlimited())
        request.complianceModules = checkedIds(modules_);
    if (seats_->value() > 0)
        request.seats = seats_->value();
    if (agents_->value() > 0)
        request.agents = agents_->value();
    activation_->applyTo(request);
    request.auditTier = auditTier_->currentData().toString();
    request.notBefore = startTime();
    const QDateTime from =
        request.notBefore.isValid() ? request.notBefore : QDateTime::currentDateTimeUtc();
    if (forDays_->isChecked()) {
        request.expiresAt = from.addDays(days_->value());
    } else if (upgradeOf_ && until_->date() == upgradeOf_->expiresAt.toUTC().date()) {
        request.expiresAt = upgradeOf_->expiresAt;  // the old end, to the second
    } else {
        request.expiresAt = startOfUtcDay(until_->date());
    }
    request.graceDays = graceDays_->value();

    QString percent = discount_->text().trimmed();
    percent.replace(u',', u'.');
    if (percent.endsWith(u'.'))
        percent.chop(1);
    if (!percent.isEmpty()) {
        auto discount = Percent::parse(percent);
        if (!discount)
            return Error::invalidInput(tr("Discount: %1").arg(discount.error().message()));
        request.contract.discount = *discount;
    }
    request.contract.termMonths = termMonths_->currentData().toInt();
    if (const Status terms = terms_->applyTo(request.contract); !terms.ok())
        return terms.error();
    if (upgradeOf_) {
        request.contract.priceOverrides = upgradeOf_->contract.priceOverrides;
        request.supersedes = upgradeOf_->id;
    }
    return request;
}

Result<LicenseRequest> LicenseIssueDialog::request() const {
    auto request = formRequest();
    if (!request)
        return request;
    auto payload = buildLicensePayload(*request, prices_, QStringLiteral("preview"),
                                       QDateTime::currentDateTimeUtc());
    if (!payload)
        return payload.error();
    return request;
}

}  // namespace aicp

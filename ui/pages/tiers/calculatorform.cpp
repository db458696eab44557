#include "pages/tiers/calculatorform.h"

#include "catalognames.h"
#include "money/moneyformat.h"
#include "theme.h"
#include "widgets/pagetext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace aicp {
namespace {

constexpr int kChoiceColumns = 2;
// Far beyond any real deployment; keeps the spin boxes' width sensible.
constexpr int kMaxPeople = 1'000'000;
// Fifteen digits: larger than any month of traffic, and well inside the
// engine's checked range.
constexpr int kMaxRequestDigits = 15;

// A decimal typed in the user's locale, in the form the core parses:
// grouping dropped, the locale's point made '.', and a point still waiting
// for its digits ("12." while typing "12.5") left out.
QString typedDecimal(const QString& typed, const QLocale& locale) {
    QString text = typed.trimmed();
    text.remove(locale.groupSeparator());
    text.replace(locale.decimalPoint(), QStringLiteral("."));
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

QLabel* sectionCaption(const QString& text, QWidget* parent) {
    auto* caption = new QLabel(text, parent);
    caption->setFont(theme::scaledFont(caption->font(), 1.0, true));
    return caption;
}

}  // namespace

CalculatorForm::CalculatorForm(QWidget* parent)
    : QWidget(parent),
      requests_(new QLineEdit(this)),
      seats_(new QSpinBox(this)),
      agents_(new QSpinBox(this)),
      auditTier_(new QComboBox(this)),
      discount_(new QLineEdit(this)),
      billingPeriod_(new QComboBox(this)),
      commitment_(new QLineEdit(this)),
      commitmentPeriod_(new QComboBox(this)),
      sso_(new QCheckBox(tr("Needs single sign-on (SSO)"), this)),
      packsGrid_(new QGridLayout),
      modulesGrid_(new QGridLayout) {
    const QLocale locale;
    setUpRequests(locale);
    setUpPeople();
    setUpAuditAndDiscount(locale);
    setUpContract(locale);
    sso_->setObjectName(QStringLiteral("ssoInput"));
    buildLayout();
    connectInputs();
}

void CalculatorForm::setUpRequests(const QLocale& locale) {
    requests_->setObjectName(QStringLiteral("requestsInput"));
    requests_->setPlaceholderText(formatCount(0, locale));
    requests_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    requests_->setClearButtonEnabled(true);
    requests_->setToolTip(tr("Governed AI requests expected in a month"));
    // Digits, optionally grouped the way the user's locale groups them.
    const QString group = QRegularExpression::escape(QString(locale.groupSeparator()));
    requests_->setValidator(new QRegularExpressionValidator(
        QRegularExpression(
            QStringLiteral("[0-9\\s%1]{0,%2}").arg(group).arg(kMaxRequestDigits * 2)),
        requests_));
}

void CalculatorForm::setUpPeople() {
    for (QSpinBox* people : {seats_, agents_}) {
        people->setRange(0, kMaxPeople);
        people->setValue(1);
        people->setGroupSeparatorShown(true);
        people->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    seats_->setObjectName(QStringLiteral("seatsInput"));
    seats_->setToolTip(tr("People who sign in to the control plane"));
    agents_->setObjectName(QStringLiteral("agentsInput"));
    agents_->setToolTip(tr("AI agents sending traffic through the gateway"));
}

void CalculatorForm::setUpAuditAndDiscount(const QLocale& locale) {
    auditTier_->setObjectName(QStringLiteral("auditTierInput"));
    auditTier_->setToolTip(
        tr("How long audit records must be kept; a tier that keeps them "
           "shorter is priced with the retention added"));
    discount_->setObjectName(QStringLiteral("discountInput"));
    discount_->setPlaceholderText(locale.toString(0));
    discount_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    discount_->setToolTip(
        tr("Contract discount on the recurring charges; requests are never "
           "discounted"));
    const QString point = QRegularExpression::escape(QString(locale.decimalPoint()));
    discount_->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{0,3}(%1[0-9]{0,6})?").arg(point)), discount_));
}

void CalculatorForm::setUpContract(const QLocale& locale) {
    billingPeriod_->setObjectName(QStringLiteral("billingPeriodInput"));
    billingPeriod_->addItem(tr("Monthly"), billingPeriodKey(BillingPeriod::Monthly));
    billingPeriod_->addItem(tr("Annual, in advance"), billingPeriodKey(BillingPeriod::Annual));
    billingPeriod_->setToolTip(
        tr("Annual: a contract year's recurring charges on the invoice of the month it "
           "starts; requests beyond the quota are billed monthly"));
    commitment_->setObjectName(QStringLiteral("commitmentInput"));
    commitment_->setPlaceholderText(tr("None"));
    commitment_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    commitment_->setClearButtonEnabled(true);
    commitment_->setToolTip(
        tr("Minimum spend: a month that costs less is billed up to it (a yearly "
           "commitment, a twelfth of it)"));
    const QString point = QRegularExpression::escape(QString(locale.decimalPoint()));
    const QString group = QRegularExpression::escape(QString(locale.groupSeparator()));
    commitment_->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9%1]{0,20}(%2[0-9]{0,2})?").arg(group, point)),
        commitment_));
    commitmentPeriod_->setObjectName(QStringLiteral("commitmentPeriodInput"));
    commitmentPeriod_->addItem(tr("a month"), commitmentPeriodKey(Commitment::Period::Month));
    commitmentPeriod_->addItem(tr("a year"), commitmentPeriodKey(Commitment::Period::Year));
    commitmentPeriod_->setAccessibleName(tr("Commitment period"));
    commitmentPeriod_->setToolTip(tr("Whether the minimum is per month or per contract year"));
}

void CalculatorForm::buildLayout() {
    auto* fields = new QFormLayout;
    fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    fields->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    fields->addRow(tr("&Requests / month"), requests_);
    fields->addRow(tr("&Seats"), seats_);
    fields->addRow(tr("A&gents"), agents_);
    fields->addRow(tr("A&udit retention"), auditTier_);
    fields->addRow(tr("&Discount %"), discount_);
    fields->addRow(tr("&Billing"), billingPeriod_);
    auto* commitmentRow = new QHBoxLayout;
    commitmentRow->addWidget(commitment_, 1);
    commitmentRow->addWidget(commitmentPeriod_);
    // A row of two fields gets no buddy from the form: the label names the amount.
    auto* commitmentLabel = new QLabel(tr("Comm&itment"), this);
    commitmentLabel->setBuddy(commitment_);
    fields->addRow(commitmentLabel, commitmentRow);
    fields->addRow(sso_);

    packsGrid_->setHorizontalSpacing(theme::spacing(font(), 0.75));
    modulesGrid_->setHorizontalSpacing(theme::spacing(font(), 0.75));

    auto* layout = flushColumn(this, theme::spacing(font(), 0.4));
    layout->addLayout(fields);
    layout->addSpacing(theme::spacing(font(), 0.6));
    layout->addWidget(sectionCaption(tr("Policy packs"), this));
    layout->addLayout(packsGrid_);
    layout->addSpacing(theme::spacing(font(), 0.6));
    layout->addWidget(sectionCaption(tr("Compliance modules"), this));
    layout->addLayout(modulesGrid_);
    layout->addStretch();
}

void CalculatorForm::connectInputs() {
    connect(requests_, &QLineEdit::textChanged, this, &CalculatorForm::inputChanged);
    connect(discount_, &QLineEdit::textChanged, this, &CalculatorForm::inputChanged);
    connect(commitment_, &QLineEdit::textChanged, this, &CalculatorForm::inputChanged);
    connect(billingPeriod_, &QComboBox::currentIndexChanged, this, &CalculatorForm::inputChanged);
    connect(commitmentPeriod_, &QComboBox::currentIndexChanged, this,
            &CalculatorForm::inputChanged);
    connect(seats_, &QSpinBox::valueChanged, this, &CalculatorForm::inputChanged);
    connect(agents_, &QSpinBox::valueChanged, this, &CalculatorForm::inputChanged);
    connect(auditTier_, &QComboBox::currentIndexChanged, this, &CalculatorForm::inputChanged);
    connect(sso_, &QCheckBox::toggled, this, &CalculatorForm::inputChanged);
    // Tidy the grouping once the user is done, never while typing: rewriting
    // the text under the cursor would fight the keystrokes.
    connect(requests_, &QLineEdit::editingFinished, this, [this] {
        auto parsed = input();
        if (!parsed || requests_->text().trimmed().isEmpty())
            return;
        // Same number, so nothing to re-price: no signal.
        const QSignalBlocker blocker(requests_);
        requests_->setText(formatCount(parsed->usage.requests, QLocale()));
    });
}

void CalculatorForm::setCatalog(const PriceBookVersion& prices) {
    const QString audit = auditTier_->currentData().toString();
    {
        const QSignalBlocker blocker(auditTier_);
        auditTier_->clear();
        auditTier_->addItem(tr("As included in the tier"), QString());
        const QLocale locale;
        for (const AuditTier& tier : prices.auditTiers)
            auditTier_->addItem(
                tr("%1 (%2 days)").arg(tier.name, formatCount(tier.retentionDays, locale)),
                tier.id);
        const int kept = auditTier_->findData(audit);
        auditTier_->setCurrentIndex(kept < 0 ? 0 : kept);
    }
    rebuildChoices(packsGrid_, packs_, prices.policyPacks, &policyPackName,
                   QStringLiteral("pack_"));
    rebuildChoices(modulesGrid_, modules_, prices.complianceModules, &complianceModuleName,
                   QStringLiteral("module_"));
    // New boxes join the end of the window's tab chain; Tab meets them after the fields.
    QWidget* previous = sso_;
    for (const std::vector<QCheckBox*>* boxes : {&packs_, &modules_}) {
        for (QCheckBox* box : *boxes) {
            QWidget::setTabOrder(previous, box);
            previous = box;
        }
    }
    emit inputChanged();
}

void CalculatorForm::rebuildChoices(QGridLayout* grid, std::vector<QCheckBox*>& boxes,
                                    const QStringList& ids, QString (*nameOf)(const QString&),
                                    const QString& objectPrefix) {
    const QStringList chosen = checkedIds(boxes);
    for (QCheckBox* box : boxes)
        delete box;
    boxes.clear();
    for (int i = 0; i < ids.size(); ++i) {
        auto* box = new QCheckBox(nameOf(ids[i]), this);
        box->setObjectName(objectPrefix + ids[i]);
        box->setProperty("catalogId", ids[i]);
        box->setChecked(chosen.contains(ids[i]));
        connect(box, &QCheckBox::toggled, this, &CalculatorForm::inputChanged);
        grid->addWidget(box, i / kChoiceColumns, i % kChoiceColumns);
        boxes.push_back(box);
    }
}

QStringList CalculatorForm::checkedIds(const std::vector<QCheckBox*>& boxes) {
    QStringList ids;
    for (const QCheckBox* box : boxes) {
        if (box->isChecked())
            ids.append(box->property("catalogId").toString());
    }
    return ids;
}

Result<CalculatorInput> CalculatorForm::input() const {
    CalculatorInput input;
    const QLocale locale;

    QString digits = requests_->text();
    digits.remove(locale.groupSeparator());
    digits.remove(QRegularExpression(QStringLiteral("\\s")));
    if (!digits.isEmpty()) {
        bool ok = false;
        input.usage.requests = digits.toLongLong(&ok);
        if (!ok || digits.size() > kMaxRequestDigits)
            return Error::invalidInput(
                tr("Requests: “%1” is not a whole number of requests").arg(requests_->text()));
    }

    input.needs.seats = seats_->value();
    input.needs.agents = agents_->value();
    input.needs.auditTier = auditTier_->currentData().toString();
    input.needs.needsSso = sso_->isChecked();
    input.needs.policyPacks = checkedIds(packs_);
    input.needs.complianceModules = checkedIds(modules_);

    const QString percent = typedDecimal(discount_->text(), locale);
    if (!percent.isEmpty()) {
        auto discount = Percent::parse(percent);
        if (!discount)
            return Error::invalidInput(tr("Discount: %1").arg(discount.error().message()));
        input.needs.discount = *discount;
    }
    input.terms.billingPeriod = billingPeriodFromKey(billingPeriod_->currentData().toString())
                                    .value_or(BillingPeriod::Monthly);
    auto commitment = this->commitment();
    if (!commitment)
        return commitment.error();
    input.terms.commitment = *commitment;
    return input;
}

Result<std::optional<Commitment>> CalculatorForm::commitment() const {
    const QString amount = typedDecimal(commitment_->text(), QLocale());
    if (amount.isEmpty())
        return std::optional<Commitment>();
    auto parsed = Commitment::parse(
        QStringLiteral("%1/%2").arg(amount, commitmentPeriod_->currentData().toString()));
    if (!parsed)
        return Error::invalidInput(
            tr("Commitment: “%1” is not an amount above 0").arg(commitment_->text()));
    return std::optional<Commitment>(*parsed);
}

QString quoteCommandLine(const CalculatorInput& input) {
    const Subscription& needs = input.needs;
    QStringList words = {QStringLiteral("aicp"), QStringLiteral("quote"),
                         QStringLiteral("--compare"), QStringLiteral("--requests"),
                         QString::number(input.usage.requests)};
    // Options at their command-line default are left out, as a person would.
    if (needs.seats != 1)
        words << QStringLiteral("--seats") << QString::number(needs.seats);
    if (needs.agents != 1)
        words << QStringLiteral("--agents") << QString::number(needs.agents);
    if (!needs.policyPacks.isEmpty())
        words << QStringLiteral("--policy-packs") << needs.policyPacks.join(u',');
    if (!needs.complianceModules.isEmpty())
        words << QStringLiteral("--compliance-modules") << needs.complianceModules.join(u',');
    if (!needs.auditTier.isEmpty())
        words << QStringLiteral("--audit-tier") << needs.auditTier;
    if (!needs.discount.isZero())
        words << QStringLiteral("--discount") << needs.discount.toDecimalString();
    if (input.terms.isAnnual())
        words << QStringLiteral("--billing-period") << billingPeriodKey(BillingPeriod::Annual);
    if (input.terms.commitment)
        words << QStringLiteral("--commitment") << input.terms.commitment->toText();
    if (needs.needsSso)
        words << QStringLiteral("--sso");
    return words.join(u' ');
}

}  // namespace aicp

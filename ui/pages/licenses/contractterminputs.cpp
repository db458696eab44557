#include "pages/licenses/contractterminputs.h"

#include "theme.h"
#include "widgets/localdates.h"

#include <array>
#include <utility>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace aicp {
namespace {

constexpr int kDefaultTrialMonths = 1;

// The registry's field paths and the form's names for them.
std::array<std::pair<QLatin1String, const char*>, 3> fieldNames() {
    return {{{QLatin1String("contract.billing_period"),
              QT_TRANSLATE_NOOP("aicp::ContractTermInputs", "Billing")},
             {QLatin1String("contract.commitment"),
              QT_TRANSLATE_NOOP("aicp::ContractTermInputs", "Commitment")},
             {QLatin1String("contract.trial_until"),
              QT_TRANSLATE_NOOP("aicp::ContractTermInputs", "Trial")}}};
}

QHBoxLayout* inputRow(QWidget* first) {
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(first);
    return row;
}

}  // namespace

ContractTermInputs::ContractTermInputs(QWidget* parent)
    : QObject(parent),
      billingPeriod_(new QComboBox(parent)),
      hasCommitment_(new QCheckBox(tr("At &least"), parent)),
      commitmentAmount_(new QLineEdit(parent)),
      commitmentCurrency_(new QLabel(parent)),
      commitmentPeriod_(new QComboBox(parent)),
      hasTrial_(new QCheckBox(tr("No c&harge before"), parent)),
      trialUntil_(new QDateEdit(parent)),
      problem_(new QLabel(parent)) {
    buildInputs();
    enableInputs();
    connect(billingPeriod_, &QComboBox::currentIndexChanged, this, &ContractTermInputs::changed);
    connect(commitmentPeriod_, &QComboBox::currentIndexChanged, this, &ContractTermInputs::changed);
    connect(commitmentAmount_, &QLineEdit::textChanged, this, &ContractTermInputs::changed);
    connect(trialUntil_, &QDateEdit::dateChanged, this, &ContractTermInputs::changed);
    for (QCheckBox* box : {hasCommitment_, hasTrial_}) {
        connect(box, &QCheckBox::toggled, this, [this] {
            enableInputs();
            emit changed();
        });
    }
}

void ContractTermInputs::buildInputs() {
    billingPeriod_->setObjectName(QStringLiteral("billingPeriodInput"));
    billingPeriod_->addItem(tr("Monthly"), static_cast<int>(BillingPeriod::Monthly));
    billingPeriod_->addItem(tr("Annually, in advance"), static_cast<int>(BillingPeriod::Annual));
    billingPeriod_->setToolTip(
        tr("Annually: each contract year's recurring charges on the invoice of the month it "
           "starts; requests beyond the quota are still billed monthly"));

    hasCommitment_->setObjectName(QStringLiteral("commitmentInput"));
    hasCommitment_->setToolTip(
        tr("A minimum spend: a period billed below it is trued up to it on its last invoice"));
    commitmentAmount_->setObjectName(QStringLiteral("commitmentAmountInput"));
    commitmentAmount_->setAccessibleName(tr("Commitment amount"));
    commitmentAmount_->setPlaceholderText(QLocale().toString(0.0, 'f', 2));
    commitmentAmount_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    commitmentAmount_->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{0,12}([.,][0-9]{0,2})?")), commitmentAmount_));
    commitmentAmount_->setToolTip(tr("The least the customer pays per period, before tax"));
    commitmentCurrency_->setObjectName(QStringLiteral("commitmentCurrency"));
    commitmentPeriod_->setObjectName(QStringLiteral("commitmentPeriodInput"));
    commitmentPeriod_->setAccessibleName(tr("Commitment period"));
    commitmentPeriod_->setToolTip(
        tr("Per calendar month, or per contract year from the license's start"));
    commitmentPeriod_->addItem(tr("per month"), static_cast<int>(Commitment::Period::Month));
    commitmentPeriod_->addItem(tr("per contract year"), static_cast<int>(Commitment::Period::Year));

    hasTrial_->setObjectName(QStringLiteral("trialInput"));
    hasTrial_->setToolTip(tr("A trial: nothing is charged for any time before this day"));
    trialUntil_->setObjectName(QStringLiteral("trialUntilInput"));
    trialUntil_->setAccessibleName(tr("Trial ends"));
    trialUntil_->setCalendarPopup(true);
    trialUntil_->setDisplayFormat(dateFormatWithFullYear(QLocale()));
    trialUntil_->setDate(QDate::currentDate().addMonths(kDefaultTrialMonths));
    trialUntil_->setToolTip(tr("The first day that is charged, from midnight UTC"));

    problem_->setObjectName(QStringLiteral("contractTermsProblem"));
    problem_->setWordWrap(true);
    QPalette warning = problem_->palette();
    warning.setColor(QPalette::WindowText, theme::warningText(warning));
    problem_->setPalette(warning);
    problem_->hide();
}

void ContractTermInputs::addRows(QFormLayout* form) {
    form->addRow(tr("&Billing"), billingPeriod_);
    QHBoxLayout* commitment = inputRow(hasCommitment_);
    commitment->addWidget(commitmentAmount_, 1);
    commitment->addWidget(commitmentCurrency_);
    commitment->addWidget(commitmentPeriod_);
    form->addRow(tr("Commitment"), commitment);
    QHBoxLayout* trial = inputRow(hasTrial_);
    trial->addWidget(trialUntil_, 1);
    form->addRow(tr("Trial"), trial);
    form->addRow(QString(), problem_);
}

void ContractTermInputs::enableInputs() {
    commitmentAmount_->setEnabled(hasCommitment_->isChecked());
    commitmentPeriod_->setEnabled(hasCommitment_->isChecked());
    trialUntil_->setEnabled(hasTrial_->isChecked());
}

void ContractTermInputs::setCurrency(const QString& currency) {
    commitmentCurrency_->setText(currency);
}

void ContractTermInputs::setStart(QDate start) {
    if (!hasTrial_->isChecked()) {
        const QSignalBlocker blocker(trialUntil_);
        trialUntil_->setDate(start.addMonths(kDefaultTrialMonths));
    }
}

void ContractTermInputs::setFrom(const ContractTerms& contract) {
    const QSignalBlocker blockers[] = {
        QSignalBlocker(billingPeriod_),    QSignalBlocker(hasCommitment_),
        QSignalBlocker(commitmentAmount_), QSignalBlocker(commitmentPeriod_),
        QSignalBlocker(hasTrial_),         QSignalBlocker(trialUntil_)};
    billingPeriod_->setCurrentIndex(
        billingPeriod_->findData(static_cast<int>(contract.billingPeriod)));
    hasCommitment_->setChecked(contract.commitment.has_value());
    if (contract.commitment) {
        commitmentAmount_->setText(contract.commitment->amount.toDecimalString().replace(
            QLatin1Char('.'), QLocale().decimalPoint()));
        commitmentPeriod_->setCurrentIndex(
            commitmentPeriod_->findData(static_cast<int>(contract.commitment->period)));
    }
    hasTrial_->setChecked(contract.hasTrial());
    if (contract.hasTrial())
        trialUntil_->setDate(contract.trialUntil.toUTC().date());
    enableInputs();
    emit changed();
}

Status ContractTermInputs::applyTo(ContractTerms& contract) const {
    contract.billingPeriod = static_cast<BillingPeriod>(billingPeriod_->currentData().toInt());
    contract.commitment.reset();
    if (hasCommitment_->isChecked()) {
        QString amount = commitmentAmount_->text().trimmed();
        amount.replace(u',', u'.');
        if (amount.endsWith(u'.'))
            amount.chop(1);
        if (amount.isEmpty())
            return Error::invalidInput(
                tr("contract.commitment: give the least amount the customer pays"));
        const auto period =
            static_cast<Commitment::Period>(commitmentPeriod_->currentData().toInt());
        auto commitment =
            Commitment::parse(QStringLiteral("%1/%2").arg(amount, commitmentPeriodKey(period)));
        if (!commitment) {
            // The core names the field "commitment:" in some of its reasons.
            const QString why = commitment.error().message();
            return Error::invalidInput(why.startsWith(QLatin1String("commitment:"))
                                           ? QStringLiteral("contract.") + why
                                           : QStringLiteral("contract.commitment: ") + why);
        }
        contract.commitment = *commitment;
    }
    contract.trialUntil =
        hasTrial_->isChecked() ? QDateTime(trialUntil_->date(), QTime(0, 0), Qt::UTC) : QDateTime();
    return {};
}

QString ContractTermInputs::readable(const QString& problem) {
    for (const auto& [path, name] : fieldNames()) {
        if (problem.startsWith(path + QLatin1Char(':')))
            return tr(name) + problem.mid(path.size());
    }
    return problem;
}

void ContractTermInputs::showProblem(const QString& problem) {
    const QString shown = readable(problem);
    const bool ours = shown != problem;
    problem_->setText(ours ? shown : QString());
    problem_->setVisible(ours);
    const std::array<QWidget*, 3> fields{billingPeriod_, commitmentAmount_, trialUntil_};
    for (QWidget* field : fields)
        field->setAccessibleDescription(QString());
    if (!ours)
        return;
    QWidget* field = problem.startsWith(QLatin1String("contract.billing_period"))
                         ? static_cast<QWidget*>(billingPeriod_)
                     : problem.startsWith(QLatin1String("contract.commitment"))
                         ? static_cast<QWidget*>(commitmentAmount_)
                         : static_cast<QWidget*>(trialUntil_);
    field->setAccessibleDescription(shown);
}

QList<QWidget*> ContractTermInputs::tabChain() const {
    return {billingPeriod_,    hasCommitment_, commitmentAmount_,
            commitmentPeriod_, hasTrial_,      trialUntil_};
}

}  // namespace aicp

#include "dialogs/grantcreditdialog.h"

#include "billing/creditbook.h"
#include "chosenfile.h"
#include "money/moneyformat.h"
#include "storage/workspace.h"
#include "theme.h"
#include "widgets/pagetext.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace aicp {
namespace {

constexpr int kInputWidthInCharacters = 48;

// What an amount field holds, read as the CLI reads --amount and --paid.
Result<Money> readAmount(const QString& text) {
    auto amount = Money::parse(text.trimmed());
    if (!amount)
        return Error::invalidInput(
            GrantCreditDialog::tr("a plain decimal amount such as 10000.00, not '%1'").arg(text));
    return amount;
}

}  // namespace

GrantCreditDialog::GrantCreditDialog(Workspace& workspace, const QString& customerId,
                                     const QString& currency, QWidget* parent)
    : QDialog(parent),
      workspace_(workspace),
      customerId_(customerId),
      currency_(currency),
      amount_(lineInput(QStringLiteral("creditAmountInput"), tr("Amount"),
                        tr("The credit in %1, e.g. 10000.00 (above 0)").arg(currency))),
      paid_(lineInput(QStringLiteral("creditPaidInput"), tr("Paid"),
                      tr("What the customer paid for it, 0 up to the amount; empty: the amount"))),
      expires_(new QCheckBox(tr("&Expires on"), this)),
      expiryDate_(new QDateEdit(this)),
      reason_(lineInput(QStringLiteral("creditReasonInput"), tr("Reason"),
                        tr("Why it is granted; the audit log keeps it"))),
      message_(warningLabel(QStringLiteral("grantCreditProblem"), this)),
      form_(new QFormLayout),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("grantCreditDialog"));
    setWindowTitle(tr("Grant Credit to %1").arg(customerId));
    paid_->setPlaceholderText(tr("the amount"));
    expires_->setObjectName(QStringLiteral("creditExpiresCheck"));
    expires_->setToolTip(tr("Unused credit is forfeited when it expires; unticked: never"));
    expiryDate_->setObjectName(QStringLiteral("creditExpiryInput"));
    expiryDate_->setAccessibleName(tr("Expiry date"));
    expiryDate_->setToolTip(tr("Unused credit is forfeited at midnight UTC of this day"));
    expiryDate_->setCalendarPopup(true);
    expiryDate_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    expiryDate_->setDate(QDate::currentDate().addYears(1));
    expiryDate_->setEnabled(false);
    connect(expires_, &QCheckBox::toggled, expiryDate_, &QWidget::setEnabled);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Grant"));
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        if (grant().ok())
            accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buildForm(tr("Prepaid credit for %1 in %2. Invoices use it as they are issued, the grant "
                 "soonest to expire first; unused credit is forfeited when it expires. The same "
                 "grant as 'aicp credits grant'; it is recorded in the audit log.")
                  .arg(customerId, currency));
}

GrantCreditDialog::~GrantCreditDialog() = default;

QLineEdit* GrantCreditDialog::lineInput(const QString& name, const QString& accessible,
                                        const QString& toolTip) {
    auto* input = new QLineEdit(this);
    input->setMinimumWidth(fontMetrics().averageCharWidth() * kInputWidthInCharacters);
    input->setObjectName(name);
    input->setAccessibleName(accessible);
    input->setToolTip(toolTip);
    return input;
}

void GrantCreditDialog::addField(const QString& label, QWidget* input, const QString& option) {
    auto* column = new QVBoxLayout;
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(input);
    QLabel* problem = warningLabel(input->objectName() + QStringLiteral("Problem"), this);
    column->addWidget(problem);
    // A label of its own, so its mnemonic reaches the input.
    auto* caption = new QLabel(label, this);
    caption->setBuddy(input);
    form_->addRow(caption, column);
    fields_.push_back({input, problem, option});
}

void GrantCreditDialog::buildForm(const QString& intro) {
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(theme::spacing(font(), 0.6));
    layout->addWidget(mutedLabel(intro, this));
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form_->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    addField(tr("&Amount (%1)").arg(currency_), amount_, QStringLiteral("--amount"));
    addField(tr("&Paid (%1)").arg(currency_), paid_, QStringLiteral("--paid"));
    auto* expiry = new QHBoxLayout;
    expiry->setContentsMargins(0, 0, 0, 0);
    expiry->addWidget(expiryDate_);
    expiry->addWidget(mutedLabel(tr("at midnight UTC"), this), 1);
    auto* column = new QVBoxLayout;
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addLayout(expiry);
    QLabel* problem = warningLabel(QStringLiteral("creditExpiryInputProblem"), this);
    column->addWidget(problem);
    form_->addRow(expires_, column);
    fields_.push_back({expiryDate_, problem, QStringLiteral("--expires")});
    addField(tr("&Reason"), reason_, QStringLiteral("--reason"));
    layout->addLayout(form_);
    layout->addStretch(1);
    layout->addWidget(message_);
    layout->addWidget(buttons_);
}

void GrantCreditDialog::clearProblems() {
    for (const Field& field : fields_) {
        showStatus(field.problem, QString(), true);
        field.input->setAccessibleDescription(QString());
    }
    showStatus(message_, QString(), true);
}

void GrantCreditDialog::showProblem(const QString& message) {
    // The core names the field as the CLI option it came from: "--paid: …".
    for (const Field& field : fields_) {
        const QString prefix = field.option + QStringLiteral(":");
        if (!message.startsWith(prefix))
            continue;
        const QString why = upperFirst(message.mid(prefix.size()).trimmed());
        showStatus(field.problem, why, true);
        field.input->setAccessibleDescription(why);
        field.input->setFocus();
        growToFit();
        return;
    }
    showStatus(message_, tr("Cannot grant the credit: %1").arg(message), true);
    growToFit();
}

void GrantCreditDialog::growToFit() {
    // A reason shown under its field needs room; the dialog never shrinks
    // under the user's hands.
    if (!isVisible() || !layout())
        return;
    const int wanted = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : sizeHint().height();
    if (wanted > height())
        resize(width(), wanted);
}

Status GrantCreditDialog::grant() {
    clearProblems();
    auto amount = readAmount(amount_->text());
    if (!amount) {
        showProblem(QStringLiteral("--amount: ") + amount.error().message());
        return amount.error();
    }
    Money paid = *amount;
    if (!paid_->text().trimmed().isEmpty()) {
        auto typed = readAmount(paid_->text());
        if (!typed) {
            showProblem(QStringLiteral("--paid: ") + typed.error().message());
            return typed.error();
        }
        paid = *typed;
    }
    // A date is midnight UTC, as `--expires YYYY-MM-DD` reads it.
    const QDateTime expires =
        expires_->isChecked() ? QDateTime(expiryDate_->date(), QTime(0, 0), Qt::UTC) : QDateTime();
    auto granted =
        CreditBook(workspace_).grant(customerId_, *amount, paid, expires, reason_->text());
    if (!granted) {
        showProblem(granted.error().message());
        return granted.error();
    }
    grantedId_ = granted->id;
    return {};
}

QString GrantCreditDialog::fieldProblem(const QString& objectName) const {
    for (const Field& field : fields_) {
        if (field.input->objectName() == objectName)
            return field.problem->text();
    }
    return {};
}

QString GrantCreditDialog::problem() const {
    return message_->text();
}

}  // namespace aicp

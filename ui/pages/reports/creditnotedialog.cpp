#include "pages/reports/creditnotedialog.h"

#include "catalognames.h"
#include "money/moneyformat.h"
#include "theme.h"
#include "widgets/pagetext.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace aicp {

namespace {

// The dialog's words, translated in the context aicp::CreditNoteDialog.
struct CreditNoteDialog {
    Q_DECLARE_TR_FUNCTIONS(aicp::CreditNoteDialog)
};

QString money(const Invoice& invoice, Money amount) {
    return formatMoney(amount, QLocale(), invoice.currency);
}

// The dialog's parts that decide the request.
struct CreditForm {
    QRadioButton* all;
    QRadioButton* amount;
    QRadioButton* line;
    QLineEdit* amountText;
    QComboBox* lines;
    QPlainTextEdit* reason;
    QLabel* preview;
    QPushButton* ok;
};

// The charge lines with something left to credit, as "#2 Requests: $226.39 left".
void fillLines(QComboBox* box, const Invoice& invoice) {
    for (std::size_t i = 0; i < invoice.lines.size(); ++i) {
        const InvoiceLine& line = invoice.lines[i];
        const auto position = static_cast<std::int64_t>(i + 1);
        const Money left = invoice.remainingAmount(position);
        if (line.kind != InvoiceLineKind::Charge || !line.axis || left.isZero())
            continue;
        box->addItem(CreditNoteDialog::tr("#%1 %2: %3 left")
                         .arg(position)
                         .arg(billAxisName(*line.axis), money(invoice, left)),
                     QVariant::fromValue(qint64(position)));
    }
}

// The request the form says, or why it cannot be made.
Result<CreditRequest> requestOf(const CreditForm& form) {
    CreditRequest request;
    if (form.amount->isChecked()) {
        auto amount = Money::parse(form.amountText->text().trimmed());
        if (!amount)
            return Error::invalidInput(
                CreditNoteDialog::tr("Type the net amount to credit, e.g. 120.00."));
        request.amount = *amount;
    } else if (form.line->isChecked()) {
        if (form.lines->currentIndex() < 0)
            return Error::invalidInput(
                CreditNoteDialog::tr("No line has anything left to credit."));
        request.lines.push_back({form.lines->currentData().toLongLong(), std::nullopt});
    }
    return request;
}

void updateForm(const CreditForm& form, const Invoice& invoice) {
    form.amountText->setEnabled(form.amount->isChecked());
    form.lines->setEnabled(form.line->isChecked());
    auto request = requestOf(form);
    auto lines = request ? creditNoteLines(invoice, *request)
                         : Result<std::vector<CreditNoteLine>>(request.error());
    if (lines)
        form.preview->setText(CreditNoteDialog::tr("The credit note takes back %1.")
                                  .arg(creditedText(invoice, *lines)));
    else
        form.preview->setText(lines.error().message());
    form.ok->setEnabled(lines.ok() && !form.reason->toPlainText().trimmed().isEmpty());
}

}  // namespace

QString creditedText(const Invoice& invoice, const std::vector<CreditNoteLine>& lines) {
    std::int64_t net = 0;
    std::int64_t tax = 0;
    for (const CreditNoteLine& line : lines) {
        net -= line.amount.micros();
        tax -= line.tax.micros();
    }
    const QString total = money(invoice, Money::fromMicros(net + tax));
    if (tax == 0)
        return total;
    return CreditNoteDialog::tr("%1 (%2 and %3 of %4)")
        .arg(total, money(invoice, Money::fromMicros(net)), money(invoice, Money::fromMicros(tax)),
             invoice.taxName);
}

std::optional<CreditNoteChoice> askCreditNote(QWidget* parent, const Invoice& invoice) {
    QDialog dialog(parent);
    dialog.setWindowTitle(CreditNoteDialog::tr("Credit Invoice %1").arg(invoice.number));
    auto* text = new QLabel(
        CreditNoteDialog::tr(
            "What of invoice %1 (%2) does the credit note take back? Each line's tax goes "
            "with it.")
            .arg(invoice.number, invoice.customerName),
        &dialog);
    text->setWordWrap(true);
    const Money remaining = Money::fromMicros(invoice.total.micros() + invoice.credited().micros());
    CreditForm form{
        new QRadioButton(
            CreditNoteDialog::tr("A&ll that remains: %1").arg(money(invoice, remaining)), &dialog),
        new QRadioButton(CreditNoteDialog::tr("A net &amount, spread over the lines:"), &dialog),
        new QRadioButton(CreditNoteDialog::tr("One &line:"), &dialog),
        new QLineEdit(&dialog),
        new QComboBox(&dialog),
        new QPlainTextEdit(&dialog),
        new QLabel(&dialog),
        nullptr};
    form.all->setChecked(true);
    auto* choices = new QButtonGroup(&dialog);
    for (QRadioButton* choice : {form.all, form.amount, form.line})
        choices->addButton(choice);
    form.amountText->setObjectName(QStringLiteral("creditAmount"));
    form.amountText->setAccessibleName(CreditNoteDialog::tr("Net amount to credit"));
    form.amountText->setPlaceholderText(CreditNoteDialog::tr("e.g. 120.00"));
    form.lines->setObjectName(QStringLiteral("creditLine"));
    form.lines->setAccessibleName(CreditNoteDialog::tr("Line to credit"));
    fillLines(form.lines, invoice);
    auto* reasonLabel =
        new QLabel(CreditNoteDialog::tr("&Reason, printed on the credit note:"), &dialog);
    form.reason->setObjectName(QStringLiteral("creditReason"));
    form.reason->setPlaceholderText(CreditNoteDialog::tr("e.g. seats were counted twice"));
    form.reason->setAccessibleName(CreditNoteDialog::tr("Reason for the credit note"));
    form.reason->setToolTip(CreditNoteDialog::tr("Printed on the credit note; required"));
    form.reason->setTabChangesFocus(true);  // Tab moves on to the buttons
    reasonLabel->setBuddy(form.reason);
    form.preview->setObjectName(QStringLiteral("creditPreview"));
    form.preview->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form.ok = buttons->button(QDialogButtonBox::Ok);
    form.ok->setText(CreditNoteDialog::tr("Continue…"));

    const auto update = [&form, &invoice] { updateForm(form, invoice); };
    QObject::connect(choices, &QButtonGroup::buttonToggled, &dialog, update);
    QObject::connect(form.amountText, &QLineEdit::textChanged, &dialog, update);
    QObject::connect(form.lines, &QComboBox::currentIndexChanged, &dialog, update);
    QObject::connect(form.reason, &QPlainTextEdit::textChanged, &dialog, update);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);

    auto* grid = new QGridLayout;
    grid->addWidget(form.all, 0, 0, 1, 2);
    grid->addWidget(form.amount, 1, 0);
    grid->addWidget(form.amountText, 1, 1);
    grid->addWidget(form.line, 2, 0);
    grid->addWidget(form.lines, 2, 1);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addLayout(grid);
    layout->addWidget(form.preview);
    layout->addWidget(reasonLabel);
    layout->addWidget(form.reason);
    layout->addWidget(buttons);
    update();
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    auto request = requestOf(form);
    if (!request)
        return std::nullopt;
    return CreditNoteChoice{form.reason->toPlainText().trimmed(), *request};
}

}  // namespace aicp

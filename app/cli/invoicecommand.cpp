#include "billing/invoicebook.h"
#include "cli/billingcli.h"
#include "cli/clicommands.h"
#include "common/texttable.h"
#include "documents/financepdf.h"
#include "documents/pdfdocument.h"
#include "licensing/licensepayload.h"

#include <QDir>

namespace aicp::cli {
namespace {

QString statusText(const Invoice& invoice) {
    if (invoice.isCredited())
        return QStringLiteral("credited by %1").arg(invoice.lastCreditNote()->number);
    if (invoice.isOverdueOn(QDateTime::currentDateTimeUtc().date()))
        return QStringLiteral("overdue since %1").arg(invoice.dueDate.toString(Qt::ISODate));
    if (!invoice.payments.empty() && invoice.status() == QLatin1String("paid"))
        return QStringLiteral("paid on %1")
            .arg(invoice.payments.back().paidOn.toString(Qt::ISODate));
    return invoice.status();
}

QString invoiceFacts(const Invoice& invoice) {
    const QLocale& locale = cliLocale();
    TextTable facts({QString(), QString()});
    facts.addRow({QStringLiteral("Customer"),
                  QStringLiteral("%1 (%2)").arg(invoice.customerName, invoice.customerId)});
    facts.addRow({QStringLiteral("Month"), invoice.month.toString()});
    facts.addRow({QStringLiteral("Issued"),
                  QStringLiteral("%1 by %2").arg(toRfc3339(invoice.issuedAt), invoice.issuedBy)});
    facts.addRow(
        {QStringLiteral("Usage"), QStringLiteral("%1 requests, %2 active users, %3 agents")
                                      .arg(locale.toString(qint64(invoice.requests)),
                                           locale.toString(qint64(invoice.activeUsers)),
                                           locale.toString(qint64(invoice.activeAgents)))});
    if (invoice.dueDate.isValid())
        facts.addRow({QStringLiteral("Due"), invoice.dueDate.toString(Qt::ISODate)});
    facts.addRow({QStringLiteral("Status"), statusText(invoice)});
    for (const CreditNote& note : invoice.creditNotes)
        facts.addRow({QStringLiteral("Credit note"),
                      QStringLiteral("%1, %2: %3")
                          .arg(note.number, cliMoney(note.total, invoice.currency), note.reason)});
    return facts.render(2);
}

// The rows under the charge lines: net and tax, total, credit, credit
// notes, payments and what is left.
void addSettlement(TextTable& charges, const Invoice& invoice) {
    const auto row = [&](const QString& label, Money amount) {
        charges.addRow({{}, label, {}, {}, {}, cliMoney(amount, invoice.currency)});
    };
    if (invoice.taxTreatment != TaxTreatment::None) {
        row(QStringLiteral("Net"), invoice.net);
        for (const TaxSummary& tax :
             taxSummary(invoice.taxTreatment, invoice.taxName, invoice.taxRate(), invoice.tax))
            row(QStringLiteral("%1 %2 %").arg(tax.name, tax.rate.toDecimalString()), tax.amount);
    }
    row(QStringLiteral("Total"), invoice.total);
    for (const CreditUse& use : invoice.credits)
        row(creditUseDescription(use), use.amount.negated());
    if (!invoice.credits.empty())
        row(QStringLiteral("Amount due"), invoice.amountDue());
    for (const CreditNote& note : invoice.creditNotes)
        row(QStringLiteral("Credit note %1").arg(note.number), note.total);
    for (const InvoicePayment& payment : invoice.payments)
        row(QStringLiteral("Paid on %1 (%2)")
                .arg(payment.paidOn.toString(Qt::ISODate), payment.reference),
            payment.amount.negated());
    if (!invoice.payments.empty() || !invoice.creditNotes.empty())
        row(QStringLiteral("Balance"), invoice.balance());
}

QString invoiceText(const Invoice& invoice) {
    const QLocale& locale = cliLocale();
    QString text =
        QStringLiteral("Invoice %1\n").arg(invoice.number) + invoiceFacts(invoice) + u'\n';
    // Charge lines are numbered as `invoice credit --line K` takes them.
    TextTable charges(
        {QStringLiteral("#"), QStringLiteral("Line"), QStringLiteral("Tier"),
         QStringLiteral("Quantity"), QStringLiteral("Unit price"), QStringLiteral("Amount")},
        {TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Left,
         TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Right});
    for (std::size_t i = 0; i < invoice.lines.size(); ++i) {
        const InvoiceLine& line = invoice.lines[i];
        if (line.kind == InvoiceLineKind::Charge)
            charges.addRow(
                {QString::number(i + 1), line.description, line.tier,
                 locale.toString(qint64(line.quantity)),
                 line.unitPrice ? cliMoney(*line.unitPrice, invoice.currency) : QString(),
                 cliMoney(line.amount, invoice.currency)});
    }
    charges.addRule();
    addSettlement(charges, invoice);
    text += charges.render(2);
    if (const QString legend = taxLegend(invoice.taxTreatment); !legend.isEmpty())
        text += QStringLiteral("\n%1\n").arg(legend);
    bool headed = false;
    for (const InvoiceLine& line : invoice.lines) {
        if (line.kind == InvoiceLineKind::Charge)
            continue;
        if (!headed)
            text += QStringLiteral("\nFor information (not charged):\n");
        headed = true;
        text += QStringLiteral("  - %1 (%2)\n")
                    .arg(line.description, locale.toString(qint64(line.quantity)));
    }
    return text;
}

class InvoiceIssueCommand final : public Command {
public:
    InvoiceIssueCommand() : Command(QStringLiteral("invoice issue")) {
        ownOptions_ = {customer, month, output};
    }

    // The invoice's PDF needs fonts, which only the GUI layer loads.
    bool needsGui(const QCommandLineParser& parser) const override {
        return !parser.value(output).isEmpty();
    }

private:
    const QCommandLineOption customer =
        customerIdOption(QStringLiteral("The customer to invoice."));
    const QCommandLineOption month = monthOption();
    const QCommandLineOption output =
        outputOption(QStringLiteral("Also write the invoice as a PDF to FILE."));

    int execute(Invocation& call) const override;
};

int InvoiceIssueCommand::execute(Invocation& call) const {
    AICP_CLI_TRY(customerId, requiredCustomer(call, customer), fail);
    AICP_CLI_TRY(yearMonth, requiredMonth(call, month), fail);
    AICP_CLI_TRY(path, call.value(output), fail);

    if (const Status vendor = call.vendorOnly(QStringLiteral("only the vendor issues invoices"));
        !vendor.ok())
        return call.failure(vendor.error());
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    auto invoice = InvoiceBook(**workspace).issue(*customerId, *yearMonth);
    if (!invoice) {
        if (invoice.error().code() == Error::Code::Conflict)
            return call.failure(invoice.error());
        return call.fail(invoice.error());
    }
    if (!path->isEmpty()) {
        auto pdf = invoicePdf(*invoice, documentStamp(**workspace));
        const Status written = pdf ? writeDocumentFile(*path, *pdf) : Status(pdf.error());
        if (!written.ok())
            return call.failure(
                QStringLiteral("invoice %1 is issued, but its PDF could not be written (%2); "
                               "write it with 'aicp invoice show %1 -o FILE'")
                    .arg(invoice->number, written.error().message()));
    }
    QString text = QStringLiteral("Issued invoice %1 to %2 for %3: %4\n")
                       .arg(invoice->number, invoice->customerId, invoice->month.toString(),
                            cliMoney(invoice->total, invoice->currency));
    if (!path->isEmpty())
        text += QStringLiteral("PDF written to %1\n").arg(QDir::toNativeSeparators(*path));
    return call.print(invoiceToJson(*invoice), text);
}

class InvoiceListCommand final : public Command {
public:
    InvoiceListCommand() : Command(QStringLiteral("invoice list")) { ownOptions_ = {customer}; }

private:
    const QCommandLineOption customer =
        customerIdOption(QStringLiteral("Only this customer's invoices."));

    int execute(Invocation& call) const override;
};

int InvoiceListCommand::execute(Invocation& call) const {
    AICP_CLI_TRY(customerId, call.value(customer), fail);
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(invoices, InvoiceBook(**workspace).list(customerId->trimmed()), fail);
    return printListing(
        call, QStringLiteral("invoices"), *invoices,
        [](const Invoice& invoice) { return invoiceToJson(invoice); },
        QStringLiteral("No invoices.\n"),
        TextTable({QStringLiteral("Number"), QStringLiteral("Customer"), QStringLiteral("Month"),
                   QStringLiteral("Issued"), QStringLiteral("Total"), QStringLiteral("Status")},
                  {TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
                   TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Left}),
        [](const Invoice& invoice) {
            return QStringList{invoice.number,
                               invoice.customerId,
                               invoice.month.toString(),
                               toRfc3339(invoice.issuedAt),
                               cliMoney(invoice.total, invoice.currency),
                               statusText(invoice)};
        });
}

class InvoiceShowCommand final : public Command {
public:
    InvoiceShowCommand() : Command(QStringLiteral("invoice show")) { ownOptions_ = {json, output}; }

    // The invoice's PDF needs fonts, which only the GUI layer loads.
    bool needsGui(const QCommandLineParser& parser) const override {
        return !parser.value(output).isEmpty();
    }

private:
    const QCommandLineOption json = jsonOption(QStringLiteral("the invoice"));
    const QCommandLineOption output =
        outputOption(QStringLiteral("Write the invoice as a PDF to FILE."));

    int execute(Invocation& call) const override;
};

int InvoiceShowCommand::execute(Invocation& call) const {
    AICP_CLI_TRY(number, call.argument(QStringLiteral("invoice NUMBER")), fail);
    AICP_CLI_TRY(path, call.value(output), fail);
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(invoice, InvoiceBook(**workspace).find(number->trimmed()), fail);
    if (!path->isEmpty()) {
        AICP_CLI_TRY(pdf, invoicePdf(*invoice, documentStamp(**workspace)), failure);
        if (const int written = emitDocument(call.context(), name(), *path, *pdf, true);
            written != kExitSuccess)
            return written;
        if (!call.isSet(json))
            return kExitSuccess;
    }
    return call.print(json, invoiceToJson(*invoice), invoiceText(*invoice));
}

class InvoiceCreditCommand final : public Command {
public:
    InvoiceCreditCommand() : Command(QStringLiteral("invoice credit")) {
        ownOptions_ = {reason, amount, line};
    }

private:
    const QCommandLineOption reason = QCommandLineOption(
        QStringLiteral("reason"),
        QStringLiteral("Why the invoice is credited (printed, recorded)."), QStringLiteral("TEXT"));
    const QCommandLineOption amount{
        QStringLiteral("amount"),
        QStringLiteral("Credit this net amount, spread over the charge lines in proportion."),
        QStringLiteral("X")};
    const QCommandLineOption line{
        QStringLiteral("line"),
        QStringLiteral("Credit charge line K (as 'invoice show' numbers it): all that remains of "
                       "it, or X of it. Repeat for several lines."),
        QStringLiteral("K[:X]")};

    // --amount X or each --line K[:X]; neither: everything that remains.
    Result<CreditRequest> request(const Invocation& call) const {
        CreditRequest wanted;
        if (call.isSet(amount)) {
            auto text = call.value(amount);
            if (!text)
                return text.error();
            auto parsed = Money::parse(text->trimmed());
            if (!parsed)
                return Error::invalidInput(
                    QStringLiteral("--amount is a plain decimal such as 120.00, not '%1'")
                        .arg(*text));
            wanted.amount = *parsed;
        }
        for (const QString& given : call.parser().values(line)) {
            const QString position = given.section(u':', 0, 0).trimmed();
            bool ok = false;
            const qlonglong k = position.toLongLong(&ok);
            if (!ok || k < 1)
                return Error::invalidInput(
                    QStringLiteral("--line is K or K:X with K a line number, not '%1'").arg(given));
            CreditRequest::Line chosen{k, std::nullopt};
            if (given.contains(u':')) {
                auto parsed = Money::parse(given.section(u':', 1).trimmed());
                if (!parsed)
                    return Error::invalidInput(
                        QStringLiteral("--line %1: '%2' is not an amount such as 50.00")
                            .arg(position, given.section(u':', 1)));
                chosen.amount = *parsed;
            }
            wanted.lines.push_back(chosen);
        }
        return wanted;
    }

    int execute(Invocation& call) const override;
};

int InvoiceCreditCommand::execute(Invocation& call) const {
    AICP_CLI_TRY(number, call.argument(QStringLiteral("invoice NUMBER")), fail);
    AICP_CLI_TRY(why, call.requiredValue(reason, QStringLiteral("--reason TEXT")), fail);
    AICP_CLI_TRY(wanted, request(call), fail);
    if (const Status vendor = call.vendorOnly(QStringLiteral("only the vendor credits invoices"));
        !vendor.ok())
        return call.failure(vendor.error());
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    auto note = InvoiceBook(**workspace).credit(number->trimmed(), *why, *wanted);
    if (!note) {
        if (note.error().code() == Error::Code::Conflict)
            return call.failure(note.error());
        return call.fail(note.error());
    }
    return call.print(
        creditNoteToJson(*note),
        QStringLiteral("Issued credit note %1 crediting invoice %2: %3 (tax %4)\n")
            .arg(note->number, note->invoiceNumber, cliMoney(note->total, note->currency),
                 cliMoney(note->tax, note->currency)));
}

class InvoiceMarkPaidCommand final : public Command {
public:
    InvoiceMarkPaidCommand() : Command(QStringLiteral("invoice mark-paid")) {
        ownOptions_ = {date, reference};
    }

private:
    const QCommandLineOption date{
        QStringLiteral("date"),
        QStringLiteral("The day the payment arrived (YYYY-MM-DD). Default: today (UTC)."),
        QStringLiteral("D")};
    const QCommandLineOption reference{
        QStringLiteral("reference"),
        QStringLiteral("The payer's reference: the bank transfer's, the receipt's."),
        QStringLiteral("R")};

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(number, call.argument(QStringLiteral("invoice NUMBER")), fail);
        AICP_CLI_TRY(ref, call.requiredValue(reference, QStringLiteral("--reference R")), fail);
        QDate paidOn = QDateTime::currentDateTimeUtc().date();
        if (call.isSet(date)) {
            AICP_CLI_TRY(text, call.value(date), fail);
            AICP_CLI_TRY(parsed, parseDate(QStringLiteral("--date"), text->trimmed()), fail);
            paidOn = *parsed;
        }
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        auto payment = InvoiceBook(**workspace).markPaid(number->trimmed(), paidOn, *ref);
        if (!payment) {
            if (payment.error().code() == Error::Code::Conflict)
                return call.failure(payment.error());
            return call.fail(payment.error());
        }
        return call.print(
            QJsonObject{{QStringLiteral("invoice"), number->trimmed()},
                        {QStringLiteral("paid_on"), payment->paidOn.toString(Qt::ISODate)},
                        {QStringLiteral("amount"), payment->amount.toDecimalString()},
                        {QStringLiteral("reference"), payment->reference},
                        {QStringLiteral("status"), QStringLiteral("paid")}},
            QStringLiteral("Invoice %1 is paid: %2 on %3 (%4).\n")
                .arg(number->trimmed(), cliMoney(payment->amount, payment->currency),
                     payment->paidOn.toString(Qt::ISODate), payment->reference));
    }
};

}  // namespace

const CommandGroup& invoiceCommands() {
    static const InvoiceIssueCommand cIssue;
    static const InvoiceListCommand cList;
    static const InvoiceShowCommand cShow;
    static const InvoiceCreditCommand cCredit;
    static const InvoiceMarkPaidCommand cMarkPaid;
    static const CommandGroup group{QStringLiteral("invoice"),
                                    QStringLiteral("Issued invoices, credit notes and payments."),
                                    {&cIssue, &cList, &cShow, &cCredit, &cMarkPaid}};
    return group;
}

}  // namespace aicp::cli

#include "billing/invoicebook.h"

#include "audit/auditlog.h"
#include "billing/creditbook.h"
#include "billing/creditnote.h"
#include "billing/monthlybilling.h"
#include "common/assignto.h"
#include "common/idtext.h"
#include "company/seller.h"
#include "customers/customer.h"
#include "metering/closedperiods.h"
#include "notify/outbox.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/vendoronly.h"
#include "storage/workspace.h"

#include <map>

#include <QJsonDocument>

namespace aicp {

namespace {

std::optional<QString> storedTextOrNull(const QString& text) {
    return text.isEmpty() ? std::nullopt : std::optional(text);
}

std::optional<QDateTime> storedTimeOrNull(const QDateTime& time) {
    return time.isValid() ? std::optional(time) : std::nullopt;
}

std::optional<QString> compactJsonOrNull(const QJsonObject& object) {
    if (object.isEmpty())
        return std::nullopt;
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// What `invoice.issued` tells the webhooks.
WebhookEvent issuedEvent(const Invoice& invoice) {
    return {QStringLiteral("invoice.issued"),
            {{QStringLiteral("number"), invoice.number},
             {QStringLiteral("customer_id"), invoice.customerId},
             {QStringLiteral("month"), invoice.month.toString()},
             {QStringLiteral("currency"), invoice.currency},
             {QStringLiteral("total"), invoice.total.toDecimalString()},
             {QStringLiteral("balance"), invoice.balance().toDecimalString()},
             {QStringLiteral("due_date"), invoice.dueDate.toString(Qt::ISODate)}},
            {}};
}

Status refuseInCustomerMode(const Workspace& workspace, const QString& what) {
    return refuseInCustomerWorkspace(
        workspace,
        QStringLiteral("invoices are issued in the vendor's, so it cannot %1").arg(what));
}

Error corrupt(const QString& what) {
    return {Error::Code::Corrupt, QStringLiteral("stored invoice data is damaged: %1").arg(what)};
}

constexpr const char* kInvoiceColumns =
    "SELECT i.id, i.number, i.customer_id, i.customer_name, i.month, i.currency, i.issued_at, "
    "i.issued_by, i.requests, i.active_users, i.active_agents, i.late_requests_at_issue, "
    "i.total_micros, i.tax_micros, i.tax_treatment, i.tax_name, i.due_date, i.seller, i.buyer "
    "FROM invoices AS i ";

Result<Invoice> readInvoice(const Statement& row) {
    Invoice invoice;
    invoice.id = row.int64(0);
    invoice.number = row.text(1);
    invoice.customerId = row.text(2);
    invoice.customerName = row.text(3);
    const auto month = YearMonth::parse(row.text(4));
    if (!month)
        return corrupt(QStringLiteral("invoice %1 has no valid month").arg(invoice.number));
    invoice.month = *month;
    invoice.currency = row.text(5);
    invoice.issuedAt = row.time(6);
    invoice.issuedBy = row.text(7);
    invoice.requests = row.int64(8);
    invoice.activeUsers = row.int64(9);
    invoice.activeAgents = row.int64(10);
    invoice.lateRequestsAtIssue = row.int64(11);
    invoice.net = Money::fromMicros(row.int64(12));
    invoice.tax = Money::fromMicros(row.int64(13));
    auto total = invoice.net.plus(invoice.tax);
    const auto treatment = taxTreatmentFromKey(row.text(14));
    if (!total || !treatment)
        return corrupt(QStringLiteral("invoice %1 has no valid tax").arg(invoice.number));
    invoice.total = *total;
    invoice.taxTreatment = *treatment;
    invoice.taxName = row.text(15);
    if (!row.isNull(16))
        invoice.dueDate = QDate::fromString(row.text(16), Qt::ISODate);
    invoice.seller = QJsonDocument::fromJson(row.text(17).toUtf8()).object();
    invoice.buyer = QJsonDocument::fromJson(row.text(18).toUtf8()).object();
    return invoice;
}

// Visits each row of `sql` that belongs to one of `invoices` with that
// invoice: the query's first column is the invoice id, and ?1 and ?2 bound
// the ids asked for, so one query reads what every invoice of a list owns.
template <typename Visit>
Status visitInvoiceRows(Database* db, std::vector<Invoice>& invoices, std::string_view sql,
                        Visit visit) {
    if (invoices.empty())
        return {};
    std::map<std::int64_t, Invoice*> byId;
    for (Invoice& invoice : invoices)
        byId[invoice.id] = &invoice;
    return visitRows(
        db, sql,
        [&](const Statement& row) -> Status {
            const auto found = byId.find(row.int64(0));
            return found == byId.end() ? Status{} : visit(*found->second, row);
        },
        byId.begin()->first, byId.rbegin()->first);
}

Status readLines(Database* db, std::vector<Invoice>& invoices) {
    return visitInvoiceRows(
        db, invoices,
        "SELECT invoice_id, kind, axis, description, quantity, unit_price_micros, amount_micros, "
        "license_id, tier, price_book_version, period_start, period_end, late_month, "
        "tax_rate_micro_percent, tax_micros FROM invoice_lines WHERE invoice_id BETWEEN ?1 AND ?2 "
        "ORDER BY invoice_id, position",
        [](Invoice& invoice, const Statement& row) -> Status {
            InvoiceLine line;
            const auto kind = invoiceLineKindFromKey(row.text(1));
            if (!kind)
                return corrupt(
                    QStringLiteral("a line of %1 has no known kind").arg(invoice.number));
            line.kind = *kind;
            if (!row.isNull(2)) {
                line.axis = billAxisFromKey(row.text(2));
                if (!line.axis)
                    return corrupt(
                        QStringLiteral("a line of %1 has an unknown axis").arg(invoice.number));
            }
            line.description = row.text(3);
            line.quantity = row.int64(4);
            if (!row.isNull(5))
                line.unitPrice = Money::fromMicros(row.int64(5));
            line.amount = Money::fromMicros(row.int64(6));
            line.licenseId = row.text(7);
            line.tier = row.text(8);
            line.priceBookVersion = row.text(9);
            line.periodStart = row.time(10);
            line.periodEnd = row.time(11);
            if (!row.isNull(12))
                line.lateMonth = YearMonth::parse(row.text(12));
            if (!row.isNull(13))
                line.taxRate = Percent::fromMicroPercent(row.int64(13));
            line.tax = Money::fromMicros(row.int64(14));
            invoice.lines.push_back(std::move(line));
            return {};
        });
}

Status readCredits(Database* db, std::vector<Invoice>& invoices) {
    return visitInvoiceRows(
        db, invoices,
        "SELECT u.invoice_id, u.grant_id, u.amount_micros FROM credit_uses AS u "
        "JOIN credit_grants AS g ON g.id = u.grant_id "
        "WHERE u.invoice_id BETWEEN ?1 AND ?2 "
        "ORDER BY u.invoice_id, g.expires_at IS NULL, g.expires_at, g.id",
        [](Invoice& invoice, const Statement& row) -> Status {
            invoice.credits.push_back({row.int64(1), Money::fromMicros(row.int64(2))});
            return {};
        });
}

Status readCreditNotes(Database* db, std::vector<Invoice>& invoices) {
    AICP_TRY(visitInvoiceRows(
        db, invoices,
        "SELECT invoice_id, id, number, issued_at, issued_by, reason, total_micros, tax_micros "
        "FROM credit_notes WHERE invoice_id BETWEEN ?1 AND ?2 ORDER BY invoice_id, id",
        [](Invoice& invoice, const Statement& row) -> Status {
            invoice.creditNotes.push_back({row.int64(1),
                                           row.text(2),
                                           invoice.number,
                                           row.time(3),
                                           row.text(4),
                                           row.text(5),
                                           Money::fromMicros(row.int64(6)),
                                           Money::fromMicros(row.int64(7)),
                                           {},
                                           invoice.currency});
            return {};
        }));
    return visitInvoiceRows(
        db, invoices,
        "SELECT c.invoice_id, l.credit_note_id, l.invoice_position, l.amount_micros, "
        "l.tax_micros FROM credit_note_lines AS l JOIN credit_notes AS c "
        "ON c.id = l.credit_note_id WHERE c.invoice_id BETWEEN ?1 AND ?2 "
        "ORDER BY c.invoice_id, l.credit_note_id, l.position",
        [](Invoice& invoice, const Statement& row) -> Status {
            for (CreditNote& note : invoice.creditNotes)
                if (note.id == row.int64(1))
                    note.lines.push_back({row.int64(2), Money::fromMicros(row.int64(3)),
                                          Money::fromMicros(row.int64(4))});
            return {};
        });
}

Status readPayments(Database* db, std::vector<Invoice>& invoices) {
    return visitInvoiceRows(
        db, invoices,
        "SELECT invoice_id, id, paid_on, amount_micros, reference, recorded_at, recorded_by "
        "FROM invoice_payments WHERE invoice_id BETWEEN ?1 AND ?2 ORDER BY invoice_id, id",
        [](Invoice& invoice, const Statement& row) -> Status {
            invoice.payments.push_back({row.int64(1), QDate::fromString(row.text(2), Qt::ISODate),
                                        Money::fromMicros(row.int64(3)), invoice.currency,
                                        row.text(4), row.time(5), row.text(6)});
            return {};
        });
}

Result<std::vector<Invoice>> queryInvoices(Database* db, const std::string& where,
                                           const QString& value) {
    auto query = Statement::prepare(db, std::string(kInvoiceColumns) + where + " ORDER BY i.id");
    if (!query)
        return query.error();
    if (!value.isEmpty())
        AICP_TRY(query->bindAll(value));
    auto invoices = query->collect<Invoice>(&readInvoice);
    if (!invoices)
        return invoices.error();
    AICP_TRY(readLines(db, *invoices));
    AICP_TRY(readCredits(db, *invoices));
    AICP_TRY(readCreditNotes(db, *invoices));
    AICP_TRY(readPayments(db, *invoices));
    return invoices;
}

std::int64_t epochSeconds(YearMonth month) {
    return QDateTime(month.firstDay(), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

Result<std::int64_t> lateRequests(Database* db, const QString& customerId, YearMonth month) {
    return queryInt64Or(db,
                        "SELECT COALESCE(SUM(late_requests), 0) FROM usage_hourly "
                        "WHERE customer_id = ?1 AND hour >= ?2 AND hour < ?3",
                        0, customerId, epochSeconds(month), epochSeconds(month.next()));
}

// The next number of a series in `year`: one past the highest used. Called
// inside the issuing write transaction, so no other writer can take it first.
Result<int> nextSequence(Database* db, const char* table, int year) {
    auto read = queryInt64Or(
        db, std::string("SELECT COALESCE(MAX(sequence), 0) + 1 FROM ") + table + " WHERE year = ?1",
        1, year);
    if (!read)
        return read.error();
    const std::int64_t next = *read;
    if (next > 999999)
        return Error(Error::Code::Conflict, QStringLiteral("the %1 numbers of %2 are used up")
                                                .arg(QString::fromLatin1(table))
                                                .arg(year));
    return static_cast<int>(next);
}

// Late requests for the customer's earlier invoiced months that no invoice
// has charged or listed yet: for each month with a standing (uncredited)
// invoice, the late requests now in the aggregates, less those already
// counted when that invoice was issued, less those listed on later standing
// invoices.
Result<std::vector<InvoiceLine>> lateUsageLines(Database* db,
                                                const std::vector<Invoice>& customerInvoices,
                                                YearMonth month) {
    std::vector<InvoiceLine> lines;
    for (const Invoice& earlier : customerInvoices) {
        if (earlier.isCredited() || earlier.month >= month)
            continue;
        auto late = lateRequests(db, earlier.customerId, earlier.month);
        if (!late)
            return late.error();
        std::int64_t unreported = *late - earlier.lateRequestsAtIssue;
        for (const Invoice& later : customerInvoices) {
            if (later.isCredited() || later.id <= earlier.id)
                continue;
            for (const InvoiceLine& line : later.lines)
                if (line.kind == InvoiceLineKind::LateUsage && line.lateMonth == earlier.month)
                    unreported -= line.quantity;
        }
        if (unreported <= 0)
            continue;
        InvoiceLine line;
        line.kind = InvoiceLineKind::LateUsage;
        line.quantity = unreported;
        line.lateMonth = earlier.month;
        line.description =
            QStringLiteral("Late requests for %1, arrived after invoice %2; not charged")
                .arg(earlier.month.toString(), earlier.number);
        lines.push_back(std::move(line));
    }
    return lines;
}

// The charges of the bill, then the late usage of earlier months, then what
// the bill found (over a limit, no license for a while).
Invoice invoiceFromBill(const MonthlyBill& bill, std::vector<InvoiceLine> late) {
    Invoice invoice;
    invoice.customerId = bill.customerId;
    invoice.customerName = bill.customerName;
    invoice.month = bill.month;
    invoice.currency = bill.currency;
    invoice.requests = bill.requests;
    invoice.activeUsers = bill.activeUsers;
    invoice.activeAgents = bill.activeAgents;
    invoice.net = bill.net;
    invoice.tax = bill.tax;
    invoice.total = bill.total;
    invoice.taxTreatment = bill.taxTreatment;
    invoice.taxName = bill.taxName;
    for (const MonthlyBillLine& billLine : bill.lines) {
        const BillingSegment& segment = bill.segments.at(billLine.segment);
        InvoiceLine line;
        line.kind = InvoiceLineKind::Charge;
        line.axis = billLine.axis;
        line.description = billLine.description;
        line.quantity = billLine.quantity;
        line.unitPrice = billLine.unitPrice;
        line.amount = billLine.amount;
        line.licenseId = idText(segment.licenseId);
        line.tier = segment.tier;
        line.priceBookVersion = segment.priceBookVersion;
        line.periodStart = segment.start;
        line.periodEnd = segment.end;
        line.taxRate = billLine.taxRate;
        line.tax = billLine.tax;
        invoice.lines.push_back(std::move(line));
    }
    for (InvoiceLine& line : late)
        invoice.lines.push_back(std::move(line));
    for (const BillFinding& finding : bill.findings) {
        InvoiceLine line;
        line.kind = InvoiceLineKind::Finding;
        line.description = finding.message;
        line.quantity = finding.used;
        invoice.lines.push_back(std::move(line));
    }
    return invoice;
}

Status insertInvoiceLines(Database* db, const Invoice& invoice) {
    auto insertLine = Statement::prepare(
        db,
        "INSERT INTO invoice_lines (invoice_id, position, kind, axis, description, quantity, "
        "unit_price_micros, amount_micros, license_id, tier, price_book_version, period_start, "
        "period_end, late_month, tax_rate_micro_percent, tax_micros) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        Statement::Lifetime::Reused);
    if (!insertLine)
        return insertLine.error();
    std::int64_t position = 0;
    for (const InvoiceLine& line : invoice.lines) {
        const std::optional<QString> axis =
            line.axis ? std::optional(billAxisKey(*line.axis)) : std::nullopt;
        const std::optional<std::int64_t> unitPrice =
            line.unitPrice ? std::optional(line.unitPrice->micros()) : std::nullopt;
        const std::optional<QString> lateMonth =
            line.lateMonth ? std::optional(line.lateMonth->toString()) : std::nullopt;
        AICP_TRY(insertLine->bindAll(
            invoice.id, ++position, invoiceLineKindKey(line.kind), axis, line.description,
            line.quantity, unitPrice, line.amount.micros(), storedTextOrNull(line.licenseId),
            storedTextOrNull(line.tier), storedTextOrNull(line.priceBookVersion),
            storedTimeOrNull(line.periodStart), storedTimeOrNull(line.periodEnd), lateMonth,
            line.taxRate ? std::optional(line.taxRate->microPercent()) : std::nullopt,
            line.tax.micros()));
        AICP_TRY(insertLine->execute());
    }
    return {};
}

// Numbers the invoice in its year's series and stores it with its lines.
Status insertInvoice(Database* db, Invoice& invoice) {
    const int year = invoice.issuedAt.date().year();
    auto sequence = nextSequence(db, "invoices", year);
    if (!sequence)
        return sequence.error();
    invoice.number = invoiceNumber(year, *sequence);
    auto id = insertWith(
        db,
        "INSERT INTO invoices (number, year, sequence, customer_id, customer_name, month, "
        "currency, issued_at, issued_by, requests, active_users, active_agents, "
        "late_requests_at_issue, line_count, total_micros, tax_micros, tax_treatment, tax_name, "
        "due_date, seller, buyer) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
        "?19, ?20, ?21)",
        invoice.number, year, *sequence, invoice.customerId, invoice.customerName,
        invoice.month.toString(), invoice.currency, invoice.issuedAt, invoice.issuedBy,
        invoice.requests, invoice.activeUsers, invoice.activeAgents, invoice.lateRequestsAtIssue,
        static_cast<std::int64_t>(invoice.lines.size()), invoice.net.micros(), invoice.tax.micros(),
        taxTreatmentKey(invoice.taxTreatment), invoice.taxName,
        invoice.dueDate.toString(Qt::ISODate), compactJsonOrNull(invoice.seller),
        compactJsonOrNull(invoice.buyer));
    if (!id)
        return id.error();
    invoice.id = *id;
    return insertInvoiceLines(db, invoice);
}

Status refuseInvoicedMonth(const std::vector<Invoice>& customerInvoices, YearMonth month) {
    for (const Invoice& existing : customerInvoices)
        if (existing.month == month && !existing.isCredited())
            return Error(Error::Code::Conflict,
                         QStringLiteral("%1 is already invoiced for %2 (%3); credit that invoice "
                                        "first to invoice the month again")
                             .arg(existing.customerId, month.toString(), existing.number));
    return {};
}

}  // namespace

Result<Invoice> InvoiceBook::issue(const QString& customerId, YearMonth month) {
    if (month.month < 1 || month.month > 12 || !month.firstDay().isValid())
        return Error::invalidInput(QStringLiteral("'%1' is not a month").arg(month.toString()));
    AICP_TRY(checkCustomerId(customerId));
    AICP_TRY(refuseInCustomerMode(workspace_, QStringLiteral("issue an invoice")));
    const QDateTime issuedAt = toWholeSecondsUtc(clock_());
    const QDateTime monthEnd = QDateTime(month.next().firstDay(), QTime(0, 0), Qt::UTC);
    if (issuedAt < monthEnd)
        return Error(Error::Code::Conflict,
                     QStringLiteral("%1 has not ended yet; it can be invoiced from %2")
                         .arg(month.toString(), toRfc3339(monthEnd)));

    Database* db = workspace_.handle();
    // One write transaction from the check to the commit: a concurrent
    // issuer waits here, then sees this invoice and its number.
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();

    auto customerInvoices = list(customerId);
    if (!customerInvoices)
        return customerInvoices.error();
    AICP_TRY(refuseInvoicedMonth(*customerInvoices, month));

    auto customer = CustomerStore(workspace_).find(customerId);
    if (!customer)
        return customer.error();
    auto seller = SellerStore(workspace_).load();
    if (!seller)
        return seller.error();
    auto bill = MonthlyBilling(workspace_).taxedOn(issuedAt.date()).bill(customerId, month);
    if (!bill)
        return bill.error();
    if (!bill->hasLicense())
        return Error(Error::Code::Conflict,
                     QStringLiteral("%1 had no license in force in %2; there is nothing to invoice")
                         .arg(customerId, month.toString()));
    auto lateNow = lateRequests(db, customerId, month);
    if (!lateNow)
        return lateNow.error();
    auto late = lateUsageLines(db, *customerInvoices, month);
    if (!late)
        return late.error();

    Invoice invoice = invoiceFromBill(*bill, std::move(late).value());
    invoice.issuedAt = issuedAt;
    invoice.issuedBy = AuditLog::actorOn(workspace_);
    invoice.lateRequestsAtIssue = *lateNow;
    invoice.dueDate = issuedAt.date().addDays(customer->paymentTermsDays);
    if (*seller)
        invoice.seller = sellerJson(**seller);
    invoice.buyer = billingProfileJson(*customer);
    AICP_TRY(insertInvoice(db, invoice));
    AICP_TRY(assignTo(invoice.credits, CreditBook(workspace_, clock_)
                                           .apply(customerId, invoice.currency, invoice.total,
                                                  invoice.id, issuedAt)));

    AICP_TRY(ClosedPeriods(workspace_).close(customerId, month));
    auto logged =
        AuditLog(workspace_, clock_)
            .append(
                QStringLiteral("invoice.issue"), invoice.number,
                {{QStringLiteral("customer"), customerId},
                 {QStringLiteral("month"), month.toString()},
                 {QStringLiteral("currency"), invoice.currency},
                 {QStringLiteral("net"), invoice.net.toDecimalString()},
                 {QStringLiteral("tax"), invoice.tax.toDecimalString()},
                 {QStringLiteral("total"), invoice.total.toDecimalString()},
                 {QStringLiteral("credits_applied"), invoice.creditsApplied().toDecimalString()}});
    if (!logged)
        return logged.error();
    AICP_TRY(Outbox(workspace_, clock_).publish(issuedEvent(invoice)));
    AICP_TRY(transaction->commit());
    return invoice;
}

Result<CreditNote> InvoiceBook::credit(const QString& number, const QString& reason,
                                       const CreditRequest& request) {
    if (reason.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("a credit note needs a reason"));
    AICP_TRY(refuseInCustomerMode(workspace_, QStringLiteral("issue a credit note")));
    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto invoice = find(number);
    if (!invoice)
        return invoice.error();
    if (invoice->isCredited())
        return Error(Error::Code::Conflict, QStringLiteral("invoice %1 is already credited by %2")
                                                .arg(number, invoice->lastCreditNote()->number));
    auto lines = creditNoteLines(*invoice, request);
    if (!lines)
        return lines.error();
    const QDateTime issuedAt = toWholeSecondsUtc(clock_());
    const int year = issuedAt.date().year();
    auto sequence = nextSequence(db, "credit_notes", year);
    if (!sequence)
        return sequence.error();
    CreditNote note{0,
                    creditNoteNumber(year, *sequence),
                    invoice->number,
                    issuedAt,
                    AuditLog::actorOn(workspace_),
                    reason.trimmed(),
                    {},
                    {},
                    std::move(*lines),
                    invoice->currency};
    std::int64_t tax = 0;
    std::int64_t total = 0;
    for (const CreditNoteLine& line : note.lines) {
        tax += line.tax.micros();
        total += line.amount.micros() + line.tax.micros();
    }
    note.tax = Money::fromMicros(tax);
    note.total = Money::fromMicros(total);
    auto id = insertWith(db,
                         "INSERT INTO credit_notes (number, year, sequence, invoice_id, issued_at, "
                         "issued_by, reason, total_micros, tax_micros) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                         note.number, year, *sequence, invoice->id, note.issuedAt, note.issuedBy,
                         note.reason, note.total.micros(), note.tax.micros());
    if (!id)
        return id.error();
    note.id = *id;
    std::int64_t position = 0;
    for (const CreditNoteLine& line : note.lines)
        AICP_TRY(executeWith(db,
                             "INSERT INTO credit_note_lines (credit_note_id, position, "
                             "invoice_position, amount_micros, tax_micros) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)",
                             note.id, ++position, line.invoicePosition, line.amount.micros(),
                             line.tax.micros()));
    auto logged = AuditLog(workspace_, clock_)
                      .append(QStringLiteral("invoice.credit"), note.number,
                              {{QStringLiteral("invoice"), invoice->number},
                               {QStringLiteral("customer"), invoice->customerId},
                               {QStringLiteral("month"), invoice->month.toString()},
                               {QStringLiteral("net"), note.net().toDecimalString()},
                               {QStringLiteral("tax"), note.tax.toDecimalString()},
                               {QStringLiteral("total"), note.total.toDecimalString()},
                               {QStringLiteral("reason"), note.reason}});
    if (!logged)
        return logged.error();
    AICP_TRY(transaction->commit());
    return note;
}

Result<InvoicePayment> InvoiceBook::markPaid(const QString& number, QDate paidOn,
                                             const QString& reference) {
    AICP_TRY(refuseInCustomerMode(workspace_, QStringLiteral("record a payment")));
    const QString trimmed = reference.trimmed();
    if (trimmed.isEmpty())
        return Error::invalidInput(QStringLiteral(
            "a payment needs the payer's reference (a bank transfer's, a receipt's)"));
    if (trimmed.size() > 200)
        return Error::invalidInput(
            QStringLiteral("a payment reference has at most 200 characters"));
    const QDateTime now = toWholeSecondsUtc(clock_());
    if (!paidOn.isValid())
        return Error::invalidInput(QStringLiteral("the day of payment is not a date"));
    if (paidOn > now.date())
        return Error::invalidInput(QStringLiteral("%1 is in the future; a payment is recorded "
                                                  "once it has arrived")
                                       .arg(paidOn.toString(Qt::ISODate)));
    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto invoice = find(number);
    if (!invoice)
        return invoice.error();
    if (invoice->isCredited())
        return Error(Error::Code::Conflict,
                     QStringLiteral("invoice %1 is credited by %2; a credited invoice is not paid")
                         .arg(number, invoice->lastCreditNote()->number));
    if (invoice->balance() <= Money())
        return Error(Error::Code::Conflict,
                     QStringLiteral("invoice %1 has nothing left to pay").arg(number));
    if (paidOn < invoice->issuedAt.date())
        return Error::invalidInput(QStringLiteral("%1 is before invoice %2 was issued (%3)")
                                       .arg(paidOn.toString(Qt::ISODate), number,
                                            invoice->issuedAt.date().toString(Qt::ISODate)));
    InvoicePayment payment{0,       paidOn, invoice->balance(),           invoice->currency,
                           trimmed, now,    AuditLog::actorOn(workspace_)};
    auto id = insertWith(db,
                         "INSERT INTO invoice_payments (invoice_id, paid_on, amount_micros, "
                         "reference, recorded_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                         invoice->id, paidOn.toString(Qt::ISODate), payment.amount.micros(),
                         payment.reference, payment.recordedAt, payment.recordedBy);
    if (!id)
        return id.error();
    payment.id = *id;
    auto logged = AuditLog(workspace_, clock_)
                      .append(QStringLiteral("invoice.paid"), number,
                              {{QStringLiteral("customer"), invoice->customerId},
                               {QStringLiteral("amount"), payment.amount.toDecimalString()},
                               {QStringLiteral("currency"), invoice->currency},
                               {QStringLiteral("paid_on"), paidOn.toString(Qt::ISODate)},
                               {QStringLiteral("reference"), payment.reference}});
    if (!logged)
        return logged.error();
    AICP_TRY(Outbox(workspace_, clock_)
                 .publish({QStringLiteral("invoice.paid"),
                           {{QStringLiteral("number"), number},
                            {QStringLiteral("customer_id"), invoice->customerId},
                            {QStringLiteral("currency"), invoice->currency},
                            {QStringLiteral("amount"), payment.amount.toDecimalString()},
                            {QStringLiteral("paid_on"), paidOn.toString(Qt::ISODate)}},
                           {}}));
    AICP_TRY(transaction->commit());
    return payment;
}

Result<Invoice> InvoiceBook::find(const QString& number) const {
    auto found = queryInvoices(workspace_.handle(), "WHERE i.number = ?1", number);
    if (!found)
        return found.error();
    if (found->empty())
        return Error::notFound(QStringLiteral("there is no invoice '%1'").arg(number));
    return std::move(found->front());
}

Result<std::vector<Invoice>> InvoiceBook::list(const QString& customerId) const {
    if (customerId.isEmpty())
        return queryInvoices(workspace_.handle(), {}, {});
    return queryInvoices(workspace_.handle(), "WHERE i.customer_id = ?1", customerId);
}

}  // namespace aicp

#include "billing/invoice.h"

#include "billing/monthlybill.h"
#include "common/enumwords.h"
#include "common/jsonfields.h"
#include "licensing/licensepayload.h"

#include <QJsonArray>

namespace aicp {

namespace {

constexpr EnumWord<InvoiceLineKind> kLineKindKeys[] = {
    {InvoiceLineKind::Charge, "charge"},
    {InvoiceLineKind::LateUsage, "late_usage"},
    {InvoiceLineKind::Finding, "finding"},
};

}  // namespace

QString invoiceLineKindKey(InvoiceLineKind kind) {
    return wordOf(kLineKindKeys, kind);
}

std::optional<InvoiceLineKind> invoiceLineKindFromKey(QStringView key) {
    return valueOf(kLineKindKeys, key);
}

Money Invoice::axisTotal(BillAxis axis) const {
    std::int64_t micros = 0;
    for (const InvoiceLine& line : lines)
        if (line.kind == InvoiceLineKind::Charge && line.axis == axis)
            micros += line.amount.micros();
    return Money::fromMicros(micros);
}

Money Invoice::creditsApplied() const {
    std::int64_t micros = 0;
    // Cannot overflow: the uses of one invoice never exceed its total.
    for (const CreditUse& use : credits)
        micros += use.amount.micros();
    return Money::fromMicros(micros);
}

Money Invoice::amountDue() const {
    return Money::fromMicros(total.micros() - creditsApplied().micros());
}

Percent Invoice::taxRate() const {
    for (const InvoiceLine& line : lines)
        if (line.taxRate)
            return *line.taxRate;
    return {};
}

Money Invoice::paid() const {
    std::int64_t micros = 0;
    // Cannot overflow: payments never exceed what the invoice asked for.
    for (const InvoicePayment& payment : payments)
        micros += payment.amount.micros();
    return Money::fromMicros(micros);
}

Money Invoice::credited() const {
    std::int64_t micros = 0;
    // Cannot overflow: the notes never take more than the invoice.
    for (const CreditNote& note : creditNotes)
        micros += note.total.micros();
    return Money::fromMicros(micros);
}

bool Invoice::isCredited() const {
    return !creditNotes.empty() && credited() == total.negated();
}

namespace {

// What remains of one field (the amount, or the tax) of charge line
// `position`: the line's, less what the credit notes took of it.
Money remainingOf(const Invoice& invoice, std::int64_t position, Money InvoiceLine::*field,
                  Money CreditNoteLine::*taken) {
    if (position < 1 || position > std::int64_t(invoice.lines.size()))
        return {};
    std::int64_t micros = (invoice.lines[std::size_t(position - 1)].*field).micros();
    for (const CreditNote& note : invoice.creditNotes) {
        if (note.lines.empty())
            return {};  // a note from before schema 12 credited everything
        for (const CreditNoteLine& line : note.lines)
            if (line.invoicePosition == position)
                micros += (line.*taken).micros();
    }
    return Money::fromMicros(micros);
}

}  // namespace

Money Invoice::remainingAmount(std::int64_t position) const {
    return remainingOf(*this, position, &InvoiceLine::amount, &CreditNoteLine::amount);
}

Money Invoice::remainingTax(std::int64_t position) const {
    return remainingOf(*this, position, &InvoiceLine::tax, &CreditNoteLine::tax);
}

Money Invoice::balance() const {
    // A credit note in full gives the prepaid credit back to the grant, so
    // it no longer settles any of the invoice.
    const std::int64_t prepaid = isCredited() ? 0 : creditsApplied().micros();
    return Money::fromMicros(total.micros() + credited().micros() - prepaid - paid().micros());
}

QString Invoice::status() const {
    if (isCredited())
        return QStringLiteral("credited");
    if (balance() <= Money())
        return QStringLiteral("paid");
    return creditNotes.empty() ? QStringLiteral("open") : QStringLiteral("partially-credited");
}

bool Invoice::isOverdueOn(QDate today) const {
    return !isCredited() && balance() > Money() && dueDate.isValid() && dueDate < today;
}

QString creditUseDescription(const CreditUse& use) {
    return QStringLiteral("Prepaid credit applied (grant %1)").arg(use.grantId);
}

QString invoiceNumber(int year, int sequence) {
    return QStringLiteral("AICP-%1-%2")
        .arg(year, 4, 10, QLatin1Char('0'))
        .arg(sequence, 6, 10, QLatin1Char('0'));
}

QString creditNoteNumber(int year, int sequence) {
    return QStringLiteral("AICP-CN-%1-%2")
        .arg(year, 4, 10, QLatin1Char('0'))
        .arg(sequence, 6, 10, QLatin1Char('0'));
}

QJsonObject creditNoteToJson(const CreditNote& note) {
    QJsonArray lines;
    for (const CreditNoteLine& line : note.lines)
        lines.append(QJsonObject{{QStringLiteral("line"), qint64(line.invoicePosition)},
                                 {QStringLiteral("amount"), line.amount.toDecimalString()},
                                 {QStringLiteral("tax"), line.tax.toDecimalString()}});
    return {{QStringLiteral("number"), note.number},
            {QStringLiteral("invoice"), note.invoiceNumber},
            {QStringLiteral("issued_at"), toRfc3339(note.issuedAt)},
            {QStringLiteral("issued_by"), note.issuedBy},
            {QStringLiteral("reason"), note.reason},
            {QStringLiteral("net"), note.net().toDecimalString()},
            {QStringLiteral("tax"), note.tax.toDecimalString()},
            {QStringLiteral("total"), note.total.toDecimalString()},
            {QStringLiteral("lines"), lines}};
}

QJsonObject invoiceToJson(const Invoice& invoice, QDate today) {
    if (!today.isValid())
        today = QDateTime::currentDateTimeUtc().date();
    QJsonArray creditNotes;
    for (const CreditNote& note : invoice.creditNotes)
        creditNotes.append(creditNoteToJson(note));
    QJsonArray payments;
    for (const InvoicePayment& payment : invoice.payments)
        payments.append(
            QJsonObject{{QStringLiteral("paid_on"), payment.paidOn.toString(Qt::ISODate)},
                        {QStringLiteral("amount"), payment.amount.toDecimalString()},
                        {QStringLiteral("reference"), payment.reference},
                        {QStringLiteral("recorded_at"), toRfc3339(payment.recordedAt)},
                        {QStringLiteral("recorded_by"), payment.recordedBy}});
    QJsonArray lines;
    for (const InvoiceLine& line : invoice.lines) {
        lines.append(QJsonObject{
            {QStringLiteral("kind"), invoiceLineKindKey(line.kind)},
            {QStringLiteral("axis"),
             line.axis ? QJsonValue(billAxisKey(*line.axis)) : QJsonValue()},
            {QStringLiteral("description"), line.description},
            {QStringLiteral("quantity"), qint64(line.quantity)},
            {QStringLiteral("unit_price"),
             line.unitPrice ? QJsonValue(line.unitPrice->toDecimalString()) : QJsonValue()},
            {QStringLiteral("amount"), line.amount.toDecimalString()},
            {QStringLiteral("tax_rate"),
             line.taxRate ? QJsonValue(line.taxRate->toDecimalString()) : QJsonValue()},
            {QStringLiteral("tax"), line.tax.toDecimalString()},
            {QStringLiteral("license_id"), jsonTextOrNull(line.licenseId)},
            {QStringLiteral("tier"), jsonTextOrNull(line.tier)},
            {QStringLiteral("price_book_version"), jsonTextOrNull(line.priceBookVersion)},
            {QStringLiteral("period_start"), jsonTimeOrNull(line.periodStart)},
            {QStringLiteral("period_end"), jsonTimeOrNull(line.periodEnd)},
            {QStringLiteral("late_month"),
             line.lateMonth ? QJsonValue(line.lateMonth->toString()) : QJsonValue()}});
    }
    for (const CreditUse& use : invoice.credits)
        lines.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("credit_applied")},
                                 {QStringLiteral("axis"), QJsonValue()},
                                 {QStringLiteral("description"), creditUseDescription(use)},
                                 {QStringLiteral("quantity"), 1},
                                 {QStringLiteral("unit_price"), QJsonValue()},
                                 {QStringLiteral("amount"), use.amount.negated().toDecimalString()},
                                 {QStringLiteral("grant"), qint64(use.grantId)}});
    return {
        {QStringLiteral("number"), invoice.number},
        {QStringLiteral("customer"), QJsonObject{{QStringLiteral("id"), invoice.customerId},
                                                 {QStringLiteral("name"), invoice.customerName}}},
        {QStringLiteral("month"), invoice.month.toString()},
        {QStringLiteral("currency"), invoice.currency},
        {QStringLiteral("issued_at"), toRfc3339(invoice.issuedAt)},
        {QStringLiteral("issued_by"), invoice.issuedBy},
        {QStringLiteral("requests"), qint64(invoice.requests)},
        {QStringLiteral("active_users"), qint64(invoice.activeUsers)},
        {QStringLiteral("active_agents"), qint64(invoice.activeAgents)},
        {QStringLiteral("late_requests_at_issue"), qint64(invoice.lateRequestsAtIssue)},
        {QStringLiteral("lines"), lines},
        {QStringLiteral("due_date"), invoice.dueDate.isValid()
                                         ? QJsonValue(invoice.dueDate.toString(Qt::ISODate))
                                         : QJsonValue()},
        {QStringLiteral("status"), invoice.status()},
        {QStringLiteral("overdue"), invoice.isOverdueOn(today)},
        {QStringLiteral("seller"), invoice.seller},
        {QStringLiteral("buyer"), invoice.buyer},
        {QStringLiteral("net"), invoice.net.toDecimalString()},
        {QStringLiteral("tax_treatment"), taxTreatmentKey(invoice.taxTreatment)},
        {QStringLiteral("tax_legend"), taxLegend(invoice.taxTreatment)},
        {QStringLiteral("tax"), taxSummaryJson(taxSummary(invoice.taxTreatment, invoice.taxName,
                                                          invoice.taxRate(), invoice.tax))},
        {QStringLiteral("total"), invoice.total.toDecimalString()},
        {QStringLiteral("credits_applied"), invoice.creditsApplied().toDecimalString()},
        {QStringLiteral("amount_due"), invoice.amountDue().toDecimalString()},
        {QStringLiteral("payments"), payments},
        {QStringLiteral("balance"), invoice.balance().toDecimalString()},
        {QStringLiteral("credited"), invoice.isCredited()},
        {QStringLiteral("credit_note"),
         invoice.lastCreditNote() ? QJsonValue(creditNoteToJson(*invoice.lastCreditNote()))
                                  : QJsonValue()},
        {QStringLiteral("credit_notes"), creditNotes}};
}

}  // namespace aicp

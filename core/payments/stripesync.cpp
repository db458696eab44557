#include "audit/auditlog.h"
#include "billing/invoicebook.h"
#include "payments/stripebilling.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/vendoronly.h"
#include "storage/workspace.h"

#include <QJsonObject>

namespace aicp {

namespace {

constexpr char kLinkSelect[] =
    "SELECT invoice_number, stripe_id, status, stripe_number, hosted_url, amount_due, paid_at, "
    "pushed_at, synced_at FROM stripe_invoices ";

StripeInvoiceLink readLink(const Statement& row) {
    StripeInvoiceLink link;
    link.invoiceNumber = row.text(0);
    link.stripeId = row.text(1);
    link.status = row.text(2);
    link.stripeNumber = row.text(3);
    link.hostedUrl = QUrl(row.text(4));
    if (!row.isNull(5))
        link.amountDue = row.int64(5);
    link.paidAt = row.optionalTime(6);
    link.pushedAt = row.time(7);
    link.syncedAt = row.optionalTime(8);
    return link;
}

std::optional<QString> nonEmpty(const QString& text) {
    return text.isEmpty() ? std::nullopt : std::optional(text);
}

// The statuses Stripe gives an invoice; anything else is kept as it was.
bool isKnownStatus(const QString& status) {
    for (const char* known : {"draft", "open", "paid", "void", "uncollectible"})
        if (status == QLatin1String(known))
            return true;
    return false;
}

}  // namespace

QString StripeInvoiceLink::describe() const {
    if (status == QLatin1String("paid") && paidAt)
        return QStringLiteral("paid %1").arg(paidAt->date().toString(Qt::ISODate));
    return status;
}

StripeInvoiceLink linkFromStripe(const QJsonObject& invoice, const StripeInvoiceLink& before) {
    StripeInvoiceLink link = before;
    if (const QString status = invoice.value(u"status").toString(); isKnownStatus(status))
        link.status = status;
    if (const QString number = invoice.value(u"number").toString(); !number.isEmpty())
        link.stripeNumber = number;
    if (const QString url = invoice.value(u"hosted_invoice_url").toString(); !url.isEmpty())
        link.hostedUrl = QUrl(url);
    if (invoice.value(u"amount_due").isDouble())
        link.amountDue = std::int64_t(invoice.value(u"amount_due").toDouble());
    const QJsonValue paidAt = invoice.value(u"status_transitions").toObject().value(u"paid_at");
    if (paidAt.isDouble())
        link.paidAt = QDateTime::fromSecsSinceEpoch(qint64(paidAt.toDouble()), Qt::UTC);
    return link;
}

Result<std::vector<StripeInvoiceLink>> StripeBilling::links(const Workspace& workspace) {
    return queryRows<StripeInvoiceLink>(
        workspace.handle(), std::string(kLinkSelect) + "ORDER BY invoice_number", &readLink);
}

Result<std::optional<StripeInvoiceLink>> StripeBilling::link(const Workspace& workspace,
                                                             const QString& number) {
    return queryFirstRow<StripeInvoiceLink>(workspace.handle(),
                                            std::string(kLinkSelect) + "WHERE invoice_number = ?1",
                                            &readLink, number);
}

Status StripeBilling::storeLink(const StripeInvoiceLink& link, const QString& action) {
    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    AICP_TRY(executeWith(
        db,
        "INSERT INTO stripe_invoices (invoice_number, stripe_id, status, stripe_number, "
        "hosted_url, amount_due, paid_at, pushed_at, synced_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
        "?7, ?8, ?9) ON CONFLICT (invoice_number) DO UPDATE SET status = excluded.status, "
        "stripe_number = excluded.stripe_number, hosted_url = excluded.hosted_url, amount_due = "
        "excluded.amount_due, paid_at = excluded.paid_at, synced_at = excluded.synced_at",
        link.invoiceNumber, link.stripeId, link.status, nonEmpty(link.stripeNumber),
        nonEmpty(link.hostedUrl.toString()), link.amountDue, link.paidAt, link.pushedAt,
        link.syncedAt));
    if (!action.isEmpty()) {
        QJsonObject details{{QStringLiteral("stripe_invoice"), link.stripeId},
                            {QStringLiteral("status"), link.status}};
        if (!link.stripeNumber.isEmpty())
            details.insert(QStringLiteral("stripe_number"), link.stripeNumber);
        if (link.amountDue)
            details.insert(QStringLiteral("amount_due_minor"), qint64(*link.amountDue));
        auto logged = AuditLog(workspace_, clock_).append(action, link.invoiceNumber, details);
        if (!logged)
            return logged.error();
    }
    return transaction->commit();
}

Result<std::vector<StripeSyncChange>> StripeBilling::sync(const StripeProgress& progress) {
    AICP_TRY(refuseInCustomerWorkspace(
        workspace_, QStringLiteral("the vendor's workspace sends invoices to Stripe")));
    auto pushed = links(workspace_);
    if (!pushed)
        return pushed.error();
    InvoiceBook book(workspace_, clock_);
    std::vector<StripeSyncChange> changes;
    int done = 0;
    for (const StripeInvoiceLink& before : *pushed) {
        if (progress)
            progress(done++, int(pushed->size()), before.invoiceNumber);
        // A draft is a push that stopped; void is final.
        if (before.status == QLatin1String("draft") || before.status == QLatin1String("void"))
            continue;
        StripeSyncChange change;
        change.invoiceNumber = before.invoiceNumber;
        change.before = before.status;
        change.link = before;
        if (before.status != QLatin1String("paid")) {
            auto current = client_.get(QStringLiteral("/v1/invoices/") + before.stripeId);
            if (!current)
                return current.error().withContext(before.invoiceNumber);
            change.link = linkFromStripe(*current, before);
            change.link.syncedAt = toWholeSecondsUtc(clock_());
            const bool changed = change.link.status != before.status;
            AICP_TRY(storeLink(change.link, changed ? QStringLiteral("stripe.sync") : QString()));
        }
        // Paid in Stripe and still open in aicp (also when recording it
        // failed on an earlier sync): the payment is recorded here too.
        if (change.link.status == QLatin1String("paid")) {
            auto invoice = book.find(before.invoiceNumber);
            if (!invoice)
                return invoice.error();
            const QString status = invoice->status();
            if (status == QLatin1String("open") || status == QLatin1String("partially-credited")) {
                const QDate paidOn =
                    change.link.paidAt ? change.link.paidAt->date() : clock_().toUTC().date();
                const QString reference =
                    QStringLiteral("Stripe %1")
                        .arg(change.link.stripeNumber.isEmpty() ? change.link.stripeId
                                                                : change.link.stripeNumber);
                auto payment = book.markPaid(before.invoiceNumber, paidOn, reference);
                if (!payment)
                    return payment.error().withContext(before.invoiceNumber);
                change.recordedPayment = true;
            }
        }
        if (change.link.status != before.status || change.recordedPayment)
            changes.push_back(std::move(change));
    }
    if (progress)
        progress(done, int(pushed->size()), {});
    return changes;
}

}  // namespace aicp

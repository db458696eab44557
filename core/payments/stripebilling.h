#pragma once

#include "common/result.h"
#include "common/wholeseconds.h"
#include "payments/stripeclient.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace aicp {

class Workspace;
struct Invoice;

// An invoice as it stands in Stripe: "draft" while its items are being
// added, then what Stripe last said ("open", "paid", "void",
// "uncollectible").
struct StripeInvoiceLink {
    QString invoiceNumber;
    QString stripeId;  // "in_…"
    QString status;
    QString stripeNumber;                   // Stripe's own number, once finalized
    QUrl hostedUrl;                         // where the customer pays
    std::optional<std::int64_t> amountDue;  // in minor units, as Stripe said
    std::optional<QDateTime> paidAt;        // UTC
    QDateTime pushedAt;                     // UTC
    std::optional<QDateTime> syncedAt;      // UTC

    // "paid 2026-12-03", "open", "void", … for lists.
    [[nodiscard]] QString describe() const;
};

// `before` updated with what Stripe says of the invoice now (its object).
[[nodiscard]] StripeInvoiceLink linkFromStripe(const QJsonObject& invoice,
                                               const StripeInvoiceLink& before);

// What one push did for one invoice.
struct StripePushOutcome {
    QString invoiceNumber;
    StripeInvoiceLink link;
    bool created = false;     // finalized in Stripe by this push
    QStringList creditNotes;  // the notes this push made Stripe credit notes of
};

// What sync found changed for one invoice.
struct StripeSyncChange {
    QString invoiceNumber;
    QString before;
    StripeInvoiceLink link;
    bool recordedPayment = false;  // the payment was recorded in aicp too
};

// done of total, and what is being done ("AICP-2026-000123: item 3 of 5").
using StripeProgress = std::function<void(int done, int total, const QString& what)>;

// Invoices and credit notes pushed to Stripe and their payments read back
// (README, "Payments with Stripe"). A push creates, in this order and
// each at most once: the Stripe customer (metadata[aicp_customer_id]), a
// draft invoice (send_invoice, due when aicp's is), one invoice item per
// charge line, one for the tax, one per prepaid credit applied (all in the
// currency's minor units), checks that the draft totals what aicp's
// invoice asks, finalizes it, and makes a Stripe credit note of each of
// its credit notes. Every object made is recorded as soon as Stripe
// answers and every POST carries an Idempotency-Key of the workspace,
// the document and the step: a push repeated after any failure goes on
// where it stopped and never makes anything twice.
class StripeBilling {
public:
    StripeBilling(Workspace& workspace, const StripeClient& client, Clock clock = systemClock())
        : workspace_(workspace), client_(client), clock_(std::move(clock)) {}

    // Pushes the invoice `number` and whatever of its credit notes is not
    // in Stripe yet. Conflict for an invoice with nothing to collect that
    // was never pushed (paid or credited in aicp).
    [[nodiscard]] Result<StripePushOutcome> push(const QString& number,
                                                 const StripeProgress& progress = {});
    // Every open invoice not in Stripe yet, and the credit notes of pushed
    // ones that are not; stops at the first failure (what was done stays).
    [[nodiscard]] Result<std::vector<StripePushOutcome>> pushOpen(
        const StripeProgress& progress = {});
    // Reads back every pushed invoice Stripe may still change (not paid or
    // void) and records its status; a paid one is recorded as paid in
    // aicp too, on Stripe's paid date, when aicp still has it open.
    [[nodiscard]] Result<std::vector<StripeSyncChange>> sync(const StripeProgress& progress = {});

    // The pushed invoices, by number.
    [[nodiscard]] static Result<std::vector<StripeInvoiceLink>> links(const Workspace& workspace);
    [[nodiscard]] static Result<std::optional<StripeInvoiceLink>> link(const Workspace& workspace,
                                                                       const QString& number);

private:
    struct Step;
    [[nodiscard]] Result<QString> ensureCustomer(const Invoice& invoice);
    [[nodiscard]] Result<StripeInvoiceLink> ensureDraft(const Invoice& invoice,
                                                        const QString& customer);
    [[nodiscard]] Status addItems(const Invoice& invoice, const StripeInvoiceLink& draft,
                                  const QString& customer, const StripeProgress& progress);
    [[nodiscard]] Result<StripeInvoiceLink> finalize(const Invoice& invoice,
                                                     const StripeInvoiceLink& draft);
    [[nodiscard]] Result<QStringList> pushCreditNotes(const Invoice& invoice,
                                                      StripeInvoiceLink& link);
    [[nodiscard]] Result<std::optional<QString>> recorded(const QString& kind,
                                                          const QString& reference) const;
    [[nodiscard]] Status record(const QString& kind, const QString& reference,
                                const QString& stripeId);
    [[nodiscard]] Result<QJsonObject> postOnce(const QString& path, const StripeForm& form,
                                               const QString& step);
    [[nodiscard]] Status storeLink(const StripeInvoiceLink& link, const QString& action = {});
    [[nodiscard]] QByteArray idempotencyKey(const QString& step) const;

    Workspace& workspace_;
    const StripeClient& client_;
    Clock clock_;
};

}  // namespace aicp

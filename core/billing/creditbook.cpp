#include "billing/creditbook.h"

#include "audit/auditlog.h"
#include "common/assignto.h"
#include "customers/customer.h"
#include "licensing/licensepayload.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/vendoronly.h"
#include "storage/workspace.h"

#include <algorithm>

namespace aicp {

namespace {

constexpr int kMaxReason = 500;

// Each grant with what the invoices that stand have used of it.
constexpr const char* kGrantColumns =
    "SELECT g.id, g.customer_id, g.currency, g.amount_micros, g.paid_micros, g.granted_at, "
    "g.expires_at, g.reason, g.granted_by, "
    "(SELECT COALESCE(SUM(u.amount_micros), 0) FROM credit_uses AS u "
    " WHERE u.grant_id = g.id "
    "   AND u.invoice_id NOT IN (SELECT id FROM credited_invoices)) "
    "FROM credit_grants AS g ";

CreditGrant readGrant(const Statement& row) {
    CreditGrant grant;
    grant.id = row.int64(0);
    grant.customerId = row.text(1);
    grant.currency = row.text(2);
    grant.amount = Money::fromMicros(row.int64(3));
    grant.paid = Money::fromMicros(row.int64(4));
    grant.grantedAt = row.time(5);
    grant.expiresAt = row.time(6);
    grant.reason = row.text(7);
    grant.grantedBy = row.text(8);
    grant.used = Money::fromMicros(row.int64(9));
    return grant;
}

Status checkGrant(Money amount, Money paid, const QDateTime& expiresAt, const QString& reason,
                  const QDateTime& now) {
    if (amount.isNegative() || amount.isZero())
        return Error::invalidInput(QStringLiteral("--amount: a credit grant is above 0, not %1")
                                       .arg(amount.toDecimalString()));
    if (amount.roundedToCents() != amount)
        return Error::invalidInput(
            QStringLiteral("--amount: credit is granted in whole cents, not %1")
                .arg(amount.toDecimalString()));
    if (paid.isNegative() || paid > amount || paid.roundedToCents() != paid)
        return Error::invalidInput(
            QStringLiteral("--paid: what was paid is 0 up to the amount (%1) in whole cents, "
                           "not %2")
                .arg(amount.toDecimalString(), paid.toDecimalString()));
    if (expiresAt.isValid() && expiresAt <= now)
        return Error::invalidInput(
            QStringLiteral("--expires: the credit would expire (%1) before it is granted (%2)")
                .arg(toRfc3339(expiresAt), toRfc3339(now)));
    const QString trimmed = reason.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > kMaxReason)
        return Error::invalidInput(
            QStringLiteral("--reason: say why the credit is granted (1 to %1 characters)")
                .arg(kMaxReason));
    return {};
}

}  // namespace

Result<CreditGrant> CreditBook::grant(const QString& customerId, Money amount, Money paid,
                                      const QDateTime& expiresAt, const QString& reason) {
    AICP_TRY(refuseInCustomerWorkspace(
        workspace_, QStringLiteral("credits are granted in the vendor's workspace")));
    const QDateTime now = toWholeSecondsUtc(clock_());
    const QDateTime expires = expiresAt.isValid() ? toWholeSecondsUtc(expiresAt) : QDateTime();
    AICP_TRY(checkGrant(amount, paid, expires, reason, now));
    auto transaction = Transaction::begin(workspace_.handle());
    if (!transaction)
        return transaction.error();
    auto customer = CustomerStore(workspace_).find(customerId);
    if (!customer)
        return customer.error();

    CreditGrant grant{0,
                      customerId,
                      customer->currency,
                      amount,
                      paid,
                      now,
                      expires,
                      reason.trimmed(),
                      AuditLog::actorOn(workspace_),
                      {}};
    auto id =
        insertWith(workspace_.handle(),
                   "INSERT INTO credit_grants (customer_id, currency, amount_micros, "
                   "paid_micros, granted_at, expires_at, reason, granted_by) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                   grant.customerId, grant.currency, grant.amount.micros(), grant.paid.micros(),
                   grant.grantedAt, expires.isValid() ? std::optional(expires) : std::nullopt,
                   grant.reason, grant.grantedBy);
    if (!id)
        return id.error();
    grant.id = *id;
    auto logged = AuditLog(workspace_, clock_)
                      .append(QStringLiteral("credits.grant"), customerId,
                              {{QStringLiteral("grant"), qint64(grant.id)},
                               {QStringLiteral("amount"), grant.amount.toDecimalString()},
                               {QStringLiteral("paid"), grant.paid.toDecimalString()},
                               {QStringLiteral("currency"), grant.currency},
                               {QStringLiteral("expires_at"),
                                expires.isValid() ? QJsonValue(toRfc3339(expires)) : QJsonValue()},
                               {QStringLiteral("reason"), grant.reason}});
    if (!logged)
        return logged.error();
    AICP_TRY(transaction->commit());
    return grant;
}

Result<std::vector<CreditGrant>> CreditBook::list(const QString& customerId) const {
    if (customerId.isEmpty())
        return queryRows<CreditGrant>(workspace_.handle(),
                                      std::string(kGrantColumns) + "ORDER BY g.id", &readGrant);
    return queryRows<CreditGrant>(
        workspace_.handle(), std::string(kGrantColumns) + "WHERE g.customer_id = ?1 ORDER BY g.id",
        &readGrant, customerId);
}

Result<CreditBalance> CreditBook::balance(const QString& customerId) const {
    auto customer = CustomerStore(workspace_).find(customerId);
    if (!customer)
        return customer.error();
    auto grants = list(customerId);
    if (!grants)
        return grants.error();
    const QDateTime now = toWholeSecondsUtc(clock_());
    CreditBalance balance{customerId, customer->currency, {}, {}};
    for (const CreditGrant& grant : *grants) {
        if (grant.currency != balance.currency)
            continue;  // the customer's currency changed since: never applied
        AICP_TRY(assignTo(balance.balance, balance.balance.plus(grant.availableAt(now))));
        AICP_TRY(assignTo(balance.forfeited, balance.forfeited.plus(grant.forfeitedAt(now))));
    }
    return balance;
}

Result<std::vector<CreditUse>> CreditBook::apply(const QString& customerId, const QString& currency,
                                                 Money due, std::int64_t invoiceId,
                                                 const QDateTime& at) const {
    std::vector<CreditUse> uses;
    if (due.isNegative() || due.isZero())
        return uses;
    auto grants = list(customerId);
    if (!grants)
        return grants.error();
    std::vector<CreditGrant> usable;
    for (CreditGrant& grant : *grants) {
        const Money available = grant.availableAt(at);
        if (grant.currency == currency && !available.isNegative() && !available.isZero())
            usable.push_back(std::move(grant));
    }
    // Soonest to expire first; a grant that never expires last; then oldest.
    std::stable_sort(usable.begin(), usable.end(), [](const CreditGrant& a, const CreditGrant& b) {
        if (a.expiresAt.isValid() != b.expiresAt.isValid())
            return a.expiresAt.isValid();
        return a.expiresAt.isValid() && a.expiresAt < b.expiresAt;
    });
    Money left = due;
    for (const CreditGrant& grant : usable) {
        if (left.isZero())
            break;
        const Money use = std::min(left, grant.availableAt(at));
        AICP_TRY(executeWith(workspace_.handle(),
                             "INSERT INTO credit_uses (grant_id, invoice_id, amount_micros) "
                             "VALUES (?1, ?2, ?3)",
                             grant.id, invoiceId, use.micros()));
        uses.push_back({grant.id, use});
        left = Money::fromMicros(left.micros() - use.micros());
    }
    return uses;
}

}  // namespace aicp

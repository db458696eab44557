#pragma once

#include "billing/invoice.h"
#include "common/result.h"
#include "common/wholeseconds.h"
#include "money/money.h"

#include <cstdint>
#include <vector>

#include <QDateTime>
#include <QString>

namespace aicp {

class Workspace;

// Prepaid credit granted to a customer, in its billing currency, and what
// the invoices that stand (not credited) have used of it.
struct CreditGrant {
    std::int64_t id = 0;
    QString customerId;
    QString currency;
    Money amount;  // above 0
    Money paid;    // what the customer paid for it: 0 (a gift) up to `amount`
    QDateTime grantedAt;
    QDateTime expiresAt;  // invalid: never expires
    QString reason;
    QString grantedBy;
    Money used;  // by standing invoices

    [[nodiscard]] bool expiredAt(const QDateTime& at) const {
        return expiresAt.isValid() && expiresAt <= at;
    }
    [[nodiscard]] Money remaining() const {
        return Money::fromMicros(amount.micros() - used.micros());
    }
    // What an invoice issued at `at` may still use.
    [[nodiscard]] Money availableAt(const QDateTime& at) const {
        return expiredAt(at) ? Money() : remaining();
    }
    // Unused credit is forfeited when the grant expires.
    [[nodiscard]] Money forfeitedAt(const QDateTime& at) const {
        return expiredAt(at) ? remaining() : Money();
    }
};

struct CreditBalance {
    QString customerId;
    QString currency;
    Money balance;    // available now
    Money forfeited;  // expired unused, ever
};

// The workspace's prepaid credits (README, "Contract terms"). Grants are
// audited ("credits.grant") and never change; invoices use them as they are
// issued (InvoiceBook calls apply inside its transaction).
class CreditBook {
public:
    explicit CreditBook(Workspace& workspace, Clock clock = systemClock())
        : workspace_(workspace), clock_(std::move(clock)) {}

    // Refused, naming the field, for an unknown customer, an amount of 0 or
    // less, `paid` below 0 or above the amount, an expiry not in the future
    // and an empty reason; nothing is written then.
    [[nodiscard]] Result<CreditGrant> grant(const QString& customerId, Money amount, Money paid,
                                            const QDateTime& expiresAt, const QString& reason);
    // Every grant (of one customer when given), oldest first.
    [[nodiscard]] Result<std::vector<CreditGrant>> list(const QString& customerId = {}) const;
    // NotFound for an unknown customer.
    [[nodiscard]] Result<CreditBalance> balance(const QString& customerId) const;

    // Inside the caller's write transaction: uses the customer's credit in
    // `currency` that is available at `at` against `due`, soonest to expire
    // first (then oldest), never more than `due`, and records the uses for
    // `invoiceId`. Nothing when `due` is not above 0.
    [[nodiscard]] Result<std::vector<CreditUse>> apply(const QString& customerId,
                                                       const QString& currency, Money due,
                                                       std::int64_t invoiceId,
                                                       const QDateTime& at) const;

private:
    Workspace& workspace_;
    Clock clock_;
};

}  // namespace aicp

#pragma once

#include "common/result.h"
#include "money/money.h"
#include "pricing/bill.h"
#include "pricing/pricebook.h"

#include <cstdint>

#include <QString>
#include <QStringList>

namespace aicp {

// What a customer subscribes to (or, for a comparison, needs).
struct Subscription {
    QString tier;  // ignored by CostEngine::compare
    QStringList policyPacks;
    QStringList complianceModules;
    std::int64_t seats = 1;
    std::int64_t agents = 1;
    QString auditTier;  // empty: the tier's included level
    Percent discount;   // on the recurring lines only
    bool needsSso = false;
};

// One month's metered usage.
struct MonthlyUsage {
    std::int64_t requests = 0;
};

// Prices a subscription and a month's usage against one price book version.
// Input that makes no sense (unknown tier or pack, negative counts) is an
// Error; a tier that cannot serve the needs yields an ineligible Bill.
class CostEngine {
public:
    explicit CostEngine(PriceBookVersion prices) : prices_(std::move(prices)) {}

    [[nodiscard]] Result<Bill> quote(const Subscription& subscription,
                                     const MonthlyUsage& usage) const;
    [[nodiscard]] Result<TierComparison> compare(const Subscription& needs,
                                                 const MonthlyUsage& usage) const;

    [[nodiscard]] const PriceBookVersion& prices() const { return prices_; }

private:
    [[nodiscard]] Status validate(const Subscription& subscription,
                                  const MonthlyUsage& usage) const;
    [[nodiscard]] Result<Bill> price(const TierDefinition& tier, const Subscription& subscription,
                                     const MonthlyUsage& usage) const;

    PriceBookVersion prices_;
};

// Marks the cheapest eligible bill; equal totals go to the earlier tier.
void markCheapestEligible(TierComparison& comparison);

// The words of a discount line: "12.5% off recurring charges of 1,198.00 USD", or
// for a volume band "5% volume discount (recurring charges from 5000.00 USD a
// month) off recurring charges of …". `recurring` is what it is taken off.
[[nodiscard]] QString discountDescription(const AppliedDiscount& applied, Money recurring,
                                          const QString& currency);

}  // namespace aicp

#pragma once

// A month's quote under contract terms (SPEC 10): what `aicp quote`, the
// console's Tiers calculator and recommendations price beside the list
// price. The price book's volume bands and the contract discount are the
// cost engine's; this adds what a bill adds over a period — the floor of a
// minimum commitment and the annual charge in advance.

#include "common/result.h"
#include "licensing/licensepayload.h"
#include "money/money.h"
#include "pricing/bill.h"
#include "pricing/pricebook.h"

#include <optional>
#include <vector>

namespace aicp {

struct QuoteTerms {
    BillingPeriod billingPeriod = BillingPeriod::Monthly;
    std::optional<Commitment> commitment;

    [[nodiscard]] bool isAnnual() const { return billingPeriod == BillingPeriod::Annual; }
};

// The month's share of a commitment: a monthly commitment's amount, a
// yearly one's twelfth rounded once to cents, half away from zero.
[[nodiscard]] Money commitmentMonthShare(const Commitment& commitment);

// Adds the commitment's floor to a month's bill as a commitment_true_up line
// when the bill's total is below the month's share: a month under a yearly
// commitment carries a twelfth of what a year of such months trues up. The
// commitment's currency, when it names one, must be the bill's; an ineligible
// bill is left as it is (the tier cannot serve the needs at any price).
[[nodiscard]] Status applyCommitmentFloor(Bill& bill, const Commitment& commitment);
// The same for every bill of a comparison, then the cheapest eligible tier
// picked again: under a floor several tiers may cost the same.
[[nodiscard]] Status applyCommitmentFloor(TierComparison& comparison, const Commitment& commitment);

// What an annual license's invoice charges in advance for a contract year
// of this month's terms, as the monthly bill does: each recurring line 12
// times its exact monthly amount rounded once to cents, less the discount
// (the larger of `contractDiscount` and the volume band the month's
// recurring amount reaches) of their sum. Requests beyond the quota and
// true-ups are billed as they come, so they are not in it.
[[nodiscard]] Result<Money> annualInAdvance(const Bill& bill, const PriceBookVersion& prices,
                                            Percent contractDiscount);
// The same for each bill, in their order.
[[nodiscard]] Result<std::vector<Money>> annualInAdvance(const std::vector<Bill>& bills,
                                                         const PriceBookVersion& prices,
                                                         Percent contractDiscount);

}  // namespace aicp

#pragma once

// The parts of a monthly bill that contract terms add (SPEC 10): the
// prepaid contract year of an annual license, the credit for the unused
// part of it when the license changes mid-year, and the true-up under a
// minimum commitment. Used by computeMonthlyBill; see the README, "Billing
// rules (for finance)".

#include "billing/contractschedule.h"
#include "billing/monthlybill.h"
#include "common/result.h"
#include "pricing/costengine.h"
#include "pricing/pricebook.h"

#include <functional>

namespace aicp {

// The price book version a segment starting on `day` is priced with, with
// the license's contract price overrides applied to its tier.
[[nodiscard]] Result<PriceBookVersion> contractPrices(const PriceBook& book,
                                                      const LicensePayload& license,
                                                      const QDate& day);
[[nodiscard]] Subscription subscriptionOf(const LicensePayload& license);
// The exact, unrounded amount of a cost engine line: the sum of its portions.
[[nodiscard]] Result<Money> exactAmount(const BillLine& line);

// How an annual license's segment bills its recurring lines: the whole
// prepaid stretch of the contract year on the segment where it starts,
// nothing (already prepaid) on the others.
struct AnnualCharge {
    bool annual = false;   // the license is billed annually
    bool charges = false;  // this segment carries the year's charge
    ContractYear year;
    QDateTime from;   // the first second charged
    QDateTime until;  // the end of what is charged: the year's end or the expiry
};
[[nodiscard]] AnnualCharge annualChargeFor(const LicenseRecord& record,
                                           const std::vector<LicenseRecord>& licenses,
                                           const BillingSegment& segment);

// The negative prepaid_unused line of the segment `index` when it starts a
// license that took over an annual license mid-year; nullopt otherwise.
[[nodiscard]] Result<std::optional<MonthlyBillLine>> prepaidUnusedLine(
    const MonthlyBillInputs& inputs, const LicenseRecord& record, std::size_t index,
    const MonthlyBill& bill);

// The charges of the segments of `chain` from `yearStart` on in the months
// before `before`, each month billed from `inputs`' licenses and prices
// with its commitments unsettled; `fillUsage` gives a month its usage (none
// when empty). What MonthlyBillInputs::earlierCharges answers.
[[nodiscard]] Result<Money> chargesBefore(
    const MonthlyBillInputs& inputs, const std::vector<QUuid>& chain, const QDateTime& yearStart,
    YearMonth before, const std::function<Status(MonthlyBillInputs&)>& fillUsage);

// Adds a commitment_true_up line for every commitment period of the bill's
// licenses that closes in the bill's month with charges below the minimum.
[[nodiscard]] Status addCommitmentTrueUps(const MonthlyBillInputs& inputs, MonthlyBill& bill);

}  // namespace aicp

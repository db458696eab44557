#include "billing/contractquote.h"

#include "billing/contractbilling.h"
#include "billing/monthlybill.h"
#include "common/assignto.h"
#include "pricing/costengine.h"

namespace aicp {

Money commitmentMonthShare(const Commitment& commitment) {
    if (commitment.period == Commitment::Period::Month)
        return commitment.amount;
    return prorateToCents(commitment.amount, 1, 12);
}

Status applyCommitmentFloor(Bill& bill, const Commitment& commitment) {
    if (!commitment.currency.isEmpty() && commitment.currency != bill.currency)
        return Error::invalidInput(QStringLiteral("the commitment is in %1 but %2 is priced in %3")
                                       .arg(commitment.currency, bill.tierName, bill.currency));
    const Money share = commitmentMonthShare(commitment);
    if (!bill.eligible || bill.total >= share)
        return {};
    BillLine line;
    line.axis = BillAxis::CommitmentTrueUp;
    line.quantity = 1;
    AICP_TRY(assignTo(line.amount, share.minus(bill.total)));
    line.description =
        commitment.period == Commitment::Period::Month
            ? QStringLiteral("Minimum %1 %2 a month, charges %3: true-up")
                  .arg(commitment.amount.toDecimalString(), bill.currency,
                       bill.total.toDecimalString())
            : QStringLiteral("Minimum %1 %2 a year (%3 a month), charges %4: true-up")
                  .arg(commitment.amount.toDecimalString(), bill.currency, share.toDecimalString(),
                       bill.total.toDecimalString());
    bill.lines.push_back(std::move(line));
    bill.total = share;
    return {};
}

Status applyCommitmentFloor(TierComparison& comparison, const Commitment& commitment) {
    for (Bill& bill : comparison.bills)
        AICP_TRY(applyCommitmentFloor(bill, commitment));
    markCheapestEligible(comparison);
    return {};
}

Result<Money> annualInAdvance(const Bill& bill, const PriceBookVersion& prices,
                              Percent contractDiscount) {
    Money monthly;
    Money year;
    for (const BillLine& line : bill.lines) {
        if (!billAxisIsRecurring(line.axis))
            continue;
        auto exact = exactAmount(line);
        if (!exact)
            return exact.error();
        AICP_TRY(assignTo(monthly, monthly.plus(*exact)));
        AICP_TRY(assignTo(year, year.plus(prorateYearToCents(*exact, Percent(), 1, 1))));
    }
    const AppliedDiscount applied = prices.discountFor(contractDiscount, monthly);
    return year.minus(year.percentOfInCents(applied.percent));
}

Result<std::vector<Money>> annualInAdvance(const std::vector<Bill>& bills,
                                           const PriceBookVersion& prices,
                                           Percent contractDiscount) {
    std::vector<Money> years;
    for (const Bill& bill : bills) {
        auto year = annualInAdvance(bill, prices, contractDiscount);
        if (!year)
            return year.error();
        years.push_back(*year);
    }
    return years;
}

}  // namespace aicp

#pragma once

#include "money/money.h"
#include "pricing/chargemodel.h"

#include <cstdint>
#include <optional>
#include <vector>

#include <QString>
#include <QStringList>

namespace aicp {

// The pricing axes a bill is itemised by, in the order the lines appear.
// The last two come from contract terms (SPEC 10) and only monthly bills
// have them: the unused part of a prepaid year an upgrade credits, and the
// shortfall under a minimum commitment.
enum class BillAxis {
    Base,
    Requests,
    PolicyPacks,
    ComplianceModules,
    Seats,
    Audit,
    Discount,
    PrepaidUnused,
    CommitmentTrueUp
};

// Every axis, in the order bills list them.
inline constexpr BillAxis kBillAxes[] = {BillAxis::Base,
                                         BillAxis::Requests,
                                         BillAxis::PolicyPacks,
                                         BillAxis::ComplianceModules,
                                         BillAxis::Seats,
                                         BillAxis::Audit,
                                         BillAxis::Discount,
                                         BillAxis::PrepaidUnused,
                                         BillAxis::CommitmentTrueUp};
[[nodiscard]] QString billAxisKey(BillAxis axis);    // "base", "policy_packs", …
[[nodiscard]] QString billAxisLabel(BillAxis axis);  // "Base", "Policy packs", …
[[nodiscard]] std::optional<BillAxis> billAxisFromKey(QStringView key);
[[nodiscard]] bool billAxisIsRecurring(BillAxis axis);
// prepaid_unused and commitment_true_up: what contract terms add to a
// month's bill. Views leave out their columns in a month that has none.
[[nodiscard]] bool billAxisIsContractAdjustment(BillAxis axis);

// One line of a bill; `amount` is rounded once to cents, half away from zero.
struct BillLine {
    BillAxis axis = BillAxis::Base;
    QString description;
    std::int64_t quantity = 0;
    std::optional<Money> unitPrice;       // nullopt when several rates applied
    std::vector<ChargePortion> portions;  // how the exact amount was made up
    Money amount;
};

// An itemised monthly bill for one tier. An ineligible bill still carries its
// lines so a comparison can show what the tier would have cost.
struct Bill {
    QString tier;
    QString tierName;
    QString currency;
    bool eligible = true;
    QStringList reasons;  // why the tier cannot serve the subscription
    std::vector<BillLine> lines;
    Money total;  // the sum of the rounded lines

    [[nodiscard]] QString reason() const { return reasons.join(QStringLiteral("; ")); }
    [[nodiscard]] const BillLine* line(BillAxis axis) const;
};

// Every tier's bill for the same needs; the cheapest eligible one marked.
struct TierComparison {
    std::vector<Bill> bills;
    std::optional<std::size_t> cheapestEligible;
};

}  // namespace aicp

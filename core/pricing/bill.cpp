#include "pricing/bill.h"

#include <algorithm>
#include <iterator>

namespace aicp {

namespace {

// Both words of every axis, in the enum's order: the key stored and sent,
// the label people read.
struct AxisWords {
    const char* key;
    const char* label;
};
constexpr AxisWords kAxisWords[] = {
    {"base", "Base"},
    {"requests", "Requests"},
    {"policy_packs", "Policy packs"},
    {"compliance_modules", "Compliance modules"},
    {"seats", "Seats"},
    {"audit", "Audit"},
    {"discount", "Discount"},
    {"prepaid_unused", "Prepaid unused"},
    {"commitment_true_up", "Commitment true-up"},
};
static_assert(std::size(kAxisWords) == std::size(kBillAxes));

}  // namespace

QString billAxisKey(BillAxis axis) {
    return QString::fromLatin1(kAxisWords[std::size_t(axis)].key);
}

QString billAxisLabel(BillAxis axis) {
    return QString::fromLatin1(kAxisWords[std::size_t(axis)].label);
}

std::optional<BillAxis> billAxisFromKey(QStringView key) {
    for (const BillAxis axis : kBillAxes) {
        if (key == QLatin1String(kAxisWords[std::size_t(axis)].key))
            return axis;
    }
    return std::nullopt;
}

bool billAxisIsRecurring(BillAxis axis) {
    // Request charges follow usage; the discount is derived from the others;
    // contract adjustments are computed from whole bills.
    return axis != BillAxis::Requests && axis != BillAxis::Discount &&
           !billAxisIsContractAdjustment(axis);
}

bool billAxisIsContractAdjustment(BillAxis axis) {
    return axis == BillAxis::PrepaidUnused || axis == BillAxis::CommitmentTrueUp;
}

const BillLine* Bill::line(BillAxis axis) const {
    const auto it = std::find_if(lines.begin(), lines.end(),
                                 [axis](const BillLine& line) { return line.axis == axis; });
    return it == lines.end() ? nullptr : &*it;
}

}  // namespace aicp

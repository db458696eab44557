#include "pricing/bill.h"

#include "common/enumwords.h"

#include <algorithm>

namespace aicp {

QString billAxisKey(BillAxis axis) {
    static constexpr EnumWord<BillAxis> kKeys[] = {
        {BillAxis::Base, "base"},
        {BillAxis::Requests, "requests"},
        {BillAxis::PolicyPacks, "policy_packs"},
        {BillAxis::ComplianceModules, "compliance_modules"},
        {BillAxis::Seats, "seats"},
        {BillAxis::Audit, "audit"},
        {BillAxis::Discount, "discount"},
    };
    return wordOf(kKeys, axis);
}

bool billAxisIsRecurring(BillAxis axis) {
    // Request charges follow usage; the discount is derived from the others.
    return axis != BillAxis::Requests && axis != BillAxis::Discount;
}

const BillLine* Bill::line(BillAxis axis) const {
    const auto it = std::find_if(lines.begin(), lines.end(),
                                 [axis](const BillLine& line) { return line.axis == axis; });
    return it == lines.end() ? nullptr : &*it;
}

}  // namespace aicp

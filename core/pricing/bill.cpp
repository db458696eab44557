#include "pricing/bill.h"

#include <algorithm>

namespace aicp {

QString billAxisKey(BillAxis axis) {
    switch (axis) {
        case BillAxis::Base:
            return QStringLiteral("base");
        case BillAxis::Requests:
            return QStringLiteral("requests");
        case BillAxis::PolicyPacks:
            return QStringLiteral("policy_packs");
        case BillAxis::ComplianceModules:
            return QStringLiteral("compliance_modules");
        case BillAxis::Seats:
            return QStringLiteral("seats");
        case BillAxis::Audit:
            return QStringLiteral("audit");
        case BillAxis::Discount:
            return QStringLiteral("discount");
    }
    return {};
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

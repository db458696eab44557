#include "metering/closedperiods.h"

#include "customers/customer.h"
#include "storage/query.h"
#include "storage/workspace.h"

namespace aicp {

Status ClosedPeriods::close(const QString& customerId, YearMonth month) {
    AICP_TRY(checkCustomerId(customerId));
    return executeWith(workspace_.handle(),
                       "INSERT INTO closed_periods (customer_id, month, closed_at) "
                       "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                       customerId, month.toString(), QDateTime::currentDateTimeUtc());
}

Result<bool> ClosedPeriods::isClosed(const QString& customerId, YearMonth month) const {
    AICP_TRY(checkCustomerId(customerId));
    auto found = queryFirstRow<bool>(
        workspace_.handle(), "SELECT 1 FROM closed_periods WHERE customer_id = ?1 AND month = ?2",
        [](const Statement&) { return true; }, customerId, month.toString());
    if (!found)
        return found.error();
    return found->has_value();
}

Result<std::vector<YearMonth>> ClosedPeriods::closedMonths(const QString& customerId) const {
    AICP_TRY(checkCustomerId(customerId));
    std::vector<YearMonth> months;
    AICP_TRY(visitRows(
        workspace_.handle(),
        "SELECT month FROM closed_periods WHERE customer_id = ?1 ORDER BY month",
        [&months](const Statement& row) -> Status {
            if (const auto month = YearMonth::parse(row.text(0)))
                months.push_back(*month);
            return {};
        },
        customerId));
    return months;
}

}  // namespace aicp

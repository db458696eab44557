#include "metering/closedperiods.h"

#include "customers/customer.h"
#include "storage/statement.h"
#include "storage/workspace.h"

namespace aicp {

namespace {

Status checkCustomer(const QString& customerId) {
    if (!isValidCustomerId(customerId))
        return Error::invalidInput(QStringLiteral("'%1' is not a customer id").arg(customerId));
    return {};
}

}  // namespace

Status ClosedPeriods::close(const QString& customerId, YearMonth month) {
    AICP_TRY(checkCustomer(customerId));
    auto insert = Statement::prepare(workspace_.handle(),
                                     "INSERT INTO closed_periods (customer_id, month, closed_at) "
                                     "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
    if (!insert)
        return insert.error();
    AICP_TRY(insert->bindAll(customerId, month.toString(), QDateTime::currentDateTimeUtc()));
    return insert->execute();
}

Result<bool> ClosedPeriods::isClosed(const QString& customerId, YearMonth month) const {
    AICP_TRY(checkCustomer(customerId));
    auto query = Statement::prepare(
        workspace_.handle(), "SELECT 1 FROM closed_periods WHERE customer_id = ?1 AND month = ?2");
    if (!query)
        return query.error();
    AICP_TRY(query->bindAll(customerId, month.toString()));
    auto row = query->step();
    if (!row)
        return row.error();
    query->reset();
    return *row;
}

Result<std::vector<YearMonth>> ClosedPeriods::closedMonths(const QString& customerId) const {
    AICP_TRY(checkCustomer(customerId));
    auto query = Statement::prepare(
        workspace_.handle(),
        "SELECT month FROM closed_periods WHERE customer_id = ?1 ORDER BY month");
    if (!query)
        return query.error();
    AICP_TRY(query->bindAll(customerId));
    std::vector<YearMonth> months;
    while (true) {
        auto row = query->step();
        if (!row)
            return row.error();
        if (!*row)
            return months;
        if (const auto month = YearMonth::parse(query->text(0)))
            months.push_back(*month);
    }
}

}  // namespace aicp

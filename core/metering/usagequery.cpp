#include "metering/usagequery.h"

#include "common/utctime.h"
#include "customers/customer.h"
#include "storage/statement.h"
#include "storage/workspace.h"

#include <string>

namespace aicp {

namespace {

Status checkCustomer(const QString& customerId) {
    if (!isValidCustomerId(customerId))
        return Error::invalidInput(QStringLiteral("'%1' is not a customer id").arg(customerId));
    return {};
}

std::int64_t secondsOf(const QDate& day) {
    return utc::daysFromCivil(day.year(), day.month(), day.day()) * utc::kSecondsPerDay;
}

// The bounds of a range in seconds, [begin, end), or why it is not one.
struct Range {
    std::int64_t begin = 0;
    std::int64_t end = 0;
    std::int64_t step = 0;
    [[nodiscard]] std::size_t windows() const { return std::size_t((end - begin) / step); }
};

Result<Range> rangeOf(const QDate& from, const QDate& to, UsageWindow window) {
    if (!from.isValid() || !to.isValid())
        return Error::invalidInput(QStringLiteral("the date range needs two valid dates"));
    if (to < from)
        return Error::invalidInput(QStringLiteral("the range ends (%1) before it starts (%2)")
                                       .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)));
    if (from.daysTo(to) >= UsageQuery::kMaxSeriesDays)
        return Error::invalidInput(
            QStringLiteral("a range may span at most %1 days").arg(UsageQuery::kMaxSeriesDays));
    return Range{secondsOf(from), secondsOf(to) + utc::kSecondsPerDay,
                 window == UsageWindow::Hour ? utc::kSecondsPerHour : utc::kSecondsPerDay};
}

Status readSums(sqlite3* db, std::string_view sql, const QString& customerId, std::int64_t begin,
                std::int64_t end, std::map<QString, std::int64_t>& into) {
    auto query = Statement::prepare(db, sql);
    if (!query)
        return query.error();
    AICP_TRY(query->bindAll(customerId, begin, end));
    while (true) {
        auto row = query->step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        into[query->text(0)] = query->int64(1);
    }
}

Result<std::int64_t> readCount(sqlite3* db, std::string_view sql, const QString& customerId,
                               const QString& month) {
    auto query = Statement::prepare(db, sql);
    if (!query)
        return query.error();
    AICP_TRY(query->bindAll(customerId, month));
    auto row = query->step();
    if (!row)
        return row.error();
    const std::int64_t count = *row ? query->int64(0) : 0;
    query->reset();
    return count;
}

}  // namespace

Result<MonthlyUsageSummary> UsageQuery::monthlySummary(const QString& customerId,
                                                       YearMonth month) const {
    AICP_TRY(checkCustomer(customerId));
    sqlite3* db = workspace_.handle();
    MonthlyUsageSummary summary;
    summary.customerId = customerId;
    summary.month = month;
    const QString monthText = month.toString();
    const std::int64_t begin = secondsOf(month.firstDay());
    const std::int64_t end = secondsOf(month.next().firstDay());

    auto totals = Statement::prepare(
        db,
        "SELECT coalesce(sum(requests), 0), coalesce(sum(late_requests), 0) FROM usage_hourly "
        "WHERE customer_id = ?1 AND hour >= ?2 AND hour < ?3");
    if (!totals)
        return totals.error();
    AICP_TRY(totals->bindAll(customerId, begin, end));
    auto row = totals->step();
    if (!row)
        return row.error();
    if (*row) {
        summary.requests = totals->int64(0);
        summary.lateRequests = totals->int64(1);
        totals->reset();
    }
    AICP_TRY(readSums(db,
                      "SELECT policy_pack, sum(requests) FROM usage_hourly_policy_packs "
                      "WHERE customer_id = ?1 AND hour >= ?2 AND hour < ?3 GROUP BY policy_pack",
                      customerId, begin, end, summary.policyPacks));
    AICP_TRY(readSums(db,
                      "SELECT compliance_module, sum(requests) FROM "
                      "usage_hourly_compliance_modules WHERE customer_id = ?1 AND hour >= ?2 "
                      "AND hour < ?3 GROUP BY compliance_module",
                      customerId, begin, end, summary.complianceModules));
    auto users = readCount(
        db, "SELECT count(*) FROM usage_monthly_users WHERE customer_id = ?1 AND month = ?2",
        customerId, monthText);
    if (!users)
        return users.error();
    auto agents = readCount(
        db, "SELECT count(*) FROM usage_monthly_agents WHERE customer_id = ?1 AND month = ?2",
        customerId, monthText);
    if (!agents)
        return agents.error();
    summary.activeUsers = *users;
    summary.activeAgents = *agents;
    return summary;
}

Result<std::vector<UsagePoint>> UsageQuery::series(const QString& customerId, const QDate& from,
                                                   const QDate& to, UsageWindow window) const {
    AICP_TRY(checkCustomer(customerId));
    auto range = rangeOf(from, to, window);
    if (!range)
        return range.error();
    std::vector<UsagePoint> points(range->windows());
    for (std::size_t i = 0; i < points.size(); ++i)
        points[i].start =
            QDateTime::fromSecsSinceEpoch(range->begin + std::int64_t(i) * range->step, Qt::UTC);

    auto query = Statement::prepare(workspace_.handle(),
                                    "SELECT hour, requests FROM usage_hourly WHERE customer_id = "
                                    "?1 AND hour >= ?2 AND hour < ?3");
    if (!query)
        return query.error();
    AICP_TRY(query->bindAll(customerId, range->begin, range->end));
    while (true) {
        auto row = query->step();
        if (!row)
            return row.error();
        if (!*row)
            return points;
        points[std::size_t((query->int64(0) - range->begin) / range->step)].requests +=
            query->int64(1);
    }
}

Result<std::map<QString, std::vector<std::int64_t>>> UsageQuery::breakdownSeries(
    const QString& customerId, const QDate& from, const QDate& to, UsageWindow window,
    UsageBreakdown by) const {
    AICP_TRY(checkCustomer(customerId));
    auto range = rangeOf(from, to, window);
    if (!range)
        return range.error();
    const std::string sql =
        by == UsageBreakdown::PolicyPack
            ? "SELECT hour, policy_pack, requests FROM usage_hourly_policy_packs "
              "WHERE customer_id = ?1 AND hour >= ?2 AND hour < ?3"
            : "SELECT hour, compliance_module, requests FROM usage_hourly_compliance_modules "
              "WHERE customer_id = ?1 AND hour >= ?2 AND hour < ?3";
    auto query = Statement::prepare(workspace_.handle(), sql);
    if (!query)
        return query.error();
    AICP_TRY(query->bindAll(customerId, range->begin, range->end));
    std::map<QString, std::vector<std::int64_t>> series;
    while (true) {
        auto row = query->step();
        if (!row)
            return row.error();
        if (!*row)
            return series;
        std::vector<std::int64_t>& counts = series[query->text(1)];
        counts.resize(range->windows(), 0);
        counts[std::size_t((query->int64(0) - range->begin) / range->step)] += query->int64(2);
    }
}

Result<std::vector<UsageImportRecord>> UsageQuery::imports() const {
    auto query = Statement::prepare(
        workspace_.handle(),
        "SELECT id, file_name, format, file_sha256, file_bytes, started_at, finished_at, "
        "new_events, duplicate_events, rejected_rows, late_events FROM usage_imports "
        "ORDER BY id DESC");
    if (!query)
        return query.error();
    std::vector<UsageImportRecord> records;
    while (true) {
        auto row = query->step();
        if (!row)
            return row.error();
        if (!*row)
            return records;
        records.push_back({query->int64(0), query->text(1), query->text(2), query->text(3),
                           query->int64(4), query->time(5), query->time(6), query->int64(7),
                           query->int64(8), query->int64(9), query->int64(10)});
    }
}

Result<std::optional<YearMonth>> UsageQuery::latestMonthWithUsage(const QDate& notAfter) const {
    if (!notAfter.isValid())
        return Error::invalidInput(QStringLiteral("the latest month needs a valid date"));
    auto query = Statement::prepare(
        workspace_.handle(),
        "SELECT coalesce(max(hour), -1) FROM usage_hourly WHERE hour < ?1 AND requests > 0");
    if (!query)
        return query.error();
    AICP_TRY(query->bindAll(secondsOf(YearMonth::of(notAfter).next().firstDay())));
    auto row = query->step();
    if (!row)
        return row.error();
    if (!*row || query->int64(0) < 0)
        return std::optional<YearMonth>();
    const QDate day = QDateTime::fromSecsSinceEpoch(query->int64(0), Qt::UTC).date();
    return std::optional<YearMonth>(YearMonth::of(day));
}

}  // namespace aicp

#include "metering/usagequery.h"

#include "common/utctime.h"
#include "customers/customer.h"
#include "storage/query.h"
#include "storage/workspace.h"

#include <string>

namespace aicp {

namespace {

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

Status readSums(Database* db, std::string_view sql, const QString& customerId, std::int64_t begin,
                std::int64_t end, std::map<QString, std::int64_t>& into) {
    return visitRows(
        db, sql,
        [&into](const Statement& row) -> Status {
            into[row.text(0)] = row.int64(1);
            return {};
        },
        customerId, begin, end);
}

}  // namespace

Result<MonthlyUsageSummary> UsageQuery::monthlySummary(const QString& customerId,
                                                       YearMonth month) const {
    AICP_TRY(checkCustomerId(customerId));
    Database* db = workspace_.handle();
    MonthlyUsageSummary summary;
    summary.customerId = customerId;
    summary.month = month;
    const QString monthText = month.toString();
    const std::int64_t begin = secondsOf(month.firstDay());
    const std::int64_t end = secondsOf(month.next().firstDay());

    AICP_TRY(visitRows(
        db,
        "SELECT coalesce(sum(requests), 0), coalesce(sum(late_requests), 0) FROM usage_hourly "
        "WHERE customer_id = ?1 AND hour >= ?2 AND hour < ?3",
        [&summary](const Statement& row) -> Status {
            summary.requests = row.int64(0);
            summary.lateRequests = row.int64(1);
            return {};
        },
        customerId, begin, end));
    AICP_TRY(readSums(db,
                      "SELECT policy_pack, sum(requests) FROM usage_hourly_policy_packs "
                      "WHERE customer_id = ?1 AND hour >= ?2 AND hour < ?3 GROUP BY policy_pack",
                      customerId, begin, end, summary.policyPacks));
    AICP_TRY(readSums(db,
                      "SELECT compliance_module, sum(requests) FROM "
                      "usage_hourly_compliance_modules WHERE customer_id = ?1 AND hour >= ?2 "
                      "AND hour < ?3 GROUP BY compliance_module",
                      customerId, begin, end, summary.complianceModules));
    auto users = queryInt64Or(
        db, "SELECT count(*) FROM usage_monthly_users WHERE customer_id = ?1 AND month = ?2", 0,
        customerId, monthText);
    if (!users)
        return users.error();
    auto agents = queryInt64Or(
        db, "SELECT count(*) FROM usage_monthly_agents WHERE customer_id = ?1 AND month = ?2", 0,
        customerId, monthText);
    if (!agents)
        return agents.error();
    summary.activeUsers = *users;
    summary.activeAgents = *agents;
    return summary;
}

Result<std::vector<UsagePoint>> UsageQuery::series(const QString& customerId, const QDate& from,
                                                   const QDate& to, UsageWindow window) const {
    AICP_TRY(checkCustomerId(customerId));
    auto range = rangeOf(from, to, window);
    if (!range)
        return range.error();
    std::vector<UsagePoint> points(range->windows());
    for (std::size_t i = 0; i < points.size(); ++i)
        points[i].start =
            QDateTime::fromSecsSinceEpoch(range->begin + std::int64_t(i) * range->step, Qt::UTC);

    AICP_TRY(visitRows(
        workspace_.handle(),
        "SELECT hour, requests FROM usage_hourly WHERE customer_id = ?1 AND hour >= ?2 AND "
        "hour < ?3",
        [&points, &range](const Statement& row) -> Status {
            points[std::size_t((row.int64(0) - range->begin) / range->step)].requests +=
                row.int64(1);
            return {};
        },
        customerId, range->begin, range->end));
    return points;
}

Result<std::map<QString, std::vector<std::int64_t>>> UsageQuery::breakdownSeries(
    const QString& customerId, const QDate& from, const QDate& to, UsageWindow window,
    UsageBreakdown by) const {
    AICP_TRY(checkCustomerId(customerId));
    auto range = rangeOf(from, to, window);
    if (!range)
        return range.error();
    const std::string sql =
        by == UsageBreakdown::PolicyPack
            ? "SELECT hour, policy_pack, requests FROM usage_hourly_policy_packs "
              "WHERE customer_id = ?1 AND hour >= ?2 AND hour < ?3"
            : "SELECT hour, compliance_module, requests FROM usage_hourly_compliance_modules "
              "WHERE customer_id = ?1 AND hour >= ?2 AND hour < ?3";
    std::map<QString, std::vector<std::int64_t>> series;
    AICP_TRY(visitRows(
        workspace_.handle(), sql,
        [&series, &range](const Statement& row) -> Status {
            std::vector<std::int64_t>& counts = series[row.text(1)];
            counts.resize(range->windows(), 0);
            counts[std::size_t((row.int64(0) - range->begin) / range->step)] += row.int64(2);
            return {};
        },
        customerId, range->begin, range->end));
    return series;
}

Result<std::vector<UsageImportRecord>> UsageQuery::imports() const {
    return queryRows<UsageImportRecord>(
        workspace_.handle(),
        "SELECT id, file_name, format, file_sha256, file_bytes, started_at, finished_at, "
        "new_events, duplicate_events, rejected_rows, late_events FROM usage_imports "
        "ORDER BY id DESC",
        [](const Statement& row) {
            return UsageImportRecord{row.int64(0), row.text(1),  row.text(2),  row.text(3),
                                     row.int64(4), row.time(5),  row.time(6),  row.int64(7),
                                     row.int64(8), row.int64(9), row.int64(10)};
        });
}

Result<std::int64_t> UsageQuery::eventCount() const {
    return queryInt64(workspace_.handle(), "SELECT count(*) FROM usage_events");
}

Result<std::optional<YearMonth>> UsageQuery::latestMonthWithUsage(const QDate& notAfter) const {
    if (!notAfter.isValid())
        return Error::invalidInput(QStringLiteral("the latest month needs a valid date"));
    auto latest = queryInt64Or(
        workspace_.handle(),
        "SELECT coalesce(max(hour), -1) FROM usage_hourly WHERE hour < ?1 AND requests > 0", -1,
        secondsOf(YearMonth::of(notAfter).next().firstDay()));
    if (!latest)
        return latest.error();
    if (*latest < 0)
        return std::optional<YearMonth>();
    const QDate day = QDateTime::fromSecsSinceEpoch(*latest, Qt::UTC).date();
    return std::optional<YearMonth>(YearMonth::of(day));
}

}  // namespace aicp

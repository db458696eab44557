#pragma once

#include "common/result.h"
#include "metering/yearmonth.h"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include <QDate>
#include <QDateTime>
#include <QString>

namespace aicp {

class Workspace;

// One customer's usage in one month, from the aggregates. Requests and the
// breakdowns are sums of quantity; a request can carry several packs and
// modules, so the breakdowns need not add up to `requests`.
struct MonthlyUsageSummary {
    QString customerId;
    YearMonth month;
    std::int64_t requests = 0;
    std::int64_t lateRequests = 0;                // of which arrived after the month was closed
    std::map<QString, std::int64_t> policyPacks;  // by name
    std::map<QString, std::int64_t> complianceModules;  // by name
    std::int64_t activeUsers = 0;                       // distinct users (seats)
    std::int64_t activeAgents = 0;                      // distinct agents
};

enum class UsageWindow { Hour, Day };
enum class UsageBreakdown { PolicyPack, ComplianceModule };

// One window of a series: its first instant (UTC) and its requests.
struct UsagePoint {
    QDateTime start;
    std::int64_t requests = 0;
};

// A committed import, as recorded.
struct UsageImportRecord {
    std::int64_t id = 0;
    QString fileName;
    QString format;  // "csv" or "jsonl"
    QString sha256;
    std::int64_t bytes = 0;
    QDateTime startedAt;
    QDateTime finishedAt;
    std::int64_t newEvents = 0;
    std::int64_t duplicates = 0;
    std::int64_t rejected = 0;
    std::int64_t late = 0;
};

// Reads the usage aggregates for summaries, charts and bills; never scans raw
// events. Dates are UTC days; a range runs from the start of `from` to the
// end of `to`, both included.
class UsageQuery {
public:
    // The longest range a series covers: ten years of days, or of hours.
    static constexpr qint64 kMaxSeriesDays = 3660;

    explicit UsageQuery(Workspace& workspace) : workspace_(workspace) {}

    [[nodiscard]] Result<MonthlyUsageSummary> monthlySummary(const QString& customerId,
                                                             YearMonth month) const;
    // Every window of the range in order, zero where there was no usage, so
    // a chart gets an evenly spaced line.
    [[nodiscard]] Result<std::vector<UsagePoint>> series(const QString& customerId,
                                                         const QDate& from, const QDate& to,
                                                         UsageWindow window) const;
    // The same windows split by pack or module: name -> one count per window,
    // aligned with series().
    [[nodiscard]] Result<std::map<QString, std::vector<std::int64_t>>> breakdownSeries(
        const QString& customerId, const QDate& from, const QDate& to, UsageWindow window,
        UsageBreakdown by) const;
    // Newest first.
    [[nodiscard]] Result<std::vector<UsageImportRecord>> imports() const;
    // The latest month with any customer's requests, up to the month of
    // `notAfter` (later months are forecasts' business); nullopt: no usage.
    [[nodiscard]] Result<std::optional<YearMonth>> latestMonthWithUsage(
        const QDate& notAfter) const;
    // How many usage events the workspace stores.
    [[nodiscard]] Result<std::int64_t> eventCount() const;

private:
    Workspace& workspace_;
};

}  // namespace aicp

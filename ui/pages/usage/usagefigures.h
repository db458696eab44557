#pragma once

#include "common/error.h"
#include "licensing/licenseregistry.h"
#include "metering/importwording.h"
#include "metering/yearmonth.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <QDateTime>
#include <QString>

namespace aicp {

// The Usage page's arithmetic and wording, apart from any widget so tests
// can check it with numbers written out by hand.

// How many complete days the month-end projection averages.
inline constexpr int kProjectionBasisDays = 7;

// Where a month is headed: requests so far plus the mean of the last
// kProjectionBasisDays complete days times the days left, today's unelapsed
// hours counted as a fraction of a day. Only for the month `now` is in.
struct MonthProjection {
    std::int64_t requestsSoFar = 0;
    double dailyRate = 0;    // mean requests per complete day
    int basisDays = 0;       // complete days the mean is over
    double daysLeft = 0;     // from `now` to the end of the month
    double elapsedDays = 0;  // from the start of the month to `now`
    std::int64_t projected = 0;
};

// nullopt unless `now` falls inside `month`. `recentDays` are the requests
// of the complete days before `now`'s day, oldest first (at most
// kProjectionBasisDays are used, the newest).
[[nodiscard]] std::optional<MonthProjection> projectMonthEnd(
    YearMonth month, const QDateTime& now, std::int64_t requestsSoFar,
    std::span<const std::int64_t> recentDays);

// Running totals: element i is the sum of values[0..i].
[[nodiscard]] std::vector<std::int64_t> runningTotals(std::span<const std::int64_t> values);

// Which of `values` (evenly spaced) to draw when there are more of them
// than `maxPoints`: Largest-Triangle-Three-Buckets, which keeps the peaks
// and the troughs a plain average would flatten. Every index when there are
// few enough; the first and the last are always kept. For display only:
// totals are never computed from the kept points.
[[nodiscard]] std::vector<std::size_t> displayIndices(std::span<const double> values,
                                                      std::size_t maxPoints);

// The instant whose license governs a month: now for the current month, the
// month's last second for a past one, its first second for a future one.
[[nodiscard]] QDateTime governingInstant(YearMonth month, const QDateTime& now);

}  // namespace aicp

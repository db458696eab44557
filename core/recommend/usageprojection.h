#pragma once

#include "common/result.h"
#include "metering/usagequery.h"
#include "metering/yearmonth.h"

#include <cstdint>
#include <span>

#include <QDate>
#include <QDateTime>
#include <QString>

namespace aicp {

// Where a month's requests are headed, in whole requests and exact integer
// arithmetic: the requests so far plus the daily rate of the last
// kBasisDays complete days of the month (fewer while the month is younger;
// on its first day, the rate of the hours elapsed) times the time left. A
// month that is over projects its actual total.
struct UsageProjection {
    static constexpr int kBasisDays = 7;

    YearMonth month;
    QDateTime at;                    // the instant projected from (UTC); a past month's end
    bool complete = false;           // the month is over: `projected` is its total
    std::int64_t requestsSoFar = 0;  // of the hours that started before `at`
    int basisDays = 0;               // complete days the rate averages; 0 on day one
    QDate basisFrom;                 // the basis days, both included (invalid when none)
    QDate basisTo;
    std::int64_t basisRequests = 0;  // requests in the basis
    std::int64_t basisSeconds = 0;   // how long the basis lasts
    std::int64_t secondsLeft = 0;    // from `at` to the end of the month
    std::int64_t projected = 0;

    // The requests a day the basis runs at, rounded half up.
    [[nodiscard]] std::int64_t dailyRate() const;
    // How the figure was made, in one English sentence with the numbers.
    [[nodiscard]] QString explanation() const;

    // `hourly` are the month's hourly points (UsageQuery::series); points
    // outside the month are ignored. A month that has not begun is refused.
    [[nodiscard]] static Result<UsageProjection> compute(YearMonth month, const QDateTime& now,
                                                         std::span<const UsagePoint> hourly);
};

}  // namespace aicp

#include "recommend/usageprojection.h"

#include "common/englishcount.h"

#include <algorithm>
#include <vector>

namespace aicp {
namespace {

__extension__ using Wide = __int128;

constexpr std::int64_t kSecondsPerDay = 86400;

// a × b / c for non-negative values, rounded half up; c > 0.
std::int64_t scaleRounded(std::int64_t a, std::int64_t b, std::int64_t c) {
    const Wide product = static_cast<Wide>(a) * static_cast<Wide>(b);
    return static_cast<std::int64_t>((2 * product + c) / (2 * static_cast<Wide>(c)));
}

// "4.96" days: hundredths, rounded half up, with no floating point.
QString days(std::int64_t seconds) {
    const std::int64_t hundredths = scaleRounded(seconds, 100, kSecondsPerDay);
    return QStringLiteral("%1.%2").arg(hundredths / 100).arg(hundredths % 100, 2, 10, QChar(u'0'));
}

QString day(const QDate& date) {
    return date.toString(Qt::ISODate);
}

}  // namespace

std::int64_t UsageProjection::dailyRate() const {
    return basisSeconds > 0 ? scaleRounded(basisRequests, kSecondsPerDay, basisSeconds) : 0;
}

QString UsageProjection::explanation() const {
    if (complete)
        return QStringLiteral("%1 is over: %2 requests, its actual total.")
            .arg(month.toString(), englishCount(projected));
    QString basis;
    if (basisDays == kBasisDays)
        basis = QStringLiteral("the mean of the last %1 complete days, %2 to %3")
                    .arg(basisDays)
                    .arg(day(basisFrom), day(basisTo));
    else if (basisDays > 0)
        basis = QStringLiteral(
                    "the mean of the %1 complete %2 of the month so far, %3 to %4 (the month is "
                    "younger than %5 days)")
                    .arg(basisDays)
                    .arg(basisDays == 1 ? QStringLiteral("day") : QStringLiteral("days"),
                         day(basisFrom), day(basisTo))
                    .arg(kBasisDays);
    else
        basis = QStringLiteral(
                    "no day of the month is complete yet: the rate of its first %1 "
                    "hours")
                    .arg(days(basisSeconds * 24));
    return QStringLiteral(
               "%1 requests so far (to %2) + %3 a day (%4) × %5 days left = %6 "
               "projected.")
        .arg(englishCount(requestsSoFar),
             at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
             englishCount(dailyRate()), basis, days(secondsLeft), englishCount(projected));
}

Result<UsageProjection> UsageProjection::compute(YearMonth month, const QDateTime& now,
                                                 std::span<const UsagePoint> hourly) {
    if (month.month < 1 || month.month > 12 || !month.firstDay().isValid())
        return Error::invalidInput(QStringLiteral("'%1' is not a month").arg(month.toString()));
    const QDateTime begin(month.firstDay(), QTime(0, 0), Qt::UTC);
    const QDateTime end(month.next().firstDay(), QTime(0, 0), Qt::UTC);
    const QDateTime utcNow = now.toUTC();
    if (utcNow < begin)
        return Error::invalidInput(
            QStringLiteral("%1 has not begun: there is no usage to project yet (choose the "
                           "current month or an earlier one)")
                .arg(month.toString()));

    UsageProjection projection;
    projection.month = month;
    projection.complete = utcNow >= end;
    projection.at = projection.complete ? end : utcNow;
    const std::int64_t beginSecs = begin.toSecsSinceEpoch();
    const std::int64_t atSecs = projection.at.toSecsSinceEpoch();
    const std::int64_t elapsedDays = (atSecs - beginSecs) / kSecondsPerDay;

    // Requests per complete day of the month, for the basis.
    std::vector<std::int64_t> perDay(
        static_cast<std::size_t>(std::max<std::int64_t>(0, elapsedDays)));
    for (const UsagePoint& point : hourly) {
        const std::int64_t start = point.start.toSecsSinceEpoch();
        if (start < beginSecs || start >= atSecs)
            continue;
        projection.requestsSoFar += point.requests;
        const std::int64_t dayIndex = (start - beginSecs) / kSecondsPerDay;
        if (dayIndex < elapsedDays)
            perDay[static_cast<std::size_t>(dayIndex)] += point.requests;
    }
    if (projection.complete) {
        projection.projected = projection.requestsSoFar;
        return projection;
    }

    projection.secondsLeft = end.toSecsSinceEpoch() - atSecs;
    projection.basisDays = static_cast<int>(std::min<std::int64_t>(elapsedDays, kBasisDays));
    if (projection.basisDays > 0) {
        const std::int64_t first = elapsedDays - projection.basisDays;
        for (std::int64_t i = first; i < elapsedDays; ++i)
            projection.basisRequests += perDay[static_cast<std::size_t>(i)];
        projection.basisSeconds = projection.basisDays * kSecondsPerDay;
        projection.basisFrom = month.firstDay().addDays(first);
        projection.basisTo = month.firstDay().addDays(elapsedDays - 1);
    } else {
        // Day one has no complete day: its own hours are the only evidence.
        projection.basisRequests = projection.requestsSoFar;
        projection.basisSeconds = atSecs - beginSecs;
    }
    projection.projected =
        projection.requestsSoFar +
        (projection.basisSeconds > 0 ? scaleRounded(projection.basisRequests,
                                                    projection.secondsLeft, projection.basisSeconds)
                                     : 0);
    return projection;
}

}  // namespace aicp

#include "pages/usage/usagefigures.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QTimeZone>

namespace aicp {
namespace {

QDateTime startOf(YearMonth month) {
    return QDateTime(month.firstDay(), QTime(0, 0), Qt::UTC);
}

}  // namespace

std::optional<MonthProjection> projectMonthEnd(YearMonth month, const QDateTime& now,
                                               std::int64_t requestsSoFar,
                                               std::span<const std::int64_t> recentDays) {
    const QDateTime utcNow = now.toUTC();
    const QDateTime begin = startOf(month);
    const QDateTime end = startOf(month.next());
    if (utcNow < begin || utcNow >= end)
        return std::nullopt;
    constexpr double kSecondsPerDay = 86400.0;
    MonthProjection projection;
    projection.requestsSoFar = requestsSoFar;
    projection.elapsedDays = static_cast<double>(begin.secsTo(utcNow)) / kSecondsPerDay;
    projection.daysLeft = static_cast<double>(utcNow.secsTo(end)) / kSecondsPerDay;
    const std::size_t used = std::min<std::size_t>(recentDays.size(), kProjectionBasisDays);
    projection.basisDays = static_cast<int>(used);
    if (used > 0) {
        std::int64_t sum = 0;
        for (std::size_t i = recentDays.size() - used; i < recentDays.size(); ++i)
            sum += recentDays[i];
        projection.dailyRate = static_cast<double>(sum) / static_cast<double>(used);
    }
    projection.projected = requestsSoFar + std::llround(projection.dailyRate * projection.daysLeft);
    return projection;
}

std::vector<std::int64_t> runningTotals(std::span<const std::int64_t> values) {
    std::vector<std::int64_t> totals;
    totals.reserve(values.size());
    std::int64_t sum = 0;
    for (const std::int64_t value : values) {
        sum += value;
        totals.push_back(sum);
    }
    return totals;
}

std::vector<std::size_t> displayIndices(std::span<const double> values, std::size_t maxPoints) {
    const std::size_t count = values.size();
    std::vector<std::size_t> kept;
    if (count <= maxPoints || maxPoints < 3) {
        kept.resize(count);
        for (std::size_t i = 0; i < count; ++i)
            kept[i] = i;
        return kept;
    }
    // The first and last points stay; the ones between fall into maxPoints - 2
    // buckets, and from each the point making the largest triangle with the
    // previously kept point and the next bucket's average is kept.
    kept.reserve(maxPoints);
    kept.push_back(0);
    const double bucketSize = static_cast<double>(count - 2) / static_cast<double>(maxPoints - 2);
    std::size_t previous = 0;
    for (std::size_t bucket = 0; bucket < maxPoints - 2; ++bucket) {
        const auto first = static_cast<std::size_t>(std::floor(bucket * bucketSize)) + 1;
        const auto last = std::min(
            static_cast<std::size_t>(std::floor((bucket + 1) * bucketSize)) + 1, count - 1);
        const auto nextFirst = last;
        const auto nextLast =
            std::min(static_cast<std::size_t>(std::floor((bucket + 2) * bucketSize)) + 1, count);
        double nextX = 0;
        double nextY = 0;
        for (std::size_t i = nextFirst; i < nextLast; ++i) {
            nextX += static_cast<double>(i);
            nextY += values[i];
        }
        const auto span = static_cast<double>(std::max<std::size_t>(1, nextLast - nextFirst));
        nextX /= span;
        nextY /= span;
        const auto px = static_cast<double>(previous);
        const double py = values[previous];
        double largest = -1;
        std::size_t choice = first;
        for (std::size_t i = first; i < std::max(last, first + 1) && i < count - 1; ++i) {
            const double area = std::abs((px - nextX) * (values[i] - py) -
                                         (px - static_cast<double>(i)) * (nextY - py));
            if (area > largest) {
                largest = area;
                choice = i;
            }
        }
        kept.push_back(choice);
        previous = choice;
    }
    kept.push_back(count - 1);
    return kept;
}

QDateTime governingInstant(YearMonth month, const QDateTime& now) {
    const QDateTime begin = startOf(month);
    const QDateTime end = startOf(month.next());
    const QDateTime utcNow = now.toUTC();
    if (utcNow < begin)
        return begin;
    if (utcNow >= end)
        return end.addSecs(-1);
    return utcNow;
}

}  // namespace aicp

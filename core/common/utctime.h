#pragma once

#include <cstdint>
#include <string_view>

namespace aicp {

// Calendar arithmetic on UTC seconds since 1970, with no allocation and no
// time-zone database: the import reads a million timestamps and must not pay
// for QDateTime on each.
namespace utc {

struct CivilDate {
    int year = 1970;
    int month = 1;
    int day = 1;
};

inline constexpr std::int64_t kSecondsPerHour = 3600;
inline constexpr std::int64_t kSecondsPerDay = 86400;

[[nodiscard]] std::int64_t daysFromCivil(int year, int month, int day);
[[nodiscard]] CivilDate civilFromDays(std::int64_t days);
[[nodiscard]] int daysInMonth(int year, int month);

// Floors, so an instant before 1970 still lands in its own hour or day.
[[nodiscard]] inline std::int64_t floorDiv(std::int64_t value, std::int64_t divisor) {
    const std::int64_t quotient = value / divisor;
    return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
}
// Months since 0000-01 (YearMonth::index) of an instant.
[[nodiscard]] std::int64_t monthIndexOf(std::int64_t seconds);

// What reading an RFC 3339 timestamp found. On success `seconds` is the
// instant in UTC, fractions of a second dropped (aggregates are hourly).
struct TimestampReading {
    enum class Problem {
        None,
        Malformed,    // not shaped like 2026-03-01T09:30:00Z
        InvalidDate,  // 2026-02-30
        InvalidTime,  // 24:00:00, 09:60:00
        NoZone,       // 2026-03-01T09:30:00 (local time of an unknown place)
        UnknownZone,  // a zone name ("PST", "UTC") or an offset beyond ±23:59
    };
    Problem problem = Problem::None;
    std::int64_t seconds = 0;
};

// Accepts YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM), 't'/'z'/space allowed
// where RFC 3339 allows them, years 1970 to 9999.
[[nodiscard]] TimestampReading parseRfc3339(std::string_view text);

}  // namespace utc
}  // namespace aicp

#include "common/utctime.h"

namespace aicp::utc {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Reads exactly `count` digits at `pos`; -1 when any is not a digit.
int digits(std::string_view text, std::size_t pos, std::size_t count) {
    if (pos + count > text.size())
        return -1;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!isDigit(text[i]))
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

bool isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

}  // namespace

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian
// calendar, branch-light, no tables.
std::int64_t daysFromCivil(int year, int month, int day) {
    const std::int64_t y = year - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yearOfEra = y - era * 400;
    const std::int64_t dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const std::int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

CivilDate civilFromDays(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t dayOfEra = days - era * 146097;
    const std::int64_t yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t shiftedMonth = (5 * dayOfYear + 2) / 153;
    const int day = static_cast<int>(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
    const int month = static_cast<int>(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
    const int year = static_cast<int>(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && isLeapYear(year))
        return 29;
    return kDays[month - 1];
}

std::int64_t monthIndexOf(std::int64_t seconds) {
    const CivilDate date = civilFromDays(floorDiv(seconds, kSecondsPerDay));
    return std::int64_t(date.year) * 12 + (date.month - 1);
}

TimestampReading parseRfc3339(std::string_view text) {
    using Problem = TimestampReading::Problem;
    // Shape first, so "2026-13-01" is called an invalid date but "yesterday"
    // is called malformed.
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    if (text.size() < 19 || year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 ||
        second < 0 || text[4] != '-' || text[7] != '-' || text[13] != ':' || text[16] != ':' ||
        (text[10] != 'T' && text[10] != 't' && text[10] != ' '))
        return {Problem::Malformed};

    std::size_t pos = 19;
    if (pos < text.size() && text[pos] == '.') {
        const std::size_t fractionStart = ++pos;
        while (pos < text.size() && isDigit(text[pos]))
            ++pos;
        if (pos == fractionStart)
            return {Problem::Malformed};
    }

    std::int64_t offsetSeconds = 0;
    const std::string_view zone = text.substr(pos);
    if (zone.empty())
        return {Problem::NoZone};
    if (zone == "Z" || zone == "z") {
        offsetSeconds = 0;
    } else if ((zone[0] == '+' || zone[0] == '-') && zone.size() == 6 && zone[3] == ':') {
        const int offsetHours = digits(zone, 1, 2);
        const int offsetMinutes = digits(zone, 4, 2);
        if (offsetHours < 0 || offsetMinutes < 0)
            return {Problem::Malformed};
        if (offsetHours > 23 || offsetMinutes > 59)
            return {Problem::UnknownZone};
        offsetSeconds = (offsetHours * 60 + offsetMinutes) * 60;
        if (zone[0] == '-')
            offsetSeconds = -offsetSeconds;
    } else {
        return {Problem::UnknownZone};
    }

    if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return {Problem::InvalidDate};
    // A leap second (:60) is refused rather than folded into the next minute:
    // event producers do not emit them, so one is a sign of a broken clock.
    if (hour > 23 || minute > 59 || second > 59)
        return {Problem::InvalidTime};
    const std::int64_t local =
        daysFromCivil(year, month, day) * kSecondsPerDay + hour * 3600 + minute * 60 + second;
    return {Problem::None, local - offsetSeconds};
}

}  // namespace aicp::utc

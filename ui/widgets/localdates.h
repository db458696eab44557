#pragma once

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>

namespace aicp {

// Dates as the user's locale writes them, for the screen only: "11/24/2026"
// in en_US, "24.11.2026" in de_DE. The year is always in full, as licenses and
// keys live for years. Files keep ISO 8601 (core/ formats those).
[[nodiscard]] QString dateFormatWithFullYear(const QLocale& locale = QLocale());
[[nodiscard]] QString displayDate(QDate date, const QLocale& locale = QLocale());
// A day within a year the reader already knows (a chart's axis): the
// locale's short date without its year, "11/24" in en_US, "24.11" in de_DE.
[[nodiscard]] QString displayDayMonth(QDate date, const QLocale& locale = QLocale());
// A day with its weekday, for a chart's tooltip: "Tue 11/24/2026".
[[nodiscard]] QString displayDayWithWeekday(QDate date, const QLocale& locale = QLocale());
// A month and its year, "November 2026", in the locale's words.
[[nodiscard]] QString displayMonth(QDate date, const QLocale& locale = QLocale());
// A moment in UTC, said so: "24.11.2026 14:05 UTC". Empty when invalid.
[[nodiscard]] QString displayUtcTime(const QDateTime& time, const QLocale& locale = QLocale());

}  // namespace aicp

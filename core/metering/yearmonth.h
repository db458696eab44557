#pragma once

// moc reads the headers of QObject classes and cannot parse <compare>
// when nothing of Qt came before it; it needs nothing from it.
#ifndef Q_MOC_RUN
#include <compare>
#endif
#include <cstdint>
#include <optional>

#include <QDate>
#include <QString>
#include <QStringView>

namespace aicp {

// A calendar month in UTC ("2026-03"): the unit of billing periods, seats and
// closed periods. Stored as text "YYYY-MM" so it reads well in the sqlite3 shell.
struct YearMonth {
    int year = 1970;
    int month = 1;  // 1..12

    // "YYYY-MM" with a four-digit year; nullopt for anything else.
    [[nodiscard]] static std::optional<YearMonth> parse(QStringView text);
    [[nodiscard]] static YearMonth of(const QDate& date) { return {date.year(), date.month()}; }
    // Months since 0000-01, so neighbouring months differ by one.
    [[nodiscard]] static YearMonth fromIndex(std::int64_t index);

    [[nodiscard]] std::int64_t index() const { return std::int64_t(year) * 12 + (month - 1); }
    [[nodiscard]] QString toString() const;
    [[nodiscard]] QDate firstDay() const { return {year, month, 1}; }
    [[nodiscard]] YearMonth next() const { return fromIndex(index() + 1); }

    friend auto operator<=>(const YearMonth&, const YearMonth&) = default;
};

}  // namespace aicp

#pragma once

#include "common/result.h"

#include <compare>
#include <cstdint>

#include <QString>
#include <QStringView>

namespace aicp {

class Percent;

// An exact amount of the price book's currency in integer micro-units
// (1 USD = 1,000,000). Arithmetic that could overflow is checked and returns
// a Result; there is no floating point anywhere in this type.
class Money {
public:
    static constexpr std::int64_t kMicrosPerUnit = 1'000'000;
    static constexpr std::int64_t kMicrosPerCent = 10'000;
    static constexpr int kMaxDecimals = 6;
    // Nine trillion units: every amount the checked operations produce stays
    // within this bound, which leaves room to round any of them to cents.
    static constexpr std::int64_t kMaxMicros = 9'000'000'000'000'000'000;

    constexpr Money() = default;
    // For trusted constants and stored values within ±kMaxMicros; anything
    // that comes from a user goes through parse() or the checked operations.
    static constexpr Money fromMicros(std::int64_t micros) { return Money(micros); }
    static constexpr Money fromUnits(std::int64_t units) { return Money(units * kMicrosPerUnit); }

    // Parses a plain decimal such as "1234.56", "-0.0005" or "299". No
    // grouping, no currency sign, at most six decimals, within range.
    static Result<Money> parse(QStringView text);

    [[nodiscard]] constexpr std::int64_t micros() const { return micros_; }
    [[nodiscard]] constexpr bool isZero() const { return micros_ == 0; }
    [[nodiscard]] constexpr bool isNegative() const { return micros_ < 0; }

    [[nodiscard]] Result<Money> plus(Money other) const;
    [[nodiscard]] Result<Money> minus(Money other) const;
    [[nodiscard]] Result<Money> times(std::int64_t quantity) const;
    [[nodiscard]] constexpr Money negated() const { return Money(-micros_); }
    [[nodiscard]] constexpr Money abs() const { return micros_ < 0 ? negated() : *this; }

    // The share `percent` of this amount, rounded half away from zero to a
    // micro-unit. Cannot overflow: the share is never larger than the amount.
    [[nodiscard]] Money percentOf(Percent percent) const;
    // The same share rounded once, straight to whole cents, so a bill line
    // never suffers double rounding (micro-units first, then cents).
    [[nodiscard]] Money percentOfInCents(Percent percent) const;

    // Rounded to whole cents, half away from zero (2.345 -> 2.35, -2.345 -> -2.35).
    [[nodiscard]] Money roundedToCents() const;

    // Machine form: "-1234.5" style with at least `minDecimals` decimals and
    // trailing zeros beyond them dropped ("0.0005", "299.00", "12.34").
    [[nodiscard]] QString toDecimalString(int minDecimals = 2) const;

    friend constexpr auto operator<=>(Money, Money) = default;

private:
    constexpr explicit Money(std::int64_t micros) : micros_(micros) {}

    std::int64_t micros_ = 0;
};

// A percentage in exact micro-percent (12.5 % = 12,500,000), from 0 to 100 %.
class Percent {
public:
    static constexpr std::int64_t kMicrosPerPercent = 1'000'000;

    constexpr Percent() = default;
    static constexpr Percent fromMicroPercent(std::int64_t value) { return Percent(value); }
    static constexpr Percent fromWhole(std::int64_t percent) {
        return Percent(percent * kMicrosPerPercent);
    }

    // Parses "10", "12.5" or "0.25"; refuses negatives and anything above 100.
    static Result<Percent> parse(QStringView text);

    [[nodiscard]] constexpr std::int64_t microPercent() const { return value_; }
    [[nodiscard]] constexpr bool isZero() const { return value_ == 0; }
    [[nodiscard]] QString toDecimalString() const;

    friend constexpr auto operator<=>(Percent, Percent) = default;

private:
    constexpr explicit Percent(std::int64_t value) : value_(value) {}

    std::int64_t value_ = 0;
};

}  // namespace aicp

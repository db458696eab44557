#include "money/money.h"

namespace aicp {
namespace {

__extension__ using Int128 = __int128;

// Parses an unsigned decimal into an integer scaled by 10^scaleDecimals.
// Shared by Money and Percent so both refuse the same malformed inputs.
Result<std::int64_t> parseScaledDecimal(QStringView text, int scaleDecimals, const QString& what) {
    const QString shown = text.toString();
    if (text.isEmpty())
        return Error::invalidInput(QStringLiteral("%1 is empty").arg(what));

    bool negative = false;
    qsizetype pos = 0;
    if (text.front() == u'-' || text.front() == u'+') {
        negative = text.front() == u'-';
        ++pos;
    }

    std::int64_t whole = 0;
    std::int64_t fraction = 0;
    int wholeDigits = 0;
    int fractionDigits = 0;
    bool seenPoint = false;
    for (; pos < text.size(); ++pos) {
        const QChar c = text.at(pos);
        if (c == u'.') {
            if (seenPoint)
                return Error::invalidInput(
                    QStringLiteral("%1 '%2' has more than one decimal point").arg(what, shown));
            seenPoint = true;
            continue;
        }
        if (c < u'0' || c > u'9')
            return Error::invalidInput(
                QStringLiteral("%1 '%2' is not a decimal number").arg(what, shown));
        const int digit = c.unicode() - u'0';
        if (seenPoint) {
            if (++fractionDigits > scaleDecimals)
                return Error::invalidInput(QStringLiteral("%1 '%2' has more than %3 decimals")
                                               .arg(what, shown)
                                               .arg(scaleDecimals));
            fraction = fraction * 10 + digit;
        } else {
            ++wholeDigits;
            if (__builtin_mul_overflow(whole, 10, &whole) ||
                __builtin_add_overflow(whole, digit, &whole))
                return Error::invalidInput(QStringLiteral("%1 '%2' is too large").arg(what, shown));
        }
    }
    if (wholeDigits == 0 && fractionDigits == 0)
        return Error::invalidInput(QStringLiteral("%1 '%2' has no digits").arg(what, shown));
    if (seenPoint && fractionDigits == 0)
        return Error::invalidInput(
            QStringLiteral("%1 '%2' ends with a decimal point").arg(what, shown));

    for (int i = fractionDigits; i < scaleDecimals; ++i)
        fraction *= 10;
    std::int64_t scale = 1;
    for (int i = 0; i < scaleDecimals; ++i)
        scale *= 10;

    std::int64_t scaled = 0;
    if (__builtin_mul_overflow(whole, scale, &scaled) ||
        __builtin_add_overflow(scaled, fraction, &scaled))
        return Error::invalidInput(QStringLiteral("%1 '%2' is too large").arg(what, shown));
    return negative ? -scaled : scaled;
}

QString formatScaled(std::int64_t value, std::int64_t scale, int scaleDecimals, int minDecimals) {
    // Work on the unsigned magnitude so INT64_MIN formats without overflow.
    const bool negative = value < 0;
    const std::uint64_t magnitude =
        negative ? std::uint64_t(0) - static_cast<std::uint64_t>(value) : std::uint64_t(value);
    const std::uint64_t whole = magnitude / std::uint64_t(scale);
    QString fraction =
        QString::number(magnitude % std::uint64_t(scale)).rightJustified(scaleDecimals, u'0');
    while (fraction.size() > minDecimals && fraction.endsWith(u'0'))
        fraction.chop(1);

    QString out;
    if (negative)
        out += u'-';
    out += QString::number(whole);
    if (!fraction.isEmpty()) {
        out += u'.';
        out += fraction;
    }
    return out;
}

// Rounds numerator / denominator (denominator > 0) half away from zero.
Int128 divideRoundingHalfAway(Int128 numerator, Int128 denominator) {
    const Int128 magnitude = numerator < 0 ? -numerator : numerator;
    const Int128 rounded = (magnitude + denominator / 2) / denominator;
    return numerator < 0 ? -rounded : rounded;
}

Error overflow(const char* operation) {
    return Error::invalidInput(QStringLiteral("amount out of range while %1 (limit is 9 trillion)")
                                   .arg(QLatin1String(operation)));
}

Result<Money> checkedMoney(Int128 micros, const char* operation) {
    if (micros > Money::kMaxMicros || micros < -Money::kMaxMicros)
        return overflow(operation);
    return Money::fromMicros(static_cast<std::int64_t>(micros));
}

}  // namespace

Result<Money> Money::parse(QStringView text) {
    auto scaled = parseScaledDecimal(text.trimmed(), kMaxDecimals, QStringLiteral("amount"));
    if (!scaled)
        return scaled.error();
    if (*scaled > kMaxMicros || *scaled < -kMaxMicros)
        return Error::invalidInput(
            QStringLiteral("amount '%1' is too large").arg(text.trimmed().toString()));
    return Money(*scaled);
}

Result<Money> Money::plus(Money other) const {
    return checkedMoney(Int128(micros_) + Int128(other.micros_), "adding");
}

Result<Money> Money::minus(Money other) const {
    return checkedMoney(Int128(micros_) - Int128(other.micros_), "subtracting");
}

Result<Money> Money::times(std::int64_t quantity) const {
    // |micros| < 2^63 and |quantity| < 2^63, so the product fits in 127 bits.
    return checkedMoney(Int128(micros_) * Int128(quantity), "multiplying");
}

Money Money::percentOf(Percent percent) const {
    const Int128 numerator = Int128(micros_) * Int128(percent.microPercent());
    const Int128 denominator = Int128(100) * Percent::kMicrosPerPercent;
    return Money(static_cast<std::int64_t>(divideRoundingHalfAway(numerator, denominator)));
}

Money Money::percentOfInCents(Percent percent) const {
    const Int128 numerator = Int128(micros_) * Int128(percent.microPercent());
    const Int128 denominator = Int128(100) * Percent::kMicrosPerPercent * kMicrosPerCent;
    return Money(
        static_cast<std::int64_t>(divideRoundingHalfAway(numerator, denominator) * kMicrosPerCent));
}

Money Money::roundedToCents() const {
    // Within ±kMaxMicros (far below the int64 limits) rounding cannot overflow.
    const Int128 cents = divideRoundingHalfAway(micros_, kMicrosPerCent);
    return Money(static_cast<std::int64_t>(cents * kMicrosPerCent));
}

QString Money::toDecimalString(int minDecimals) const {
    return formatScaled(micros_, kMicrosPerUnit, kMaxDecimals, minDecimals);
}

Result<Percent> Percent::parse(QStringView text) {
    auto scaled = parseScaledDecimal(text.trimmed(), 6, QStringLiteral("percentage"));
    if (!scaled)
        return scaled.error();
    if (*scaled < 0 || *scaled > 100 * kMicrosPerPercent)
        return Error::invalidInput(QStringLiteral("percentage '%1' is not between 0 and 100")
                                       .arg(text.trimmed().toString()));
    return Percent(*scaled);
}

QString Percent::toDecimalString() const {
    return formatScaled(value_, kMicrosPerPercent, 6, 0);
}

}  // namespace aicp

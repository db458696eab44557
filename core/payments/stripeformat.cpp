#include "payments/stripeformat.h"

#include <algorithm>
#include <array>

namespace aicp {

namespace {

// Stripe's lists (docs.stripe.com/currencies).
constexpr std::array<const char*, 16> kZeroDecimal{"BIF", "CLP", "DJF", "GNF", "JPY", "KMF",
                                                   "KRW", "MGA", "PYG", "RWF", "UGX", "VND",
                                                   "VUV", "XAF", "XOF", "XPF"};
constexpr std::array<const char*, 5> kThreeDecimal{"BHD", "JOD", "KWD", "OMR", "TND"};

bool among(const QString& currency, const auto& list) {
    return std::any_of(list.begin(), list.end(), [&currency](const char* code) {
        return currency.compare(QLatin1String(code), Qt::CaseInsensitive) == 0;
    });
}

std::int64_t microsPerMinorUnit(int decimals) {
    std::int64_t micros = Money::kMicrosPerUnit;
    for (int i = 0; i < decimals; ++i)
        micros /= 10;
    return micros;
}

}  // namespace

StripeForm& StripeForm::add(const QByteArray& name, const QString& value) {
    fields_.emplace_back(name, value.toUtf8());
    return *this;
}

StripeForm& StripeForm::add(const QByteArray& name, std::int64_t value) {
    fields_.emplace_back(name, QByteArray::number(static_cast<qlonglong>(value)));
    return *this;
}

QByteArray StripeForm::encoded() const {
    QByteArray body;
    for (const auto& [name, value] : fields_) {
        if (!body.isEmpty())
            body += '&';
        body += name.toPercentEncoding() + '=' + value.toPercentEncoding();
    }
    return body;
}

int stripeDecimals(const QString& currency) {
    if (among(currency, kZeroDecimal))
        return 0;
    if (among(currency, kThreeDecimal))
        return 3;
    return 2;
}

Result<std::int64_t> stripeMinorUnits(Money amount, const QString& currency) {
    const int decimals = stripeDecimals(currency);
    const std::int64_t unit = microsPerMinorUnit(decimals);
    // Stripe takes ISK with two decimals, but in whole krónur only.
    const bool wholeUnits = currency.compare(QLatin1String("ISK"), Qt::CaseInsensitive) == 0;
    const std::int64_t step = wholeUnits ? Money::kMicrosPerUnit : unit;
    if (amount.micros() % step != 0)
        return Error::invalidInput(
            QStringLiteral("%1 %2 is not a whole amount of the currency's smallest unit, as "
                           "Stripe takes it (%3 decimals)")
                .arg(amount.toDecimalString(), currency.toUpper())
                .arg(wholeUnits ? 0 : decimals));
    return amount.micros() / unit;
}

Money moneyFromStripe(std::int64_t minorUnits, const QString& currency) {
    return Money::fromMicros(minorUnits * microsPerMinorUnit(stripeDecimals(currency)));
}

}  // namespace aicp

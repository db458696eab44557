#pragma once

#include "common/result.h"
#include "money/money.h"

#include <cstdint>
#include <utility>
#include <vector>

#include <QByteArray>
#include <QString>

namespace aicp {

// A Stripe request's parameters in the order they were added, nested ones
// in bracket notation as Stripe's API reference writes them
// ("metadata[aicp_customer_id]", "lines[0][unit_amount]").
class StripeForm {
public:
    StripeForm& add(const QByteArray& name, const QString& value);
    StripeForm& add(const QByteArray& name, std::int64_t value);

    [[nodiscard]] bool isEmpty() const { return fields_.empty(); }
    [[nodiscard]] const std::vector<std::pair<QByteArray, QByteArray>>& fields() const {
        return fields_;
    }
    // application/x-www-form-urlencoded: names and values percent-encoded
    // in UTF-8 (brackets too), joined with '&'.
    [[nodiscard]] QByteArray encoded() const;

private:
    std::vector<std::pair<QByteArray, QByteArray>> fields_;
};

// How many decimals Stripe's integer amounts of `currency` (ISO 4217) have:
// 0 for its zero-decimal currencies (JPY, KRW, …), 3 for BHD, JOD, KWD, OMR
// and TND, 2 for every other.
[[nodiscard]] int stripeDecimals(const QString& currency);

// `amount` in Stripe's minor units of `currency` ("12.34" EUR -> 1234,
// "500" JPY -> 500), or InvalidInput when it has a fraction of that unit
// (0.50 JPY; ISK, which Stripe takes in whole krónur only).
[[nodiscard]] Result<std::int64_t> stripeMinorUnits(Money amount, const QString& currency);

// Back from minor units: 1234 EUR -> 12.34.
[[nodiscard]] Money moneyFromStripe(std::int64_t minorUnits, const QString& currency);

}  // namespace aicp

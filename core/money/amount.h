#pragma once

#include "common/result.h"
#include "money/money.h"

#include <QString>

namespace aicp {

// Money of one named currency (ISO 4217): what sums across customers,
// invoices and postings carry, so that two currencies are never added. The
// checked operations refuse an amount of another currency as a Conflict
// naming both, and an overflow as Money does.
class Amount {
public:
    Amount() = default;
    Amount(Money money, QString currency) : money_(money), currency_(std::move(currency)) {}

    [[nodiscard]] Money money() const { return money_; }
    [[nodiscard]] const QString& currency() const { return currency_; }

    [[nodiscard]] Result<Amount> plus(const Amount& other) const;
    [[nodiscard]] Result<Amount> minus(const Amount& other) const;

    // Machine form: "EUR 1234.50".
    [[nodiscard]] QString toText() const;

    friend bool operator==(const Amount&, const Amount&) = default;

private:
    [[nodiscard]] Status checkSameCurrency(const Amount& other, const char* verb) const;

    Money money_;
    QString currency_;
};

}  // namespace aicp

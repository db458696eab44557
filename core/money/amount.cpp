#include "money/amount.h"

namespace aicp {

Status Amount::checkSameCurrency(const Amount& other, const char* verb) const {
    if (other.currency_ == currency_)
        return {};
    return Error(Error::Code::Conflict,
                 QStringLiteral("cannot %1 %2 and %3: amounts of two currencies are totalled "
                                "apart")
                     .arg(QLatin1String(verb), toText(), other.toText()));
}

Result<Amount> Amount::plus(const Amount& other) const {
    AICP_TRY(checkSameCurrency(other, "add"));
    auto sum = money_.plus(other.money_);
    if (!sum)
        return sum.error();
    return Amount(*sum, currency_);
}

Result<Amount> Amount::minus(const Amount& other) const {
    AICP_TRY(checkSameCurrency(other, "subtract"));
    auto difference = money_.minus(other.money_);
    if (!difference)
        return difference.error();
    return Amount(*difference, currency_);
}

QString Amount::toText() const {
    return currency_ + u' ' + money_.toDecimalString();
}

}  // namespace aicp

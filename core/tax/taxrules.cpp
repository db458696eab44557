#include "tax/taxrules.h"

#include "common/enumwords.h"
#include "company/seller.h"
#include "customers/customer.h"

#include <algorithm>
#include <array>

namespace aicp {

namespace {

constexpr EnumWord<TaxTreatment> kTreatmentWords[] = {
    {TaxTreatment::None, "none"},
    {TaxTreatment::Standard, "standard"},
    {TaxTreatment::ReverseCharge, "reverse_charge"},
    {TaxTreatment::Exempt, "exempt"},
    {TaxTreatment::NoRate, "no_rate"},
};

constexpr std::array<const char*, 27> kEuMembers{
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"};

}  // namespace

QString taxTreatmentKey(TaxTreatment treatment) {
    return wordOf(kTreatmentWords, treatment);
}

std::optional<TaxTreatment> taxTreatmentFromKey(QStringView key) {
    return valueOf(kTreatmentWords, key);
}

QString taxLegend(TaxTreatment treatment) {
    switch (treatment) {
        case TaxTreatment::ReverseCharge:
            return QStringLiteral(
                "Reverse charge: VAT to be accounted for by the recipient "
                "(Article 196, Council Directive 2006/112/EC).");
        case TaxTreatment::Exempt:
            return QStringLiteral("Exempt from tax: the customer has declared its tax exemption.");
        case TaxTreatment::None:
        case TaxTreatment::Standard:
        case TaxTreatment::NoRate:
            break;
    }
    return {};
}

bool isEuMember(QStringView country) {
    return std::any_of(kEuMembers.begin(), kEuMembers.end(),
                       [&](const char* member) { return country == QLatin1String(member); });
}

QString TaxDecision::name() const {
    switch (treatment) {
        case TaxTreatment::Standard:
            return rate ? rate->name : QString();
        case TaxTreatment::ReverseCharge:
            return QStringLiteral("Reverse charge");
        case TaxTreatment::Exempt:
            return QStringLiteral("Tax exempt");
        case TaxTreatment::None:
        case TaxTreatment::NoRate:
            break;
    }
    return {};
}

Percent TaxDecision::percent() const {
    return treatment == TaxTreatment::Standard && rate ? rate->rate : Percent();
}

TaxDecision decideTax(const std::optional<SellerProfile>& seller, const Customer& customer,
                      const std::vector<TaxRate>& rates, QDate on) {
    if (rates.empty())
        return {};
    if (customer.taxExempt)
        return {TaxTreatment::Exempt, std::nullopt, {}};
    if (seller && isEuMember(seller->country) && isEuMember(customer.country) &&
        customer.country != seller->country && !customer.taxId.isEmpty())
        return {TaxTreatment::ReverseCharge, std::nullopt, {}};
    if (customer.country.isEmpty())
        return {TaxTreatment::NoRate, std::nullopt,
                QStringLiteral("%1 has no country, so its tax cannot be decided; set it with "
                               "`aicp customer edit %1 --country CC`")
                    .arg(customer.id)};
    auto rate = rateInForce(rates, customer.country, customer.region, on);
    if (!rate) {
        const QString place = customer.region.isEmpty() ? customer.country : customer.region;
        return {TaxTreatment::NoRate, std::nullopt,
                QStringLiteral("no tax rate for %1 is in force on %2; add one with `aicp tax "
                               "rates add --country %3%4`")
                    .arg(place, on.toString(Qt::ISODate), customer.country,
                         customer.region.isEmpty()
                             ? QString()
                             : QStringLiteral(" --region %1").arg(customer.region))};
    }
    return {TaxTreatment::Standard, std::move(rate), {}};
}

}  // namespace aicp

#pragma once

#include "tax/taxrates.h"

#include <optional>
#include <vector>

#include <QDate>
#include <QString>
#include <QStringView>

namespace aicp {

struct Customer;
struct SellerProfile;

// How an invoice's tax was decided (README, "Taxes"):
//   None           the workspace has no tax rates: taxes are not in use
//   Standard       the rate of the customer's country (or region)
//   ReverseCharge  an EU seller and a business in another member state
//                  with a tax id: 0 %, the customer accounts for the VAT
//   Exempt         the customer is tax exempt: 0 %
//   NoRate         taxes are in use but none applies to the customer (no
//                  country, or no rate in force there): 0 %, and a finding
enum class TaxTreatment { None, Standard, ReverseCharge, Exempt, NoRate };

// "none", "standard", "reverse_charge", "exempt", "no_rate".
[[nodiscard]] QString taxTreatmentKey(TaxTreatment treatment);
[[nodiscard]] std::optional<TaxTreatment> taxTreatmentFromKey(QStringView key);
// What the invoice prints under its totals: the reverse-charge and exempt
// legends; empty for the others.
[[nodiscard]] QString taxLegend(TaxTreatment treatment);

// The 27 member states of the European Union, by ISO 3166-1 code (Greece
// is GR, although its VAT numbers start with EL).
[[nodiscard]] bool isEuMember(QStringView country);

struct TaxDecision {
    TaxTreatment treatment = TaxTreatment::None;
    std::optional<TaxRate> rate;  // Standard only
    QString finding;              // NoRate only: what is missing and how to add it

    // The name invoices print beside the tax: the rate's ("VAT"), "Reverse
    // charge", "Tax exempt"; empty otherwise.
    [[nodiscard]] QString name() const;
    // The percentage each charge line is taxed at: the rate's, else 0.
    [[nodiscard]] Percent percent() const;
};

// Decides the tax of an invoice of `customer` issued on `on`, by the rules
// above in that order: no rates at all, exempt, reverse charge, no country,
// the rate in force.
[[nodiscard]] TaxDecision decideTax(const std::optional<SellerProfile>& seller,
                                    const Customer& customer, const std::vector<TaxRate>& rates,
                                    QDate on);

}  // namespace aicp

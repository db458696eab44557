#pragma once

#include "common/result.h"
#include "licensing/licenseregistry.h"
#include "metering/usagequery.h"
#include "metering/yearmonth.h"
#include "money/money.h"
#include "pricing/bill.h"
#include "pricing/pricebook.h"
#include "tax/taxrules.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace aicp {

// One stretch of a billed month during which one license was in force.
// Times are UTC; `start` is included, `end` is not.
struct BillingSegment {
    QUuid licenseId;
    QString tier;
    QDateTime start;
    QDateTime end;
    std::int64_t seconds = 0;  // end - start
    QString priceBookVersion;  // the version in force on the start's UTC date
    // The tier's monthly request quota prorated to the segment; nullopt when
    // the tier is unlimited.
    std::optional<std::int64_t> includedRequests;
    std::int64_t requests = 0;  // of the hours that start inside the segment
    bool trial = false;         // before the license's trial_until: not charged
};

// One line of a monthly bill, for one segment and one pricing axis.
struct MonthlyBillLine {
    BillAxis axis = BillAxis::Base;
    std::size_t segment = 0;  // index into MonthlyBill::segments
    QString description;
    std::int64_t quantity = 0;
    std::optional<Money> unitPrice;
    // Recurring lines: the exact full-month price the line prorates. Other
    // lines: equal to `amount`.
    Money monthlyAmount;
    Money amount;  // rounded once to cents, half away from zero
    // The line's tax (applyTax): its rate, nullopt when taxes are not in
    // use, and the amount × rate rounded once to cents, half away from zero.
    std::optional<Percent> taxRate;
    Money tax;
};

// Something the bill shows but never charges for.
enum class BillFindingKind {
    RequestsOverCap,      // requests beyond a hard-capped (open_source) quota
    SeatsOverLicense,     // distinct active users beyond the licensed seats
    AgentsOverLicense,    // distinct active agents beyond the licensed agents
    UsageWithoutLicense,  // requests in hours no license covers
    TierCannotServe,      // the price book says the tier cannot serve the license
    NoTaxRate,            // taxes are in use, but none can be decided for the customer
};

// "requests_over_cap", "seats_over_license", "agents_over_license",
// "usage_without_license", "tier_cannot_serve", "no_tax_rate".
[[nodiscard]] QString billFindingKey(BillFindingKind kind);

struct BillFinding {
    BillFindingKind kind = BillFindingKind::RequestsOverCap;
    std::int64_t used = 0;
    std::optional<std::int64_t> allowed;  // nullopt: unlimited or not a count
    std::optional<std::size_t> segment;   // nullopt: the whole month
    QString message;
};

// A customer's computed (not issued) bill for one UTC calendar month. A
// month without any license in force has no segments, no lines and a total
// of 0.00; usage in it is reported as a finding.
struct MonthlyBill {
    QString customerId;
    QString customerName;
    YearMonth month;
    QString currency;
    QDateTime periodStart;  // first second of the month, UTC
    QDateTime periodEnd;    // first second of the next month, UTC
    std::int64_t monthSeconds = 0;
    std::int64_t requests = 0;  // the whole month's, licensed or not
    std::int64_t activeUsers = 0;
    std::int64_t activeAgents = 0;
    std::vector<BillingSegment> segments;
    std::vector<MonthlyBillLine> lines;  // by segment, then in BillAxis order
    std::vector<BillFinding> findings;
    Money net;  // the sum of the rounded lines, before tax
    // Set by applyTax; until then no tax, and the total is the net.
    TaxTreatment taxTreatment = TaxTreatment::None;
    QString taxName;  // TaxDecision::name()
    Percent taxRate;  // TaxDecision::percent()
    Money tax;        // the sum of the lines' tax
    Money total;      // net plus tax

    [[nodiscard]] bool hasLicense() const { return !segments.empty(); }
    // The sum of the lines of one axis over every segment.
    [[nodiscard]] Money axisTotal(BillAxis axis) const;
    [[nodiscard]] const MonthlyBillLine* line(std::size_t segment, BillAxis axis) const;
    [[nodiscard]] const BillFinding* finding(BillFindingKind kind) const;
};

// Everything one monthly bill is computed from, already read from the
// workspace. `licenses` may hold other customers' licenses; they are ignored.
struct MonthlyBillInputs {
    QString customerId;
    QString customerName;
    YearMonth month;
    std::vector<LicenseRecord> licenses;
    PriceBook priceBook;
    std::vector<UsagePoint> hourly;  // hourly requests; hours outside the month are ignored
    std::int64_t activeUsers = 0;
    std::int64_t activeAgents = 0;
    // A yearly commitment is settled on the bill of the contract year's last
    // month, against the charges of the whole year: this gives the charges
    // of the segments of `licenses` that start from `yearStart` on, in the
    // months before `month` (MonthlyBilling computes those bills). Needed
    // only when such a year closes in the month; an error without it then.
    std::function<Result<Money>(const std::vector<QUuid>& licenses, const QDateTime& yearStart,
                                YearMonth month)>
        earlierCharges;
    bool commitmentTrueUps = true;  // false: leave commitments unsettled
};

// Which license is in force over [from, to): the pieces, in time order, each
// with the license that covers it. A license covers notBefore..expiresAt (the
// grace period is not billed), cut short by its revocation and by the
// notBefore of the license that superseded it. Where licenses overlap, the one
// issued last wins (as licenseInForce decides).
struct LicenseCoverage {
    QUuid licenseId;
    QDateTime start;
    QDateTime end;
};
[[nodiscard]] std::vector<LicenseCoverage> licenseCoverage(
    const std::vector<LicenseRecord>& licenses, const QString& customerId, const QDateTime& from,
    const QDateTime& to);

// The stretches a bill is cut into: the license coverage, cut further at
// the end of a license's trial and at its contract years' bounds where they
// matter (annual billing, yearly commitment). Each hour's requests go to the
// stretch its first second falls in.
struct BillingPiece {
    QUuid licenseId;
    QDateTime start;
    QDateTime end;
    bool trial = false;
};
[[nodiscard]] std::vector<BillingPiece> billingPieces(const std::vector<LicenseRecord>& licenses,
                                                      const QString& customerId,
                                                      const QDateTime& from, const QDateTime& to);

// The charges of the segments of `licenses` that start in [from, to): every
// line but commitment true-ups, which settle the charges.
[[nodiscard]] Result<Money> licenseCharges(const MonthlyBill& bill,
                                           const std::vector<QUuid>& licenses,
                                           const QDateTime& from, const QDateTime& to);

// `monthly` × `part` / `whole`, computed exactly and rounded once to whole
// cents, half away from zero. `whole` must be positive, 0 <= part <= whole.
[[nodiscard]] Money prorateToCents(Money monthly, std::int64_t part, std::int64_t whole);
// `monthly` × 12 × (100 % − `discount`) × `part` / `whole`: a contract
// year's share, computed exactly and rounded once like prorateToCents.
[[nodiscard]] Money prorateYearToCents(Money monthly, Percent discount, std::int64_t part,
                                       std::int64_t whole);
// `quantity` × `part` / `whole` rounded half up to a whole number.
[[nodiscard]] std::int64_t prorateCount(std::int64_t quantity, std::int64_t part,
                                        std::int64_t whole);

// Prices a month: see the README, "Billing rules (for finance)".
[[nodiscard]] Result<MonthlyBill> computeMonthlyBill(const MonthlyBillInputs& inputs);

// Taxes every line of `bill` as `decision` says (README, "Taxes"), sums the
// tax and the total, and adds a NoTaxRate finding when the decision found
// none. Refused only if the total would leave Money's range.
[[nodiscard]] Status applyTax(MonthlyBill& bill, const TaxDecision& decision);

// The tax per rate of a bill or an invoice, as `tax` in the JSON forms and
// the tax rows of documents: one entry unless taxes are not in use or none
// could be decided.
struct TaxSummary {
    QString name;
    Percent rate;
    Money amount;
};
[[nodiscard]] std::vector<TaxSummary> taxSummary(TaxTreatment treatment, const QString& name,
                                                 Percent rate, Money amount);
[[nodiscard]] QJsonArray taxSummaryJson(const std::vector<TaxSummary>& summary);

// Machine form for `aicp bill --json`; amounts are decimal strings.
[[nodiscard]] QJsonObject monthlyBillToJson(const MonthlyBill& bill);

}  // namespace aicp

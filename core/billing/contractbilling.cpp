#include "billing/contractbilling.h"

#include "common/assignto.h"
#include "common/englishcount.h"
#include "common/idtext.h"
#include "licensing/licensepayload.h"

#include <algorithm>

namespace aicp {

Result<PriceBookVersion> contractPrices(const PriceBook& book, const LicensePayload& license,
                                        const QDate& day) {
    auto version = book.versionAt(day);
    if (!version)
        return version.error();
    PriceBookVersion prices = std::move(version).value();
    auto tier = std::find_if(prices.tiers.begin(), prices.tiers.end(),
                             [&](const TierDefinition& t) { return t.id == license.tier; });
    if (tier == prices.tiers.end())
        return Error::notFound(QStringLiteral("license %1 is for tier '%2', which price book "
                                              "version %3 does not have")
                                   .arg(idText(license.id), license.tier, prices.version));
    for (const auto& [axis, price] : license.contract.priceOverrides) {
        if (axis == QLatin1String("base")) {
            tier->base = ChargeModel::flat(price);
        } else if (axis == QLatin1String("policy_packs")) {
            if (tier->policyPacks.extra)
                tier->policyPacks.extra = ChargeModel::perUnit(price);
        } else if (axis == QLatin1String("compliance_modules")) {
            if (tier->complianceModules.extra)
                tier->complianceModules.extra = ChargeModel::perUnit(price);
        } else if (axis == QLatin1String("seats")) {
            if (tier->seats.extra)
                tier->seats.extra = ChargeModel::perUnit(price);
        } else if (axis == QLatin1String("audit")) {
            const QString audit =
                license.auditTier.isEmpty() ? tier->includedAuditTier : license.auditTier;
            for (AuditTier& level : prices.auditTiers) {
                if (level.id == audit)
                    level.price = ChargeModel::flat(price);
            }
        }
    }
    return prices;
}

Result<Money> exactAmount(const BillLine& line) {
    if (line.portions.empty())
        return line.amount;
    Money exact;
    for (const ChargePortion& portion : line.portions) {
        auto next = exact.plus(portion.amount);
        if (!next)
            return next.error();
        exact = *next;
    }
    return exact;
}

Subscription subscriptionOf(const LicensePayload& license) {
    Subscription subscription;
    subscription.tier = license.tier;
    subscription.policyPacks = license.policyPacks;
    subscription.complianceModules = license.complianceModules;
    subscription.seats = license.seats;
    subscription.agents = license.agents.value_or(0);
    subscription.auditTier = license.auditTier;
    subscription.discount = license.contract.discount;
    return subscription;
}

namespace {

// A license the bill's coverage names: always among the inputs.
const LicenseRecord& recordOf(const MonthlyBillInputs& inputs, const QUuid& id) {
    return *findLicense(inputs.licenses, id, inputs.customerId);
}

// The full month's recurring amount of `license` priced on `day`, before
// any discount, and the discount that applies to it.
struct MonthlyRecurring {
    Money amount;
    Percent discount;
};

Result<MonthlyRecurring> monthlyRecurringOf(const PriceBook& book, const LicensePayload& license,
                                            const QDate& day) {
    auto prices = contractPrices(book, license, day);
    if (!prices)
        return prices.error();
    auto quote = CostEngine(*prices).quote(subscriptionOf(license), MonthlyUsage{0});
    if (!quote)
        return quote.error().withContext(QStringLiteral("license %1").arg(idText(license.id)));
    MonthlyRecurring recurring;
    for (const BillLine& line : quote->lines) {
        if (!billAxisIsRecurring(line.axis))
            continue;
        auto exact = exactAmount(line);
        if (!exact)
            return exact.error();
        AICP_TRY(assignTo(recurring.amount, recurring.amount.plus(*exact)));
    }
    recurring.discount = prices->discountFor(license.contract.discount, recurring.amount).percent;
    return recurring;
}

// Seconds of [from, to) outside the license's trial.
std::int64_t chargeableSeconds(const LicensePayload& license, const QDateTime& from,
                               const QDateTime& to) {
    QDateTime start = from;
    if (license.contract.hasTrial())
        start = std::max(start, license.contract.trialUntil);
    return start < to ? start.secsTo(to) : 0;
}

// The period one commitment settles: its span, the minimum owed for it and
// where the bill settles it.
struct CommitmentPeriod {
    QDateTime start;
    QDateTime close;  // the period's end, or the license's end when earlier
    std::int64_t periodSeconds = 0;
    std::int64_t committedSeconds = 0;  // covered by the license, outside its trial
    Money charges;                      // of the license's segments in the period
};

Status settle(const LicenseRecord& record, const CommitmentPeriod& period,
              const Commitment& commitment, MonthlyBill& bill) {
    const Money minimum =
        prorateToCents(commitment.amount, period.committedSeconds, period.periodSeconds);
    if (period.charges >= minimum)
        return {};
    // The line goes after the license's last segment that starts in the period.
    std::size_t segment = 0;
    for (std::size_t i = 0; i < bill.segments.size(); ++i) {
        if (bill.segments[i].licenseId == record.license.id &&
            bill.segments[i].start < period.close)
            segment = i;
    }
    MonthlyBillLine line;
    line.axis = BillAxis::CommitmentTrueUp;
    line.segment = segment;
    line.quantity = 1;
    AICP_TRY(assignTo(line.amount, minimum.minus(period.charges)));
    line.monthlyAmount = line.amount;
    line.description =
        QStringLiteral("Minimum commitment %1 per %2 (%3 to %4%5): charges %6, true-up")
            .arg(commitment.amount.toDecimalString(),
                 commitment.period == Commitment::Period::Year ? QStringLiteral("contract year")
                                                               : QStringLiteral("month"),
                 momentText(period.start), momentText(period.start.addSecs(period.periodSeconds)),
                 period.committedSeconds == period.periodSeconds
                     ? QString()
                     : QStringLiteral(", %1 of %2 seconds committed")
                           .arg(englishCount(period.committedSeconds),
                                englishCount(period.periodSeconds)),
                 period.charges.toDecimalString());
    const auto after = std::find_if(bill.lines.begin(), bill.lines.end(),
                                    [&](const MonthlyBillLine& l) { return l.segment > segment; });
    bill.lines.insert(after, std::move(line));
    return {};
}

bool inChain(const std::vector<QUuid>& chain, const QUuid& id) {
    return std::find(chain.begin(), chain.end(), id) != chain.end();
}

// The calendar month: every chain license's segments outside trials count,
// settled on the license in force at the end.
Status settleMonth(const MonthlyBillInputs& inputs, const LicenseRecord& record,
                   const Commitment& commitment, MonthlyBill& bill) {
    if (continuedBefore(record, inputs.licenses, bill.periodEnd))
        return {};
    const std::vector<QUuid> chain = contractChain(record, inputs.licenses);
    CommitmentPeriod period{bill.periodStart, bill.periodEnd, bill.monthSeconds, 0, {}};
    for (const BillingSegment& segment : bill.segments) {
        if (inChain(chain, segment.licenseId) && !segment.trial)
            period.committedSeconds += segment.seconds;
    }
    if (period.committedSeconds == 0)
        return {};
    AICP_TRY(
        assignTo(period.charges, licenseCharges(bill, chain, bill.periodStart, bill.periodEnd)));
    return settle(record, period, commitment, bill);
}

// The contract year: settled on the bill of the month it closes in, by the
// license in force at its close, over the whole chain's charges of the year.
Status settleYear(const MonthlyBillInputs& inputs, const LicenseRecord& record,
                  const Commitment& commitment, const ContractYear& year, const QDateTime& close,
                  MonthlyBill& bill) {
    const std::vector<QUuid> chain = contractChain(record, inputs.licenses);
    CommitmentPeriod period{year.start, close, year.seconds(), 0, {}};
    for (const LicenseCoverage& piece :
         licenseCoverage(inputs.licenses, bill.customerId, year.start, close)) {
        if (inChain(chain, piece.licenseId))
            period.committedSeconds += chargeableSeconds(recordOf(inputs, piece.licenseId).license,
                                                         piece.start, piece.end);
    }
    if (period.committedSeconds == 0)
        return {};
    if (year.start < bill.periodStart) {
        if (!inputs.earlierCharges)
            return Error::invalidInput(
                QStringLiteral("the yearly commitment of license %1 needs the bills of the "
                               "contract year's earlier months")
                    .arg(idText(record.license.id)));
        AICP_TRY(assignTo(period.charges, inputs.earlierCharges(chain, year.start, bill.month)));
    }
    auto charges = licenseCharges(bill, chain, year.start, close);
    if (!charges)
        return charges.error();
    AICP_TRY(assignTo(period.charges, period.charges.plus(*charges)));
    return settle(record, period, commitment, bill);
}

// Settles each contract year of the license that closes in the bill's month.
Status settleYears(const MonthlyBillInputs& inputs, const LicenseRecord& record,
                   const Commitment& commitment, MonthlyBill& bill) {
    const QDateTime anchor = contractAnchor(record, inputs.licenses);
    const QDateTime licenseEnd = coverageEnd(record, inputs.licenses);
    QDateTime settled;
    for (const BillingSegment& segment : bill.segments) {
        if (segment.licenseId != record.license.id)
            continue;
        const ContractYear year = contractYearAt(anchor, segment.start);
        const QDateTime close = std::min(year.end, licenseEnd);
        if (year.start == settled || close <= bill.periodStart || close > bill.periodEnd ||
            continuedBefore(record, inputs.licenses, year.end))
            continue;
        settled = year.start;
        AICP_TRY(settleYear(inputs, record, commitment, year, close, bill));
    }
    return {};
}

}  // namespace

AnnualCharge annualChargeFor(const LicenseRecord& record,
                             const std::vector<LicenseRecord>& licenses,
                             const BillingSegment& segment) {
    if (!record.license.contract.isAnnual())
        return {};
    AnnualCharge charge;
    charge.annual = true;
    charge.year = contractYearAt(contractAnchor(record, licenses), segment.start);
    charge.from = chargeStart(record.license, charge.year);
    charge.until = std::min(charge.year.end, record.license.expiresAt);
    charge.charges =
        segment.start <= charge.from && charge.from < segment.end && charge.from < charge.until;
    return charge;
}

Result<std::optional<MonthlyBillLine>> prepaidUnusedLine(const MonthlyBillInputs& inputs,
                                                         const LicenseRecord& record,
                                                         std::size_t index,
                                                         const MonthlyBill& bill) {
    const QDateTime change = record.license.notBefore;
    const LicenseRecord* previous = prepaidPredecessor(record, inputs.licenses);
    if (!previous || bill.segments[index].start != change)
        return std::optional<MonthlyBillLine>();
    const LicensePayload& old = previous->license;
    const ContractYear year = contractYearAt(contractAnchor(*previous, inputs.licenses), change);
    const QDateTime from = chargeStart(old, year);
    const QDateTime until = std::min(year.end, old.expiresAt);
    if (from >= change || change >= until)
        return std::optional<MonthlyBillLine>();  // nothing of that year was prepaid yet
    auto recurring = monthlyRecurringOf(inputs.priceBook, old, from.date());
    if (!recurring)
        return recurring.error();
    const std::int64_t left = change.secsTo(until);
    MonthlyBillLine line;
    line.axis = BillAxis::PrepaidUnused;
    line.segment = index;
    line.quantity = 1;
    line.amount =
        prorateYearToCents(recurring->amount, recurring->discount, left, year.seconds()).negated();
    line.monthlyAmount = line.amount;
    line.description =
        QStringLiteral(
            "Unused part of the prepaid contract year %1 to %2 of license %3 (%4): "
            "%5 × 12%6 × %7 of %8 seconds")
            .arg(momentText(year.start), momentText(year.end), idText(old.id).left(8), old.tier,
                 recurring->amount.toDecimalString(),
                 recurring->discount.isZero()
                     ? QString()
                     : QStringLiteral(" less %1 %").arg(recurring->discount.toDecimalString()),
                 englishCount(left), englishCount(year.seconds()));
    return std::optional<MonthlyBillLine>(std::move(line));
}

Result<Money> chargesBefore(const MonthlyBillInputs& inputs, const std::vector<QUuid>& chain,
                            const QDateTime& yearStart, YearMonth before,
                            const std::function<Status(MonthlyBillInputs&)>& fillUsage) {
    Money sum;
    for (YearMonth month = YearMonth::of(yearStart.date()); month < before; month = month.next()) {
        MonthlyBillInputs earlier;
        earlier.customerId = inputs.customerId;
        earlier.customerName = inputs.customerName;
        earlier.month = month;
        earlier.licenses = inputs.licenses;
        earlier.priceBook = inputs.priceBook;
        earlier.commitmentTrueUps = false;
        if (fillUsage)
            AICP_TRY(fillUsage(earlier));
        auto bill = computeMonthlyBill(earlier);
        if (!bill)
            return bill.error();
        auto charges = licenseCharges(*bill, chain, yearStart, bill->periodEnd);
        if (!charges)
            return charges.error();
        AICP_TRY(assignTo(sum, sum.plus(*charges)));
    }
    return sum;
}

Status addCommitmentTrueUps(const MonthlyBillInputs& inputs, MonthlyBill& bill) {
    if (!inputs.commitmentTrueUps)
        return {};
    std::vector<QUuid> done;
    for (std::size_t i = 0; i < bill.segments.size(); ++i) {
        const QUuid id = bill.segments[i].licenseId;
        if (std::find(done.begin(), done.end(), id) != done.end())
            continue;
        done.push_back(id);
        const LicenseRecord& record = recordOf(inputs, id);
        const std::optional<Commitment>& commitment = record.license.contract.commitment;
        if (!commitment)
            continue;
        if (!commitment->currency.isEmpty() && commitment->currency != bill.currency)
            return Error::invalidInput(
                QStringLiteral("license %1 commits to %2 but the bill is in %3")
                    .arg(idText(id), commitment->toText(), bill.currency));
        AICP_TRY(commitment->period == Commitment::Period::Month
                     ? settleMonth(inputs, record, *commitment, bill)
                     : settleYears(inputs, record, *commitment, bill));
    }
    return {};
}

}  // namespace aicp

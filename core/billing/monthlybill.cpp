#include "billing/monthlybill.h"

#include "billing/contractbilling.h"
#include "common/assignto.h"
#include "common/englishcount.h"
#include "common/enumwords.h"
#include "common/idtext.h"
#include "licensing/licensepayload.h"
#include "pricing/costengine.h"

#include <algorithm>
#include <map>

#include <QJsonArray>
#include <QLocale>

namespace aicp {

namespace {

__extension__ using Int128 = __int128;

// numerator / denominator (denominator > 0) rounded half away from zero.
Int128 divideRoundingHalfAway(Int128 numerator, Int128 denominator) {
    const Int128 magnitude = numerator < 0 ? -numerator : numerator;
    const Int128 rounded = (magnitude + denominator / 2) / denominator;
    return numerator < 0 ? -rounded : rounded;
}

// True when `a` wins over `b` where both cover the same instant: the one
// issued last, then (for equal issue times) the larger id, so the choice
// never depends on the order the registry returned them in.
bool preferred(const LicenseRecord& a, const LicenseRecord& b) {
    if (a.license.issuedAt != b.license.issuedAt)
        return a.license.issuedAt > b.license.issuedAt;
    return idText(a.license.id) > idText(b.license.id);
}

QString prorationNote(std::int64_t part, std::int64_t whole) {
    if (part == whole)
        return {};
    return QStringLiteral(", prorated %1 of %2 seconds")
        .arg(englishCount(part), englishCount(whole));
}

// Prices one segment: appends its lines (and findings) to `bill`.
// The request quota is prorated like the recurring lines; the cost engine
// then prices the segment as if that were the tier's monthly quota. Returns
// the requests billed: those within a hard cap.
std::int64_t prorateQuota(TierDefinition& tier, std::size_t index, MonthlyBill& bill) {
    BillingSegment& segment = bill.segments[index];
    if (!tier.includedRequests)
        return segment.requests;
    const std::int64_t included =
        prorateCount(*tier.includedRequests, segment.seconds, bill.monthSeconds);
    tier.includedRequests = included;
    segment.includedRequests = included;
    if (!tier.requestsHardCapped() || segment.requests <= included)
        return segment.requests;
    bill.findings.push_back(
        {BillFindingKind::RequestsOverCap, segment.requests, included, index,
         QStringLiteral("%1 requests on the %2 tier from %3 to %4, over its cap of %5 for "
                        "that time; %6 refused, not billed")
             .arg(englishCount(segment.requests), segment.tier, toRfc3339(segment.start),
                  toRfc3339(segment.end), englishCount(included),
                  englishCount(segment.requests - included))});
    return included;
}

void addTrialLine(std::size_t index, MonthlyBill& bill) {
    const BillingSegment& segment = bill.segments[index];
    MonthlyBillLine line;
    line.axis = BillAxis::Base;
    line.segment = index;
    line.description = QStringLiteral("Trial from %1 to %2: no charge")
                           .arg(momentText(segment.start), momentText(segment.end));
    bill.lines.push_back(std::move(line));
}

// Stands for the recurring lines of an annual license's segment whose
// contract year was billed in advance on an earlier segment.
MonthlyBillLine prepaidLine(const AnnualCharge& annual, std::size_t index) {
    MonthlyBillLine line;
    line.axis = BillAxis::Base;
    line.segment = index;
    line.description = QStringLiteral("Prepaid with the contract year %1 to %2")
                           .arg(momentText(annual.year.start), momentText(annual.year.end));
    return line;
}

// A recurring line's amount and description: the segment's share of the
// month, or, on the segment that starts an annual license's charge, the
// prepaid stretch of its contract year.
void chargeRecurring(const BillLine& line, Money exactMonthly, const AnnualCharge& annual,
                     const MonthlyBill& bill, const BillingSegment& segment, MonthlyBillLine& out) {
    out.monthlyAmount = exactMonthly;
    if (!annual.charges) {
        out.amount = prorateToCents(exactMonthly, segment.seconds, bill.monthSeconds);
        out.description = line.description + prorationNote(segment.seconds, bill.monthSeconds);
        return;
    }
    const std::int64_t part = annual.from.secsTo(annual.until);
    out.amount = prorateYearToCents(exactMonthly, Percent(), part, annual.year.seconds());
    out.description = QStringLiteral("%1, %2 to %3 in advance%4")
                          .arg(line.description, momentText(annual.from), momentText(annual.until),
                               prorationNote(part, annual.year.seconds()));
}

QString requestsDescription(const BillLine& line, std::int64_t billedRequests,
                            const BillingSegment& segment, std::int64_t monthSeconds) {
    if (billedRequests != segment.requests)
        return QStringLiteral("%1 requests, %2 included, %3 over the cap refused (not billed)")
            .arg(englishCount(segment.requests), englishCount(billedRequests),
                 englishCount(segment.requests - billedRequests));
    if (segment.seconds != monthSeconds && segment.includedRequests)
        return line.description + QStringLiteral(" (quota prorated)");
    return line.description;
}

MonthlyBillLine discountLine(const PriceBookVersion& prices, const LicensePayload& license,
                             Money recurring, Money monthlyRecurring, std::size_t index) {
    MonthlyBillLine discount;
    discount.axis = BillAxis::Discount;
    discount.segment = index;
    discount.description = QStringLiteral("No contract discount");
    const AppliedDiscount applied = prices.discountFor(license.contract.discount, monthlyRecurring);
    if (!applied.percent.isZero()) {
        discount.description = discountDescription(applied, recurring, prices.currency);
        discount.quantity = 1;
        discount.amount = recurring.percentOfInCents(applied.percent).negated();
    }
    discount.monthlyAmount = discount.amount;
    return discount;
}

Status addPrepaidUnused(const MonthlyBillInputs& inputs, const LicenseRecord& record,
                        std::size_t index, MonthlyBill& bill) {
    auto line = prepaidUnusedLine(inputs, record, index, bill);
    if (!line)
        return line.error();
    if (*line)
        bill.lines.push_back(std::move(**line));
    return {};
}

Status priceSegment(const MonthlyBillInputs& inputs, const LicenseRecord& record, std::size_t index,
                    MonthlyBill& bill) {
    if (bill.segments[index].trial) {
        if (auto version = inputs.priceBook.versionAt(bill.segments[index].start.date()))
            bill.segments[index].priceBookVersion = version->version;
        addTrialLine(index, bill);
        return addPrepaidUnused(inputs, record, index, bill);
    }
    BillingSegment& segment = bill.segments[index];
    const LicensePayload& license = record.license;
    auto prices = contractPrices(inputs.priceBook, license, segment.start.date());
    if (!prices)
        return prices.error();
    segment.priceBookVersion = prices->version;

    auto tier = std::find_if(prices->tiers.begin(), prices->tiers.end(),
                             [&](const TierDefinition& t) { return t.id == license.tier; });
    const std::int64_t billedRequests = prorateQuota(*tier, index, bill);
    auto quote = CostEngine(*prices).quote(subscriptionOf(license), MonthlyUsage{billedRequests});
    if (!quote)
        return quote.error().withContext(QStringLiteral("license %1").arg(idText(license.id)));
    if (!quote->eligible)
        bill.findings.push_back(
            {BillFindingKind::TierCannotServe, 0, std::nullopt, index,
             QStringLiteral("price book %1: %2").arg(prices->version, quote->reason())});

    const AnnualCharge annual = annualChargeFor(record, inputs.licenses, segment);
    const bool prepaid = annual.annual && !annual.charges;
    Money recurring;
    Money monthlyRecurring;  // the full month's, which picks the volume band
    for (const BillLine& line : quote->lines) {
        if (line.axis == BillAxis::Discount)
            continue;  // recomputed below from the prorated lines
        MonthlyBillLine out{line.axis, index, {}, line.quantity, line.unitPrice, {}, {}, {}, {}};
        if (billAxisIsRecurring(line.axis)) {
            if (prepaid) {
                if (line.axis == BillAxis::Base)
                    bill.lines.push_back(prepaidLine(annual, index));
                continue;
            }
            auto exact = exactAmount(line);
            if (!exact)
                return exact.error();
            AICP_TRY(assignTo(monthlyRecurring, monthlyRecurring.plus(*exact)));
            chargeRecurring(line, *exact, annual, bill, segment, out);
            AICP_TRY(assignTo(recurring, recurring.plus(out.amount)));
        } else {
            out.monthlyAmount = line.amount;
            out.amount = line.amount;
            out.description = requestsDescription(line, billedRequests, segment, bill.monthSeconds);
        }
        bill.lines.push_back(std::move(out));
    }
    if (!prepaid)
        bill.lines.push_back(discountLine(*prices, license, recurring, monthlyRecurring, index));
    return addPrepaidUnused(inputs, record, index, bill);
}

}  // namespace

QString billFindingKey(BillFindingKind kind) {
    static constexpr EnumWord<BillFindingKind> kKeys[] = {
        {BillFindingKind::RequestsOverCap, "requests_over_cap"},
        {BillFindingKind::SeatsOverLicense, "seats_over_license"},
        {BillFindingKind::AgentsOverLicense, "agents_over_license"},
        {BillFindingKind::UsageWithoutLicense, "usage_without_license"},
        {BillFindingKind::TierCannotServe, "tier_cannot_serve"},
        {BillFindingKind::NoTaxRate, "no_tax_rate"},
    };
    return wordOf(kKeys, kind);
}

Money MonthlyBill::axisTotal(BillAxis axis) const {
    Money sum;
    for (const MonthlyBillLine& line : lines) {
        // Cannot leave Money's range: the bill's total, which adds every
        // line, was checked when the bill was computed.
        if (line.axis == axis)
            sum = sum.plus(line.amount).valueOr(sum);
    }
    return sum;
}

const MonthlyBillLine* MonthlyBill::line(std::size_t segment, BillAxis axis) const {
    const auto it = std::find_if(lines.begin(), lines.end(), [&](const MonthlyBillLine& line) {
        return line.segment == segment && line.axis == axis;
    });
    return it == lines.end() ? nullptr : &*it;
}

const BillFinding* MonthlyBill::finding(BillFindingKind kind) const {
    const auto it = std::find_if(findings.begin(), findings.end(),
                                 [kind](const BillFinding& f) { return f.kind == kind; });
    return it == findings.end() ? nullptr : &*it;
}

std::vector<LicenseCoverage> licenseCoverage(const std::vector<LicenseRecord>& licenses,
                                             const QString& customerId, const QDateTime& from,
                                             const QDateTime& to) {
    struct Span {
        const LicenseRecord* record;
        QDateTime start;
        QDateTime end;
    };
    std::vector<Span> spans;
    std::vector<QDateTime> cuts{from, to};
    for (const LicenseRecord& record : licenses) {
        if (record.license.customerId != customerId)
            continue;
        const QDateTime start = std::max(record.license.notBefore, from);
        const QDateTime end = std::min(coverageEnd(record, licenses), to);
        if (start >= end)
            continue;
        spans.push_back({&record, start, end});
        cuts.push_back(start);
        cuts.push_back(end);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    std::vector<LicenseCoverage> coverage;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        const QDateTime& start = cuts[i];
        const QDateTime& end = cuts[i + 1];
        const LicenseRecord* best = nullptr;
        for (const Span& span : spans) {
            if (span.start <= start && end <= span.end && (!best || preferred(*span.record, *best)))
                best = span.record;
        }
        if (!best)
            continue;
        if (!coverage.empty() && coverage.back().licenseId == best->license.id &&
            coverage.back().end == start)
            coverage.back().end = end;
        else
            coverage.push_back({best->license.id, start, end});
    }
    return coverage;
}

std::vector<BillingPiece> billingPieces(const std::vector<LicenseRecord>& licenses,
                                        const QString& customerId, const QDateTime& from,
                                        const QDateTime& to) {
    std::vector<BillingPiece> pieces;
    for (const LicenseCoverage& coverage : licenseCoverage(licenses, customerId, from, to)) {
        const auto record = std::find_if(
            licenses.begin(), licenses.end(),
            [&](const LicenseRecord& r) { return r.license.id == coverage.licenseId; });
        std::vector<QDateTime> bounds =
            contractCuts(*record, licenses, coverage.start, coverage.end);
        bounds.insert(bounds.begin(), coverage.start);
        bounds.push_back(coverage.end);
        const QDateTime& trialUntil = record->license.contract.trialUntil;
        for (std::size_t i = 0; i + 1 < bounds.size(); ++i)
            pieces.push_back({coverage.licenseId, bounds[i], bounds[i + 1],
                              trialUntil.isValid() && bounds[i] < trialUntil});
    }
    return pieces;
}

Result<Money> licenseCharges(const MonthlyBill& bill, const std::vector<QUuid>& licenses,
                             const QDateTime& from, const QDateTime& to) {
    Money sum;
    for (const MonthlyBillLine& line : bill.lines) {
        const BillingSegment& segment = bill.segments[line.segment];
        if (std::find(licenses.begin(), licenses.end(), segment.licenseId) == licenses.end() ||
            segment.start < from || segment.start >= to || line.axis == BillAxis::CommitmentTrueUp)
            continue;
        AICP_TRY(assignTo(sum, sum.plus(line.amount)));
    }
    return sum;
}

Money prorateToCents(Money monthly, std::int64_t part, std::int64_t whole) {
    const Int128 numerator = Int128(monthly.micros()) * Int128(part);
    const Int128 denominator = Int128(whole) * Money::kMicrosPerCent;
    return Money::fromMicros(
        static_cast<std::int64_t>(divideRoundingHalfAway(numerator, denominator)) *
        Money::kMicrosPerCent);
}

Money prorateYearToCents(Money monthly, Percent discount, std::int64_t part, std::int64_t whole) {
    constexpr Int128 kWhole = 100 * Int128(Percent::kMicrosPerPercent);
    const Int128 numerator =
        Int128(monthly.micros()) * 12 * (kWhole - discount.microPercent()) * Int128(part);
    const Int128 denominator = Int128(whole) * kWhole * Money::kMicrosPerCent;
    return Money::fromMicros(
        static_cast<std::int64_t>(divideRoundingHalfAway(numerator, denominator)) *
        Money::kMicrosPerCent);
}

std::int64_t prorateCount(std::int64_t quantity, std::int64_t part, std::int64_t whole) {
    return static_cast<std::int64_t>(
        divideRoundingHalfAway(Int128(quantity) * Int128(part), Int128(whole)));
}

namespace {

// Each hour's requests go to the segment its first second falls in; returns
// the requests of hours no segment covers.
std::int64_t assignRequests(const std::vector<UsagePoint>& hourly, MonthlyBill& bill) {
    std::int64_t unlicensed = 0;
    const qint64 monthStart = bill.periodStart.toSecsSinceEpoch();
    const qint64 monthEnd = bill.periodEnd.toSecsSinceEpoch();
    for (const UsagePoint& point : hourly) {
        const qint64 at = point.start.toSecsSinceEpoch();
        if (at < monthStart || at >= monthEnd || point.requests == 0)
            continue;
        bill.requests += point.requests;
        auto segment =
            std::find_if(bill.segments.begin(), bill.segments.end(), [at](const BillingSegment& s) {
                return s.start.toSecsSinceEpoch() <= at && at < s.end.toSecsSinceEpoch();
            });
        if (segment == bill.segments.end())
            unlicensed += point.requests;
        else
            segment->requests += point.requests;
    }
    return unlicensed;
}

// Seats and agents are counted over the whole month, so they are compared
// with the most generous license of the month.
void addCountFindings(const std::map<QUuid, const LicenseRecord*>& byId, MonthlyBill& bill) {
    std::int64_t seats = 0;
    std::optional<std::int64_t> agents = 0;
    for (const BillingSegment& segment : bill.segments) {
        const LicensePayload& license = byId.at(segment.licenseId)->license;
        seats = std::max(seats, license.seats);
        if (!license.agents)
            agents.reset();
        else if (agents)
            agents = std::max(*agents, *license.agents);
    }
    if (bill.activeUsers > seats)
        bill.findings.push_back(
            {BillFindingKind::SeatsOverLicense, bill.activeUsers, seats, std::nullopt,
             QStringLiteral("%1 active users, %2 seats licensed; %3 over, not billed")
                 .arg(englishCount(bill.activeUsers), englishCount(seats),
                      englishCount(bill.activeUsers - seats))});
    if (agents && bill.activeAgents > *agents)
        bill.findings.push_back(
            {BillFindingKind::AgentsOverLicense, bill.activeAgents, *agents, std::nullopt,
             QStringLiteral("%1 active agents, %2 licensed; %3 over, not billed")
                 .arg(englishCount(bill.activeAgents), englishCount(*agents),
                      englishCount(bill.activeAgents - *agents))});
}

}  // namespace

Result<MonthlyBill> computeMonthlyBill(const MonthlyBillInputs& inputs) {
    if (inputs.priceBook.versions().empty())
        return Error::invalidInput(QStringLiteral("the price book has no versions"));
    MonthlyBill bill;
    bill.customerId = inputs.customerId;
    bill.customerName = inputs.customerName;
    bill.month = inputs.month;
    bill.periodStart = QDateTime(inputs.month.firstDay(), QTime(0, 0), Qt::UTC);
    bill.periodEnd = QDateTime(inputs.month.next().firstDay(), QTime(0, 0), Qt::UTC);
    bill.monthSeconds = bill.periodStart.secsTo(bill.periodEnd);
    bill.activeUsers = inputs.activeUsers;
    bill.activeAgents = inputs.activeAgents;
    auto monthPrices = inputs.priceBook.versionAt(inputs.month.firstDay());
    bill.currency =
        monthPrices ? monthPrices->currency : inputs.priceBook.versions().front().currency;

    std::map<QUuid, const LicenseRecord*> byId;
    for (const LicenseRecord& record : inputs.licenses)
        byId.emplace(record.license.id, &record);
    for (const BillingPiece& piece :
         billingPieces(inputs.licenses, inputs.customerId, bill.periodStart, bill.periodEnd)) {
        BillingSegment segment;
        segment.licenseId = piece.licenseId;
        segment.tier = byId.at(piece.licenseId)->license.tier;
        segment.start = piece.start;
        segment.end = piece.end;
        segment.seconds = piece.start.secsTo(piece.end);
        segment.trial = piece.trial;
        bill.segments.push_back(std::move(segment));
    }

    const std::int64_t unlicensed = assignRequests(inputs.hourly, bill);
    for (std::size_t i = 0; i < bill.segments.size(); ++i)
        AICP_TRY(priceSegment(inputs, *byId.at(bill.segments[i].licenseId), i, bill));

    if (unlicensed > 0)
        bill.findings.push_back(
            {BillFindingKind::UsageWithoutLicense, unlicensed, 0, std::nullopt,
             QStringLiteral("%1 requests in hours no license covered; not billed")
                 .arg(englishCount(unlicensed))});

    if (bill.hasLicense())
        addCountFindings(byId, bill);
    AICP_TRY(addCommitmentTrueUps(inputs, bill));

    for (const MonthlyBillLine& line : bill.lines) {
        auto net = bill.net.plus(line.amount);
        if (!net)
            return net.error();
        bill.net = *net;
    }
    bill.total = bill.net;
    return bill;
}

Status applyTax(MonthlyBill& bill, const TaxDecision& decision) {
    bill.taxTreatment = decision.treatment;
    bill.taxName = decision.name();
    bill.taxRate = decision.percent();
    bill.tax = Money();
    const bool inUse = decision.treatment != TaxTreatment::None;
    const Percent percent = decision.percent();
    for (MonthlyBillLine& line : bill.lines) {
        line.taxRate = inUse ? std::optional(percent) : std::nullopt;
        line.tax = line.amount.percentOfInCents(percent);
        auto tax = bill.tax.plus(line.tax);
        if (!tax)
            return tax.error();
        bill.tax = *tax;
    }
    AICP_TRY(assignTo(bill.total, bill.net.plus(bill.tax)));
    std::erase_if(bill.findings, [](const BillFinding& finding) {
        return finding.kind == BillFindingKind::NoTaxRate;
    });
    if (decision.treatment == TaxTreatment::NoRate && bill.hasLicense())
        bill.findings.push_back(
            {BillFindingKind::NoTaxRate, 0, std::nullopt, std::nullopt, decision.finding});
    return {};
}

std::vector<TaxSummary> taxSummary(TaxTreatment treatment, const QString& name, Percent rate,
                                   Money amount) {
    if (treatment == TaxTreatment::None || treatment == TaxTreatment::NoRate)
        return {};
    return {{name, rate, amount}};
}

QJsonArray taxSummaryJson(const std::vector<TaxSummary>& summary) {
    QJsonArray array;
    for (const TaxSummary& entry : summary)
        array.append(QJsonObject{{QStringLiteral("name"), entry.name},
                                 {QStringLiteral("rate"), entry.rate.toDecimalString()},
                                 {QStringLiteral("amount"), entry.amount.toDecimalString()}});
    return array;
}

QJsonObject monthlyBillToJson(const MonthlyBill& bill) {
    QJsonArray segments;
    for (const BillingSegment& segment : bill.segments) {
        QJsonObject object{{QStringLiteral("license_id"), idText(segment.licenseId)},
                           {QStringLiteral("tier"), segment.tier},
                           {QStringLiteral("start"), toRfc3339(segment.start)},
                           {QStringLiteral("end"), toRfc3339(segment.end)},
                           {QStringLiteral("seconds"), qint64(segment.seconds)},
                           {QStringLiteral("price_book_version"), segment.priceBookVersion},
                           {QStringLiteral("requests"), qint64(segment.requests)}};
        object.insert(QStringLiteral("included_requests"),
                      segment.includedRequests ? QJsonValue(qint64(*segment.includedRequests))
                                               : QJsonValue());
        if (segment.trial)
            object.insert(QStringLiteral("trial"), true);
        segments.append(object);
    }
    QJsonArray lines;
    for (const MonthlyBillLine& line : bill.lines) {
        QJsonObject object{{QStringLiteral("segment"), qint64(line.segment)},
                           {QStringLiteral("axis"), billAxisKey(line.axis)},
                           {QStringLiteral("description"), line.description},
                           {QStringLiteral("quantity"), qint64(line.quantity)},
                           {QStringLiteral("monthly_amount"), line.monthlyAmount.toDecimalString()},
                           {QStringLiteral("amount"), line.amount.toDecimalString()}};
        object.insert(QStringLiteral("tax_rate"),
                      line.taxRate ? QJsonValue(line.taxRate->toDecimalString()) : QJsonValue());
        object.insert(
            QStringLiteral("unit_price"),
            line.unitPrice ? QJsonValue(line.unitPrice->toDecimalString()) : QJsonValue());
        lines.append(object);
    }
    QJsonArray findings;
    for (const BillFinding& finding : bill.findings) {
        QJsonObject object{{QStringLiteral("kind"), billFindingKey(finding.kind)},
                           {QStringLiteral("used"), qint64(finding.used)},
                           {QStringLiteral("message"), finding.message}};
        object.insert(QStringLiteral("allowed"),
                      finding.allowed ? QJsonValue(qint64(*finding.allowed)) : QJsonValue());
        object.insert(QStringLiteral("segment"),
                      finding.segment ? QJsonValue(qint64(*finding.segment)) : QJsonValue());
        findings.append(object);
    }
    return {{QStringLiteral("customer"), QJsonObject{{QStringLiteral("id"), bill.customerId},
                                                     {QStringLiteral("name"), bill.customerName}}},
            {QStringLiteral("month"), bill.month.toString()},
            {QStringLiteral("currency"), bill.currency},
            {QStringLiteral("period_start"), toRfc3339(bill.periodStart)},
            {QStringLiteral("period_end"), toRfc3339(bill.periodEnd)},
            {QStringLiteral("month_seconds"), qint64(bill.monthSeconds)},
            {QStringLiteral("requests"), qint64(bill.requests)},
            {QStringLiteral("active_users"), qint64(bill.activeUsers)},
            {QStringLiteral("active_agents"), qint64(bill.activeAgents)},
            {QStringLiteral("licensed"), bill.hasLicense()},
            {QStringLiteral("segments"), segments},
            {QStringLiteral("lines"), lines},
            {QStringLiteral("findings"), findings},
            {QStringLiteral("net"), bill.net.toDecimalString()},
            {QStringLiteral("tax_treatment"), taxTreatmentKey(bill.taxTreatment)},
            {QStringLiteral("tax"),
             taxSummaryJson(taxSummary(bill.taxTreatment, bill.taxName, bill.taxRate, bill.tax))},
            {QStringLiteral("total"), bill.total.toDecimalString()}};
}

}  // namespace aicp

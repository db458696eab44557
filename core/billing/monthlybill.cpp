#include "billing/monthlybill.h"

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

// Where one license's coverage ends before clipping to a period.
QDateTime coverageEnd(const LicenseRecord& record, const std::vector<LicenseRecord>& licenses) {
    QDateTime end = record.license.expiresAt;
    if (record.revocation && record.revocation->at < end)
        end = record.revocation->at;
    if (record.supersededBy) {
        for (const LicenseRecord& other : licenses) {
            if (other.license.id == *record.supersededBy &&
                other.license.customerId == record.license.customerId) {
                end = std::min(end, other.license.notBefore);
                break;
            }
        }
    }
    return end;
}

// True when `a` wins over `b` where both cover the same instant: the one
// issued last, then (for equal issue times) the larger id, so the choice
// never depends on the order the registry returned them in.
bool preferred(const LicenseRecord& a, const LicenseRecord& b) {
    if (a.license.issuedAt != b.license.issuedAt)
        return a.license.issuedAt > b.license.issuedAt;
    return idText(a.license.id) > idText(b.license.id);
}

// The price book version a segment is priced with, with the license's
// contract price overrides applied to its tier.
Result<PriceBookVersion> pricesFor(const PriceBook& book, const LicensePayload& license,
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

// The exact, unrounded amount of a cost engine line: the sum of its portions.
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

Status priceSegment(const MonthlyBillInputs& inputs, const LicenseRecord& record, std::size_t index,
                    MonthlyBill& bill) {
    BillingSegment& segment = bill.segments[index];
    const LicensePayload& license = record.license;
    auto prices = pricesFor(inputs.priceBook, license, segment.start.date());
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

    Money recurring;
    Money monthlyRecurring;  // the full month's, which picks the volume band
    for (const BillLine& line : quote->lines) {
        MonthlyBillLine out;
        out.axis = line.axis;
        out.segment = index;
        out.quantity = line.quantity;
        out.unitPrice = line.unitPrice;
        if (line.axis == BillAxis::Discount)
            continue;  // recomputed below from the prorated lines
        if (billAxisIsRecurring(line.axis)) {
            auto exact = exactAmount(line);
            if (!exact)
                return exact.error();
            out.monthlyAmount = *exact;
            auto month = monthlyRecurring.plus(*exact);
            if (!month)
                return month.error();
            monthlyRecurring = *month;
            out.amount = prorateToCents(*exact, segment.seconds, bill.monthSeconds);
            out.description = line.description + prorationNote(segment.seconds, bill.monthSeconds);
            auto total = recurring.plus(out.amount);
            if (!total)
                return total.error();
            recurring = *total;
        } else {
            out.monthlyAmount = line.amount;
            out.amount = line.amount;
            out.description = line.description;
            if (billedRequests != segment.requests)
                out.description =
                    QStringLiteral("%1 requests, %2 included, %3 over the cap refused (not billed)")
                        .arg(englishCount(segment.requests), englishCount(billedRequests),
                             englishCount(segment.requests - billedRequests));
            else if (segment.seconds != bill.monthSeconds && segment.includedRequests)
                out.description += QStringLiteral(" (quota prorated)");
        }
        bill.lines.push_back(std::move(out));
    }

    MonthlyBillLine discount;
    discount.axis = BillAxis::Discount;
    discount.segment = index;
    discount.description = QStringLiteral("No contract discount");
    const AppliedDiscount applied =
        prices->discountFor(license.contract.discount, monthlyRecurring);
    if (!applied.percent.isZero()) {
        discount.description = discountDescription(applied, recurring, prices->currency);
        discount.quantity = 1;
        discount.amount = recurring.percentOfInCents(applied.percent).negated();
    }
    discount.monthlyAmount = discount.amount;
    bill.lines.push_back(std::move(discount));
    return {};
}

}  // namespace

QString billFindingKey(BillFindingKind kind) {
    static constexpr EnumWord<BillFindingKind> kKeys[] = {
        {BillFindingKind::RequestsOverCap, "requests_over_cap"},
        {BillFindingKind::SeatsOverLicense, "seats_over_license"},
        {BillFindingKind::AgentsOverLicense, "agents_over_license"},
        {BillFindingKind::UsageWithoutLicense, "usage_without_license"},
        {BillFindingKind::TierCannotServe, "tier_cannot_serve"},
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

Money prorateToCents(Money monthly, std::int64_t part, std::int64_t whole) {
    const Int128 numerator = Int128(monthly.micros()) * Int128(part);
    const Int128 denominator = Int128(whole) * Money::kMicrosPerCent;
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
    for (const LicenseCoverage& piece :
         licenseCoverage(inputs.licenses, inputs.customerId, bill.periodStart, bill.periodEnd)) {
        BillingSegment segment;
        segment.licenseId = piece.licenseId;
        segment.tier = byId.at(piece.licenseId)->license.tier;
        segment.start = piece.start;
        segment.end = piece.end;
        segment.seconds = piece.start.secsTo(piece.end);
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

    for (const MonthlyBillLine& line : bill.lines) {
        auto total = bill.total.plus(line.amount);
        if (!total)
            return total.error();
        bill.total = *total;
    }
    return bill;
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
            {QStringLiteral("total"), bill.total.toDecimalString()}};
}

}  // namespace aicp

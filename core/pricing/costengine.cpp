#include "pricing/costengine.h"

#include "common/englishcount.h"

#include <vector>

namespace aicp {
namespace {

// Descriptions are machine-stable English; the console words lines itself.
QString count(std::int64_t value) {
    return englishCount(value);
}

QString plural(std::int64_t value, const QString& one, const QString& many) {
    return englishCount(value, one, many);
}

Status checkCatalog(const QStringList& chosen, const QStringList& catalog, const QString& what) {
    QStringList seen;
    for (const QString& item : chosen) {
        if (!catalog.contains(item))
            return Error::invalidInput(QStringLiteral("unknown %1 '%2' (known: %3)")
                                           .arg(what, item, catalog.join(QStringLiteral(", "))));
        if (seen.contains(item))
            return Error::invalidInput(QStringLiteral("%1 '%2' is listed twice").arg(what, item));
        seen.append(item);
    }
    return {};
}

// Builds one bill line: the exact charge, rounded once to cents.
Result<BillLine> makeLine(BillAxis axis, QString description, std::int64_t quantity,
                          const Charge& charge) {
    BillLine line;
    line.axis = axis;
    line.description = std::move(description);
    line.quantity = quantity;
    line.unitPrice = ChargeModel::singleUnitPrice(charge);
    line.portions = charge.portions;
    line.amount = charge.amount.roundedToCents();
    return line;
}

BillLine freeLine(BillAxis axis, QString description, std::int64_t quantity = 0) {
    BillLine line;
    line.axis = axis;
    line.description = std::move(description);
    line.quantity = quantity;
    line.unitPrice = Money();
    return line;
}

// Prices the add-ons beyond what a tier includes (packs, modules, seats); a
// need the tier cannot sell makes the bill ineligible rather than free.
Result<BillLine> addOnLine(BillAxis axis, const TierDefinition& tier,
                           const AddOnAllowance& allowance, std::int64_t wanted, const QString& one,
                           const QString& many, QStringList& reasons) {
    if (allowance.isUnlimited())
        return freeLine(axis, QStringLiteral("%1, all included").arg(plural(wanted, one, many)));
    const std::int64_t included = *allowance.included;
    const std::int64_t extra = std::max<std::int64_t>(0, wanted - included);
    const QString summary =
        QStringLiteral("%1, %2 included").arg(plural(wanted, one, many), count(included));
    if (extra == 0)
        return freeLine(axis, summary);
    if (!allowance.extra) {
        reasons.append(QStringLiteral("%1 includes %2 and sells no more (%3 needed)")
                           .arg(tier.name, plural(included, one, many), count(wanted)));
        return freeLine(axis, summary);
    }
    auto charge = allowance.extra->charge(extra);
    if (!charge)
        return charge.error();
    return makeLine(axis, QStringLiteral("%1, %2 extra").arg(summary, count(extra)), extra,
                    *charge);
}

// Requests: the included quota is free; beyond it the overage model
// applies, or the tier refuses the traffic outright (hard cap).
Result<BillLine> requestsLine(const TierDefinition& tier, std::int64_t requests,
                              QStringList& reasons) {
    const QString requested =
        plural(requests, QStringLiteral("request"), QStringLiteral("requests"));
    if (!tier.includedRequests)
        return freeLine(BillAxis::Requests, QStringLiteral("%1, unlimited").arg(requested));
    const std::int64_t included = *tier.includedRequests;
    const std::int64_t beyond = std::max<std::int64_t>(0, requests - included);
    const QString summary = QStringLiteral("%1, %2 included").arg(requested, count(included));
    if (!tier.requestOverage) {
        if (beyond > 0)
            reasons.append(QStringLiteral("%1 caps requests at %2 a month (%3 needed)")
                               .arg(tier.name, count(included), count(requests)));
        return freeLine(BillAxis::Requests, summary);
    }
    auto charge = tier.requestOverage->charge(beyond);
    if (!charge)
        return charge.error();
    return makeLine(
        BillAxis::Requests,
        beyond > 0 ? QStringLiteral("%1, %2 beyond").arg(summary, count(beyond)) : summary, beyond,
        *charge);
}

// Audit: a level at or below the included one costs nothing; a higher one
// is charged at its full monthly price where the tier sells upgrades.
Result<BillLine> auditLine(const PriceBookVersion& prices, const TierDefinition& tier,
                           const QString& wanted, QStringList& reasons) {
    const QString auditId = wanted.isEmpty() ? tier.includedAuditTier : wanted;
    const AuditTier* audit = prices.auditTier(auditId);
    if (!audit)
        return Error::internal(
            QStringLiteral("audit tier '%1' vanished from the price book").arg(auditId));
    const QString summary =
        QStringLiteral("%1 audit retention (%2 days)").arg(audit->name).arg(audit->retentionDays);
    if (prices.auditTierRank(auditId) <= prices.auditTierRank(tier.includedAuditTier))
        return freeLine(BillAxis::Audit, summary + QStringLiteral(", included"), 1);
    if (!tier.auditUpgradesSold)
        reasons.append(QStringLiteral("%1 offers no %2 audit tier").arg(tier.name, audit->name));
    auto charge = audit->price.charge(1);
    if (!charge)
        return charge.error();
    return makeLine(BillAxis::Audit, summary, 1, *charge);
}

Result<Money> sumOf(const std::vector<BillLine>& lines, bool recurringOnly = false) {
    Money total;
    for (const BillLine& line : lines) {
        if (recurringOnly && !billAxisIsRecurring(line.axis))
            continue;
        auto sum = total.plus(line.amount);
        if (!sum)
            return sum.error();
        total = *sum;
    }
    return total;
}

// The contract discount takes its share of the rounded recurring lines
// only; request charges are never discounted.
Result<BillLine> discountLine(const std::vector<BillLine>& lines, const Percent& contract,
                              const PriceBookVersion& prices) {
    BillLine discount = freeLine(BillAxis::Discount, QStringLiteral("No contract discount"));
    discount.unitPrice.reset();
    auto recurring = sumOf(lines, true);
    if (!recurring)
        return recurring.error();
    const AppliedDiscount applied = prices.discountFor(contract, *recurring);
    if (applied.percent.isZero())
        return discount;
    discount.description = discountDescription(applied, *recurring, prices.currency);
    discount.quantity = 1;
    discount.amount = recurring->percentOfInCents(applied.percent).negated();
    return discount;
}

}  // namespace

Status CostEngine::validate(const Subscription& subscription, const MonthlyUsage& usage) const {
    if (usage.requests < 0)
        return Error::invalidInput(
            QStringLiteral("requests cannot be negative (%1)").arg(usage.requests));
    if (subscription.seats < 0)
        return Error::invalidInput(
            QStringLiteral("seats cannot be negative (%1)").arg(subscription.seats));
    if (subscription.agents < 0)
        return Error::invalidInput(
            QStringLiteral("agents cannot be negative (%1)").arg(subscription.agents));
    AICP_TRY(
        checkCatalog(subscription.policyPacks, prices_.policyPacks, QStringLiteral("policy pack")));
    AICP_TRY(checkCatalog(subscription.complianceModules, prices_.complianceModules,
                          QStringLiteral("compliance module")));
    if (!subscription.auditTier.isEmpty() && !prices_.auditTier(subscription.auditTier)) {
        QStringList known;
        for (const AuditTier& audit : prices_.auditTiers)
            known.append(audit.id);
        return Error::invalidInput(
            QStringLiteral("unknown audit tier '%1' (known: %2)")
                .arg(subscription.auditTier, known.join(QStringLiteral(", "))));
    }
    return {};
}

Result<Bill> CostEngine::quote(const Subscription& subscription, const MonthlyUsage& usage) const {
    const TierDefinition* tier = prices_.tier(subscription.tier);
    if (!tier)
        return Error::notFound(
            QStringLiteral("unknown tier '%1' (known: %2)")
                .arg(subscription.tier, prices_.tierIds().join(QStringLiteral(", "))));
    AICP_TRY(validate(subscription, usage));
    return price(*tier, subscription, usage);
}

Result<TierComparison> CostEngine::compare(const Subscription& needs,
                                           const MonthlyUsage& usage) const {
    AICP_TRY(validate(needs, usage));
    TierComparison comparison;
    for (const TierDefinition& tier : prices_.tiers) {
        auto bill = price(tier, needs, usage);
        if (!bill)
            return bill.error();
        // Priced for comparison, but no longer sold.
        if (tier.retired) {
            bill->reasons.append(
                QStringLiteral("%1 is retired: it takes no new licenses").arg(tier.name));
            bill->eligible = false;
        }
        comparison.bills.push_back(std::move(bill).value());
    }
    markCheapestEligible(comparison);
    return comparison;
}

void markCheapestEligible(TierComparison& comparison) {
    // Ties go to the earlier (smaller) tier: same money, fewer moving parts.
    comparison.cheapestEligible.reset();
    for (std::size_t i = 0; i < comparison.bills.size(); ++i) {
        const Bill& bill = comparison.bills[i];
        if (!bill.eligible)
            continue;
        if (!comparison.cheapestEligible ||
            bill.total < comparison.bills[*comparison.cheapestEligible].total)
            comparison.cheapestEligible = i;
    }
}

Result<Bill> CostEngine::price(const TierDefinition& tier, const Subscription& subscription,
                               const MonthlyUsage& usage) const {
    Bill bill;
    bill.tier = tier.id;
    bill.tierName = tier.name;
    bill.currency = prices_.currency;

    auto base = tier.base.charge(1);
    if (!base)
        return base.error();
    bill.lines.push_back(
        makeLine(BillAxis::Base, QStringLiteral("%1 base subscription").arg(tier.name), 1, *base)
            .value());
    std::vector<Result<BillLine>> lines{
        requestsLine(tier, usage.requests, bill.reasons),
        addOnLine(BillAxis::PolicyPacks, tier, tier.policyPacks, subscription.policyPacks.size(),
                  QStringLiteral("policy pack"), QStringLiteral("policy packs"), bill.reasons),
        addOnLine(BillAxis::ComplianceModules, tier, tier.complianceModules,
                  subscription.complianceModules.size(), QStringLiteral("compliance module"),
                  QStringLiteral("compliance modules"), bill.reasons),
        addOnLine(BillAxis::Seats, tier, tier.seats, subscription.seats, QStringLiteral("seat"),
                  QStringLiteral("seats"), bill.reasons),
    };
    // Agents have no price: a tier either allows them or cannot serve.
    if (tier.includedAgents && subscription.agents > *tier.includedAgents)
        bill.reasons.append(QStringLiteral("%1 allows %2 (%3 needed)")
                                .arg(tier.name,
                                     plural(*tier.includedAgents, QStringLiteral("agent"),
                                            QStringLiteral("agents")),
                                     count(subscription.agents)));
    if (subscription.needsSso && !tier.hasFeature(QStringLiteral("sso")))
        bill.reasons.append(QStringLiteral("%1 has no single sign-on (SSO)").arg(tier.name));
    lines.push_back(auditLine(prices_, tier, subscription.auditTier, bill.reasons));
    for (const Result<BillLine>& line : lines) {
        if (!line)
            return line.error();
        bill.lines.push_back(*line);
    }
    auto discount = discountLine(bill.lines, subscription.discount, prices_);
    if (!discount)
        return discount.error();
    bill.lines.push_back(*discount);
    auto total = sumOf(bill.lines);
    if (!total)
        return total.error();
    bill.total = *total;
    bill.eligible = bill.reasons.isEmpty();
    return bill;
}

QString discountDescription(const AppliedDiscount& applied, Money recurring,
                            const QString& currency) {
    if (applied.volume)
        return QStringLiteral(
                   "%1% volume discount (recurring charges from %2 %3 a month) off "
                   "recurring charges of %4 %3")
            .arg(applied.percent.toDecimalString(), applied.bandFrom.toDecimalString(), currency,
                 recurring.toDecimalString());
    return QStringLiteral("%1% off recurring charges of %2 %3")
        .arg(applied.percent.toDecimalString(), recurring.toDecimalString(), currency);
}

}  // namespace aicp

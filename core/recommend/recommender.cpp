#include "recommend/recommender.h"

#include "billing/contractquote.h"
#include "billing/monthlybill.h"
#include "common/englishcount.h"
#include "pricing/costengine.h"
#include "recommend/limitalerts.h"

#include <algorithm>

#include <QLocale>

namespace aicp {
namespace {

// "4,499.10 USD": grouped like the counts beside it, exact (no double).
QString money(Money amount, const QString& currency) {
    QString digits = amount.abs().toDecimalString();
    const qsizetype point = digits.indexOf(u'.');
    for (qsizetype at = (point < 0 ? digits.size() : point) - 3; at > 0; at -= 3)
        digits.insert(at, u',');
    return QStringLiteral("%1%2 %3").arg(amount.isNegative() ? QStringLiteral("-") : QString(),
                                         digits, currency);
}

// "November 2026": the reasons are English sentences for people.
QString monthWords(YearMonth month) {
    static const QLocale kEnglish(QLocale::English, QLocale::UnitedStates);
    return kEnglish.toString(month.firstDay(), QStringLiteral("MMMM yyyy"));
}

std::int64_t withMargin(std::int64_t need) {
    return need + need * Recommender::kMarginPercent / 100;
}

// A hard limit the need fits under but without the safety margin.
void checkMargin(std::optional<std::int64_t> limit, std::int64_t need, const QString& what,
                 const QString& limitWords, QStringList& reasons) {
    if (!limit || need > *limit || withMargin(need) <= *limit)
        return;
    reasons.append(QStringLiteral("%1 leaves less than the %2 % safety margin above %3")
                       .arg(limitWords)
                       .arg(Recommender::kMarginPercent)
                       .arg(what));
}

std::optional<std::int64_t> hardAddOnLimit(const AddOnAllowance& allowance) {
    if (allowance.isUnlimited() || allowance.extra)
        return std::nullopt;
    return allowance.included;
}

Result<TierOption> priceTier(const CostEngine& engine, const TierDefinition& tier,
                             const Needs& needs) {
    Subscription subscription = needs.subscription();
    subscription.tier = tier.id;
    // A hard cap refuses the traffic beyond it rather than billing it: the
    // bill is for what the tier would serve, the refusal is said apart.
    MonthlyUsage usage{needs.requests};
    TierOption option;
    if (tier.requestsHardCapped() && needs.requests > *tier.includedRequests) {
        usage.requests = *tier.includedRequests;
        option.refusedRequests = needs.requests - *tier.includedRequests;
    }
    auto bill = engine.quote(subscription, usage);
    if (!bill)
        return bill.error();
    option.bill = std::move(bill).value();
    // The customer pays at least the commitment whichever tier it is on.
    if (needs.commitment)
        AICP_TRY(applyCommitmentFloor(option.bill, *needs.commitment));
    if (option.refusedRequests)
        option.reasons.append(
            QStringLiteral("%1 would refuse %2 over its %3 cap (%4 projected)")
                .arg(tier.name,
                     englishCount(*option.refusedRequests, QStringLiteral("request"),
                                  QStringLiteral("requests")),
                     englishCount(*tier.includedRequests), englishCount(needs.requests)));
    option.reasons.append(option.bill.reasons);

    if (tier.requestsHardCapped())
        checkMargin(tier.includedRequests, needs.requests,
                    QStringLiteral("%1 projected requests").arg(englishCount(needs.requests)),
                    QStringLiteral("%1's cap of %2 requests")
                        .arg(tier.name, englishCount(*tier.includedRequests)),
                    option.reasons);
    const auto limitWords = [&tier](std::int64_t limit, const QString& one, const QString& many) {
        return QStringLiteral("%1's limit of %2").arg(tier.name, englishCount(limit, one, many));
    };
    const struct {
        std::optional<std::int64_t> limit;
        std::int64_t need;
        QString one;
        QString many;
    } counted[] = {
        {tier.includedAgents, needs.agents, QStringLiteral("agent"), QStringLiteral("agents")},
        {tier.activation.instances, needs.instances, QStringLiteral("instance"),
         QStringLiteral("instances")},
        {hardAddOnLimit(tier.seats), needs.seats, QStringLiteral("seat"), QStringLiteral("seats")},
        {hardAddOnLimit(tier.policyPacks), needs.policyPacks.size(), QStringLiteral("policy pack"),
         QStringLiteral("policy packs")},
        {hardAddOnLimit(tier.complianceModules), needs.complianceModules.size(),
         QStringLiteral("compliance module"), QStringLiteral("compliance modules")},
    };
    for (const auto& axis : counted) {
        if (axis.limit)
            checkMargin(axis.limit, axis.need, englishCount(axis.need, axis.one, axis.many),
                        limitWords(*axis.limit, axis.one, axis.many), option.reasons);
    }
    option.eligible = option.reasons.isEmpty();
    return option;
}

// The license covering `at` as billing sees it (a later upgrade or
// revocation does not reach back), else one in its grace period.
std::optional<LicenseRecord> licenseAt(const std::vector<LicenseRecord>& licenses,
                                       const QString& customerId, const QDateTime& at) {
    const auto pieces = licenseCoverage(licenses, customerId, at, at.addSecs(1));
    if (!pieces.empty()) {
        for (const LicenseRecord& record : licenses) {
            if (record.license.id == pieces.back().licenseId)
                return record;
        }
    }
    return licenseInForce(licenses, customerId, at);
}

// Cheapest eligible; equal totals go to the current tier, then the smaller.
std::optional<std::size_t> pick(const std::vector<TierOption>& tiers,
                                std::optional<std::size_t> current) {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        if (!tiers[i].eligible)
            continue;
        if (!best || tiers[i].total() < tiers[*best].total() ||
            (tiers[i].total() == tiers[*best].total() && current == i))
            best = i;
    }
    return best;
}

QString firstReason(const TierOption& option) {
    return option.reasons.value(0);
}

QString overallReason(const Recommendation& r) {
    const QString& currency = r.currency;
    if (!r.recommended) {
        const TierOption& largest = r.tiers.back();
        return QStringLiteral("No tier of price book %1 serves these needs (%2): %3.")
            .arg(r.priceBookVersion, r.needs.summary(), largest.reasons.join(QStringLiteral("; ")));
    }
    const TierOption& best = r.tiers[*r.recommended];
    const QString bestName = best.bill.tierName;
    if (!r.current) {
        const QString why =
            r.currentTier.isEmpty()
                ? QStringLiteral("No license is in force in %1").arg(monthWords(r.month))
                : QStringLiteral("The license's tier '%1' is not in price book %2")
                      .arg(r.currentTier, r.priceBookVersion);
        return QStringLiteral("%1; %2 is the cheapest tier that serves %3, at %4 a month.")
            .arg(why, bestName, r.needs.summary(), money(best.total(), currency));
    }
    const TierOption& now = r.tiers[*r.current];
    const QString nowName = now.bill.tierName;
    if (*r.recommended == *r.current) {
        QString text = QStringLiteral("%1 stays the cheapest tier that serves %2, at %3 a month.")
                           .arg(nowName, r.needs.summary(), money(now.total(), currency));
        // The closest cheaper alternative, when there is one — the one that
        // misses on the fewest counts, then the cheapest: why it cannot serve.
        const TierOption* cheaper = nullptr;
        for (const TierOption& option : r.tiers) {
            if (option.eligible || option.total() >= now.total())
                continue;
            if (!cheaper || option.reasons.size() < cheaper->reasons.size() ||
                (option.reasons.size() == cheaper->reasons.size() &&
                 option.total() < cheaper->total()))
                cheaper = &option;
        }
        if (cheaper) {
            auto difference = now.total().minus(cheaper->total());
            text += QStringLiteral(" %1 would cost %2 less, but %3.")
                        .arg(cheaper->bill.tierName,
                             difference ? money(*difference, currency) : QString(),
                             firstReason(*cheaper));
        }
        return text;
    }
    const Money saving = r.saving.value_or(Money());
    if (now.eligible)
        return QStringLiteral("%1 saves %2 a month: %3 instead of %4 on %5 for %6.")
            .arg(bestName, money(saving, currency), money(best.total(), currency),
                 money(now.total(), currency), nowName, r.needs.summary());
    // The current tier cannot serve: the risk avoided comes first.
    QString cost;
    if (saving.isNegative())
        cost = QStringLiteral("for %1 a month, %2 more than %3")
                   .arg(money(best.total(), currency), money(saving.negated(), currency), nowName);
    else if (saving.isZero())
        cost = QStringLiteral("for the same %1 a month").arg(money(best.total(), currency));
    else
        cost = QStringLiteral("and saves %1 a month, at %2")
                   .arg(money(saving, currency), money(best.total(), currency));
    return QStringLiteral("%1; %2 avoids it %3.")
        .arg(now.reasons.join(QStringLiteral("; ")), bestName, cost);
}

QString optionReason(const Recommendation& r, std::size_t index) {
    const TierOption& option = r.tiers[index];
    if (!option.eligible)
        return option.reasons.join(QStringLiteral("; "));
    if (r.recommended == index)
        return QStringLiteral("The cheapest tier that serves the needs.");
    const TierOption& best = r.tiers[*r.recommended];
    auto difference = option.total().minus(best.total());
    if (!difference || difference->isZero())
        return QStringLiteral("Serves the needs for the same as %1.").arg(best.bill.tierName);
    return QStringLiteral("Serves the needs for %1 a month more than %2.")
        .arg(money(*difference, r.currency), best.bill.tierName);
}

}  // namespace

Result<Recommendation> Recommender::recommend(const RecommendationInputs& inputs) {
    auto projection = UsageProjection::compute(inputs.month, inputs.now, inputs.hourly);
    if (!projection)
        return projection.error();
    Recommendation r;
    r.customerId = inputs.customerId;
    r.customerName = inputs.customerName;
    r.month = inputs.month;
    r.marginPercent = kMarginPercent;
    r.projection = std::move(projection).value();

    // The license of the instant projected from; a past month's last second.
    const QDateTime at = r.projection.complete ? r.projection.at.addSecs(-1) : r.projection.at;
    r.license = licenseAt(inputs.licenses, inputs.customerId, at);
    auto prices = inputs.priceBook.versionAt(at.date());
    if (!prices)
        return prices.error();
    r.currency = prices->currency;
    r.priceBookVersion = prices->version;
    const LicensePayload* license = r.license ? &r.license->license : nullptr;
    r.needs = Needs::gather(r.projection, inputs.usage, license, *prices);
    if (license)
        if (const auto it = inputs.activeInstances.find(license->id);
            it != inputs.activeInstances.end())
            r.needs.instances = it->second;
    if (license)
        r.currentTier = license->tier;

    const CostEngine engine(*prices);
    for (const TierDefinition& tier : prices->tiers) {
        // A retired tier is no option, unless the customer is on it still.
        if (tier.retired && tier.id != r.currentTier)
            continue;
        auto option = priceTier(engine, tier, r.needs);
        if (!option)
            return option.error().withContext(QStringLiteral("pricing %1").arg(tier.id));
        if (tier.id == r.currentTier)
            r.current = r.tiers.size();
        r.tiers.push_back(std::move(option).value());
    }
    r.recommended = pick(r.tiers, r.current);
    if (r.recommended && r.current) {
        auto saving = r.tiers[*r.current].total().minus(r.tiers[*r.recommended].total());
        if (!saving)
            return saving.error();
        r.saving = *saving;
    }
    for (std::size_t i = 0; i < r.tiers.size(); ++i)
        r.tiers[i].reason = optionReason(r, i);
    r.reason = overallReason(r);
    if (const TierOption* best = r.recommendedOption();
        best && best->bill.line(BillAxis::CommitmentTrueUp)) {
        const Commitment& commitment = *r.needs.commitment;
        r.reason +=
            QStringLiteral(
                " That is the contract's minimum commitment%1: less usage would not cost less.")
                .arg(
                    commitment.period == Commitment::Period::Month
                        ? QStringLiteral(" of %1 a month").arg(money(commitment.amount, r.currency))
                        : QStringLiteral(" of %1 a year (%2 a month)")
                              .arg(money(commitment.amount, r.currency),
                                   money(commitmentMonthShare(commitment), r.currency)));
    }
    // A month without a single request says little about what is needed.
    if (r.projection.requestsSoFar == 0 && inputs.usage.activeUsers == 0)
        r.reason += QStringLiteral(
                        " No usage is recorded for %1: import the gateway's events "
                        "before acting on this.")
                        .arg(r.month.toString());
    if (license)
        r.alerts = limitAlerts(Entitlements(*license), r.needs);
    return r;
}

}  // namespace aicp

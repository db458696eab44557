#include "recommend/needs.h"

#include "common/englishcount.h"

namespace aicp {
namespace {

// The catalog's names that were used (a positive count) or licensed, in
// catalog order so the same needs always read the same.
QStringList chosen(const QStringList& catalog, const std::map<QString, std::int64_t>& used,
                   const QStringList& licensed, bool includeLicensed) {
    QStringList names;
    for (const QString& name : catalog) {
        const auto seen = used.find(name);
        if ((seen != used.end() && seen->second > 0) ||
            (includeLicensed && licensed.contains(name)))
            names.append(name);
    }
    return names;
}

}  // namespace

Subscription Needs::subscription() const {
    Subscription subscription;
    subscription.policyPacks = policyPacks;
    subscription.complianceModules = complianceModules;
    subscription.seats = seats;
    subscription.agents = agents;
    subscription.auditTier = auditTier;
    subscription.discount = discount;
    subscription.needsSso = sso;
    return subscription;
}

QString Needs::summary() const {
    QStringList parts{
        QStringLiteral("%1 projected %2")
            .arg(englishCount(requests),
                 requests == 1 ? QStringLiteral("request") : QStringLiteral("requests")),
        englishCount(seats, QStringLiteral("seat"), QStringLiteral("seats")),
        englishCount(agents, QStringLiteral("agent"), QStringLiteral("agents")),
    };
    if (instances > 0)
        parts.append(
            englishCount(instances, QStringLiteral("instance"), QStringLiteral("instances")));
    if (!policyPacks.isEmpty())
        parts.append(englishCount(policyPacks.size(), QStringLiteral("policy pack"),
                                  QStringLiteral("policy packs")));
    if (!complianceModules.isEmpty())
        parts.append(englishCount(complianceModules.size(), QStringLiteral("compliance module"),
                                  QStringLiteral("compliance modules")));
    if (sso)
        parts.append(QStringLiteral("SSO"));
    return parts.join(QStringLiteral(", "));
}

Needs Needs::gather(const UsageProjection& projection, const MonthlyUsageSummary& usage,
                    const LicensePayload* license, const PriceBookVersion& prices) {
    Needs needs;
    needs.requests = projection.projected;
    needs.seats = usage.activeUsers;
    needs.agents = usage.activeAgents;
    // A tier that includes every pack licenses them all without anyone
    // choosing them, so only add-ons picked on a tier that counts them say
    // what the customer needs; likewise the audit level the tier includes.
    const TierDefinition* licensedTier = license ? prices.tier(license->tier) : nullptr;
    const bool packsChosen = licensedTier && !licensedTier->policyPacks.isUnlimited();
    const bool modulesChosen = licensedTier && !licensedTier->complianceModules.isUnlimited();
    needs.policyPacks = chosen(prices.policyPacks, usage.policyPacks,
                               packsChosen ? license->policyPacks : QStringList(), true);
    needs.complianceModules =
        chosen(prices.complianceModules, usage.complianceModules,
               modulesChosen ? license->complianceModules : QStringList(), true);
    needs.policyPacksInUse = chosen(prices.policyPacks, usage.policyPacks, {}, false);
    needs.complianceModulesInUse =
        chosen(prices.complianceModules, usage.complianceModules, {}, false);
    if (license) {
        needs.sso = license->hasFeature(QStringLiteral("sso"));
        if (prices.auditTier(license->auditTier) &&
            (!licensedTier || license->auditTier != licensedTier->includedAuditTier))
            needs.auditTier = license->auditTier;
        needs.discount = license->contract.discount;
        // A commitment in another currency than this version's cannot be
        // compared with its prices (SPEC 11: customers are priced in theirs).
        const auto& commitment = license->contract.commitment;
        if (commitment &&
            (commitment->currency.isEmpty() || commitment->currency == prices.currency))
            needs.commitment = commitment;
    }
    return needs;
}

}  // namespace aicp

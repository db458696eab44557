#include "licensing/licenserequest.h"

#include "common/wholeseconds.h"
#include "customers/customer.h"

#include <set>

namespace aicp {

namespace {

// The add-ons a license grants, checked against what the tier offers.
Result<QStringList> chooseAddOns(const QStringList& requested, const QStringList& catalogue,
                                 const AddOnAllowance& allowance, const TierDefinition& tier,
                                 const QString& plural) {
    std::set<QString> seen;
    for (const QString& addOn : requested) {
        if (!catalogue.contains(addOn))
            return Error::invalidInput(
                QStringLiteral("unknown %1 '%2'; the price book sells: %3")
                    .arg(plural.chopped(1), addOn, catalogue.join(QStringLiteral(", "))));
        if (!seen.insert(addOn).second)
            return Error::invalidInput(
                QStringLiteral("%1 '%2' is listed twice").arg(plural.chopped(1), addOn));
    }
    if (allowance.isUnlimited())
        return requested.isEmpty() ? catalogue : requested;
    const std::int64_t count = requested.size();
    if (count > *allowance.included && !allowance.extra) {
        if (*allowance.included == 0)
            return Error::invalidInput(
                QStringLiteral("the %1 tier has no %2; choose a paid tier").arg(tier.id, plural));
        return Error::invalidInput(
            QStringLiteral("the %1 tier includes %2 %3 and sells no extra ones; %4 were chosen")
                .arg(tier.id)
                .arg(*allowance.included)
                .arg(plural)
                .arg(count));
    }
    return requested;
}

Status checkContract(const ContractTerms& contract) {
    if (contract.termMonths != 0 && contract.termMonths != 12 && contract.termMonths != 24 &&
        contract.termMonths != 36)
        return Error::invalidInput(
            QStringLiteral("a contract term is 12, 24 or 36 months (or none), not %1")
                .arg(contract.termMonths));
    static const QStringList kOverridable{QStringLiteral("base"), QStringLiteral("policy_packs"),
                                          QStringLiteral("compliance_modules"),
                                          QStringLiteral("seats"), QStringLiteral("audit")};
    for (const auto& [axis, price] : contract.priceOverrides) {
        if (!kOverridable.contains(axis))
            return Error::invalidInput(
                QStringLiteral("a price override applies to one of %1, not '%2'")
                    .arg(kOverridable.join(QStringLiteral(", ")), axis));
        if (price.isNegative())
            return Error::invalidInput(
                QStringLiteral("the %1 price override cannot be negative").arg(axis));
    }
    return {};
}

// The billing period, commitment and trial against the license's dates and
// the price book's currency. A renewal or upgrade carries its predecessor's
// terms; a trial already over by its start is dropped, not refused.
Status checkSchedule(const PriceBookVersion& prices, LicensePayload& license) {
    ContractTerms& contract = license.contract;
    // A renewal or upgrade continues its predecessor's contract year, however
    // little of it is left; only a new annual license must run a month.
    if (contract.isAnnual() && !license.supersedes &&
        license.notBefore.addMonths(1) > license.expiresAt)
        return Error::invalidInput(
            QStringLiteral("contract.billing_period: an annual license runs at least a month; "
                           "this one runs from %1 to %2")
                .arg(toRfc3339(license.notBefore), toRfc3339(license.expiresAt)));
    if (contract.commitment && !contract.commitment->currency.isEmpty() &&
        contract.commitment->currency != prices.currency)
        return Error::invalidInput(
            QStringLiteral("contract.commitment: the commitment is in %1 but price book %2 "
                           "bills in %3")
                .arg(contract.commitment->currency, prices.version, prices.currency));
    if (!contract.hasTrial())
        return {};
    contract.trialUntil = toWholeSecondsUtc(contract.trialUntil);
    if (contract.trialUntil > license.expiresAt)
        return Error::invalidInput(
            QStringLiteral("contract.trial_until: the trial ends (%1) after the license (%2)")
                .arg(toRfc3339(contract.trialUntil), toRfc3339(license.expiresAt)));
    if (contract.trialUntil <= license.notBefore) {
        if (!license.supersedes)
            return Error::invalidInput(
                QStringLiteral("contract.trial_until: the trial ends (%1) before the license "
                               "starts (%2)")
                    .arg(toRfc3339(contract.trialUntil), toRfc3339(license.notBefore)));
        contract.trialUntil = {};
    }
    return {};
}

// Seats and agents: the tier's unless the request says otherwise, within
// what the tier sells.
Status chooseSeatsAndAgents(const LicenseRequest& request, const TierDefinition& tier,
                            LicensePayload& license) {
    const std::int64_t seatsIncluded = tier.seats.included.value_or(1);
    license.seats = request.seats.value_or(seatsIncluded);
    if (license.seats < 1)
        return Error::invalidInput(QStringLiteral("a license needs at least one seat"));
    if (!tier.seats.isUnlimited() && license.seats > seatsIncluded && !tier.seats.extra)
        return Error::invalidInput(
            QStringLiteral("the %1 tier includes %2 seats and sells no extra ones; %3 were chosen")
                .arg(tier.id)
                .arg(seatsIncluded)
                .arg(license.seats));

    license.agents = request.agents ? request.agents : tier.includedAgents;
    if (license.agents && *license.agents < 1)
        return Error::invalidInput(QStringLiteral("a license needs at least one agent"));
    if (tier.includedAgents && license.agents && *license.agents > *tier.includedAgents)
        return Error::invalidInput(
            QStringLiteral("the %1 tier allows at most %2 agents; %3 were chosen")
                .arg(tier.id)
                .arg(*tier.includedAgents)
                .arg(*license.agents));
    if (tier.includedAgents && !license.agents)
        return Error::invalidInput(
            QStringLiteral("the %1 tier allows at most %2 agents, not unlimited")
                .arg(tier.id)
                .arg(*tier.includedAgents));
    return {};
}

Status chooseAuditTier(const LicenseRequest& request, const PriceBookVersion& prices,
                       const TierDefinition& tier, LicensePayload& license) {
    license.auditTier = request.auditTier.isEmpty() ? tier.includedAuditTier : request.auditTier;
    const int rank = prices.auditTierRank(license.auditTier);
    const int includedRank = prices.auditTierRank(tier.includedAuditTier);
    if (rank < 0)
        return Error::invalidInput(
            QStringLiteral("unknown audit tier '%1'").arg(license.auditTier));
    if (rank < includedRank)
        return Error::invalidInput(QStringLiteral("the %1 tier already includes %2 audit retention")
                                       .arg(tier.id, tier.includedAuditTier));
    if (rank > includedRank && !tier.auditUpgradesSold)
        return Error::invalidInput(QStringLiteral("the %1 tier sells no audit upgrade to %2")
                                       .arg(tier.id, license.auditTier));
    return {};
}

}  // namespace

LicenseRequest LicenseRequest::from(const LicensePayload& license) {
    LicenseRequest request;
    request.customerId = license.customerId;
    request.customerName = license.customerName;
    request.tier = license.tier;
    request.policyPacks = license.policyPacks;
    request.complianceModules = license.complianceModules;
    request.seats = license.seats;
    request.agents = license.agents;
    request.instances = license.activation.instances;
    request.activationMode = license.activation.mode;
    request.heartbeatSeconds = license.activation.heartbeatSeconds;
    request.auditTier = license.auditTier;
    request.notBefore = license.notBefore;
    request.expiresAt = license.expiresAt;
    request.graceDays = license.graceDays;
    request.contract = license.contract;
    return request;
}

Result<LicensePayload> buildLicensePayload(const LicenseRequest& request,
                                           const PriceBookVersion& prices, const QString& kid,
                                           const QDateTime& issuedAt) {
    if (!isValidCustomerId(request.customerId))
        return Error::invalidInput(
            QStringLiteral("customer id '%1' is not valid: use lowercase letters, digits and '-'")
                .arg(request.customerId));
    if (request.customerName.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("the license needs the customer's name"));
    const TierDefinition* tier = prices.tier(request.tier);
    if (!tier)
        return Error::invalidInput(QStringLiteral("unknown tier '%1'; choose one of: %2")
                                       .arg(request.tier, prices.tierIds().join(u", ")));
    // A retired tier keeps the customers it has (renewals and changes of a
    // license supersede it) but takes no new one.
    if (tier->retired && !request.supersedes)
        return Error::invalidInput(
            QStringLiteral("tier '%1' is retired in price book %2: it takes no new licenses")
                .arg(tier->id, prices.version));

    LicensePayload license;
    license.id = request.id.value_or(QUuid::createUuid());
    license.kid = kid;
    license.customerId = request.customerId;
    license.customerName = request.customerName.trimmed();
    license.tier = tier->id;
    license.features = tier->features;
    license.requestsPerMonth = tier->includedRequests;

    auto packs = chooseAddOns(request.policyPacks, prices.policyPacks, tier->policyPacks, *tier,
                              QStringLiteral("policy packs"));
    if (!packs)
        return packs.error();
    license.policyPacks = *packs;
    auto modules =
        chooseAddOns(request.complianceModules, prices.complianceModules, tier->complianceModules,
                     *tier, QStringLiteral("compliance modules"));
    if (!modules)
        return modules.error();
    license.complianceModules = *modules;

    AICP_TRY(chooseSeatsAndAgents(request, *tier, license));
    license.activation = tier->activation;
    if (request.instances)
        license.activation.instances = *request.instances;
    if (request.activationMode)
        license.activation.mode = *request.activationMode;
    if (request.heartbeatSeconds)
        license.activation.heartbeatSeconds = *request.heartbeatSeconds;
    AICP_TRY(license.activation.check());
    AICP_TRY(chooseAuditTier(request, prices, *tier, license));

    AICP_TRY(checkContract(request.contract));
    license.contract = request.contract;

    license.issuedAt = toWholeSecondsUtc(issuedAt);
    license.notBefore =
        request.notBefore.isValid() ? toWholeSecondsUtc(request.notBefore) : license.issuedAt;
    if (!request.expiresAt.isValid())
        return Error::invalidInput(QStringLiteral("the license needs an expiry date"));
    license.expiresAt = toWholeSecondsUtc(request.expiresAt);
    if (license.expiresAt <= license.notBefore)
        return Error::invalidInput(
            QStringLiteral("the license would expire (%1) before it starts (%2)")
                .arg(toRfc3339(license.expiresAt), toRfc3339(license.notBefore)));
    if (request.graceDays < 0 || request.graceDays > LicenseRequest::kMaxGraceDays)
        return Error::invalidInput(QStringLiteral("grace days must be between 0 and %1")
                                       .arg(LicenseRequest::kMaxGraceDays));
    license.graceDays = request.graceDays;
    license.supersedes = request.supersedes;
    AICP_TRY(checkSchedule(prices, license));
    return license;
}

}  // namespace aicp

#include "recommend/limitalerts.h"

#include "common/englishcount.h"

namespace aicp {
namespace {

struct LimitWords {
    LicenseLimit limit;
    const char* one;
    const char* many;
    const char* verb;  // what the customer does with them
};

constexpr LimitWords kLimits[] = {
    {LicenseLimit::RequestsPerMonth, "request", "requests", "is projected to make"},
    {LicenseLimit::Seats, "seat", "seats", "has"},
    {LicenseLimit::Agents, "agent", "agents", "runs"},
    {LicenseLimit::PolicyPacks, "policy pack", "policy packs", "uses"},
    {LicenseLimit::ComplianceModules, "compliance module", "compliance modules", "uses"},
    {LicenseLimit::Instances, "instance", "instances", "runs"},
};

QString countOf(std::int64_t value, const LimitWords& words) {
    return QStringLiteral("%1 %2").arg(englishCount(value),
                                       QString::fromLatin1(value == 1 ? words.one : words.many));
}

std::int64_t usedFor(LicenseLimit limit, const Needs& needs) {
    switch (limit) {
        case LicenseLimit::RequestsPerMonth:
            return needs.requests;
        case LicenseLimit::Seats:
            return needs.seats;
        case LicenseLimit::Agents:
            return needs.agents;
        case LicenseLimit::PolicyPacks:
            return needs.policyPacksInUse.size();
        case LicenseLimit::ComplianceModules:
            return needs.complianceModulesInUse.size();
        case LicenseLimit::Instances:
            return needs.instances;
    }
    return 0;
}

}  // namespace

std::vector<LimitAlert> limitAlerts(const Entitlements& entitlements, const Needs& needs) {
    std::vector<LimitAlert> alerts;
    for (const LimitWords& words : kLimits) {
        const LimitCheck check = entitlements.check(words.limit, usedFor(words.limit, needs));
        if (!check.allowed)
            continue;
        // The entitlements call using the whole allowance "near"; an alert
        // says so as "over" (no room left), as the spec's 100 % line does.
        const bool full = check.used >= *check.allowed && check.used > 0;
        if (check.state == LimitState::Within && !full)
            continue;
        LimitAlert alert;
        alert.limit = words.limit;
        alert.level = full || check.state == LimitState::Over ? AlertLevel::Over : AlertLevel::Near;
        alert.used = check.used;
        alert.allowed = *check.allowed;
        alert.percent = check.percentUsed;
        alert.exceeded = alert.used > alert.allowed;
        const QString limitText =
            words.limit == LicenseLimit::RequestsPerMonth
                ? QStringLiteral("its %1 a month").arg(countOf(alert.allowed, words))
                : QStringLiteral("the %1 licensed").arg(countOf(alert.allowed, words));
        const QString percent =
            alert.percent ? QStringLiteral("%1 % of ").arg(*alert.percent) : QString();
        const QString verb = QString::fromLatin1(words.verb);
        if (alert.used > alert.allowed)
            alert.message = QStringLiteral("The customer %1 %2, %3%4: %5 over.")
                                .arg(verb, countOf(alert.used, words), percent, limitText,
                                     englishCount(alert.used - alert.allowed));
        else if (alert.used == alert.allowed)
            alert.message = QStringLiteral("The customer %1 %2, all of %3.")
                                .arg(verb, countOf(alert.used, words), limitText);
        else
            alert.message = QStringLiteral("The customer %1 %2, %3%4.")
                                .arg(verb, countOf(alert.used, words), percent, limitText);
        alerts.push_back(alert);
    }
    return alerts;
}

}  // namespace aicp

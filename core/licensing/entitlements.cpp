#include "licensing/entitlements.h"

#include <array>
#include <utility>

namespace aicp {

namespace {

__extension__ using Wide = __int128;

constexpr std::array kLimitKeys{
    std::pair{LicenseLimit::RequestsPerMonth, "requests"},
    std::pair{LicenseLimit::Seats, "seats"},
    std::pair{LicenseLimit::Agents, "agents"},
    std::pair{LicenseLimit::PolicyPacks, "policy_packs"},
    std::pair{LicenseLimit::ComplianceModules, "compliance_modules"},
};

}  // namespace

QString licenseLimitKey(LicenseLimit limit) {
    for (const auto& [candidate, key] : kLimitKeys) {
        if (candidate == limit)
            return QString::fromLatin1(key);
    }
    return {};
}

std::optional<LicenseLimit> licenseLimitFromKey(const QString& key) {
    for (const auto& [limit, candidate] : kLimitKeys) {
        if (key == QLatin1String(candidate))
            return limit;
    }
    return std::nullopt;
}

QString limitStateWord(LimitState state) {
    switch (state) {
        case LimitState::Within:
            return QStringLiteral("within");
        case LimitState::Near:
            return QStringLiteral("near");
        case LimitState::Over:
            return QStringLiteral("over");
    }
    return {};
}

std::optional<std::int64_t> Entitlements::allowance(LicenseLimit limit) const {
    switch (limit) {
        case LicenseLimit::RequestsPerMonth:
            return license_.requestsPerMonth;
        case LicenseLimit::Seats:
            return license_.seats;
        case LicenseLimit::Agents:
            return license_.agents;
        case LicenseLimit::PolicyPacks:
            return static_cast<std::int64_t>(license_.policyPacks.size());
        case LicenseLimit::ComplianceModules:
            return static_cast<std::int64_t>(license_.complianceModules.size());
    }
    return std::nullopt;
}

LimitCheck Entitlements::check(LicenseLimit limit, std::int64_t used) const {
    LimitCheck result;
    result.limit = limit;
    result.used = used;
    result.allowed = allowance(limit);
    if (!result.allowed)
        return result;
    const std::int64_t allowed = *result.allowed;
    if (allowed <= 0) {
        result.state = used > 0 ? LimitState::Over : LimitState::Within;
        return result;
    }
    // 128-bit products: counts near the int64 range must not overflow.
    const auto used128 = static_cast<Wide>(used);
    const auto allowed128 = static_cast<Wide>(allowed);
    result.percentUsed = static_cast<std::int64_t>(used128 * 100 / allowed128);
    if (used > allowed)
        result.state = LimitState::Over;
    else if (used128 * 100 >= allowed128 * kNearPercent)
        result.state = LimitState::Near;
    return result;
}

}  // namespace aicp

#include "licensing/entitlements.h"

#include "common/enumwords.h"

#include <array>
#include <utility>

namespace aicp {

namespace {

__extension__ using Wide = __int128;

constexpr EnumWord<LicenseLimit> kLimitKeys[] = {
    {LicenseLimit::RequestsPerMonth, "requests"},
    {LicenseLimit::Seats, "seats"},
    {LicenseLimit::Agents, "agents"},
    {LicenseLimit::PolicyPacks, "policy_packs"},
    {LicenseLimit::ComplianceModules, "compliance_modules"},
    {LicenseLimit::Instances, "instances"},
};

constexpr EnumWord<LimitState> kLimitStateWords[] = {
    {LimitState::Within, "within"},
    {LimitState::Near, "near"},
    {LimitState::Over, "over"},
};

}  // namespace

QString licenseLimitKey(LicenseLimit limit) {
    return wordOf(kLimitKeys, limit);
}

std::optional<LicenseLimit> licenseLimitFromKey(const QString& key) {
    return valueOf(kLimitKeys, key);
}

QString limitStateWord(LimitState state) {
    return wordOf(kLimitStateWords, state);
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
        case LicenseLimit::Instances:
            return license_.activation.instances;
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

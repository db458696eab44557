#pragma once

#include "licensing/licensepayload.h"

#include <cstdint>
#include <optional>

#include <QString>

namespace aicp {

// The limits a license sets.
enum class LicenseLimit {
    RequestsPerMonth,
    Seats,
    Agents,
    PolicyPacks,
    ComplianceModules,
    Instances,  // machines running the license at once (activations)
};

// "requests", "seats", "agents", "policy_packs", "compliance_modules", "instances".
[[nodiscard]] QString licenseLimitKey(LicenseLimit limit);
[[nodiscard]] std::optional<LicenseLimit> licenseLimitFromKey(const QString& key);

// Where a value stands against its limit: near is 80 % of the limit or more,
// over is beyond it. Using exactly the whole allowance is near, not over.
enum class LimitState { Within, Near, Over };

[[nodiscard]] QString limitStateWord(LimitState state);  // "within", "near", "over"

struct LimitCheck {
    LicenseLimit limit = LicenseLimit::RequestsPerMonth;
    std::int64_t used = 0;
    std::optional<std::int64_t> allowed;  // nullopt: unlimited
    LimitState state = LimitState::Within;
    // Whole per cent of the allowance used, rounded down; nullopt when unlimited
    // or when nothing is allowed at all.
    std::optional<std::int64_t> percentUsed;
};

// Answers what a license allows: whether a feature is on, and how a count
// compares with a limit. Only ever built from a verified payload.
class Entitlements {
public:
    static constexpr int kNearPercent = 80;

    explicit Entitlements(LicensePayload license) : license_(std::move(license)) {}

    [[nodiscard]] bool can(const QString& feature) const { return license_.hasFeature(feature); }
    [[nodiscard]] std::optional<std::int64_t> allowance(LicenseLimit limit) const;
    // `used` must not be negative.
    [[nodiscard]] LimitCheck check(LicenseLimit limit, std::int64_t used) const;

    [[nodiscard]] const LicensePayload& license() const { return license_; }

private:
    LicensePayload license_;
};

}  // namespace aicp

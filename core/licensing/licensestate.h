#pragma once

#include <array>
#include <optional>

#include <QString>
#include <QStringView>

namespace aicp {

// Where a license the registry holds stands at a moment (SPEC section 3),
// in order of precedence: a revoked license is revoked even when superseded.
enum class LicenseState {
    Active,
    InGrace,
    NotYetValid,
    Expired,
    Revoked,
    Superseded,
};

// The registry states in the order the CLI and the console list them.
inline constexpr std::array kLicenseStates{
    LicenseState::Active,      LicenseState::InGrace, LicenseState::Expired,
    LicenseState::NotYetValid, LicenseState::Revoked, LicenseState::Superseded,
};

// Active or in grace: the license lets the gateway serve its customer.
[[nodiscard]] constexpr bool isInForce(LicenseState state) {
    return state == LicenseState::Active || state == LicenseState::InGrace;
}

// Every answer validation can give (SPEC section 3).
enum class LicenseStatus {
    Valid,
    ValidInGrace,
    Expired,
    NotYetValid,
    Revoked,
    BadSignature,
    UnknownKey,
    Malformed,
    ClockRollback,
    // Only an activation file: it was given to another machine.
    WrongFingerprint,
};

// The words machines read (CLI output, --json, HTTP): "active", "in-grace",
// "not-yet-valid", …; "valid", "valid-in-grace", "bad-signature", …
[[nodiscard]] QString word(LicenseState state);
[[nodiscard]] QString word(LicenseStatus status);

// The value a word names, or nothing for a word no value has.
template <typename Enum>
[[nodiscard]] std::optional<Enum> fromWord(QStringView word);
template <>
[[nodiscard]] std::optional<LicenseState> fromWord<LicenseState>(QStringView word);
template <>
[[nodiscard]] std::optional<LicenseStatus> fromWord<LicenseStatus>(QStringView word);

// "valid", "valid-in-grace", "expired", … — the word the CLI prints first.
[[nodiscard]] inline QString licenseStatusWord(LicenseStatus status) {
    return word(status);
}

}  // namespace aicp

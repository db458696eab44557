#include "licensing/licensestate.h"

#include "common/enumwords.h"

namespace aicp {
namespace {

// The only place the words are spelled.
constexpr EnumWord<LicenseState> kStateWords[] = {
    {LicenseState::Active, "active"},
    {LicenseState::InGrace, "in-grace"},
    {LicenseState::NotYetValid, "not-yet-valid"},
    {LicenseState::Expired, "expired"},
    {LicenseState::Revoked, "revoked"},
    {LicenseState::Superseded, "superseded"},
};

constexpr EnumWord<LicenseStatus> kStatusWords[] = {
    {LicenseStatus::Valid, "valid"},
    {LicenseStatus::ValidInGrace, "valid-in-grace"},
    {LicenseStatus::Expired, "expired"},
    {LicenseStatus::NotYetValid, "not-yet-valid"},
    {LicenseStatus::Revoked, "revoked"},
    {LicenseStatus::BadSignature, "bad-signature"},
    {LicenseStatus::UnknownKey, "unknown-key"},
    {LicenseStatus::Malformed, "malformed"},
    {LicenseStatus::ClockRollback, "clock-rollback"},
    {LicenseStatus::WrongFingerprint, "wrong-fingerprint"},
};

}  // namespace

QString word(LicenseState state) {
    return wordOf(kStateWords, state);
}

QString word(LicenseStatus status) {
    return wordOf(kStatusWords, status);
}

template <>
std::optional<LicenseState> fromWord<LicenseState>(QStringView word) {
    return valueOf(kStateWords, word);
}

template <>
std::optional<LicenseStatus> fromWord<LicenseStatus>(QStringView word) {
    return valueOf(kStatusWords, word);
}

}  // namespace aicp

#include "licensing/licenseverifier.h"

#include "licensing/licensefile.h"
#include "licensing/signedtoken.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace aicp {
namespace {

LicenseVerification answer(LicenseStatus status, QString reason,
                           std::optional<LicensePayload> license = std::nullopt) {
    return {status, std::move(reason), std::move(license)};
}

// A good, unrevoked license's answer at `utcNow`: by its dates alone.
LicenseVerification answerAt(const LicensePayload& license, const QDateTime& utcNow) {
    if (utcNow < license.notBefore)
        return answer(LicenseStatus::NotYetValid,
                      QStringLiteral("valid from %1").arg(toRfc3339(license.notBefore)), license);
    if (utcNow >= license.graceEndsAt())
        return answer(
            LicenseStatus::Expired,
            QStringLiteral("expired on %1%2")
                .arg(toRfc3339(license.expiresAt),
                     license.graceDays > 0 ? QStringLiteral("; the %1-day grace period ended on %2")
                                                 .arg(license.graceDays)
                                                 .arg(toRfc3339(license.graceEndsAt()))
                                           : QString()),
            license);
    if (utcNow >= license.expiresAt)
        return answer(LicenseStatus::ValidInGrace,
                      QStringLiteral("expired on %1; in the grace period until %2")
                          .arg(toRfc3339(license.expiresAt), toRfc3339(license.graceEndsAt())),
                      license);
    return answer(LicenseStatus::Valid,
                  QStringLiteral("valid until %1").arg(toRfc3339(license.expiresAt)), license);
}

}  // namespace

Status LicenseVerifier::useRevocationList(RevocationList list, std::int64_t highestSequenceSeen) {
    if (list.sequence < highestSequenceSeen)
        return Error(
            Error::Code::Conflict,
            QStringLiteral(
                "revocation list %1 is older than list %2 already seen here; refusing to go back")
                .arg(list.sequence)
                .arg(highestSequenceSeen));
    revocations_ = std::move(list);
    return {};
}

LicenseVerification LicenseVerifier::verify(QByteArrayView text, const QDateTime& now,
                                            const QDateTime& latestSeen) const {
    auto key = licenseKeyFromText(text);
    if (!key)
        return answer(LicenseStatus::Malformed, key.error().message());
    auto token = parseSignedToken(*key, "AICP1", kMaxKeySize);
    if (!token)
        return answer(LicenseStatus::Malformed,
                      QStringLiteral("the license key is malformed: ") + token.error().message());

    // Only the kid is read before the signature is checked: it picks the key.
    // A payload that is not JSON at all is named as such, not as a missing kid.
    QJsonParseError parseError{};
    const QJsonDocument unverifiedDocument = QJsonDocument::fromJson(token->payload, &parseError);
    if (parseError.error != QJsonParseError::NoError || !unverifiedDocument.isObject())
        return answer(LicenseStatus::Malformed,
                      parseError.error != QJsonParseError::NoError
                          ? QStringLiteral("the license payload is not a JSON object (at byte %1: "
                                           "%2)")
                                .arg(parseError.offset)
                                .arg(parseError.errorString())
                          : QStringLiteral("the license payload is not a JSON object"));
    const QJsonObject unverified = unverifiedDocument.object();
    const QString kid = unverified.value(QStringLiteral("kid")).toString();
    if (kid.isEmpty())
        return answer(LicenseStatus::Malformed,
                      QStringLiteral("the license names no signing key (kid)"));
    const Ed25519PublicKey* publicKey = keys_.find(kid);
    if (!publicKey)
        return answer(
            LicenseStatus::UnknownKey,
            QStringLiteral("signed by key %1, which is not among the %2 trusted public key(s)")
                .arg(kid)
                .arg(keys_.size()));
    if (!token->isSignedBy(*publicKey))
        return answer(
            LicenseStatus::BadSignature,
            QStringLiteral("the signature does not match key %1: the license was altered or forged")
                .arg(kid));

    auto license = LicensePayload::fromJson(token->payload);
    if (!license)
        return answer(
            LicenseStatus::Malformed,
            QStringLiteral("the signed license is malformed: ") + license.error().message());

    // Every answer below passes a copy (*license): the reasons are built from
    // the license in the same call, and moving it out there could happen
    // before they are (argument evaluation order is unspecified).
    const QDateTime utcNow = now.toUTC();
    if (latestSeen.isValid() && utcNow.secsTo(latestSeen) > kClockRollbackToleranceSeconds)
        return answer(
            LicenseStatus::ClockRollback,
            QStringLiteral(
                "this computer's clock (%1) is earlier than a time already seen here (%2)")
                .arg(toRfc3339(utcNow), toRfc3339(latestSeen)),
            *license);

    if (revocations_) {
        if (const RevokedLicense* revoked = revocations_->find(license->id))
            return answer(LicenseStatus::Revoked,
                          QStringLiteral("revoked on %1 (revocation list %2)")
                              .arg(toRfc3339(revoked->revokedAt))
                              .arg(revocations_->sequence),
                          *license);
    }
    return answerAt(*license, utcNow);
}

}  // namespace aicp

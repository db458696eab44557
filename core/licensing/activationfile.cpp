#include "licensing/activationfile.h"

#include "common/assignto.h"
#include "common/idtext.h"
#include "licensing/ed25519.h"
#include "licensing/licensepayload.h"
#include "licensing/payloadfields.h"
#include "licensing/revocationlist.h"
#include "licensing/signedtoken.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace aicp {

namespace {

using payloadfields::malformed;
using payloadfields::stringField;
using payloadfields::timeField;
using payloadfields::uuidField;

const QStringList kFields{
    QStringLiteral("v"),         QStringLiteral("id"),          QStringLiteral("license_id"),
    QStringLiteral("kid"),       QStringLiteral("fingerprint"), QStringLiteral("hostname"),
    QStringLiteral("issued_at"), QStringLiteral("expires_at"),
};

bool printable(const QString& text, bool spaces) {
    for (const QChar c : text)
        if (c.unicode() < (spaces ? 0x20 : 0x21) || c.unicode() > 0x7e)
            return false;
    return true;
}

ActivationVerification verdict(LicenseStatus status, QString reason,
                               std::optional<ActivationPayload> activation = std::nullopt) {
    return {status, std::move(reason), std::move(activation)};
}

// A genuine file's verdict for `fingerprint` at `now`.
ActivationVerification judge(const ActivationPayload& activation, const QString& fingerprint,
                             const QDateTime& now, const RevocationList* revocations) {
    if (activation.fingerprint != fingerprint)
        return verdict(LicenseStatus::WrongFingerprint,
                       QStringLiteral("this activation is for machine %1, not %2")
                           .arg(activation.fingerprint, fingerprint),
                       activation);
    if (revocations)
        if (const RevokedLicense* revoked = revocations->find(activation.licenseId))
            return verdict(LicenseStatus::Revoked,
                           QStringLiteral("license %1 was revoked on %2 (revocation list %3)")
                               .arg(idText(activation.licenseId), toRfc3339(revoked->revokedAt))
                               .arg(revocations->sequence),
                           activation);
    const QDateTime utcNow = now.toUTC();
    if (utcNow < activation.issuedAt)
        return verdict(LicenseStatus::NotYetValid,
                       QStringLiteral("issued at %1, later than this computer's clock")
                           .arg(toRfc3339(activation.issuedAt)),
                       activation);
    if (utcNow >= activation.expiresAt)
        return verdict(LicenseStatus::Expired,
                       QStringLiteral("expired on %1").arg(toRfc3339(activation.expiresAt)),
                       activation);
    return verdict(LicenseStatus::Valid,
                   QStringLiteral("valid until %1").arg(toRfc3339(activation.expiresAt)),
                   activation);
}

}  // namespace

Status checkFingerprint(const QString& fingerprint) {
    if (fingerprint.isEmpty() || fingerprint.size() > ActivationPayload::kMaxFingerprintLength ||
        !printable(fingerprint, false))
        return Error::invalidInput(
            QStringLiteral("a machine fingerprint is 1 to %1 printable ASCII characters without "
                           "spaces (a hash or a machine id)")
                .arg(ActivationPayload::kMaxFingerprintLength));
    return {};
}

Status checkHostname(const QString& hostname) {
    if (hostname.size() > ActivationPayload::kMaxHostnameLength || !printable(hostname, true))
        return Error::invalidInput(
            QStringLiteral("a hostname is at most %1 printable ASCII characters")
                .arg(ActivationPayload::kMaxHostnameLength));
    return {};
}

Result<ActivationPayload> ActivationPayload::fromJson(const QByteArray& json) {
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error::invalidInput(QStringLiteral("the payload is not a JSON object"));
    const QJsonObject root = document.object();
    for (auto it = root.begin(); it != root.end(); ++it)
        if (!kFields.contains(it.key()))
            return malformed(it.key(), QStringLiteral("is not a field of an activation"));
    if (root.value(QStringLiteral("v")).toInt(-1) != kFormatVersion)
        return Error(Error::Code::Unsupported,
                     QStringLiteral("only activation format %1 is known").arg(kFormatVersion));
    ActivationPayload payload;
    AICP_TRY(
        assignTo(payload.id, uuidField(root.value(QStringLiteral("id")), QStringLiteral("id"))));
    AICP_TRY(assignTo(payload.licenseId, uuidField(root.value(QStringLiteral("license_id")),
                                                   QStringLiteral("license_id"))));
    AICP_TRY(assignTo(payload.kid, stringField(root, QStringLiteral("kid"), {})));
    AICP_TRY(assignTo(payload.fingerprint, stringField(root, QStringLiteral("fingerprint"), {})));
    const QJsonValue hostname = root.value(QStringLiteral("hostname"));  // may be empty
    if (!hostname.isString())
        return malformed(QStringLiteral("hostname"), QStringLiteral("must be a string"));
    payload.hostname = hostname.toString();
    AICP_TRY(assignTo(payload.issuedAt, timeField(root, QStringLiteral("issued_at"))));
    AICP_TRY(assignTo(payload.expiresAt, timeField(root, QStringLiteral("expires_at"))));
    if (const Status checked = checkFingerprint(payload.fingerprint); !checked.ok())
        return malformed(QStringLiteral("fingerprint"), checked.error().message());
    if (const Status checked = checkHostname(payload.hostname); !checked.ok())
        return malformed(QStringLiteral("hostname"), checked.error().message());
    if (payload.expiresAt <= payload.issuedAt)
        return malformed(QStringLiteral("expires_at"), QStringLiteral("must be after issued_at"));
    return payload;
}

QByteArray ActivationPayload::toJson() const {
    const QJsonObject root{
        {QStringLiteral("v"), kFormatVersion},
        {QStringLiteral("id"), idText(id)},
        {QStringLiteral("license_id"), idText(licenseId)},
        {QStringLiteral("kid"), kid},
        {QStringLiteral("fingerprint"), fingerprint},
        {QStringLiteral("hostname"), hostname},
        {QStringLiteral("issued_at"), toRfc3339(issuedAt)},
        {QStringLiteral("expires_at"), toRfc3339(expiresAt)},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

Result<QByteArray> signActivation(const ActivationPayload& payload, const Ed25519PrivateKey& key) {
    return makeSignedToken(kActivationPrefix, payload.toJson(), key);
}

ActivationVerification verifyActivation(QByteArrayView text, const QString& fingerprint,
                                        const PublicKeyRing& keys, const QDateTime& now,
                                        const RevocationList* revocations) {
    auto token =
        parseSignedToken(text.trimmed(), kActivationPrefix, ActivationPayload::kMaxFileSize);
    if (!token)
        return verdict(LicenseStatus::Malformed,
                       QStringLiteral("not an activation file: ") + token.error().message());
    // Only the kid is read before the signature is checked: it picks the key.
    const QJsonObject unverified = QJsonDocument::fromJson(token->payload).object();
    const QString kid = unverified.value(QStringLiteral("kid")).toString();
    if (kid.isEmpty())
        return verdict(LicenseStatus::Malformed,
                       QStringLiteral("the activation names no signing key (kid)"));
    const Ed25519PublicKey* publicKey = keys.find(kid);
    if (!publicKey)
        return verdict(
            LicenseStatus::UnknownKey,
            QStringLiteral("signed by key %1, which is not among the %2 trusted public key(s)")
                .arg(kid)
                .arg(keys.size()));
    if (!token->isSignedBy(*publicKey))
        return verdict(LicenseStatus::BadSignature,
                       QStringLiteral("the signature does not match key %1: the activation was "
                                      "altered or forged")
                           .arg(kid));
    auto activation = ActivationPayload::fromJson(token->payload);
    if (!activation)
        return verdict(LicenseStatus::Malformed, QStringLiteral("the signed activation is "
                                                                "malformed: ") +
                                                     activation.error().message());
    return judge(*activation, fingerprint, now, revocations);
}

}  // namespace aicp

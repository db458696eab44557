#pragma once

#include "common/result.h"
#include "licensing/licensestate.h"
#include "licensing/publickeyring.h"

#include <optional>

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <QUuid>

namespace aicp {

class Ed25519PrivateKey;
struct RevocationList;

// What a signed activation file says (SPEC section 13): this machine (its
// fingerprint, and the hostname it gave) may run this license until
// `expiresAt`. Its JSON is compact with sorted keys, like a license's.
struct ActivationPayload {
    static constexpr int kFormatVersion = 1;
    static constexpr qsizetype kMaxFingerprintLength = 128;
    static constexpr qsizetype kMaxHostnameLength = 253;
    // Anything longer is not read at all: a file is a few hundred bytes.
    static constexpr qsizetype kMaxFileSize = 4 * 1024;

    QUuid id;
    QUuid licenseId;
    QString kid;  // the signing key's id
    QString fingerprint;
    QString hostname;  // may be empty
    QDateTime issuedAt;
    QDateTime expiresAt;

    [[nodiscard]] static Result<ActivationPayload> fromJson(const QByteArray& json);
    [[nodiscard]] QByteArray toJson() const;
};

// The envelope of activation files: `AICPA1.<payload>.<signature>`, as
// license keys are `AICP1.…` (signedtoken.h).
inline constexpr char kActivationPrefix[] = "AICPA1";

// A fingerprint is what a gateway says identifies its machine: 1 to 128
// printable ASCII characters without spaces (a hash, a machine id). A
// hostname is at most 253 printable characters, or empty.
[[nodiscard]] Status checkFingerprint(const QString& fingerprint);
[[nodiscard]] Status checkHostname(const QString& hostname);

// Signs `payload` into a one-line activation file.
[[nodiscard]] Result<QByteArray> signActivation(const ActivationPayload& payload,
                                                const Ed25519PrivateKey& key);

// A file's verdict, in license verification's words (licensestate.h): valid,
// expired, not-yet-valid, revoked, bad-signature, unknown-key, malformed,
// and wrong-fingerprint for a file another machine was given.
struct ActivationVerification {
    LicenseStatus status = LicenseStatus::Malformed;
    QString reason;
    // Present once the signature checked out.
    std::optional<ActivationPayload> activation;

    [[nodiscard]] bool isUsable() const { return status == LicenseStatus::Valid; }
};

// Checks an activation file offline, with public keys only: its signature
// first, then that it was given to `fingerprint`, then its license against
// `revocations` (when one is given), then its dates at `now`.
[[nodiscard]] ActivationVerification verifyActivation(QByteArrayView text,
                                                      const QString& fingerprint,
                                                      const PublicKeyRing& keys,
                                                      const QDateTime& now,
                                                      const RevocationList* revocations = nullptr);

}  // namespace aicp

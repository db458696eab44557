#pragma once

#include "common/result.h"
#include "common/wholeseconds.h"
#include "licensing/ed25519.h"
#include "licensing/publickeyring.h"

#include <vector>

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

namespace aicp {

class Workspace;

// What the workspace knows about one key, never the private half itself.
struct SigningKeyInfo {
    QString kid;
    QByteArray publicKeyPem;
    bool hasPrivateKey = false;  // false for a vendor key imported to verify
    bool isSigning = false;      // the one key new licenses are signed with
    QDateTime createdAt;         // UTC
    QDateTime retiredAt;         // UTC; invalid while the key may still sign

    [[nodiscard]] QString stateWord() const;  // "signing", "retired", "verify-only"
};

// The workspace's Ed25519 keys. One key signs; keys it replaced (rotation)
// and vendor keys imported by a customer only verify. Private keys exist
// only as passphrase-encrypted PKCS#8 and are decrypted in memory, for one
// operation, when a passphrase is given. Key events go to the audit log.
class KeyStore {
public:
    static constexpr qsizetype kMinPassphraseLength = 8;

    explicit KeyStore(Workspace& workspace, Clock clock = systemClock())
        : workspace_(workspace), clock_(std::move(clock)) {}

    // The workspace's first signing key; refuses when one exists (rotate
    // instead) and in a customer workspace, which never signs.
    [[nodiscard]] Result<SigningKeyInfo> generate(QByteArrayView passphrase);
    // generate() with a key made elsewhere (the demo's, from its seed).
    [[nodiscard]] Result<SigningKeyInfo> install(const Ed25519PrivateKey& key,
                                                 QByteArrayView passphrase);
    // A new signing key; the one it replaces is retired and keeps verifying.
    // `passphrase` must unlock the current signing key and protects the new one.
    [[nodiscard]] Result<SigningKeyInfo> rotate(QByteArrayView passphrase);
    // Trusts a public key (PEM SubjectPublicKeyInfo) for verification.
    [[nodiscard]] Result<SigningKeyInfo> importPublicKey(QByteArrayView pem);

    // Newest first.
    [[nodiscard]] Result<std::vector<SigningKeyInfo>> list() const;
    // The key with that kid, or the signing key when `kid` is empty.
    [[nodiscard]] Result<SigningKeyInfo> find(const QString& kid = {}) const;
    // Decrypts the signing key for one operation.
    [[nodiscard]] Result<Ed25519PrivateKey> unlockSigningKey(QByteArrayView passphrase) const;
    // Every key the workspace trusts, for a LicenseVerifier.
    [[nodiscard]] Result<PublicKeyRing> publicKeyRing() const;

    [[nodiscard]] static Status checkNewPassphrase(QByteArrayView passphrase);

private:
    [[nodiscard]] Result<SigningKeyInfo> addSigningKey(const Ed25519PrivateKey& key,
                                                       QByteArrayView passphrase,
                                                       const QString& action);
    [[nodiscard]] Status refuseInCustomerMode(const QString& what) const;

    Workspace& workspace_;
    Clock clock_;
};

}  // namespace aicp

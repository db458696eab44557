#pragma once

#include "common/result.h"

#include <memory>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

using EVP_PKEY = struct evp_pkey_st;

namespace aicp {

// An Ed25519 public key: verifies signatures and names itself with its kid
// (the first 16 hex digits of the SHA-256 of the raw 32-byte key).
class Ed25519PublicKey {
public:
    static constexpr int kRawSize = 32;
    static constexpr int kSignatureSize = 64;

    static Result<Ed25519PublicKey> fromRaw(QByteArrayView raw);
    // Reads a SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----").
    static Result<Ed25519PublicKey> fromPem(QByteArrayView pem);

    [[nodiscard]] QByteArray raw() const;
    [[nodiscard]] QString kid() const { return kid_; }
    // SubjectPublicKeyInfo PEM, readable by `openssl pkey -pubin`.
    [[nodiscard]] QByteArray toPem() const;

    // True only for a well-formed 64-byte signature of exactly `message`.
    [[nodiscard]] bool isValidSignature(QByteArrayView message, QByteArrayView signature) const;

private:
    explicit Ed25519PublicKey(std::shared_ptr<EVP_PKEY> key);

    std::shared_ptr<EVP_PKEY> key_;
    QString kid_;
};

// An Ed25519 private signing key. It only ever leaves memory encrypted:
// PKCS#8 with PBES2, scrypt and AES-256-CBC, as PEM.
class Ed25519PrivateKey {
public:
    static constexpr int kSeedSize = 32;

    static Result<Ed25519PrivateKey> generate();
    // The key whose 32-byte private seed is `seed` (RFC 8032); for keys that
    // must be the same on every run, such as the demo workspace's.
    static Result<Ed25519PrivateKey> fromSeed(QByteArrayView seed);
    // A wrong passphrase and a damaged file are told apart where OpenSSL can.
    static Result<Ed25519PrivateKey> fromEncryptedPem(QByteArrayView pem,
                                                      QByteArrayView passphrase);

    [[nodiscard]] Result<QByteArray> toEncryptedPem(QByteArrayView passphrase) const;
    [[nodiscard]] Ed25519PublicKey publicKey() const;
    [[nodiscard]] Result<QByteArray> sign(QByteArrayView message) const;

private:
    // Takes ownership of a key OpenSSL just made (null: it failed).
    static Result<Ed25519PrivateKey> adoptNew(EVP_PKEY* key);

    Ed25519PrivateKey(std::shared_ptr<EVP_PKEY> key, Ed25519PublicKey publicKey)
        : key_(std::move(key)), publicKey_(std::move(publicKey)) {}

    std::shared_ptr<EVP_PKEY> key_;
    Ed25519PublicKey publicKey_;
};

// The kid of a raw public key, exposed for tests and for the README recipe.
[[nodiscard]] QString ed25519KeyId(QByteArrayView rawPublicKey);

}  // namespace aicp

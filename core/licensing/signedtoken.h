#pragma once

#include "common/result.h"
#include "licensing/ed25519.h"

#include <QByteArray>
#include <QByteArrayView>

namespace aicp {

// The envelope of license keys ("AICP1") and revocation lists ("AICPRL1"):
// `<PREFIX>.<payload>.<signature>`, both parts base64url without padding, the
// Ed25519 signature made over the ASCII bytes `<PREFIX>.<payload>`.
struct SignedToken {
    QByteArray payload;     // the decoded payload bytes (UTF-8 JSON)
    QByteArray signature;   // the decoded 64-byte signature
    QByteArray signedPart;  // `<PREFIX>.<payload base64url>`, what was signed

    [[nodiscard]] bool isSignedBy(const Ed25519PublicKey& key) const {
        return key.isValidSignature(signedPart, signature);
    }
};

// Splits and decodes a token without trusting it. Refuses a wrong prefix,
// anything but exactly three parts, non-canonical base64url, and any text
// longer than `maxSize` bytes before decoding a byte of it.
[[nodiscard]] Result<SignedToken> parseSignedToken(QByteArrayView text, QByteArrayView prefix,
                                                   qsizetype maxSize);

// Encodes and signs `payload` into a one-line token.
[[nodiscard]] Result<QByteArray> makeSignedToken(QByteArrayView prefix, QByteArrayView payload,
                                                 const Ed25519PrivateKey& key);

}  // namespace aicp

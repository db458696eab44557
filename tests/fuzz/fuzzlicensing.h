#pragma once

#include "licensing/ed25519.h"
#include "licensing/publickeyring.h"

#include <QByteArray>

namespace aicp::fuzz {

// A fixed trusted key, so inputs signed with it (the seed corpus) reach the
// payload parser and the time checks, not just the envelope. RFC 8032's
// first test key: public, and the same on every run.
inline const Ed25519PrivateKey& trustedKey() {
    static const Ed25519PrivateKey key =
        Ed25519PrivateKey::fromSeed(
            QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
            .value();
    return key;
}

inline const PublicKeyRing& trustedRing() {
    static const PublicKeyRing ring = [] {
        PublicKeyRing keys;
        keys.add(trustedKey().publicKey());
        return keys;
    }();
    return ring;
}

}  // namespace aicp::fuzz

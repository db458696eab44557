#pragma once

#include "licensing/ed25519.h"

#include <map>

#include <QString>

namespace aicp {

// The public keys a verifier trusts, by kid. Several can be trusted at once
// so licenses signed before a key rotation keep verifying.
class PublicKeyRing {
public:
    void add(const Ed25519PublicKey& key) { keys_.insert_or_assign(key.kid(), key); }
    [[nodiscard]] const Ed25519PublicKey* find(const QString& kid) const {
        const auto it = keys_.find(kid);
        return it == keys_.end() ? nullptr : &it->second;
    }
    [[nodiscard]] bool isEmpty() const { return keys_.empty(); }
    [[nodiscard]] std::size_t size() const { return keys_.size(); }

private:
    std::map<QString, Ed25519PublicKey> keys_;
};

}  // namespace aicp

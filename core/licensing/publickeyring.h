#pragma once

#include "licensing/ed25519.h"

#include <map>

#include <QString>
#include <QStringList>

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
    // The key ids in order; a kid is derived from its key's bytes, so two
    // rings with the same ids hold the same keys.
    [[nodiscard]] QStringList kids() const {
        QStringList ids;
        ids.reserve(static_cast<qsizetype>(keys_.size()));
        for (const auto& entry : keys_)
            ids.append(entry.first);
        return ids;
    }

private:
    std::map<QString, Ed25519PublicKey> keys_;
};

}  // namespace aicp

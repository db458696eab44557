#pragma once

#include "common/result.h"
#include "licensing/ed25519.h"

#include <cstdint>
#include <vector>

#include <QByteArray>
#include <QDateTime>
#include <QUuid>

namespace aicp {

class PublicKeyRing;

struct RevokedLicense {
    QUuid id;
    QDateTime revokedAt;  // UTC
};

// The signed list of revoked license ids a verifier loads
// (`AICPRL1.<payload>.<signature>`). Its `sequence` strictly increases with
// every publication so a verifier can refuse to go back to an older list.
struct RevocationList {
    static constexpr int kFormatVersion = 1;
    static constexpr qsizetype kMaxTokenSize = 16 * 1024 * 1024;

    QString kid;
    std::int64_t sequence = 0;
    QDateTime issuedAt;
    std::vector<RevokedLicense> revoked;  // sorted by id for byte-stable output

    [[nodiscard]] const RevokedLicense* find(const QUuid& id) const;

    [[nodiscard]] Result<QByteArray> sign(const Ed25519PrivateKey& key) const;
    // Parses and checks the signature against the keys; nothing in an
    // unverified list is trusted.
    static Result<RevocationList> verify(QByteArrayView token, const PublicKeyRing& keys);
};

}  // namespace aicp

#pragma once

#include "common/result.h"
#include "licensing/licensepayload.h"
#include "licensing/licensestate.h"
#include "licensing/publickeyring.h"
#include "licensing/revocationlist.h"

#include <optional>

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

namespace aicp {

struct LicenseVerification {
    LicenseStatus status = LicenseStatus::Malformed;
    QString reason;
    // Present once the signature checked out (even if expired or revoked).
    std::optional<LicensePayload> license;

    [[nodiscard]] bool isUsable() const {
        return status == LicenseStatus::Valid || status == LicenseStatus::ValidInGrace;
    }
};

// Decides whether a license key or file is good, using only public keys and,
// optionally, a signed revocation list. Nothing in a license is believed
// before its signature has been checked against a trusted key.
class LicenseVerifier {
public:
    // Clock adjustments (NTP) may step back a little; more than this is a rollback.
    static constexpr qint64 kClockRollbackToleranceSeconds = 300;
    static constexpr qsizetype kMaxKeySize = 64 * 1024;

    explicit LicenseVerifier(PublicKeyRing keys) : keys_(std::move(keys)) {}

    // Loads a revocation list, refusing one older than `highestSequenceSeen`
    // (the newest list this installation has loaded before).
    [[nodiscard]] Status useRevocationList(RevocationList list, std::int64_t highestSequenceSeen);
    [[nodiscard]] const std::optional<RevocationList>& revocationList() const {
        return revocations_;
    }

    // `text` is a license key or a license file. `latestSeen` is the latest
    // time this installation has observed (invalid when none yet).
    [[nodiscard]] LicenseVerification verify(QByteArrayView text, const QDateTime& now,
                                             const QDateTime& latestSeen = {}) const;

private:
    PublicKeyRing keys_;
    std::optional<RevocationList> revocations_;
};

}  // namespace aicp

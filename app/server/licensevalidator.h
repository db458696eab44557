#pragma once

#include "common/result.h"
#include "licensing/licenseverifier.h"

#include <limits>
#include <memory>

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>

namespace aicp {

class Workspace;

// One validation's answer, shared by every request that presents the same
// license text while nothing the answer depends on has changed.
struct CachedValidation {
    LicenseVerification result;
    // The caller's rendering of `result` (the HTTP body), kept beside it so a
    // repeated validation is not rendered again; empty until a caller sets it.
    QByteArray rendered;
};

// License validation for a busy service: the trusted keys, the newest
// revocation list and the latest time seen are read from the workspace at
// most once per kRefreshMs, not per request, so a validation is a signature
// check and no database work. Revocations and key rotations made by another
// process (the CLI, the console) apply within that delay. Applies the same
// rules as verifyInWorkspace(): the newest valid list wins, a clock set back
// is a rollback.
//
// The answer for a license text is remembered until the keys or the
// revocation list change (a reread that finds new ones starts a fresh
// cache) or until the clock reaches the license's next boundary (not-before,
// expiry, end of grace), whichever comes first: within those bounds verify()
// would answer the same, so a repeated validation skips the signature check.
// A clock that went back is never answered from the cache.
class LicenseValidator {
public:
    static constexpr qint64 kRefreshMs = 2000;
    // How often the latest time seen is written to the workspace; well within
    // the verifier's clock rollback tolerance.
    static constexpr qint64 kRememberTimeMs = 60'000;
    // Cached answers; when full the cache starts over (a flood of distinct
    // texts costs the signature checks it would without a cache, no memory).
    static constexpr qsizetype kMaxCached = 4096;
    // Longer texts are checked every time rather than kept.
    static constexpr qsizetype kMaxCachedTextBytes = 16 * 1024;

    explicit LicenseValidator(Workspace& workspace) : workspace_(workspace) {}

    [[nodiscard]] std::shared_ptr<CachedValidation> check(QByteArrayView text);
    [[nodiscard]] LicenseVerification validate(QByteArrayView text) { return check(text)->result; }
    // Rereads on the next validation (after this service changed keys).
    void invalidate() { verifier_.reset(); }

private:
    struct Entry {
        std::shared_ptr<CachedValidation> answer;
        qint64 fromMs = 0;   // when it was computed
        qint64 untilMs = 0;  // the next boundary of the license's validity
    };
    static constexpr qint64 kNoTimeSeen = std::numeric_limits<qint64>::min();

    void refresh(const QDateTime& now);
    void see(qint64 nowMs);

    Workspace& workspace_;
    std::unique_ptr<LicenseVerifier> verifier_;
    QString loadProblem_;
    QByteArray trust_;  // the key ids and revocation list the verifier holds
    qint64 rememberedMs_ = kNoTimeSeen;
    qint64 latestSeenMs_ = kNoTimeSeen;
    QElapsedTimer age_;
    QHash<QByteArray, Entry> cache_;
};

}  // namespace aicp

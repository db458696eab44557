#include "server/licensevalidator.h"

#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "licensing/revocationlist.h"
#include "licensing/verificationmemory.h"
#include "storage/workspace.h"

#include <algorithm>
#include <optional>

namespace aicp {

namespace {

static_assert(LicenseValidator::kRememberTimeMs <
              LicenseVerifier::kClockRollbackToleranceSeconds * 1000);

QDateTime utcFromMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// The first instant after `nowMs` at which the license's answer can change.
qint64 nextBoundaryMs(const LicenseVerification& result, qint64 nowMs) {
    qint64 until = std::numeric_limits<qint64>::max();
    if (!result.license)
        return until;  // malformed, unknown key, bad signature: whatever the time
    for (const QDateTime& boundary :
         {result.license->notBefore, result.license->expiresAt, result.license->graceEndsAt()}) {
        if (!boundary.isValid())
            continue;
        const qint64 ms = boundary.toMSecsSinceEpoch();
        if (ms > nowMs)
            until = std::min(until, ms);
    }
    return until;
}

}  // namespace

void LicenseValidator::refresh(const QDateTime& now) {
    age_.start();
    auto ring = KeyStore(workspace_).publicKeyRing();
    if (!ring) {
        verifier_.reset();
        cache_.clear();
        trust_.clear();
        loadProblem_ = ring.error().message();
        return;
    }
    loadProblem_.clear();
    std::optional<RevocationList> best;
    QByteArray bestToken;
    const auto consider = [&](const QByteArray& token) {
        if (token.isEmpty())
            return;
        auto list = RevocationList::verify(token, *ring);
        if (list && (!best || list->sequence > best->sequence)) {
            best = std::move(list).value();
            bestToken = token;
        }
    };
    VerificationMemory memory(workspace_);
    if (auto published = LicenseRegistry(workspace_).latestPublishedRevocationList(); published)
        consider(*published);
    if (auto remembered = memory.newestRevocationList(); remembered)
        consider(*remembered);
    // The same keys and the same list answer every license as before: the
    // remembered answers stay, so a fleet's licenses are not all checked
    // again every kRefreshMs.
    const QByteArray trust = ring->kids().join(u',').toUtf8() + '\n' + bestToken;
    if (!verifier_ || trust != trust_) {
        cache_.clear();
        trust_ = trust;
        verifier_ = std::make_unique<LicenseVerifier>(*ring);
        if (best)
            static_cast<void>(verifier_->useRevocationList(std::move(best).value(), 0));
    }
    const QDateTime stored = memory.latestTimeSeen().valueOr(QDateTime());
    if (stored.isValid())
        latestSeenMs_ = std::max(latestSeenMs_, stored.toMSecsSinceEpoch());
    // The clock is recorded now and then, not per request nor per refresh: a
    // rollback beyond the verifier's tolerance is still caught, without a
    // write every kRefreshMs.
    const qint64 nowMs = now.toMSecsSinceEpoch();
    if (rememberedMs_ == kNoTimeSeen || nowMs - rememberedMs_ >= kRememberTimeMs ||
        nowMs < rememberedMs_) {
        if (memory.rememberTime(now))
            rememberedMs_ = nowMs;
    }
}

void LicenseValidator::see(qint64 nowMs) {
    latestSeenMs_ = std::max(latestSeenMs_, nowMs);
}

std::shared_ptr<CachedValidation> LicenseValidator::check(QByteArrayView text) {
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (!verifier_ || !age_.isValid() || age_.elapsed() >= kRefreshMs)
        refresh(utcFromMs(nowMs));
    if (!verifier_) {
        auto failed = std::make_shared<CachedValidation>();
        failed->result.status = LicenseStatus::UnknownKey;
        failed->result.reason = loadProblem_;
        return failed;
    }

    // A lookup by the caller's bytes, without copying them.
    const QByteArray key = QByteArray::fromRawData(text.data(), text.size());
    // Well within the verifier's rollback tolerance, so a hit never hides one.
    const bool clockAhead =
        latestSeenMs_ == kNoTimeSeen ||
        latestSeenMs_ - nowMs < LicenseVerifier::kClockRollbackToleranceSeconds * 1000;
    if (const auto found = cache_.constFind(key); found != cache_.constEnd() && clockAhead &&
                                                  nowMs >= found->fromMs &&
                                                  nowMs < found->untilMs) {
        see(nowMs);
        return found->answer;
    }

    auto answer = std::make_shared<CachedValidation>();
    answer->result =
        verifier_->verify(text, utcFromMs(nowMs),
                          latestSeenMs_ == kNoTimeSeen ? QDateTime() : utcFromMs(latestSeenMs_));
    if (answer->result.status == LicenseStatus::ClockRollback)
        return answer;
    see(nowMs);
    if (text.size() <= kMaxCachedTextBytes) {
        if (cache_.size() >= kMaxCached)
            cache_.clear();
        cache_.insert(QByteArray(text.data(), text.size()),
                      Entry{answer, nowMs, nextBoundaryMs(answer->result, nowMs)});
    }
    return answer;
}

}  // namespace aicp

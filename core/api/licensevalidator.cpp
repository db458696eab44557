#include "api/licensevalidator.h"

#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "licensing/revocationlist.h"
#include "licensing/verificationmemory.h"
#include "storage/workspace.h"

#include <optional>

namespace aicp {

void LicenseValidator::refresh(const QDateTime& now) {
    age_.start();
    auto ring = KeyStore(workspace_).publicKeyRing();
    if (!ring) {
        verifier_.reset();
        loadProblem_ = ring.error().message();
        return;
    }
    loadProblem_.clear();
    verifier_ = std::make_unique<LicenseVerifier>(*ring);
    VerificationMemory memory(workspace_);
    std::optional<RevocationList> best;
    const auto consider = [&](const QByteArray& token) {
        if (token.isEmpty())
            return;
        auto list = RevocationList::verify(token, *ring);
        if (list && (!best || list->sequence > best->sequence))
            best = std::move(list).value();
    };
    if (auto published = LicenseRegistry(workspace_).latestPublishedRevocationList(); published)
        consider(*published);
    if (auto remembered = memory.newestRevocationList(); remembered)
        consider(*remembered);
    if (best)
        static_cast<void>(verifier_->useRevocationList(std::move(best).value(), 0));
    const QDateTime stored = memory.latestTimeSeen().valueOr(QDateTime());
    if (stored.isValid() && (!latestSeen_.isValid() || stored > latestSeen_))
        latestSeen_ = stored;
    // The clock is recorded at each refresh, not per request: a rollback is
    // still caught, without a write per validation.
    static_cast<void>(memory.rememberTime(now));
}

LicenseVerification LicenseValidator::validate(QByteArrayView text) {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!verifier_ || !age_.isValid() || age_.elapsed() >= kRefreshMs)
        refresh(now);
    if (!verifier_) {
        LicenseVerification failed;
        failed.status = LicenseStatus::UnknownKey;
        failed.reason = loadProblem_;
        return failed;
    }
    LicenseVerification result = verifier_->verify(text, now, latestSeen_);
    if (result.status != LicenseStatus::ClockRollback &&
        (!latestSeen_.isValid() || now > latestSeen_))
        latestSeen_ = now;
    return result;
}

}  // namespace aicp

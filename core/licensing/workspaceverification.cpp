#include "licensing/workspaceverification.h"

#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "licensing/verificationmemory.h"
#include "storage/workspace.h"

namespace aicp {

WorkspaceVerification verifyInWorkspace(Workspace& workspace, QByteArrayView text,
                                        const QDateTime& now, QByteArrayView revocationListToken) {
    WorkspaceVerification outcome;
    auto ring = KeyStore(workspace).publicKeyRing();
    if (!ring) {
        outcome.result.status = LicenseStatus::UnknownKey;
        outcome.result.reason = ring.error().message();
        return outcome;
    }
    outcome.trustedKeys = ring->size();
    LicenseVerifier verifier(*ring);
    VerificationMemory memory(workspace);

    // Every list this installation could know: the one offered, its own newest
    // publication and the newest accepted before. The newest valid one applies,
    // so offering an old list can never bring a revoked license back.
    auto highestSeen = memory.highestRevocationSequence();
    if (!highestSeen)
        outcome.revocationProblem = highestSeen.error().message();
    const std::int64_t highestBefore = highestSeen ? *highestSeen : 0;
    std::optional<RevocationList> best;
    const auto consider = [&](const QByteArray& token, bool offered) {
        if (token.isEmpty())
            return;
        auto list = RevocationList::verify(token, *ring);
        if (!list) {
            if (offered)
                outcome.revocationProblem = list.error().message();
            return;
        }
        if (!best || list->sequence > best->sequence) {
            best = std::move(list).value();
            static_cast<void>(memory.rememberRevocationList(best->sequence, token));
        }
    };
    const QByteArray offered = revocationListToken.toByteArray();
    consider(offered, true);
    const std::optional<std::int64_t> offeredSequence =
        best ? std::optional(best->sequence) : std::nullopt;
    if (auto published = LicenseRegistry(workspace).latestPublishedRevocationList(); published)
        consider(*published, false);
    if (auto remembered = memory.newestRevocationList(); remembered)
        consider(*remembered, false);
    if (offeredSequence && best && best->sequence > *offeredSequence)
        outcome.revocationProblem =
            QStringLiteral(
                "the revocation list offered (%1) is older than list %2 seen before; "
                "list %2 applies")
                .arg(*offeredSequence)
                .arg(best->sequence);
    if (best && best->sequence < highestBefore) {
        // Only an older list is at hand than one seen here before (whose
        // text was not kept): applying it could un-revoke licenses.
        outcome.revocationProblem =
            QStringLiteral("revocation list %1 is older than list %2 seen before; it was refused")
                .arg(best->sequence)
                .arg(highestBefore);
        best.reset();
    }
    if (best) {
        outcome.revocationSequence = best->sequence;
        const Status used = verifier.useRevocationList(std::move(best).value(), 0);
        if (!used.ok())
            outcome.revocationProblem = used.error().message();
    }

    auto latestSeen = memory.latestTimeSeen();
    outcome.result = verifier.verify(text, now, latestSeen ? *latestSeen : QDateTime());
    if (outcome.result.status != LicenseStatus::ClockRollback)
        static_cast<void>(memory.rememberTime(now));
    return outcome;
}

}  // namespace aicp

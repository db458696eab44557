#include "pages/licenses/workspaceverification.h"

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

    // The list given, else the newest this workspace published.
    QByteArray token = revocationListToken.toByteArray();
    if (token.isEmpty()) {
        auto published = LicenseRegistry(workspace).latestPublishedRevocationList();
        if (published)
            token = *published;
        else if (published.error().code() != Error::Code::NotFound)
            outcome.revocationProblem = published.error().message();
    }
    if (!token.isEmpty()) {
        auto list = RevocationList::verify(token, *ring);
        auto highest = memory.highestRevocationSequence();
        if (!list) {
            outcome.revocationProblem = list.error().message();
        } else if (!highest) {
            outcome.revocationProblem = highest.error().message();
        } else {
            const std::int64_t sequence = list->sequence;
            const Status used = verifier.useRevocationList(std::move(list).value(), *highest);
            if (used) {
                outcome.revocationSequence = sequence;
                static_cast<void>(memory.rememberRevocationSequence(sequence));
            } else {
                outcome.revocationProblem = used.error().message();
            }
        }
    }

    auto latestSeen = memory.latestTimeSeen();
    outcome.result = verifier.verify(text, now, latestSeen ? *latestSeen : QDateTime());
    if (outcome.result.status != LicenseStatus::ClockRollback)
        static_cast<void>(memory.rememberTime(now));
    return outcome;
}

}  // namespace aicp

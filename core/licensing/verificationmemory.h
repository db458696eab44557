#pragma once

#include "common/result.h"

#include <cstdint>

#include <QByteArray>
#include <QDateTime>

namespace aicp {

class Workspace;

// What this installation has seen, so a verifier can refuse going back: the
// latest clock reading (a clock set back to revive an expired license is a
// rollback) and the newest revocation list sequence (an older list would
// un-revoke licenses). Kept in the workspace; it only ever moves forward.
class VerificationMemory {
public:
    explicit VerificationMemory(Workspace& workspace) : workspace_(workspace) {}

    // Invalid when nothing was seen yet.
    [[nodiscard]] Result<QDateTime> latestTimeSeen() const;
    // Records `now` when it is later than what was seen; never moves back.
    [[nodiscard]] Status rememberTime(const QDateTime& now);

    // 0 when no list was loaded yet.
    [[nodiscard]] Result<std::int64_t> highestRevocationSequence() const;
    [[nodiscard]] Status rememberRevocationSequence(std::int64_t sequence);

    // The newest signed list accepted here, kept so it goes on applying when
    // an older one is offered later; empty when none was accepted yet.
    [[nodiscard]] Result<QByteArray> newestRevocationList() const;
    // Keeps `token` (already verified, with `sequence`) when it is the newest.
    [[nodiscard]] Status rememberRevocationList(std::int64_t sequence, const QByteArray& token);

private:
    Workspace& workspace_;
};

}  // namespace aicp

#pragma once

#include "common/result.h"
#include "licensing/licenseverifier.h"

#include <memory>

#include <QDateTime>
#include <QElapsedTimer>

namespace aicp {

class Workspace;

// License validation for a busy service: the trusted keys, the newest
// revocation list and the latest time seen are read from the workspace at
// most once per kRefreshMs, not per request, so a validation is a signature
// check and no database work. Revocations and key rotations made by another
// process (the CLI, the console) apply within that delay. Applies the same
// rules as verifyInWorkspace(): the newest valid list wins, a clock set back
// is a rollback.
class LicenseValidator {
public:
    static constexpr qint64 kRefreshMs = 2000;

    explicit LicenseValidator(Workspace& workspace) : workspace_(workspace) {}

    [[nodiscard]] LicenseVerification validate(QByteArrayView text);
    // Rereads on the next validation (after this service changed keys).
    void invalidate() { verifier_.reset(); }

private:
    void refresh(const QDateTime& now);

    Workspace& workspace_;
    std::unique_ptr<LicenseVerifier> verifier_;
    QString loadProblem_;
    QDateTime latestSeen_;
    QElapsedTimer age_;
};

}  // namespace aicp

#pragma once

#include "licensing/licenseverifier.h"

#include <optional>

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

namespace aicp {

class Workspace;

// A verification as this installation makes it: against every key the
// workspace trusts, with the newest revocation list it has (published here
// or loaded from a file) and what the installation has seen before, so an
// older list or a clock set back is refused. Records what it saw.
struct WorkspaceVerification {
    LicenseVerification result;
    std::size_t trustedKeys = 0;
    std::optional<std::int64_t> revocationSequence;  // the list applied, if any
    QString revocationProblem;                       // why a list was not applied
};

// `revocationListToken` is a list loaded from a file (customer workspaces
// receive them from the vendor); empty to use the workspace's own newest.
[[nodiscard]] WorkspaceVerification verifyInWorkspace(Workspace& workspace, QByteArrayView text,
                                                      const QDateTime& now,
                                                      QByteArrayView revocationListToken = {});

}  // namespace aicp

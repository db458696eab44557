#pragma once

#include "common/result.h"
#include "storage/workspacecopy.h"

#include <cstdint>
#include <vector>

#include <QString>

namespace aicp {

class Workspace;

// What a copy proved after it was written, reading both workspaces back.
struct CopyVerification {
    std::vector<TableRows> tables;  // equal in both, in copy order
    std::int64_t auditEntries = 0;  // the copy's chain, intact
    int costReports = 0;            // monthly cost reports equal byte for byte
};

// Checks that `copy` holds what `source` holds: the same identity, the same
// rows in every table, an intact audit chain, and the same cost report (CSV
// and JSON, as `aicp report cost` renders them) for every month from the
// first with usage, a license or an invoice to the last. A difference is a
// Corrupt error naming it.
[[nodiscard]] Result<CopyVerification> verifyWorkspaceCopy(Workspace& source, Workspace& copy);

// copyWorkspace, then verifyWorkspaceCopy with the destination opened anew,
// the source held under its write lock throughout so both are read as they
// were copied.
[[nodiscard]] Result<CopyVerification> copyAndVerifyWorkspace(
    Workspace& source, const QString& destination, const WorkspaceCopyOptions& options = {});

}  // namespace aicp

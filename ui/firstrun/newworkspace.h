#pragma once

#include "common/result.h"
#include "firstrun/receivedlicense.h"
#include "storage/workspace.h"

#include <memory>
#include <optional>

#include <QByteArray>
#include <QString>

namespace aicp {

class WorkspaceSession;

// Everything the welcome's "Create a new workspace" collects, made real in
// one step at Finish, so a cancelled welcome never leaves a file behind.
struct NewWorkspace {
    QString path;
    Workspace::Mode mode = Workspace::Mode::Vendor;
    // Vendor: who issues the licenses (kept as the workspace's vendor_name)
    // and the first signing key's passphrase.
    QString vendorName;
    QByteArray passphrase;
    // Customer: the license received and checked, or none when skipped.
    std::optional<ReceivedLicense> license;

    // Why the path cannot take a new workspace (empty, already a file, …),
    // or an empty string when it can.
    [[nodiscard]] static QString pathProblem(const QString& path);

    // Builds the workspace under a temporary name beside `path` (mode, the
    // vendor's signing key or the customer's trusted key, license and
    // licensee) and renames it into place only when every step worked;
    // on any failure nothing is left at `path` or beside it. Slow (scrypt):
    // run it off the GUI thread.
    [[nodiscard]] Result<std::unique_ptr<WorkspaceSession>> create() const;
};

}  // namespace aicp

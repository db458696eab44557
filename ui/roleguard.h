#pragma once

#include "storage/workspacerole.h"

class QObject;

namespace aicp {

class Workspace;

// Whether the login the workspace was opened as may change `area`; true
// with no workspace (nothing can be changed then anyway) and on a file.
[[nodiscard]] bool mayChange(const Workspace* workspace, WorkspaceArea area);

// Called last when a page sets its actions' states: `target` (a QAction or
// a QWidget) is disabled when the role may not change `area`, its tooltip
// and status tip then saying why (refusalReason), so a viewer sees why
// "Issue License…" is grey. When the role allows it, the tips it had
// before are put back and its enabled state is left as the page set it.
void guardRole(QObject* target, const Workspace* workspace, WorkspaceArea area);

}  // namespace aicp

#pragma once

#include "common/result.h"

#include <QString>

namespace aicp {

class Workspace;

// Fills an empty workspace with the deterministic demo data defined in
// :/aicp/demo/demo.json: the same input always gives the same rows, so the
// console's first start and `aicp demo --db FILE` create identical workspaces.
// Refuses a workspace that already holds customers.
[[nodiscard]] Status populateDemoWorkspace(Workspace& workspace);

// Creates a new demo workspace file at `path`; refuses an existing file.
[[nodiscard]] Status createDemoWorkspace(const QString& path);

}  // namespace aicp

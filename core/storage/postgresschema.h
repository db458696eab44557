#pragma once

#include "common/result.h"
#include "storage/workspace.h"

namespace aicp {

class Database;

// Creates the workspace schema at `version` (the current one,
// Workspace::kSchemaVersion, unless a test makes an older workspace) in an
// empty PostgreSQL database, inside the caller's transaction: the base
// script (schema 9), then each step after it. The caller records the
// version (Database::setSchemaVersion).
[[nodiscard]] Status createPostgresSchema(Database* db, int version = Workspace::kSchemaVersion);

// Applies the steps after `from` up to `to`, in order, inside the caller's
// transaction: what a workspace an older aicp made needs. A version before
// the base (9) was never written by aicp: Corrupt.
[[nodiscard]] Status upgradePostgresSchema(Database* db, int from,
                                           int to = Workspace::kSchemaVersion);

}  // namespace aicp

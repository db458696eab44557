#pragma once

#include "common/result.h"

namespace aicp {

class Database;

// Creates the current workspace schema (Workspace::kSchemaVersion) in an
// empty PostgreSQL database, inside the caller's transaction.
[[nodiscard]] Status createPostgresSchema(Database* db);

}  // namespace aicp

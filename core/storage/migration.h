#pragma once

#include "common/result.h"

#include <functional>
#include <span>

namespace aicp {

class Database;

// One numbered step of a schema: what takes a database from version - 1 to
// version. Steps only change structure; each lives in its own file under
// storage/migrations/ and is never edited once released.
struct Migration {
    int version = 0;
    const char* summary = "";
    Status (*apply)(Database* db) = nullptr;
};

// The workspace schema, oldest step first; the last step's version is
// Workspace::kSchemaVersion.
[[nodiscard]] std::span<const Migration> workspaceMigrations();

// Brings the database from its recorded schema version to the last step's version
// in a single transaction: either every missing step is applied and the
// version recorded, or nothing changes. `initializeEmpty` runs in the same
// transaction after the steps when the database started at version 0 (a new
// file), to seed its first rows. Refuses a database newer than the steps
// (Unsupported) and a step list that is not numbered 1, 2, 3… (Internal).
// Returns the version the database had before.
[[nodiscard]] Result<int> migrate(Database* db, std::span<const Migration> steps,
                                  const std::function<Status()>& initializeEmpty = {});

// The refusal for a file written by a newer aicp, shared by every check.
[[nodiscard]] Error newerSchemaError(int fileVersion, int supportedVersion);

}  // namespace aicp

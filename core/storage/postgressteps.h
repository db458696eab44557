#pragma once

#include <span>

namespace aicp {

// One step of the PostgreSQL workspace schema after its base (the schema
// version postgresschema.cpp makes at once), in PostgreSQL's words: what
// SQLite's migration of the same number does (its comment says why), with
// the same columns and equivalent CHECKs. A step that makes a table gives it
// its `_notifies` trigger, as the base does for every table.
struct PostgresStep {
    int version;
    const char* sql;
};

// Every step, in order of version.
[[nodiscard]] std::span<const PostgresStep> postgresSteps();

}  // namespace aicp

#pragma once

#include "common/result.h"

struct sqlite3;

namespace aicp {

// The workspace schema steps, listed in order in storage/migration.cpp.
[[nodiscard]] Status migration0001(sqlite3* db);
[[nodiscard]] Status migration0002(sqlite3* db);
[[nodiscard]] Status migration0003(sqlite3* db);
[[nodiscard]] Status migration0004(sqlite3* db);
[[nodiscard]] Status migration0005(sqlite3* db);
[[nodiscard]] Status migration0006(sqlite3* db);
[[nodiscard]] Status migration0007(sqlite3* db);
[[nodiscard]] Status migration0008(sqlite3* db);
[[nodiscard]] Status migration0009(sqlite3* db);

}  // namespace aicp

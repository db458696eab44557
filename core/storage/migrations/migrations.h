#pragma once

#include "common/result.h"

namespace aicp {

class Database;

// The workspace schema steps, listed in order in storage/migration.cpp.
[[nodiscard]] Status migration0001(Database* db);
[[nodiscard]] Status migration0002(Database* db);
[[nodiscard]] Status migration0003(Database* db);
[[nodiscard]] Status migration0004(Database* db);
[[nodiscard]] Status migration0005(Database* db);
[[nodiscard]] Status migration0006(Database* db);
[[nodiscard]] Status migration0007(Database* db);
[[nodiscard]] Status migration0008(Database* db);
[[nodiscard]] Status migration0009(Database* db);
[[nodiscard]] Status migration0010(Database* db);
[[nodiscard]] Status migration0011(Database* db);
[[nodiscard]] Status migration0012(Database* db);
[[nodiscard]] Status migration0013(Database* db);
[[nodiscard]] Status migration0014(Database* db);
[[nodiscard]] Status migration0015(Database* db);

}  // namespace aicp

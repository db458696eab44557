#pragma once

struct sqlite3;

namespace aicp {

// Makes aicp_rows (storage/rowsource.h) known to a connection; SQLite's
// result code.
[[nodiscard]] int registerRowsFunction(sqlite3* db);

}  // namespace aicp

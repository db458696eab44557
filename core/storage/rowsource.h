#pragma once

#include "common/result.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace aicp {

class Database;

// Rows held in memory, which one INSERT … SELECT takes at once instead of
// one prepared INSERT per row: the per-row binding, stepping and resetting
// of a statement cost SQLite about as much as storing the row.
class RowSource {
public:
    virtual ~RowSource() = default;
    [[nodiscard]] virtual std::size_t rowCount() const = 0;
    // Whether `column` (from 0) holds texts; otherwise it holds integers.
    [[nodiscard]] virtual bool isText(int column) const = 0;
    [[nodiscard]] virtual std::int64_t number(std::size_t row, int column) const = 0;
    // Valid until the INSERT is done.
    [[nodiscard]] virtual std::string_view text(std::size_t row, int column) const = 0;
};

// The most columns a RowSource may have.
inline constexpr int kRowSourceColumns = 16;

// Runs `insertSql`, an INSERT … SELECT that reads the rows as the
// table-valued function aicp_rows(?1), their columns named c0, c1, …:
//   INSERT INTO t (a, b) SELECT c0, c1 FROM aicp_rows(?1)
// SQLite only (its virtual table interface; see sqliterows.cpp).
[[nodiscard]] Status insertRows(Database* db, std::string_view insertSql, const RowSource& rows);

}  // namespace aicp

#pragma once

#include "common/result.h"
#include "storage/statement.h"

#include <optional>
#include <string_view>
#include <vector>

namespace aicp {

// One-shot queries for the services: prepare, bind the parameters in order,
// read the rows with `read` (a T, or a Result<T> when a row can be refused).

// Runs a statement that returns no rows, with its parameters.
template <typename... Values>
[[nodiscard]] Status executeWith(sqlite3* db, std::string_view sql, const Values&... values) {
    auto statement = Statement::prepare(db, sql);
    if (!statement)
        return statement.error();
    AICP_TRY(statement->bindAll(values...));
    return statement->execute();
}

// Every row.
template <typename T, typename Read, typename... Values>
[[nodiscard]] Result<std::vector<T>> queryRows(sqlite3* db, std::string_view sql, Read&& read,
                                               const Values&... values) {
    auto query = Statement::prepare(db, sql);
    if (!query)
        return query.error();
    AICP_TRY(query->bindAll(values...));
    return query->template collect<T>(std::forward<Read>(read));
}

// The first row, or nullopt when there is none.
template <typename T, typename Read, typename... Values>
[[nodiscard]] Result<std::optional<T>> queryFirstRow(sqlite3* db, std::string_view sql, Read&& read,
                                                     const Values&... values) {
    auto query = Statement::prepare(db, sql);
    if (!query)
        return query.error();
    AICP_TRY(query->bindAll(values...));
    auto row = query->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<T>();
    std::optional<T> first(read(static_cast<const Statement&>(*query)));
    query->reset();
    return first;
}

}  // namespace aicp

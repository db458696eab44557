#pragma once

#include "common/result.h"
#include "storage/statement.h"

#include <optional>
#include <string_view>
#include <vector>

namespace aicp {

// One-shot queries for the services: prepare, bind the parameters in order,
// read the rows with `read` (a T, or a Result<T> when a row can be refused).

// A statement prepared and bound to its parameters in order, ready to step.
template <typename... Values>
[[nodiscard]] Result<Statement> prepareWith(Database* db, std::string_view sql,
                                            const Values&... values) {
    auto statement = Statement::prepare(db, sql);
    if (statement)
        AICP_TRY(statement->bindAll(values...));
    return statement;
}

// Runs a statement that returns no rows, with its parameters.
template <typename... Values>
[[nodiscard]] Status executeWith(Database* db, std::string_view sql, const Values&... values) {
    auto statement = prepareWith(db, sql, values...);
    return statement ? statement->execute() : Status(statement.error());
}

// Hands every row to `visit` (which returns a Status); stops at the first
// failure.
template <typename Visit, typename... Values>
[[nodiscard]] Status visitRows(Database* db, std::string_view sql, Visit&& visit,
                               const Values&... values) {
    auto query = prepareWith(db, sql, values...);
    return query ? query->forEachRow(std::forward<Visit>(visit)) : Status(query.error());
}

// Every row.
template <typename T, typename Read, typename... Values>
[[nodiscard]] Result<std::vector<T>> queryRows(Database* db, std::string_view sql, Read&& read,
                                               const Values&... values) {
    auto query = prepareWith(db, sql, values...);
    return query ? query->template collect<T>(std::forward<Read>(read))
                 : Result<std::vector<T>>(query.error());
}

// The first row, or nullopt when there is none.
template <typename T, typename Read, typename... Values>
[[nodiscard]] Result<std::optional<T>> queryFirstRow(Database* db, std::string_view sql,
                                                     Read&& read, const Values&... values) {
    auto query = prepareWith(db, sql, values...);
    if (!query)
        return query.error();
    auto row = query->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<T>();
    std::optional<T> first(read(static_cast<const Statement&>(*query)));
    query->reset();
    return first;
}

// The first row; `missing` when there is none.
template <typename T, typename Read, typename... Values>
[[nodiscard]] Result<T> queryOneRow(Database* db, std::string_view sql, Read&& read,
                                    const Error& missing, const Values&... values) {
    auto first = queryFirstRow<T>(db, sql, std::forward<Read>(read), values...);
    if (!first)
        return first.error();
    if (!*first)
        return missing;
    return std::move(**first);
}

// The first column of the first row as an integer; `none` when there is no
// row.
template <typename... Values>
[[nodiscard]] Result<std::int64_t> queryInt64Or(Database* db, std::string_view sql,
                                                std::int64_t none, const Values&... values) {
    auto value = queryFirstRow<std::int64_t>(
        db, sql, [](const Statement& row) { return row.int64(0); }, values...);
    if (!value)
        return value.error();
    return value->value_or(none);
}

// Runs an INSERT with its parameters; the new row's id.
template <typename... Values>
[[nodiscard]] Result<std::int64_t> insertWith(Database* db, std::string_view sql,
                                              const Values&... values) {
    AICP_TRY(executeWith(db, sql, values...));
    return db->lastInsertId();
}

}  // namespace aicp

#pragma once

#include "common/result.h"

#include <string_view>

#include <QByteArray>

namespace aicp {

class PostgresDatabase;

// Runs `copySql` (COPY … FROM STDIN, text format) and sends it `rows`:
// lines of tab-separated fields, escaped as PostgreSQL's text format wants.
// Much faster than INSERT for many rows; the table's triggers still fire.
// On failure, `sqlState` (when given) receives the server's SQLSTATE.
[[nodiscard]] Status copyIn(PostgresDatabase& db, std::string_view copySql, const QByteArray& rows,
                            std::string* sqlState = nullptr);

// copyIn under a savepoint, for rows that are new as a rule: false, with
// nothing of `rows` stored and the transaction usable, when one of them
// meets a unique key (stored before, or twice among them); any other
// failure is an error.
[[nodiscard]] Result<bool> copyInUnlessDuplicate(PostgresDatabase& db, std::string_view copySql,
                                                 const QByteArray& rows);

// Appends one field of the text format: \N for NULL is the caller's; this
// escapes backslash, tab, newline and carriage return.
void appendCopyText(QByteArray& line, QByteArrayView utf8);

}  // namespace aicp

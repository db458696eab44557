#pragma once

#include "common/result.h"
#include "storage/statement.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <QByteArray>

namespace aicp {

class Database;
class PostgresDatabase;

// One INSERT … ON CONFLICT for many rows, at the cost each engine does best.
// On SQLite, rows are held in memory and a batch goes in with one INSERT …
// SELECT from them (aicp_rows, storage/rowsource.h) rather than a prepared
// statement stepped per row, which costs about as much again. On
// PostgreSQL, rows are held and a batch goes in with one COPY, so an
// import's many thousand summary rows cost a few round trips instead of one
// each. While no row of the table conflicts (new hours, a new workspace),
// that COPY goes straight into the table under a savepoint, the cheapest
// way in; the first conflict undoes it, and from then on each batch goes
// through a staging table and one INSERT … SELECT … ON CONFLICT. A batch's
// rows must not share a conflict key (ON CONFLICT DO UPDATE touches a row
// once a statement); rows added in the key's order are written to its
// index front to back. finish() writes what is held; runs inside the
// caller's transaction.
class BulkWriter {
public:
    enum class Type { Text, Int64 };
    struct Column {
        const char* name;
        Type type;
    };

    // INSERT INTO `table` AS t (columns) … `conflict`, e.g. "ON CONFLICT
    // (customer_id, hour) DO UPDATE SET requests = t.requests + excluded.requests".
    [[nodiscard]] static Result<BulkWriter> create(Database* db, std::string_view table,
                                                   std::vector<Column> columns,
                                                   std::string_view conflict);

    // Values for the next row, by column position from 1, then addRow().
    [[nodiscard]] Status bindUtf8View(int column, std::string_view value);
    [[nodiscard]] Status bindInt64(int column, std::int64_t value);
    [[nodiscard]] Status addRow();
    [[nodiscard]] Status finish();

private:
    static constexpr std::size_t kBatchRows = 50'000;
    class HeldRows;  // SQLite's

    BulkWriter(Database* db, std::size_t columns, Statement insert);
    [[nodiscard]] Status finishInSqlite();

    Database* db_;
    PostgresDatabase* postgres_ = nullptr;  // rows are held for COPY
    std::size_t columns_;
    Statement insert_;        // PostgreSQL's, from the staging table
    std::string insertHeld_;  // SQLite's, from aicp_rows
    std::shared_ptr<HeldRows> sqliteRows_;
    std::string staging_;  // CREATE TEMP TABLE … and TRUNCATE
    std::string copy_;
    std::string copyStraight_;     // COPY into the table itself
    bool straight_ = true;         // no conflict seen yet
    std::vector<QByteArray> row_;  // the bound fields, escaped
    QByteArray rows_;
    std::size_t heldRows_ = 0;
};

}  // namespace aicp

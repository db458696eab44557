#pragma once

#include "common/result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include <QByteArray>
#include <QString>

namespace aicp {

// One prepared statement of one database engine, behind Statement. Parameters
// and columns are numbered as in Statement (parameters from 1, columns from
// 0). A statement that has finished (done or failed) is reset, so it can be
// bound and run again.
class StatementBackend {
public:
    virtual ~StatementBackend() = default;

    [[nodiscard]] virtual Status bindInt64(int index, std::int64_t value) = 0;
    // `stable`: the bytes stay alive and unchanged until the statement has
    // run, so the backend may keep a pointer instead of a copy.
    [[nodiscard]] virtual Status bindUtf8(int index, std::string_view utf8, bool stable) = 0;
    [[nodiscard]] virtual Status bindBlob(int index, const QByteArray& bytes) = 0;
    [[nodiscard]] virtual Status bindNull(int index) = 0;

    [[nodiscard]] virtual Result<bool> step() = 0;
    // Abandons a run and clears the bindings.
    virtual void reset() = 0;

    [[nodiscard]] virtual int columnCount() const = 0;
    [[nodiscard]] virtual bool isNull(int column) const = 0;
    [[nodiscard]] virtual std::int64_t int64(int column) const = 0;
    [[nodiscard]] virtual QString text(int column) const = 0;
    [[nodiscard]] virtual QByteArray blob(int column) const = 0;

    // The SQL it runs, for error messages.
    [[nodiscard]] virtual QString sql() const = 0;
};

// One open connection to a workspace's database: an embedded SQLite file or
// a PostgreSQL server. The services above it write one SQL that both engines
// accept (numbered parameters ?1, ?2…; ON CONFLICT; no engine-only
// functions) and never learn which engine runs it; what differs — the
// connection, transactions, the schema, bulk loading — lives in storage.
class Database {
public:
    enum class Engine { Sqlite, Postgres };

    virtual ~Database() = default;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    [[nodiscard]] virtual Engine engine() const = 0;

    // Refuses SQL that holds more than one statement or none. `reused`:
    // kept and run in a loop, so the engine plans it for the long term.
    [[nodiscard]] virtual Result<std::unique_ptr<StatementBackend>> prepare(std::string_view sql,
                                                                            bool reused) = 0;
    // Runs SQL that returns no rows, possibly several statements.
    [[nodiscard]] virtual Status executeScript(std::string_view sql) = 0;

    // True inside a transaction (BEGIN without its COMMIT or ROLLBACK yet).
    [[nodiscard]] virtual bool inTransaction() const = 0;
    // Starts the outermost transaction and takes the workspace's write lock
    // at once, so writers queue at the start rather than fail half-way.
    [[nodiscard]] virtual Status beginWriteTransaction() = 0;

    // The rows the last INSERT, UPDATE or DELETE changed.
    [[nodiscard]] virtual std::int64_t changedRows() const = 0;
    // The id the last INSERT on this connection gave its row.
    [[nodiscard]] virtual Result<std::int64_t> lastInsertId() = 0;

    // The schema version recorded in the database; 0 for an empty one.
    [[nodiscard]] virtual Result<std::int64_t> schemaVersion() = 0;
    [[nodiscard]] virtual Status setSchemaVersion(int version) = 0;

    // Gives the connection a page cache of `kib` until the returned guard is
    // destroyed (an import keeps the B-trees it writes in memory), and lets a
    // write-ahead log grow as large before it is checkpointed; a hint, which
    // an engine without a cache of its own per connection ignores.
    [[nodiscard]] virtual std::shared_ptr<void> enlargeCache(std::int64_t kib) = 0;

    // Keeps this connection's temporary data in memory from now on: the
    // journal a statement keeps to undo itself alone (SQLite writes it to
    // a temporary file past 64 KiB: for one batch of events, a few thousand
    // pages written and thrown away), its sorts and temporary tables. For
    // a connection whose statements are bounded, as a service's are by the
    // largest body it takes; an engine without such files ignores it.
    virtual void keepTemporariesInMemory() {}

    // Asks `keepGoing` now and then (SQLite: every few thousand steps of
    // its virtual machine) while a statement runs on this connection, until
    // the returned guard is destroyed; once it answers false the statement
    // stops and fails. For a long statement a user may cancel (building an
    // index); an engine that cannot ask ignores it.
    [[nodiscard]] virtual std::shared_ptr<void> watchLongStatements(
        std::function<bool()> keepGoing) = 0;

    // Who the server knows the connection as (a PostgreSQL login); empty for
    // a file, whose user is the operating system's.
    [[nodiscard]] virtual QString login() const { return {}; }

protected:
    Database() = default;
};

}  // namespace aicp

#pragma once

#include "storage/database.h"

#include <QString>
#include <QStringList>

struct pg_conn;

namespace aicp {

// True for a location that names a PostgreSQL database
// (postgresql://… or postgres://…) rather than a workspace file.
[[nodiscard]] bool isPostgresLocation(const QString& location);
// The location as it may be shown: the password of a URI replaced by "***".
[[nodiscard]] QString redactedLocation(const QString& location);

// A workspace in a PostgreSQL database, through libpq: one connection, owned
// and closed when destroyed. Statements are sent with their parameters
// (PQexecParams) and their rows read whole; SQL written for SQLite's
// numbered parameters (?1, ?2…) is rewritten to PostgreSQL's ($1, $2…).
//
// Writers take the workspace's write lock (a transaction-level advisory
// lock) when their transaction begins, as SQLite's BEGIN IMMEDIATE does: the
// invoice and audit sequences then stay gapless under any number of
// consoles, commands and services on any number of machines, and readers
// are never blocked.
class PostgresDatabase final : public Database {
public:
    // Connects and checks the server: the error names what to fix
    // (unreachable server, refused login, missing database).
    [[nodiscard]] static Result<std::unique_ptr<PostgresDatabase>> connect(const QString& uri);
    ~PostgresDatabase() override;

    [[nodiscard]] Engine engine() const override { return Engine::Postgres; }
    [[nodiscard]] Result<std::unique_ptr<StatementBackend>> prepare(std::string_view sql,
                                                                    bool reused) override;
    [[nodiscard]] Status executeScript(std::string_view sql) override;
    [[nodiscard]] bool inTransaction() const override;
    [[nodiscard]] Status beginWriteTransaction() override;
    [[nodiscard]] std::int64_t changedRows() const override { return changedRows_; }
    [[nodiscard]] Result<std::int64_t> lastInsertId() override;
    [[nodiscard]] Result<std::int64_t> schemaVersion() override;
    [[nodiscard]] Status setSchemaVersion(int version) override;
    [[nodiscard]] std::shared_ptr<void> enlargeCache(std::int64_t) override { return {}; }
    [[nodiscard]] std::shared_ptr<void> watchLongStatements(std::function<bool()>) override {
        return {};
    }
    [[nodiscard]] QString login() const override { return login_; }

    // The server's words for the last failure, made into an Error a user can
    // act on; `sqlState` is the five-character SQLSTATE, if any.
    [[nodiscard]] Error failure(const char* sqlState, const QString& message) const;
    void noteChangedRows(std::int64_t rows) { changedRows_ = rows; }
    [[nodiscard]] pg_conn* handle() const { return connection_; }
    // A connection the server dropped is made again before the next
    // statement, unless a transaction was open on it: that one fails whole
    // first (its owner rolls back), so nothing half-done is saved.
    [[nodiscard]] Status reconnectIfLost();
    // Whether `sql`, which failed as the connection went, may be sent once
    // more on a new one: it changed nothing.
    [[nodiscard]] bool mayRetryOnNewConnection(std::string_view sql) const;
    // The payloads of the notifications received so far (LISTEN), oldest
    // first, without waiting for more.
    [[nodiscard]] QStringList takeNotifications();

private:
    explicit PostgresDatabase(pg_conn* connection) : connection_(connection) {}

    pg_conn* connection_ = nullptr;
    QString login_;
    bool transactionBegun_ = false;  // by beginWriteTransaction, until COMMIT/ROLLBACK
    std::int64_t changedRows_ = 0;
};

}  // namespace aicp

#pragma once

#include "storage/database.h"

#include <mutex>

#include <QString>

struct sqlite3;

namespace aicp {

// The Error for a failed SQLite call: sqlite's own message, with Code::Corrupt
// when the file is damaged and Code::Database otherwise.
[[nodiscard]] Error databaseError(sqlite3* db, int resultCode);

// A workspace file opened with the SQLite C API; owns the connection and
// closes it when destroyed.
class SqliteDatabase final : public Database {
public:
    // Makes aicp_rows (storage/rowsource.h) known to the connection.
    explicit SqliteDatabase(sqlite3* db);
    ~SqliteDatabase() override;

    [[nodiscard]] Engine engine() const override { return Engine::Sqlite; }
    [[nodiscard]] Result<std::unique_ptr<StatementBackend>> prepare(std::string_view sql,
                                                                    bool reused) override;
    [[nodiscard]] Status executeScript(std::string_view sql) override;
    [[nodiscard]] bool inTransaction() const override;
    [[nodiscard]] Status beginWriteTransaction() override;
    [[nodiscard]] std::int64_t changedRows() const override;
    [[nodiscard]] Result<std::int64_t> lastInsertId() override;
    [[nodiscard]] Result<std::int64_t> schemaVersion() override;
    [[nodiscard]] Status setSchemaVersion(int version) override;
    [[nodiscard]] std::shared_ptr<void> enlargeCache(std::int64_t kib) override;
    void keepTemporariesInMemory() override;
    [[nodiscard]] std::shared_ptr<void> watchLongStatements(
        std::function<bool()> keepGoing) override;

    // For storage's SQLite-only steps (opening, the schema's functions).
    [[nodiscard]] sqlite3* handle() const { return db_; }

    // The files this process has open in SQLite, by canonical path. SQLite's
    // locks are POSIX advisory locks, which belong to the process: closing
    // any descriptor of the file drops them all, another process may then
    // checkpoint under a reader's feet, and the reader goes on reading a
    // WAL that is gone (SQLite's "How To Corrupt", 2.2). A file open here
    // is never opened again by other means; Workspace::open asks, under
    // the lock, before it looks at a file's header itself.
    class OpenFiles {
    public:
        [[nodiscard]] static std::unique_lock<std::mutex> lock();
        [[nodiscard]] static bool contains(const QString& canonicalPath);  // under lock()
    };
    // Registers the connection's file until it closes (under OpenFiles::lock()).
    void holdFile(const QString& canonicalPath);

private:
    // Prepares the first statement of `sql`, or none (nullptr) when only
    // comments are left; `rest` receives what follows it.
    Result<std::unique_ptr<StatementBackend>> prepareFirst(std::string_view sql, unsigned flags,
                                                           std::string_view* rest);

    sqlite3* db_ = nullptr;
    QString heldFile_;
};

}  // namespace aicp

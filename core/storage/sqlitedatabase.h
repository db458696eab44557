#pragma once

#include "storage/database.h"

struct sqlite3;

namespace aicp {

// The Error for a failed SQLite call: sqlite's own message, with Code::Corrupt
// when the file is damaged and Code::Database otherwise.
[[nodiscard]] Error databaseError(sqlite3* db, int resultCode);

// A workspace file opened with the SQLite C API; owns the connection and
// closes it when destroyed.
class SqliteDatabase final : public Database {
public:
    explicit SqliteDatabase(sqlite3* db) : db_(db) {}
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

    // For storage's SQLite-only steps (opening, the schema's functions).
    [[nodiscard]] sqlite3* handle() const { return db_; }

private:
    // Prepares the first statement of `sql`, or none (nullptr) when only
    // comments are left; `rest` receives what follows it.
    Result<std::unique_ptr<StatementBackend>> prepareFirst(std::string_view sql, unsigned flags,
                                                           std::string_view* rest);

    sqlite3* db_ = nullptr;
};

}  // namespace aicp

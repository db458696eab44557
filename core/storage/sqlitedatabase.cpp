#include "storage/sqlitedatabase.h"

#include "storage/sqliterows.h"
#include "storage/sqltext.h"
#include "storage/statement.h"

#include <algorithm>
#include <map>
#include <string>

#include <QtGlobal>

#include <sqlite3.h>

namespace aicp {

namespace {

class SqliteStatement final : public StatementBackend {
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}
    ~SqliteStatement() override {
        // sqlite3_finalize only repeats the error of the last step, which the
        // caller has already been given; there is nothing left to report here.
        sqlite3_finalize(statement_);
    }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    Status bindInt64(int index, std::int64_t value) override {
        return check(sqlite3_bind_int64(statement_, index, static_cast<sqlite3_int64>(value)));
    }
    Status bindUtf8(int index, std::string_view utf8, bool stable) override {
        // An empty view may have no data pointer; NULL would bind SQL NULL.
        return check(sqlite3_bind_text64(statement_, index, utf8.empty() ? "" : utf8.data(),
                                         static_cast<sqlite3_uint64>(utf8.size()),
                                         stable ? SQLITE_STATIC : SQLITE_TRANSIENT, SQLITE_UTF8));
    }
    Status bindBlob(int index, const QByteArray& bytes) override {
        return check(bytes.isEmpty()
                         ? sqlite3_bind_zeroblob(statement_, index, 0)
                         : sqlite3_bind_blob64(statement_, index, bytes.constData(),
                                               static_cast<sqlite3_uint64>(bytes.size()),
                                               SQLITE_TRANSIENT));
    }
    Status bindNull(int index) override { return check(sqlite3_bind_null(statement_, index)); }

    Result<bool> step() override {
        const int rc = sqlite3_step(statement_);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE) {
            sqlite3_reset(statement_);
            return false;
        }
        Error error = databaseError(db_, rc);
        sqlite3_reset(statement_);
        return error;
    }
    void reset() override {
        // Both calls only repeat the outcome of the last step, already reported.
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }

    int columnCount() const override { return sqlite3_column_count(statement_); }
    bool isNull(int column) const override {
        return sqlite3_column_type(statement_, column) == SQLITE_NULL;
    }
    std::int64_t int64(int column) const override {
        return static_cast<std::int64_t>(sqlite3_column_int64(statement_, column));
    }
    QString text(int column) const override {
        // sqlite3_column_bytes must follow sqlite3_column_text: the conversion
        // to text is what fixes the byte count.
        const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
        const int size = sqlite3_column_bytes(statement_, column);
        return data ? QString::fromUtf8(data, size) : QString();
    }
    QByteArray blob(int column) const override {
        const auto* data = static_cast<const char*>(sqlite3_column_blob(statement_, column));
        const int size = sqlite3_column_bytes(statement_, column);
        return data ? QByteArray(data, size) : QByteArray();
    }
    QString sql() const override { return QString::fromUtf8(sqlite3_sql(statement_)); }

private:
    Status check(int rc) const { return rc == SQLITE_OK ? Status() : databaseError(db_, rc); }

    sqlite3* db_;
    sqlite3_stmt* statement_;
};

// Restores the page cache and checkpoint settings an import enlarged.
class CacheGuard {
public:
    CacheGuard(SqliteDatabase& db, std::int64_t previous, std::int64_t previousCheckpoint)
        : db_(db), previous_(previous), previousCheckpoint_(previousCheckpoint) {}
    ~CacheGuard() {
        // Only performance settings: failing to restore them harms nothing.
        static_cast<void>(db_.executeScript("PRAGMA cache_size = " + std::to_string(previous_)));
        static_cast<void>(db_.executeScript("PRAGMA wal_autocheckpoint = " +
                                            std::to_string(previousCheckpoint_)));
    }
    CacheGuard(const CacheGuard&) = delete;
    CacheGuard& operator=(const CacheGuard&) = delete;

private:
    SqliteDatabase& db_;
    std::int64_t previous_;
    std::int64_t previousCheckpoint_;
};

// Answers SQLite's progress handler from a caller's keepGoing until it is
// destroyed.
class StatementWatch {
public:
    // Steps of the virtual machine between two questions: about a
    // millisecond of work.
    static constexpr int kSteps = 100'000;

    StatementWatch(sqlite3* db, std::function<bool()> keepGoing)
        : db_(db), keepGoing_(std::move(keepGoing)) {
        sqlite3_progress_handler(db_, kSteps, &StatementWatch::ask, this);
    }
    ~StatementWatch() { sqlite3_progress_handler(db_, 0, nullptr, nullptr); }
    StatementWatch(const StatementWatch&) = delete;
    StatementWatch& operator=(const StatementWatch&) = delete;

private:
    static int ask(void* watch) {
        return static_cast<StatementWatch*>(watch)->keepGoing_() ? 0 : 1;
    }

    sqlite3* db_;
    std::function<bool()> keepGoing_;
};

}  // namespace

Error databaseError(sqlite3* db, int resultCode) {
    // sqlite3_errmsg describes the most recent failure on the connection,
    // which is more precise than the generic text of the code ("UNIQUE
    // constraint failed: customers.id" rather than "constraint failed").
    const char* message = db ? sqlite3_errmsg(db) : sqlite3_errstr(resultCode);
    QString text = QString::fromUtf8(message);
    switch (resultCode & 0xff) {
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            // SQLite's words ("database disk image is malformed") do not say
            // that the user's file is what is damaged.
            return {Error::Code::Corrupt, QStringLiteral("the file is damaged (%1)").arg(text)};
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            text += QStringLiteral(" (another program is using the workspace; try again)");
            break;
        default:
            break;
    }
    return {Error::Code::Database, text};
}

namespace {

std::mutex& openFilesMutex() {
    static std::mutex mutex;
    return mutex;
}

// Connections per canonical path; under openFilesMutex().
std::map<QString, int>& openFileCounts() {
    static std::map<QString, int> counts;
    return counts;
}

}  // namespace

std::unique_lock<std::mutex> SqliteDatabase::OpenFiles::lock() {
    return std::unique_lock(openFilesMutex());
}

bool SqliteDatabase::OpenFiles::contains(const QString& canonicalPath) {
    return openFileCounts().count(canonicalPath) > 0;
}

void SqliteDatabase::holdFile(const QString& canonicalPath) {
    if (canonicalPath.isEmpty() || !heldFile_.isEmpty())
        return;
    heldFile_ = canonicalPath;
    ++openFileCounts()[canonicalPath];
}

SqliteDatabase::SqliteDatabase(sqlite3* db) : db_(db) {
    // Fails only without memory, and then so does the first statement.
    if (db_ != nullptr)
        static_cast<void>(registerRowsFunction(db_));
}

SqliteDatabase::~SqliteDatabase() {
    // close_v2 never fails on open statements: it defers the close until
    // they are finalized, which SqliteStatement's destructor guarantees.
    if (sqlite3_close_v2(db_) != SQLITE_OK)
        qWarning("aicp: could not close a workspace: %s", sqlite3_errmsg(db_));
    if (heldFile_.isEmpty())
        return;
    const auto guard = OpenFiles::lock();
    auto& counts = openFileCounts();
    if (const auto it = counts.find(heldFile_); it != counts.end() && --it->second == 0)
        counts.erase(it);
}

Result<std::unique_ptr<StatementBackend>> SqliteDatabase::prepare(std::string_view sql,
                                                                  bool reused) {
    std::string_view rest;
    auto statement = prepareFirst(sql, reused ? SQLITE_PREPARE_PERSISTENT : 0, &rest);
    if (statement && !*statement)
        return Error::internal(QStringLiteral("no SQL statement in \"%1\"").arg(sqlExcerpt(sql)));
    if (statement && !isBlankSql(rest))
        return Error::internal(
            QStringLiteral("more than one SQL statement in \"%1\"").arg(sqlExcerpt(sql)));
    return statement;
}

Result<std::unique_ptr<StatementBackend>> SqliteDatabase::prepareFirst(std::string_view sql,
                                                                       unsigned flags,
                                                                       std::string_view* rest) {
    if (!db_)
        return Error::internal(QStringLiteral("statement prepared on a closed workspace"));
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), flags, &raw, &tail);
    if (rc != SQLITE_OK)
        return databaseError(db_, rc).withContext(sqlExcerpt(sql));
    *rest = sql.substr(static_cast<std::size_t>(tail - sql.data()));
    if (!raw)
        return std::unique_ptr<StatementBackend>();
    return std::unique_ptr<StatementBackend>(std::make_unique<SqliteStatement>(db_, raw));
}

Status SqliteDatabase::executeScript(std::string_view sql) {
    // One statement at a time, so each goes through the same checked path as
    // the rest of the code instead of sqlite3_exec's callback interface.
    while (!isBlankSql(sql)) {
        std::string_view rest;
        auto statement = prepareFirst(sql, 0, &rest);
        if (!statement)
            return statement.error();
        if (!*statement)
            break;  // only comments were left
        auto row = (*statement)->step();
        if (!row)
            return row.error();
        if (*row) {
            (*statement)->reset();
            return Error::internal(QStringLiteral("SQL statement \"%1\" returned rows; read it "
                                                  "with a query")
                                       .arg(sqlExcerpt(sql)));
        }
        sql = rest;
    }
    return {};
}

bool SqliteDatabase::inTransaction() const {
    return sqlite3_get_autocommit(db_) == 0;
}

Status SqliteDatabase::beginWriteTransaction() {
    return executeScript("BEGIN IMMEDIATE");
}

std::int64_t SqliteDatabase::changedRows() const {
    return sqlite3_changes64(db_);
}

Result<std::int64_t> SqliteDatabase::lastInsertId() {
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_));
}

Result<std::int64_t> SqliteDatabase::schemaVersion() {
    return queryInt64(this, "PRAGMA user_version");
}

Status SqliteDatabase::setSchemaVersion(int version) {
    // PRAGMA values cannot be bound; the version is an integer we produced.
    return executeScript("PRAGMA user_version = " + std::to_string(version));
}

std::shared_ptr<void> SqliteDatabase::enlargeCache(std::int64_t kib) {
    auto previous = queryInt64(this, "PRAGMA cache_size");
    auto checkpoint = queryInt64(this, "PRAGMA wal_autocheckpoint");
    if (!previous || !checkpoint ||
        !executeScript("PRAGMA cache_size = -" + std::to_string(kib)).ok())
        return {};
    // The log may grow as large as the cache before a commit copies it into
    // the file: a page each small transaction writes again (the key index,
    // the sums) is copied once per checkpoint rather than once per commit.
    const std::int64_t pages = std::max<std::int64_t>(*checkpoint, kib / 4);
    static_cast<void>(executeScript("PRAGMA wal_autocheckpoint = " + std::to_string(pages)));
    return std::make_shared<CacheGuard>(*this, *previous, *checkpoint);
}

void SqliteDatabase::keepTemporariesInMemory() {
    // A setting, not data: if it fails, the files are only slower.
    static_cast<void>(executeScript("PRAGMA temp_store = MEMORY"));
}

std::shared_ptr<void> SqliteDatabase::watchLongStatements(std::function<bool()> keepGoing) {
    return std::make_shared<StatementWatch>(db_, std::move(keepGoing));
}

}  // namespace aicp

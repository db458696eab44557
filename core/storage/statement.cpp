#include "storage/statement.h"

#include "common/utctime.h"
#include "storage/query.h"

#include <utility>

#include <QtGlobal>

#include <sqlite3.h>

namespace aicp {

namespace {

bool isBlank(std::string_view sql) {
    return sql.find_first_not_of(" \t\r\n;") == std::string_view::npos;
}

QString sqlExcerpt(std::string_view sql) {
    constexpr std::size_t kMaxLength = 80;
    const QString text =
        QString::fromUtf8(sql.data(), static_cast<qsizetype>(sql.size())).simplified();
    return text.size() <= qsizetype(kMaxLength) ? text
                                                : text.left(kMaxLength) + QStringLiteral("…");
}

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

Status executeScript(sqlite3* db, std::string_view sql) {
    // One statement at a time, so each goes through the same checked path as
    // the rest of the code instead of sqlite3_exec's callback interface.
    while (!isBlank(sql)) {
        std::string_view rest;
        auto statement = Statement::prepareFirst(db, sql, 0, &rest);
        if (!statement)
            return statement.error();
        if (!statement->handle())
            break;  // only comments were left
        AICP_TRY(statement->execute());
        sql = rest;
    }
    return {};
}

Result<std::int64_t> queryInt64(sqlite3* db, std::string_view sql) {
    auto value =
        queryFirstRow<std::int64_t>(db, sql, [](const Statement& row) { return row.int64(0); });
    if (!value)
        return value.error();
    if (!*value)
        return Error::internal(QStringLiteral("\"%1\" returned no row")
                                   .arg(QString::fromUtf8(sql.data(), sql.size())));
    return **value;
}

std::int64_t lastInsertId(sqlite3* db) {
    return sqlite3_last_insert_rowid(db);
}

QString formatStoredTime(const QDateTime& time) {
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

QDateTime parseStoredTime(QStringView text) {
    // The form formatStoredTime writes, read without QDateTime's detour
    // through local time (a time-zone database lookup per value).
    if (text.size() == qsizetype(sizeof "2026-01-01T00:00:00Z") - 1) {
        const QByteArray latin1 = text.toLatin1();
        const utc::TimestampReading reading =
            utc::parseRfc3339(std::string_view(latin1.constData(), std::size_t(latin1.size())));
        if (reading.problem == utc::TimestampReading::Problem::None)
            return QDateTime::fromSecsSinceEpoch(reading.seconds, Qt::UTC);
    }
    QDateTime time = QDateTime::fromString(text.toString(), Qt::ISODate);
    if (!time.isValid())
        return {};
    return time.toUTC();
}

Result<Statement> Statement::prepare(sqlite3* db, std::string_view sql, Lifetime lifetime) {
    std::string_view rest;
    auto statement =
        prepareFirst(db, sql, lifetime == Lifetime::Reused ? SQLITE_PREPARE_PERSISTENT : 0, &rest);
    if (statement && !statement->handle())
        return Error::internal(QStringLiteral("no SQL statement in \"%1\"").arg(sqlExcerpt(sql)));
    if (statement && !isBlank(rest))
        return Error::internal(
            QStringLiteral("more than one SQL statement in \"%1\"").arg(sqlExcerpt(sql)));
    return statement;
}

Result<Statement> Statement::prepareFirst(sqlite3* db, std::string_view sql, unsigned flags,
                                          std::string_view* rest) {
    if (!db)
        return Error::internal(QStringLiteral("statement prepared on a closed workspace"));
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int rc =
        sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), flags, &raw, &tail);
    if (rc != SQLITE_OK)
        return databaseError(db, rc).withContext(sqlExcerpt(sql));
    *rest = sql.substr(static_cast<std::size_t>(tail - sql.data()));
    return Statement(db, raw);
}

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      statement_(std::exchange(other.statement_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(statement_);
        db_ = std::exchange(other.db_, nullptr);
        statement_ = std::exchange(other.statement_, nullptr);
    }
    return *this;
}

Statement::~Statement() {
    // sqlite3_finalize only repeats the error of the last step, which the
    // caller has already been given; there is nothing left to report here.
    sqlite3_finalize(statement_);
}

Status Statement::bindInt64(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(statement_, index, static_cast<sqlite3_int64>(value));
    if (rc != SQLITE_OK)
        return databaseError(db_, rc);
    return {};
}

Status Statement::bindText(int index, QStringView text) {
    const QByteArray utf8 = text.toUtf8();
    // A null pointer would bind SQL NULL; an empty string must stay a string.
    const char* data = utf8.isNull() ? "" : utf8.constData();
    const int rc =
        sqlite3_bind_text64(statement_, index, data, static_cast<sqlite3_uint64>(utf8.size()),
                            SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK)
        return databaseError(db_, rc);
    return {};
}

Status Statement::bindUtf8View(int index, std::string_view utf8) {
    // An empty view may have no data pointer; NULL would bind SQL NULL.
    const int rc =
        sqlite3_bind_text64(statement_, index, utf8.empty() ? "" : utf8.data(),
                            static_cast<sqlite3_uint64>(utf8.size()), SQLITE_STATIC, SQLITE_UTF8);
    if (rc != SQLITE_OK)
        return databaseError(db_, rc);
    return {};
}

Status Statement::bindBlob(int index, const QByteArray& bytes) {
    const int rc = bytes.isEmpty() ? sqlite3_bind_zeroblob(statement_, index, 0)
                                   : sqlite3_bind_blob64(statement_, index, bytes.constData(),
                                                         static_cast<sqlite3_uint64>(bytes.size()),
                                                         SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        return databaseError(db_, rc);
    return {};
}

Status Statement::bindNull(int index) {
    const int rc = sqlite3_bind_null(statement_, index);
    if (rc != SQLITE_OK)
        return databaseError(db_, rc);
    return {};
}

Status Statement::bindTime(int index, const QDateTime& time) {
    if (!time.isValid())
        return Error::internal(QStringLiteral("invalid time bound to SQL parameter %1").arg(index));
    return bindText(index, formatStoredTime(time));
}

Result<bool> Statement::step() {
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

Status Statement::execute() {
    auto row = step();
    if (!row)
        return row.error();
    if (*row) {
        reset();
        return Error::internal(QStringLiteral("SQL statement \"%1\" returned rows; read it with "
                                              "step()")
                                   .arg(QString::fromUtf8(sqlite3_sql(statement_))));
    }
    return {};
}

void Statement::reset() {
    // Both calls only repeat the outcome of the last step, already reported.
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

int Statement::columnCount() const {
    return sqlite3_column_count(statement_);
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
    return static_cast<std::int64_t>(sqlite3_column_int64(statement_, column));
}

QString Statement::text(int column) const {
    // sqlite3_column_bytes must follow sqlite3_column_text: the conversion to
    // text is what fixes the byte count.
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    const int size = sqlite3_column_bytes(statement_, column);
    return data ? QString::fromUtf8(data, size) : QString();
}

QByteArray Statement::blob(int column) const {
    const auto* data = static_cast<const char*>(sqlite3_column_blob(statement_, column));
    const int size = sqlite3_column_bytes(statement_, column);
    return data ? QByteArray(data, size) : QByteArray();
}

QDateTime Statement::time(int column) const {
    if (isNull(column))
        return {};
    return parseStoredTime(text(column));
}

}  // namespace aicp

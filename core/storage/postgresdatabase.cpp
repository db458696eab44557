#include "storage/postgresdatabase.h"

#include "storage/postgresresult.h"
#include "storage/postgresroles.h"
#include "storage/sqltext.h"
#include "storage/statement.h"

#include <cstdlib>
#include <cstring>
#include <libpq-fe.h>
#include <string>
#include <vector>

#include <QRegularExpression>
#include <QUrl>

namespace aicp {

namespace {

// Type OIDs of the server's catalogue (pg_type.h, stable across versions).
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kTextOid = 25;

// The key of the workspace's write lock: "AICP".
constexpr const char* kBeginWrite = "BEGIN; SELECT pg_advisory_xact_lock(1095320400)";
// Every connection's settings, again after a reconnection. No JIT: compiling
// a query costs about 200 ms, more than any of aicp's queries runs (the
// month's cost report of 2,000 customers took twice as long with it).
constexpr const char* kSessionSetup =
    "SET client_min_messages = warning; SET TIME ZONE 'UTC'; SET search_path TO aicp; "
    "SET jit = off";

// One statement as libpq takes it: SQLite's numbered parameters (?1, ?)
// rewritten as PostgreSQL's ($1, $2), outside quoted strings, quoted names
// and comments. A bare ? takes the number after the largest so far, as in
// SQLite.
struct RewrittenSql {
    std::string text;
    int parameters = 0;              // the largest number used
    bool severalStatements = false;  // a ; outside quotes and comments
};

RewrittenSql rewriteParameters(std::string_view sql) {
    RewrittenSql rewritten;
    std::string& out = rewritten.text;
    out.reserve(sql.size() + 8);
    int largest = 0;
    std::size_t i = 0;
    const auto copyQuoted = [&](char quote) {
        out += sql[i++];
        while (i < sql.size()) {
            out += sql[i];
            if (sql[i++] == quote)
                break;  // a doubled quote reopens at once on the next pass
        }
    };
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            copyQuoted(c);
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            const std::size_t end = sql.find('\n', i);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
            out.append(sql.substr(i, stop - i));
            i = stop;
        } else if (c == '?') {
            std::size_t j = i + 1;
            int number = 0;
            while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9')
                number = number * 10 + (sql[j++] - '0');
            if (j == i + 1)
                number = largest + 1;
            largest = std::max(largest, number);
            out += '$';
            out += std::to_string(number);
            i = j;
        } else {
            if (c == ';')
                rewritten.severalStatements = true;
            out += c;
            ++i;
        }
    }
    rewritten.parameters = largest;
    return rewritten;
}

QString primaryMessage(const PGresult* result, const PGconn* connection) {
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const QString text =
        QString::fromUtf8(primary ? primary : PQerrorMessage(connection)).simplified();
    return text.isEmpty() ? QStringLiteral("no reason given") : text;
}

class PostgresStatement final : public StatementBackend {
public:
    PostgresStatement(PostgresDatabase& db, std::string sql, int parameters)
        : db_(db),
          sql_(std::move(sql)),
          values_(std::size_t(parameters)),
          isNull_(std::size_t(parameters), true),
          types_(std::size_t(parameters), 0),
          formats_(std::size_t(parameters), 0) {}

    Status bindInt64(int index, std::int64_t value) override {
        return store(index, std::to_string(value), kInt8Oid, 0);
    }
    Status bindUtf8(int index, std::string_view utf8, bool) override {
        return store(index, std::string(utf8), kTextOid, 0);
    }
    Status bindBlob(int index, const QByteArray& bytes) override {
        return store(index, bytes.toStdString(), kByteaOid, 1);
    }
    Status bindNull(int index) override {
        AICP_TRY(checkIndex(index));
        isNull_[std::size_t(index - 1)] = true;
        return {};
    }

    Result<bool> step() override {
        if (!result_)
            return run();
        if (++row_ < PQntuples(result_.get()))
            return true;
        result_.reset();
        return false;
    }
    void reset() override {
        result_.reset();
        std::fill(isNull_.begin(), isNull_.end(), true);
    }

    int columnCount() const override { return result_ ? PQnfields(result_.get()) : 0; }
    bool isNull(int column) const override {
        return !result_ || PQgetisnull(result_.get(), row_, column) == 1;
    }
    std::int64_t int64(int column) const override {
        if (isNull(column))
            return 0;
        const char* value = PQgetvalue(result_.get(), row_, column);
        if (PQftype(result_.get(), column) == kBoolOid)
            return value[0] == 't' ? 1 : 0;
        return std::strtoll(value, nullptr, 10);
    }
    QString text(int column) const override {
        if (isNull(column))
            return {};
        return QString::fromUtf8(PQgetvalue(result_.get(), row_, column),
                                 PQgetlength(result_.get(), row_, column));
    }
    QByteArray blob(int column) const override {
        if (isNull(column))
            return {};
        const auto* value =
            reinterpret_cast<const unsigned char*>(PQgetvalue(result_.get(), row_, column));
        if (PQftype(result_.get(), column) != kByteaOid)
            return {reinterpret_cast<const char*>(value), PQgetlength(result_.get(), row_, column)};
        std::size_t length = 0;
        unsigned char* bytes = PQunescapeBytea(value, &length);
        QByteArray copy(reinterpret_cast<const char*>(bytes), qsizetype(length));
        PQfreemem(bytes);
        return copy;
    }
    QString sql() const override { return QString::fromStdString(sql_); }

private:
    Status checkIndex(int index) const {
        if (index < 1 || std::size_t(index) > values_.size())
            return Error::internal(QStringLiteral("SQL parameter %1 is out of range in \"%2\"")
                                       .arg(index)
                                       .arg(sqlExcerpt(sql_)));
        return {};
    }
    Status store(int index, std::string value, Oid type, int format) {
        AICP_TRY(checkIndex(index));
        const auto at = std::size_t(index - 1);
        values_[at] = std::move(value);
        isNull_[at] = false;
        types_[at] = type;
        formats_[at] = format;
        return {};
    }

    Result<bool> run() {
        const std::size_t count = values_.size();
        std::vector<const char*> pointers(count, nullptr);
        std::vector<int> lengths(count, 0);
        for (std::size_t i = 0; i < count; ++i) {
            if (!isNull_[i]) {
                pointers[i] = values_[i].c_str();
                lengths[i] = int(values_[i].size());
            }
        }
        AICP_TRY(db_.reconnectIfLost());
        const auto execute = [&] {
            result_.reset(PQexecParams(db_.handle(), sql_.c_str(), int(count), types_.data(),
                                       pointers.data(), lengths.data(), formats_.data(), 0));
            return result_ ? PQresultStatus(result_.get()) : PGRES_FATAL_ERROR;
        };
        ExecStatusType status = execute();
        if (status == PGRES_FATAL_ERROR && db_.mayRetryOnNewConnection(sql_)) {
            AICP_TRY(db_.reconnectIfLost());
            status = execute();
        }
        if (status == PGRES_COMMAND_OK) {
            db_.noteChangedRows(std::strtoll(PQcmdTuples(result_.get()), nullptr, 10));
            result_.reset();
            return false;
        }
        if (status != PGRES_TUPLES_OK) {
            const char* state =
                result_ ? PQresultErrorField(result_.get(), PG_DIAG_SQLSTATE) : nullptr;
            Error error = db_.failure(state, primaryMessage(result_.get(), db_.handle()));
            result_.reset();
            return error;
        }
        row_ = 0;
        if (PQntuples(result_.get()) > 0)
            return true;
        result_.reset();
        return false;
    }

    PostgresDatabase& db_;
    std::string sql_;
    std::vector<std::string> values_;
    std::vector<bool> isNull_;
    std::vector<Oid> types_;
    std::vector<int> formats_;
    PostgresResultPtr result_;
    int row_ = 0;
};

void ignoreNotice(void*, const char*) {}

// A write the login's role does not allow, said with the role it needs when
// the server names the table ("permission denied for table invoices", "…
// row-level security policy for table \"meta\"").
Error privilegeRefusal(const QString& login, const QString& message) {
    static const QRegularExpression tableName(
        QStringLiteral("for (?:table|relation) \"?([a-z_]+)\"?"));
    const QRegularExpressionMatch match = tableName.match(message);
    const std::optional<WorkspaceArea> area =
        match.hasMatch() ? areaOfTable(match.captured(1)) : std::nullopt;
    if (!area)
        return {Error::Code::Conflict,
                QStringLiteral("your PostgreSQL login '%1' may not do this (%2); ask the "
                               "workspace's admin for a role that can")
                    .arg(login, message)};
    return {Error::Code::Conflict,
            QStringLiteral("your PostgreSQL login '%1' may not do this: %2; an admin grants it "
                           "with 'aicp workspace grant %1 --role %3'")
                .arg(login, roleRequirement(*area), roleName(roleNeededFor(*area)))};
}

}  // namespace

bool isPostgresLocation(const QString& location) {
    return location.startsWith(QLatin1String("postgresql://")) ||
           location.startsWith(QLatin1String("postgres://"));
}

QString redactedLocation(const QString& location) {
    if (!isPostgresLocation(location))
        return location;
    QUrl url(location);
    if (!url.isValid())
        return QStringLiteral("(a PostgreSQL location that is not a valid URI)");
    if (!url.password().isEmpty())
        url.setPassword(QStringLiteral("***"));
    return url.toString();
}

Result<std::unique_ptr<PostgresDatabase>> PostgresDatabase::connect(const QString& uri) {
    const QByteArray location = uri.toUtf8();
    // The URI's own settings win over these defaults (expand_dbname).
    const char* const keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
    const char* const values[] = {"5", "aicp", location.constData(), nullptr};
    PGconn* raw = PQconnectdbParams(keys, values, 1);
    std::unique_ptr<PostgresDatabase> db(new PostgresDatabase(raw));
    if (!raw)
        return Error(Error::Code::Io, QStringLiteral("out of memory opening a connection"));
    if (PQstatus(raw) != CONNECTION_OK)
        return Error(Error::Code::Io,
                     QStringLiteral("cannot connect to the PostgreSQL server "
                                    "(%1)")
                         .arg(QString::fromUtf8(PQerrorMessage(raw)).simplified()));
    PQsetNoticeProcessor(raw, &ignoreNotice, nullptr);
    db->login_ = QString::fromUtf8(PQuser(raw));
    AICP_TRY(db->executeScript(kSessionSetup));
    return db;
}

PostgresDatabase::~PostgresDatabase() {
    PQfinish(connection_);
}

Error PostgresDatabase::failure(const char* sqlState, const QString& message) const {
    const std::string_view state(sqlState ? sqlState : "");
    if (PQstatus(connection_) != CONNECTION_OK || state.starts_with("08"))
        return {Error::Code::Io,
                QStringLiteral("the connection to the PostgreSQL server was lost (%1); nothing "
                               "of the unfinished work was saved")
                    .arg(message)};
    if (state == "40001" || state == "40P01")
        return {Error::Code::Conflict,
                QStringLiteral("%1 (another user changed the same data at the same moment; "
                               "nothing was saved, try again)")
                    .arg(message)};
    if (state == "42501")
        return privilegeRefusal(login_, message);
    if (state == "53100")
        return {Error::Code::Io,
                QStringLiteral("the PostgreSQL server's disk is full (%1); nothing was saved")
                    .arg(message)};
    return {Error::Code::Database, message};
}

Result<std::unique_ptr<StatementBackend>> PostgresDatabase::prepare(std::string_view sql, bool) {
    if (isBlankSql(sql))
        return Error::internal(QStringLiteral("no SQL statement in \"%1\"").arg(sqlExcerpt(sql)));
    // Trailing semicolons end the one statement; any other is a second.
    RewrittenSql rewritten = rewriteParameters(sql.substr(0, sql.find_last_not_of(" \t\r\n;") + 1));
    if (rewritten.severalStatements)
        return Error::internal(
            QStringLiteral("more than one SQL statement in \"%1\"").arg(sqlExcerpt(sql)));
    return std::unique_ptr<StatementBackend>(std::make_unique<PostgresStatement>(
        *this, std::move(rewritten.text), rewritten.parameters));
}

bool PostgresDatabase::mayRetryOnNewConnection(std::string_view sql) const {
    // libpq notices a dropped connection only when it next uses it. Only
    // what changed nothing when it failed is sent again: a transaction's
    // start, or a read outside a transaction.
    return !transactionBegun_ && PQstatus(connection_) != CONNECTION_OK &&
           (sql == kBeginWrite || sql.starts_with("SELECT"));
}

Status PostgresDatabase::reconnectIfLost() {
    if (PQstatus(connection_) == CONNECTION_OK)
        return {};
    // Mid-transaction the work so far is gone: every statement fails until
    // the transaction's owner has rolled back, so nothing of it is saved
    // on a new connection.
    if (transactionBegun_)
        return failure("08006", QStringLiteral("the server closed the connection"));
    PQreset(connection_);
    if (PQstatus(connection_) != CONNECTION_OK)
        return Error(Error::Code::Io,
                     QStringLiteral("the connection to the PostgreSQL server was lost and "
                                    "cannot be made again (%1)")
                         .arg(QString::fromUtf8(PQerrorMessage(connection_)).simplified()));
    return executeScript(kSessionSetup);
}

Status PostgresDatabase::executeScript(std::string_view sql) {
    const std::string text(sql);
    // The Transaction class ends what it began with exactly these words.
    if (text == "COMMIT" || text == "ROLLBACK")
        transactionBegun_ = false;
    else
        AICP_TRY(reconnectIfLost());
    PostgresResultPtr result(PQexec(connection_, text.c_str()));
    ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_FATAL_ERROR && mayRetryOnNewConnection(text)) {
        AICP_TRY(reconnectIfLost());
        result.reset(PQexec(connection_, text.c_str()));
        status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    }
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        const char* state = result ? PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
        Error error = failure(state, primaryMessage(result.get(), connection_));
        // A start that failed half-way (BEGIN ran, the lock did not) leaves
        // no transaction behind for anyone to end.
        if (text == kBeginWrite && PQtransactionStatus(connection_) == PQTRANS_INERROR)
            PostgresResultPtr(PQexec(connection_, "ROLLBACK"));
        return error;
    }
    if (text == kBeginWrite)
        transactionBegun_ = true;
    // COMMIT of a transaction that failed earlier answers ROLLBACK, not an
    // error: saying it was saved would be a lie.
    if (text == "COMMIT" && std::strcmp(PQcmdStatus(result.get()), "ROLLBACK") == 0)
        return Error(Error::Code::Database,
                     QStringLiteral("the transaction was rolled back after an earlier error"));
    return {};
}

QStringList PostgresDatabase::takeNotifications() {
    QStringList payloads;
    PQconsumeInput(connection_);
    while (PGnotify* notice = PQnotifies(connection_)) {
        payloads.append(QString::fromUtf8(notice->extra));
        PQfreemem(notice);
    }
    return payloads;
}

bool PostgresDatabase::inTransaction() const {
    // A transaction on a connection that went is still open for its owner,
    // who must end it (and fail) before anything else runs.
    if (transactionBegun_)
        return true;
    const PGTransactionStatusType status = PQtransactionStatus(connection_);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

Status PostgresDatabase::beginWriteTransaction() {
    return executeScript(kBeginWrite);
}

Result<std::int64_t> PostgresDatabase::lastInsertId() {
    return queryInt64(this, "SELECT lastval()");
}

Result<std::int64_t> PostgresDatabase::schemaVersion() {
    // Two queries: the second names a table the first checks for.
    auto present = queryInt64(this, "SELECT to_regclass('aicp_schema') IS NOT NULL");
    if (!present || *present == 0)
        return present;
    return queryInt64(this, "SELECT coalesce(max(version), 0) FROM aicp_schema");
}

Status PostgresDatabase::setSchemaVersion(int version) {
    return executeScript("UPDATE aicp_schema SET version = " + std::to_string(version));
}

}  // namespace aicp

#include "storage/workspace.h"

#include "common/idtext.h"
#include "storage/migration.h"
#include "storage/postgresdatabase.h"
#include "storage/postgresroles.h"
#include "storage/postgresschema.h"
#include "storage/query.h"
#include "storage/sqlitedatabase.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "storage/workspacefiles.h"

#include <string>
#include <utility>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <sqlite3.h>

namespace aicp {

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr qint64 kSqliteHeaderSize = 100;
constexpr QByteArrayView kSqliteMagic("SQLite format 3\0", 16);

const QString kWorkspaceIdKey = QStringLiteral("workspace_id");
const QString kCreatedAtKey = QStringLiteral("created_at");
const QString kModeKey = QStringLiteral("mode");
const QString kCreatedByKey = QStringLiteral("created_by");

enum class FileKind { Empty, Sqlite };

// Looks at the file without SQLite, so a file that is not a database is
// refused before anything could write to it.
Result<FileKind> inspectFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Code::Io,
                     QStringLiteral("cannot be read (%1)").arg(file.errorString()));
    if (file.size() == 0)
        return FileKind::Empty;
    const QByteArray header = file.read(kSqliteHeaderSize);
    if (header.size() < kSqliteHeaderSize || !header.startsWith(kSqliteMagic))
        return Error(Error::Code::Corrupt,
                     QStringLiteral("is not an aicp workspace (not a SQLite database)"));
    return FileKind::Sqlite;
}

Status configureConnection(SqliteDatabase* database) {
    sqlite3* const handle = database->handle();
    // Connection settings only: none of them writes to the file.
    int rc = sqlite3_busy_timeout(handle, kBusyTimeoutMs);
    if (rc != SQLITE_OK)
        return databaseError(handle, rc);
    // Workspaces are files users receive from others; defensive mode keeps a
    // crafted file from using schema tricks to corrupt itself.
    rc = sqlite3_db_config(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    if (rc != SQLITE_OK)
        return databaseError(handle, rc);
    Database* const db = database;
    AICP_TRY(executeScript(db, "PRAGMA trusted_schema = OFF"));
    return executeScript(db, "PRAGMA foreign_keys = ON");
}

// Decides, by reading only, whether an existing SQLite file may be opened:
// an aicp workspace this aicp can read, or an empty database.
Status checkIdentity(SqliteDatabase* db) {
    auto applicationId = queryInt64(db, "PRAGMA application_id");
    if (!applicationId)
        return applicationId.error();
    auto userVersion = queryInt64(db, "PRAGMA user_version");
    if (!userVersion)
        return userVersion.error();
    auto objects = queryInt64(db, "SELECT count(*) FROM sqlite_schema");
    if (!objects)
        return objects.error();

    if (*applicationId == Workspace::kApplicationId) {
        if (*userVersion > Workspace::kSchemaVersion)
            return newerSchemaError(static_cast<int>(*userVersion), Workspace::kSchemaVersion);
    } else if (*applicationId != 0 || *userVersion != 0 || *objects != 0) {
        return Error(Error::Code::Corrupt,
                     QStringLiteral("is a SQLite database but not an aicp workspace"));
    }
    if (sqlite3_db_readonly(db->handle(), "main") == 1)
        return Error(Error::Code::Io,
                     QStringLiteral("is read-only; aicp needs to write to its workspace"));
    return {};
}

Status switchToWal(Database* db) {
    auto answer = queryFirstRow<QString>(db, "PRAGMA journal_mode = WAL",
                                         [](const Statement& row) { return row.text(0); });
    if (!answer)
        return answer.error();
    const QString mode = answer->value_or(QString());
    // SQLite answers with the mode in force, which stays the old one where
    // WAL is impossible (some network file systems).
    if (mode.compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        return Error(Error::Code::Database,
                     QStringLiteral("cannot use write-ahead logging here (journal mode stays "
                                    "'%1'); keep the workspace on a local disk")
                         .arg(mode));
    return {};
}

Status insertMeta(Database* db, const QString& key, const QString& value) {
    return executeWith(db,
                       "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                       key, value);
}

Status insertPriceBook(Database* db, const QByteArray& document) {
    return executeWith(db, "INSERT INTO price_books (stored_at, document) VALUES (?1, ?2)",
                       QDateTime::currentDateTimeUtc(), QString::fromUtf8(document));
}

// Seeds a database just brought from version 0: identity, mode and the
// default price book, inside the migration's transaction.
Status initializeWorkspace(Database* db) {
    if (db->engine() == Database::Engine::Sqlite)
        AICP_TRY(executeScript(
            db, "PRAGMA application_id = " + std::to_string(Workspace::kApplicationId)));
    AICP_TRY(insertMeta(db, kWorkspaceIdKey, idText(QUuid::createUuid())));
    AICP_TRY(insertMeta(db, kCreatedAtKey, formatStoredTime(QDateTime::currentDateTimeUtc())));
    AICP_TRY(insertMeta(db, kModeKey, QStringLiteral("vendor")));
    AICP_TRY(insertMeta(db, kCreatedByKey, QStringLiteral("aicp " AICP_VERSION)));
    auto book = PriceBook::loadDefault();
    if (!book)
        return book.error();
    return insertPriceBook(db, book->toJson());
}

Result<std::optional<QString>> readMeta(Database* db, const QString& key) {
    return queryFirstRow<QString>(
        db, "SELECT value FROM meta WHERE key = ?1",
        [](const Statement& row) { return row.text(0); }, key);
}

Result<QString> readRequiredMeta(Database* db, const QString& key) {
    auto value = readMeta(db, key);
    if (!value)
        return value.error();
    if (!value->has_value())
        return Error(Error::Code::Corrupt,
                     QStringLiteral("is damaged: its %1 is missing").arg(key));
    return **value;
}

Status verifyForeignKeys(Database* db) {
    auto enabled = queryInt64(db, "PRAGMA foreign_keys");
    if (!enabled)
        return enabled.error();
    if (*enabled != 1)
        return Error(Error::Code::Unsupported,
                     QStringLiteral("this SQLite library cannot enforce foreign keys"));
    return {};
}

// Makes a missing file (owner-only) or looks at an existing one: nullopt
// for a file just made, else what the existing file holds.
Result<std::optional<FileKind>> prepareFile(const QString& path, Workspace::OpenMode mode) {
    const QFileInfo info(path);
    if (info.isDir())
        return Error(Error::Code::Io, QStringLiteral("is a folder, not a workspace file"));
    if (info.exists()) {
        auto inspected = inspectFile(path);
        if (!inspected)
            return inspected.error();
        return std::optional(*inspected);
    }
    if (mode == Workspace::OpenMode::OpenExisting)
        return Error::notFound(QStringLiteral("does not exist"));
    if (!QDir().mkpath(info.absolutePath()))
        return Error(Error::Code::Io, QStringLiteral("cannot create the folder '%1'")
                                          .arg(QDir::toNativeSeparators(info.absolutePath())));
    // A workspace holds encrypted signing keys and customers' data: only
    // its owner may read it. SQLite gives its -wal and -shm files the
    // same mode, so the file is made here, before SQLite opens it.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Error(Error::Code::Io,
                     QStringLiteral("cannot be created (%1)").arg(file.errorString()));
    return std::optional<FileKind>();
}

struct Identity {
    QString id;
    QString createdAt;
};

// The workspace's id and creation time, from its meta table.
Result<Identity> readIdentity(Database* db) {
    // A database that claims to be a workspace but lacks its meta table is
    // damage (or an impostor), not a database failure.
    const auto damaged = [](const Error& error) {
        return error.code() == Error::Code::Corrupt
                   ? error
                   : Error(Error::Code::Corrupt,
                           QStringLiteral("is damaged: its identity cannot be read (%1)")
                               .arg(error.message()));
    };
    auto storedId = readRequiredMeta(db, kWorkspaceIdKey);
    if (!storedId)
        return damaged(storedId.error());
    auto storedCreatedAt = readRequiredMeta(db, kCreatedAtKey);
    if (!storedCreatedAt)
        return damaged(storedCreatedAt.error());
    return Identity{*storedId, *storedCreatedAt};
}

// Checks, migrates and switches an opened file to write-ahead logging, in
// that order, and reads its identity.
Result<Identity> prepareDatabase(SqliteDatabase* db, std::optional<FileKind> kind) {
    AICP_TRY(configureConnection(db));
    if (kind == FileKind::Sqlite)
        AICP_TRY(checkIdentity(db));
    // Only now may the file change: it is ours, or empty. A migration that
    // fails rolls back; the switch to write-ahead logging would not, so it
    // comes last, once the file has proved to be a workspace.
    AICP_TRY(verifyForeignKeys(db));
    auto migrated = migrate(db, workspaceMigrations(), [db] { return initializeWorkspace(db); });
    if (!migrated)
        return migrated.error();
    auto identity = readIdentity(db);
    if (!identity)
        return identity;
    AICP_TRY(switchToWal(db));
    return identity;
}

// A workspace the login may not see looks absent to it; it is there, and
// the login needs a role.
Status refuseUnreadableSchema(Database* db) {
    auto hidden = queryInt64(db,
                             "SELECT (to_regnamespace('aicp') IS NOT NULL AND NOT "
                             "has_schema_privilege('aicp', 'USAGE'))::int");
    if (!hidden)
        return hidden.error();
    if (*hidden == 0)
        return {};
    return Error(Error::Code::Conflict,
                 QStringLiteral("holds a workspace your PostgreSQL login '%1' has no role in; an "
                                "admin grants one with 'aicp workspace grant %1 --role viewer'")
                     .arg(db->login()));
}

// Brings a workspace an older aicp made to the current schema, inside the
// caller's transaction (under the workspace's write lock, so two programs
// opening it at once upgrade it once): the PostgreSQL steps after its
// version, then the roles' privileges on what the steps made. Only the
// schema's owner may change it; anyone else is told who must open it first.
Status upgradePostgres(Database* db, int from) {
    if (from >= 9) {
        auto owns = ownsPostgresWorkspace(db);
        if (!owns)
            return owns.error();
        if (!*owns)
            return Error(Error::Code::Conflict,
                         QStringLiteral("has schema %1 and this aicp needs %2; the workspace's "
                                        "owner upgrades it by opening it once with this aicp "
                                        "(e.g. 'aicp workspace info')")
                             .arg(from)
                             .arg(Workspace::kSchemaVersion));
    }
    AICP_TRY(upgradePostgresSchema(db, from));
    AICP_TRY(refreshPostgresGrants(db));
    return db->setSchemaVersion(Workspace::kSchemaVersion);
}

// Creates the schema in an empty PostgreSQL database, upgrades one an older
// aicp made, or checks the one there, in one transaction under the workspace's write lock: two
// programs opening a new database at once make one workspace.
Result<Identity> preparePostgres(Database* db, Workspace::OpenMode mode) {
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto version = db->schemaVersion();
    if (!version)
        return version.error();
    if (*version == 0) {
        AICP_TRY(refuseUnreadableSchema(db));
        if (mode == Workspace::OpenMode::OpenExisting)
            return Error::notFound(
                QStringLiteral("there is no workspace in this database yet; create one with "
                               "'aicp workspace create'"));
        auto taken = queryInt64(db, "SELECT to_regnamespace('aicp') IS NOT NULL");
        if (!taken)
            return taken.error();
        if (*taken != 0)
            return Error(Error::Code::Corrupt,
                         QStringLiteral("is a PostgreSQL database whose schema 'aicp' is not an "
                                        "aicp workspace; give aicp a database without one"));
        AICP_TRY(createPostgresSchema(db));
        AICP_TRY(db->setSchemaVersion(Workspace::kSchemaVersion));
        AICP_TRY(initializeWorkspace(db));
    } else if (*version > Workspace::kSchemaVersion) {
        return newerSchemaError(int(*version), Workspace::kSchemaVersion);
    } else if (*version < Workspace::kSchemaVersion) {
        AICP_TRY(upgradePostgres(db, int(*version)));
    }
    auto identity = readIdentity(db);
    if (!identity)
        return identity;
    AICP_TRY(transaction->commit());
    return identity;
}

}  // namespace

Result<std::unique_ptr<Workspace>> Workspace::open(const QString& path, OpenMode mode) {
    if (path.isEmpty())
        return Error::invalidInput(QStringLiteral("no workspace file was given"));
    const auto failure = [&path](const Error& error) {
        return error.withContext(
            QStringLiteral("workspace '%1'").arg(QDir::toNativeSeparators(path)));
    };
    if (isPostgresLocation(path))
        return openPostgres(path, mode);
    // A file this process has open already is SQLite's and was looked at
    // then: reading its header again would drop the locks SQLite holds.
    auto held = SqliteDatabase::OpenFiles::lock();
    const QString canonical = QFileInfo(path).canonicalFilePath();
    auto kind = !canonical.isEmpty() && SqliteDatabase::OpenFiles::contains(canonical)
                    ? Result<std::optional<FileKind>>(std::optional(FileKind::Sqlite))
                    : prepareFile(path, mode);
    if (!kind)
        return failure(kind.error());
    const bool creating = !kind->has_value();

    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (creating ? SQLITE_OPEN_CREATE : 0) |
                      SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw, flags, nullptr);
    // Owns the connection from here, even when opening failed.
    auto connection = std::make_unique<SqliteDatabase>(raw);
    if (rc == SQLITE_OK)
        connection->holdFile(QFileInfo(path).canonicalFilePath());
    held.unlock();
    auto identity = rc == SQLITE_OK ? prepareDatabase(connection.get(), *kind)
                                    : Result<Identity>(databaseError(raw, rc));
    if (!identity) {
        connection.reset();
        if (creating)
            removeWorkspaceFiles(path);
        return failure(identity.error());
    }

    auto workspace = make(path, std::move(connection), identity->id, identity->createdAt);
    if (!workspace)
        return failure(workspace.error());
    return workspace;
}

Result<std::unique_ptr<Workspace>> Workspace::openPostgres(const QString& location, OpenMode mode) {
    const QString shown = redactedLocation(location);
    const auto failure = [&shown](const Error& error) {
        return error.withContext(QStringLiteral("workspace '%1'").arg(shown));
    };
    auto connection = PostgresDatabase::connect(location);
    if (!connection)
        return failure(connection.error());
    auto identity = preparePostgres(connection->get(), mode);
    if (!identity)
        return failure(identity.error());
    auto role = postgresRole(connection->get());
    if (!role)
        return failure(role.error());
    auto workspace = make(shown, std::move(connection).value(), identity->id, identity->createdAt);
    if (!workspace)
        return failure(workspace.error());
    (*workspace)->role_ = *role;
    (*workspace)->login_ = (*workspace)->db_->login();
    return workspace;
}

Result<std::unique_ptr<Workspace>> Workspace::make(const QString& location,
                                                   std::unique_ptr<Database> db, const QString& id,
                                                   const QString& createdAt) {
    std::unique_ptr<Workspace> workspace(new Workspace(location, std::move(db)));
    workspace->id_ = QUuid::fromString(id);
    workspace->createdAt_ = parseStoredTime(createdAt);
    if (workspace->id_.isNull() || !workspace->createdAt_.isValid())
        return Error(Error::Code::Corrupt,
                     QStringLiteral("is damaged: its identity cannot be read"));
    return workspace;
}

bool Workspace::isServerLocation(const QString& location) {
    return isPostgresLocation(location);
}

QString Workspace::shownLocation(const QString& location) {
    return isPostgresLocation(location) ? redactedLocation(location)
                                        : QDir::toNativeSeparators(location);
}

QString Workspace::defaultPath() {
    // A fixed folder under the generic data location rather than
    // AppDataLocation, which follows each program's application name: the
    // console and the CLI must find the same workspace.
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (folder.isEmpty())
        return {};
    return QDir(folder).filePath(QStringLiteral("aicp/workspace.aicp"));
}

Workspace::Workspace(QString path, std::unique_ptr<Database> db)
    : path_(std::move(path)), db_(std::move(db)) {}

Workspace::~Workspace() = default;

bool Workspace::isOnServer() const {
    return db_->engine() == Database::Engine::Postgres;
}

int Workspace::schemaVersion() const {
    auto version = db_->schemaVersion();
    return version ? static_cast<int>(*version) : -1;
}

Result<Workspace::Mode> Workspace::mode() const {
    auto value = readRequiredMeta(db_.get(), kModeKey);
    if (!value)
        return value.error();
    if (*value == QLatin1String("vendor"))
        return Mode::Vendor;
    if (*value == QLatin1String("customer"))
        return Mode::Customer;
    return Error(
        Error::Code::Corrupt,
        QStringLiteral("the workspace mode '%1' is neither vendor nor customer").arg(*value));
}

Status Workspace::storeMode(Mode newMode) {
    return insertMeta(
        db_.get(), kModeKey,
        newMode == Mode::Vendor ? QStringLiteral("vendor") : QStringLiteral("customer"));
}

Result<std::optional<QString>> Workspace::metaValue(const QString& key) const {
    return readMeta(db_.get(), key);
}

Status Workspace::setMetaValue(const QString& key, const QString& value) {
    if (key.isEmpty())
        return Error::invalidInput(QStringLiteral("a workspace setting needs a name"));
    if (key == kWorkspaceIdKey || key == kCreatedAtKey)
        return Error::invalidInput(
            QStringLiteral("the workspace's %1 is fixed when it is created").arg(key));
    return insertMeta(db_.get(), key, value);
}

Result<PriceBook> Workspace::priceBook() const {
    auto stored = queryFirstRow<std::pair<std::int64_t, QByteArray>>(
        db_.get(), "SELECT id, document FROM price_books ORDER BY id DESC LIMIT 1",
        [](const Statement& row) { return std::pair(row.int64(0), row.blob(1)); });
    if (!stored)
        return stored.error();
    if (!*stored)
        return Error(Error::Code::Corrupt, QStringLiteral("the workspace holds no price book"));
    const auto& [id, document] = **stored;

    auto book = PriceBook::fromJson(document);
    if (!book) {
        // A document aicp wrote itself and can no longer read is damage, not
        // bad input; a newer price book schema stays Unsupported.
        const Error& error = book.error();
        const Error::Code code =
            error.code() == Error::Code::InvalidInput ? Error::Code::Corrupt : error.code();
        return Error(code, error.message())
            .withContext(QStringLiteral("stored price book %1").arg(id));
    }
    return book;
}

Result<bool> Workspace::storePriceBookDocument(const QByteArray& document) {
    auto transaction = Transaction::begin(db_.get());
    if (!transaction)
        return transaction.error();
    auto newest = queryFirstRow<QByteArray>(
        db_.get(), "SELECT document FROM price_books ORDER BY id DESC LIMIT 1",
        [](const Statement& row) { return row.blob(0); });
    if (!newest)
        return newest.error();
    const bool unchanged = *newest == document;
    if (!unchanged)
        AICP_TRY(insertPriceBook(db_.get(), document));
    AICP_TRY(transaction->commit());
    return !unchanged;
}

Result<std::vector<Workspace::StoredPriceBook>> Workspace::priceBookHistory() const {
    auto query = Statement::prepare(db_.get(),
                                    "SELECT id, stored_at, document FROM price_books ORDER BY id");
    if (!query)
        return query.error();
    return query->collect<StoredPriceBook>([](const Statement& row) {
        return StoredPriceBook{row.int64(0), row.time(1), row.blob(2)};
    });
}

void removeWorkspaceFiles(const QString& path) {
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

}  // namespace aicp

#include "storage/workspacecopy.h"

#include "storage/postgresdatabase.h"
#include "storage/postgresschema.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/workspace.h"
#include "storage/workspacecopytables.h"
#include "storage/workspacefiles.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace aicp {

namespace {

Error destinationError(const QString& destination, const Error& error) {
    return error.withContext(
        QStringLiteral("copy to '%1'").arg(Workspace::shownLocation(destination)));
}

Error conflict(const QString& destination, const QString& why) {
    return destinationError(destination, Error(Error::Code::Conflict, why));
}

bool isSameLocation(const Workspace& source, const QString& destination) {
    if (source.isOnServer() || Workspace::isServerLocation(destination))
        return source.isOnServer() && Workspace::isServerLocation(destination) &&
               Workspace::shownLocation(destination) == source.path();
    const QFileInfo from(source.path());
    const QFileInfo to(destination);
    return to.exists() ? from.canonicalFilePath() == to.canonicalFilePath()
                       : from.absoluteFilePath() == to.absoluteFilePath();
}

// The source's tables, which must all be ones this copy knows: a table
// from a newer aicp would otherwise be left behind without a word.
Status refuseUnknownTables(Database* db) {
    const char* sql = db->engine() == Database::Engine::Sqlite
                          ? "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT "
                            "LIKE 'sqlite%' ORDER BY name"
                          : "SELECT tablename::text FROM pg_tables WHERE schemaname = 'aicp' "
                            "AND tablename <> 'aicp_schema' ORDER BY 1";
    auto names = queryRows<QString>(db, sql, [](const Statement& row) { return row.text(0); });
    if (!names)
        return names.error();
    const auto tables = copiedTables();
    for (const QString& name : *names) {
        const bool known = std::any_of(tables.begin(), tables.end(), [&name](const auto& table) {
            return name == QLatin1String(table.name);
        });
        if (!known)
            return Error(Error::Code::Unsupported,
                         QStringLiteral("the workspace holds a table this aicp does not know "
                                        "(%1); copy it with the aicp that made it")
                             .arg(name));
    }
    return {};
}

std::int64_t totalRows(const std::vector<TableRows>& tables) {
    std::int64_t total = 0;
    for (const TableRows& table : tables)
        total += table.rows;
    return total;
}

// Why a PostgreSQL database cannot take a copy, or nothing when it is empty.
Status refuseOccupiedDatabase(Database* db, const QString& destination) {
    auto version = db->schemaVersion();
    if (!version)
        return destinationError(destination, version.error());
    if (*version != 0)
        return conflict(destination, QStringLiteral("it holds a workspace already; give an "
                                                    "empty database"));
    auto taken = queryInt64(db, "SELECT (to_regnamespace('aicp') IS NOT NULL)::int");
    if (!taken)
        return destinationError(destination, taken.error());
    if (*taken != 0)
        return conflict(destination, QStringLiteral("its schema 'aicp' is not an aicp workspace; "
                                                    "give a database without one"));
    return {};
}

// Copies every row under one write transaction at the destination;
// `prepare` runs first inside it (the schema, on PostgreSQL).
template <typename Prepare>
Result<std::vector<TableRows>> copyRows(Workspace& source, Database* to,
                                        const WorkspaceCopyOptions& options, Prepare prepare) {
    // Held to the end: nobody writes to the source while it is read.
    auto reading = Transaction::begin(source.handle());
    if (!reading)
        return reading.error();
    AICP_TRY(refuseUnknownTables(source.handle()));
    auto counts = countWorkspaceRows(source);
    if (!counts)
        return counts.error();
    auto writing = Transaction::begin(to);
    if (!writing)
        return writing.error();
    AICP_TRY(prepare());
    TableCopier copier(source.handle(), to, options, totalRows(*counts));
    AICP_TRY(copier.copyAll());
    AICP_TRY(writing->commit());
    return counts;
}

Result<std::vector<TableRows>> copyToPostgres(Workspace& source, const QString& destination,
                                              const WorkspaceCopyOptions& options) {
    auto connection = PostgresDatabase::connect(destination);
    if (!connection)
        return destinationError(destination, connection.error());
    Database* db = connection->get();
    // Looked at before the write lock is asked for: a database that is the
    // source under another name would wait for the source's own lock.
    AICP_TRY(refuseOccupiedDatabase(db, destination));
    // The schema is made in the copy's transaction rather than by
    // Workspace::open, which commits it: a failed copy leaves the database
    // as empty as it was.
    auto copied = copyRows(source, db, options, [db, &destination]() -> Status {
        AICP_TRY(refuseOccupiedDatabase(db, destination));
        AICP_TRY(createPostgresSchema(db));
        return db->setSchemaVersion(Workspace::kSchemaVersion);
    });
    if (!copied)
        return destinationError(destination, copied.error());
    return copied;
}

// Why a file cannot take a copy, or nothing when it is new or empty.
Status refuseOccupiedFile(const QString& destination) {
    const QFileInfo info(destination);
    if (info.isDir())
        return conflict(destination, QStringLiteral("it is a folder; give a new file name"));
    if (info.exists() && info.size() > 0)
        return conflict(destination, QStringLiteral("it exists already; give a new file name"));
    return {};
}

// The copy is built in a file of its own beside DEST and renamed to DEST
// once it is whole and closed, so not even a killed process leaves a
// half-made workspace at DEST (only, at worst, the hidden partial file).
Result<std::vector<TableRows>> copyToFile(Workspace& source, const QString& destination,
                                          const WorkspaceCopyOptions& options) {
    AICP_TRY(refuseOccupiedFile(destination));
    const QFileInfo info(destination);
    const QString partial = info.dir().filePath(
        QStringLiteral(".%1.partial-%2")
            .arg(info.fileName(), QUuid::createUuid().toString(QUuid::Id128).left(8)));
    auto workspace = Workspace::open(partial, Workspace::OpenMode::OpenOrCreate);
    if (!workspace) {
        removeWorkspaceFiles(partial);
        return destinationError(destination, workspace.error());
    }
    auto copied = copyRows(source, (*workspace)->handle(), options, [] { return Status(); });
    workspace->reset();
    Status placed = copied ? refuseOccupiedFile(destination) : Status(copied.error());
    if (placed.ok() && std::rename(QFile::encodeName(partial).constData(),
                                   QFile::encodeName(destination).constData()) != 0)
        placed = Error(Error::Code::Io, QStringLiteral("the finished copy cannot be put in place "
                                                       "(%1)")
                                            .arg(QString::fromLocal8Bit(std::strerror(errno))));
    if (!placed.ok()) {
        removeWorkspaceFiles(partial);
        return placed.error().code() == Error::Code::Conflict
                   ? placed.error()
                   : destinationError(destination, placed.error());
    }
    return copied;
}

}  // namespace

Result<std::vector<TableRows>> countWorkspaceRows(Workspace& workspace) {
    std::vector<TableRows> counts;
    for (const CopiedTable& table : copiedTables()) {
        auto rows =
            queryInt64(workspace.handle(), std::string("SELECT count(*) FROM ") + table.name);
        if (!rows)
            return rows.error();
        counts.push_back({QString::fromLatin1(table.name), *rows});
    }
    return counts;
}

Result<std::vector<TableRows>> copyWorkspace(Workspace& source, const QString& destination,
                                             const WorkspaceCopyOptions& options) {
    if (destination.isEmpty())
        return Error::invalidInput(QStringLiteral("give the copy's destination"));
    if (isSameLocation(source, destination))
        return conflict(destination, QStringLiteral("it is the workspace being copied; give "
                                                    "another file or database"));
    if (Workspace::isServerLocation(destination))
        return copyToPostgres(source, destination, options);
    return copyToFile(source, destination, options);
}

}  // namespace aicp

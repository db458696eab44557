#include "support/tempworkspace.h"

#include "demo/demoworkspace.h"
#include "pricing/pricebook.h"
#include "storage/migration.h"
#include "storage/postgresdatabase.h"
#include "storage/postgresschema.h"
#include "storage/sqlitedatabase.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "support/testkeys.h"

#include <string>

#include <QFile>

#include <sqlite3.h>

namespace aicp::test {

bool TempWorkspace::renew() {
    workspace_.reset();
    error_.clear();
    dir_ = std::make_unique<QTemporaryDir>();
    if (!dir_->isValid()) {
        error_ = QStringLiteral("no temporary folder: %1").arg(dir_->errorString());
        return false;
    }
    if (onPostgres()) {
        database_ = std::make_unique<ScratchDatabase>();
        if (database_->uri().isEmpty()) {
            error_ = QStringLiteral("no test database: %1").arg(database_->error());
            return false;
        }
    }
    if (content_ == Content::Demo) {
        if (const Status made = createDemoWorkspace(path()); !made.ok()) {
            error_ = made.error().message();
            return false;
        }
    }
    if (!open(Workspace::OpenMode::OpenOrCreate) || content_ != Content::SigningKey)
        return ok();
    if (auto key = addSigningKey(*workspace_); !key) {
        error_ = key.error().message();
        workspace_.reset();
    }
    return ok();
}

QString TempWorkspace::path() const {
    return database_ ? database_->uri() : file(QStringLiteral("workspace.aicp"));
}

bool TempWorkspace::reopen() {
    return open(Workspace::OpenMode::OpenExisting);
}

bool TempWorkspace::open(Workspace::OpenMode mode) {
    auto opened = Workspace::open(path(), mode);
    if (!opened) {
        error_ = opened.error().message();
        return false;
    }
    workspace_ = std::move(*opened);
    return true;
}

namespace {

Status seedOldWorkspace(Database* db, std::string_view rowsSql) {
    if (db->engine() == Database::Engine::Sqlite)
        AICP_TRY(executeScript(
            db, "PRAGMA application_id = " + std::to_string(Workspace::kApplicationId)));
    AICP_TRY(executeScript(db,
                           "INSERT INTO meta VALUES ('workspace_id', "
                           "'6f1c2a4e-9b1d-4c3e-8a2f-0d5e7b9c1a3f'), "
                           "('created_at', '2026-01-05T09:00:00Z'), ('mode', 'vendor')"));
    auto insert =
        Statement::prepare(db, "INSERT INTO price_books (stored_at, document) VALUES (?1, ?2)");
    if (!insert)
        return insert.error();
    AICP_TRY(insert->bindAll(QDateTime::currentDateTimeUtc(),
                             QString::fromUtf8(PriceBook::loadDefault()->toJson())));
    AICP_TRY(insert->execute());
    return rowsSql.empty() ? Status{} : executeScript(db, rowsSql);
}

}  // namespace

Status writeOldWorkspace(const QString& path, int schemaVersion, std::string_view rowsSql) {
    QFile::remove(path);
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open(QFile::encodeName(path).constData(), &handle);
    SqliteDatabase database(handle);  // closes it, even when opening failed
    if (rc != SQLITE_OK)
        return Error(Error::Code::Io, QStringLiteral("cannot create %1").arg(path));
    Database* const db = &database;
    auto migrated = migrate(db, workspaceMigrations().first(std::size_t(schemaVersion)),
                            [db, rowsSql] { return seedOldWorkspace(db, rowsSql); });
    if (!migrated)
        return migrated.error();
    return {};
}

Status writeOldPostgresWorkspace(const QString& uri, int schemaVersion, std::string_view rowsSql) {
    auto connection = PostgresDatabase::connect(uri);
    if (!connection)
        return connection.error();
    Database* const db = connection->get();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    AICP_TRY(createPostgresSchema(db, schemaVersion));
    AICP_TRY(db->setSchemaVersion(schemaVersion));
    AICP_TRY(seedOldWorkspace(db, rowsSql));
    return transaction->commit();
}

DemoCopies::DemoCopies() {
    madeDemo_ = demo_.ok();
    demo_.close();  // copied while closed: every page is in the file
}

QString DemoCopies::freshCopy() {
    if (onPostgres()) {
        copies_.push_back(std::make_unique<ScratchDatabase>(demo_.path()));
        return copies_.back()->uri();
    }
    const QString path = demo_.file(QStringLiteral("ws-%1.aicp").arg(copies_.size()));
    copies_.push_back(nullptr);
    return QFile::copy(demo_.path(), path) ? path : QString();
}

std::unique_ptr<Workspace> DemoCopies::fresh() {
    auto workspace = Workspace::open(freshCopy(), Workspace::OpenMode::OpenExisting);
    if (!workspace)
        qFatal("cannot open a copy of the demo workspace: %s",
               qPrintable(workspace.error().message()));
    return std::move(workspace).value();
}

}  // namespace aicp::test

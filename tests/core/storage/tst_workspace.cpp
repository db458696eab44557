#include "audit/auditedsettings.h"
#include "audit/auditlog.h"
#include "storage/migration.h"
#include "storage/sqlitedatabase.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/filedigest.h"
#include "support/tempworkspace.h"

#include <unistd.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using aicp::Error;
using aicp::PriceBook;
using aicp::Workspace;
using aicp::test::fileDigest;

namespace {

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// Builds a SQLite file by hand, outside Workspace, to stand for a file made by
// another program or another aicp version.
void makeSqliteFile(const QString& path, const char* sql) {
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    const QString error = QString::fromUtf8(message ? message : "");
    sqlite3_free(message);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, qPrintable(error));
}

std::int64_t queryInt(aicp::Database* db, const char* sql) {
    auto query = aicp::Statement::prepare(db, sql);
    if (!query)
        return -999;
    auto row = query->step();
    return row && *row ? query->int64(0) : -999;
}

}  // namespace

class TestWorkspace : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString path(const char* name) const { return dir_.filePath(QString::fromLatin1(name)); }

    // Opening must fail with `code` and a message naming `phrase`, and leave
    // the file exactly as it was.
    void expectRefusedUntouched(const QString& file, Error::Code code, const char* phrase) {
        const QByteArray before = fileDigest(file);
        auto workspace = Workspace::open(file);
        QVERIFY(!workspace);
        QCOMPARE(workspace.error().code(), code);
        QVERIFY2(workspace.error().message().contains(QString::fromUtf8(phrase)),
                 qPrintable(workspace.error().message()));
        QVERIFY2(workspace.error().message().contains(file), "the error names the file");
        QCOMPARE(fileDigest(file), before);
        QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void createsANewWorkspaceWithTheDefaultPriceBook() {
        const QString file = path("new.aicp");
        auto workspace = Workspace::open(file);
        QVERIFY2(workspace, workspace ? "" : qPrintable(workspace.error().message()));
        Workspace& ws = **workspace;
        QCOMPARE(ws.schemaVersion(), Workspace::kSchemaVersion);
        QVERIFY(!ws.id().isNull());
        QVERIFY(ws.createdAt().isValid());
        QCOMPARE(ws.mode().value(), Workspace::Mode::Vendor);

        auto book = ws.priceBook();
        QVERIFY(book);
        QCOMPARE(book->toJson(), PriceBook::loadDefault().value().toJson());

        // Signing keys live here, encrypted: still, only the owner may read it.
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(QFile::permissions(file) & others, QFileDevice::Permissions());
        QVERIFY(
            QFile::permissions(file).testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QCOMPARE(QFile::permissions(file + QStringLiteral("-wal")), QFile::permissions(file));

        QCOMPARE(queryInt(ws.handle(), "PRAGMA foreign_keys"), 1);
        QCOMPARE(queryInt(ws.handle(), "PRAGMA application_id"), Workspace::kApplicationId);
        auto journal = aicp::Statement::prepare(ws.handle(), "PRAGMA journal_mode");
        QVERIFY(journal && journal->step().value());
        QCOMPARE(journal->text(0), QStringLiteral("wal"));
    }

    void reopeningKeepsIdentity() {
        const QString file = path("reopen.aicp");
        QUuid id;
        QDateTime created;
        {
            auto first = Workspace::open(file);
            QVERIFY(first);
            id = (*first)->id();
            created = (*first)->createdAt();
            QVERIFY((*first)
                        ->setMetaValue(QStringLiteral("display_currency"), QStringLiteral("USD"))
                        .ok());
        }
        auto again = Workspace::open(file, Workspace::OpenMode::OpenExisting);
        QVERIFY(again);
        QCOMPARE((*again)->id(), id);
        QCOMPARE((*again)->createdAt(), created);
        QCOMPARE((*again)->metaValue(QStringLiteral("display_currency")).value(),
                 std::optional<QString>(QStringLiteral("USD")));
        QCOMPARE((*again)->metaValue(QStringLiteral("never_set")).value(), std::nullopt);
        QVERIFY(!(*again)->setMetaValue(QStringLiteral("workspace_id"), QStringLiteral("x")).ok());
    }

    void openExistingRefusesAMissingFile() {
        const QString file = path("missing.aicp");
        auto workspace = Workspace::open(file, Workspace::OpenMode::OpenExisting);
        QVERIFY(!workspace);
        QCOMPARE(workspace.error().code(), Error::Code::NotFound);
        QVERIFY(!QFile::exists(file));
    }

    void createsMissingFolders() {
        const QString file = path("deep/er/ws.aicp");
        QVERIFY(Workspace::open(file));
        QVERIFY(QFile::exists(file));
    }

    void refusesAFolder() {
        auto workspace = Workspace::open(dir_.path());
        QVERIFY(!workspace);
        QCOMPARE(workspace.error().code(), Error::Code::Io);
    }

    // The row's name is the file's.
    void refusesAFileThatIsNoDatabaseUntouched_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("notes.aicp") << QByteArray("these are my notes, not a database\n");
        QTest::newRow("short.aicp") << QByteArray("SQLite format 3\0", 16);
    }
    void refusesAFileThatIsNoDatabaseUntouched() {
        QFETCH(QByteArray, bytes);
        const QString file = path(QTest::currentDataTag());
        writeFile(file, bytes);
        expectRefusedUntouched(file, Error::Code::Corrupt, "not a SQLite database");
    }

    void refusesAnotherProgramsDatabaseUntouched() {
        const QString file = path("other.db");
        makeSqliteFile(file, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');");
        expectRefusedUntouched(file, Error::Code::Corrupt, "not an aicp workspace");
    }

    void refusesANewerWorkspaceUntouched() {
        const QString file = path("newer.aicp");
        const std::string sql =
            "PRAGMA application_id = " + std::to_string(Workspace::kApplicationId) +
            "; PRAGMA user_version = " + std::to_string(Workspace::kSchemaVersion + 1) +
            "; CREATE TABLE future (x);";
        makeSqliteFile(file, sql.c_str());
        expectRefusedUntouched(file, Error::Code::Unsupported, "newer aicp");
    }

    void refusesADamagedWorkspaceUntouched() {
        const QString file = path("damaged.aicp");
        {
            auto workspace = Workspace::open(file);
            QVERIFY(workspace);
            // Checkpoint so every page is in the main file before we damage it.
            auto checkpoint =
                aicp::Statement::prepare((*workspace)->handle(), "PRAGMA wal_checkpoint(TRUNCATE)");
            QVERIFY(checkpoint && checkpoint->step().value());
            QCOMPARE(checkpoint->int64(0), 0);  // not blocked
        }
        QFile::remove(file + QStringLiteral("-wal"));
        QFile::remove(file + QStringLiteral("-shm"));
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadWrite));
        QByteArray bytes = raw.readAll();
        QVERIFY(bytes.size() > 4096);
        // Overwrite the second page (the first table's root) with noise.
        for (qsizetype i = 4096; i < 8192 && i < bytes.size(); ++i)
            bytes[i] = static_cast<char>(0xA5 ^ (i & 0xff));
        QVERIFY(raw.seek(0));
        QCOMPARE(raw.write(bytes), bytes.size());
        raw.close();

        const QByteArray before = fileDigest(file);
        auto workspace = Workspace::open(file);
        QVERIFY(!workspace);
        QCOMPARE(workspace.error().code(), Error::Code::Corrupt);
        QCOMPARE(fileDigest(file), before);
    }

    void adoptsAnEmptyFile() {
        // An empty file is what `touch` or a save dialog leaves: nothing to lose.
        const QString file = path("empty.aicp");
        writeFile(file, {});
        auto workspace = Workspace::open(file);
        QVERIFY2(workspace, workspace ? "" : qPrintable(workspace.error().message()));
        QCOMPARE((*workspace)->schemaVersion(), Workspace::kSchemaVersion);
    }

    void refusesAReadOnlyFileUntouched() {
        if (geteuid() == 0)
            QSKIP("root can write to read-only files");
        const QString file = path("readonly.aicp");
        QVERIFY(Workspace::open(file));
        QFile::remove(file + QStringLiteral("-wal"));
        QFile::remove(file + QStringLiteral("-shm"));
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner));
        expectRefusedUntouched(file, Error::Code::Io, "read-only");
    }

    void storesPriceBookHistory() {
        auto workspace = Workspace::open(path("history.aicp"));
        QVERIFY(workspace);
        Workspace& ws = **workspace;
        QCOMPARE(ws.priceBookHistory().value().size(), std::size_t(1));

        // Storing the same book again adds nothing.
        QVERIFY(aicp::storePriceBook(ws, ws.priceBook().value()).ok());
        QCOMPARE(ws.priceBookHistory().value().size(), std::size_t(1));

        QJsonObject document = QJsonDocument::fromJson(ws.priceBook()->toJson()).object();
        QJsonArray versions = document.value(QStringLiteral("versions")).toArray();
        QJsonObject second = versions.last().toObject();
        second.insert(QStringLiteral("version"), QStringLiteral("2027.1"));
        second.insert(QStringLiteral("effective_from"), QStringLiteral("2027-01-01"));
        versions.append(second);
        document.insert(QStringLiteral("versions"), versions);
        auto changed = PriceBook::fromJson(QJsonDocument(document).toJson());
        QVERIFY2(changed, changed ? "" : qPrintable(changed.error().message()));
        QVERIFY(aicp::storePriceBook(ws, *changed).ok());

        auto history = ws.priceBookHistory();
        QCOMPARE(history->size(), std::size_t(2));
        QVERIFY(history->at(0).id < history->at(1).id);
        QVERIFY(history->at(1).storedAt.isValid());
        QCOMPARE(ws.priceBook()->toJson(), changed->toJson());

        // Each change of prices is on the audit trail; the unchanged store is not.
        auto trail = aicp::AuditLog(ws).entries().value();
        QCOMPARE(trail.size(), std::size_t(1));
        QCOMPARE(trail[0].action, QStringLiteral("pricebook.store"));
        QCOMPARE(trail[0].details.value(QStringLiteral("sha256")).toString().size(), 64);
    }

    // A workspace written by the first release (schema 1) opens with its data
    // and gains the later tables.
    void upgradesAnOlderWorkspace() {
        const QString file = path("v1.aicp");
        const aicp::Status written = aicp::test::writeOldWorkspace(
            file, 1, "INSERT INTO customers VALUES ('acme', 'Acme', '', '2026-01-05T09:00:00Z');");
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message()));

        auto workspace = Workspace::open(file);
        QVERIFY2(workspace, workspace ? "" : qPrintable(workspace.error().message()));
        QCOMPARE((*workspace)->schemaVersion(), Workspace::kSchemaVersion);
        QCOMPARE((*workspace)->id(),
                 QUuid::fromString(QStringLiteral("6f1c2a4e-9b1d-4c3e-8a2f-0d5e7b9c1a3f")));
        QCOMPARE(queryInt((*workspace)->handle(), "SELECT count(*) FROM customers"), 1);
        QCOMPARE(queryInt((*workspace)->handle(), "SELECT count(*) FROM licenses"), 0);
    }

    void migrationIsAllOrNothing() {
        const QString file = path("migrate.db");
        sqlite3* handle = nullptr;
        const int rc = sqlite3_open(QFile::encodeName(file).constData(), &handle);
        aicp::SqliteDatabase database(handle);
        QCOMPARE(rc, SQLITE_OK);
        aicp::Database* const db = &database;
        static const auto createA = [](aicp::Database* on) {
            return aicp::executeScript(on, "CREATE TABLE a (x)");
        };
        static const auto failing = [](aicp::Database* on) -> aicp::Status {
            AICP_TRY(aicp::executeScript(on, "CREATE TABLE b (x)"));
            return aicp::executeScript(on, "INSERT INTO missing VALUES (1)");
        };
        const aicp::Migration steps[] = {{1, "a", +createA}, {2, "b, broken", +failing}};
        auto result = aicp::migrate(db, steps);
        QVERIFY(!result);
        QVERIFY(result.error().message().contains(QStringLiteral("schema step 2")));
        QCOMPARE(queryInt(db, "PRAGMA user_version"), 0);
        QCOMPARE(queryInt(db, "SELECT count(*) FROM sqlite_schema"), 0);

        const aicp::Migration good[] = {{1, "a", +createA}};
        QCOMPARE(aicp::migrate(db, good).value(), 0);
        QCOMPARE(queryInt(db, "PRAGMA user_version"), 1);
        QCOMPARE(aicp::migrate(db, good).value(), 1);  // already there: nothing to do

        const aicp::Migration misnumbered[] = {{2, "a", +createA}};
        QCOMPARE(aicp::migrate(db, misnumbered).error().code(), Error::Code::Internal);
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"

// Hostile workspace files: the file itself is input (users receive
// workspaces from others). Each is refused with an error that says what is
// wrong and left byte-for-byte as it was, with no -wal or -shm file left
// behind. Complements tests/storage/tst_workspace (a text file, a short
// header, another program's database, a newer schema, a damaged first
// table, a read-only file, a folder).
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/filedigest.h"

#include <string>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace aicp;
using aicp::test::fileDigest;

namespace {

bool makeSqliteFile(const QString& path, const std::string& sql) {
    sqlite3* db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK)
        return false;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

}  // namespace

class TestUntrustedWorkspace : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    // A real workspace with every page in the main file.
    QString makeWorkspace(const QString& name) {
        const QString file = path(name);
        auto workspace = Workspace::open(file);
        if (!workspace)
            return {};
        auto checkpoint =
            Statement::prepare((*workspace)->handle(), "PRAGMA wal_checkpoint(TRUNCATE)");
        if (!checkpoint)
            return {};
        auto row = checkpoint->step();
        if (!row) {
            qWarning("checkpoint: %s", qPrintable(row.error().message()));
            return {};
        }
        if (!*row || checkpoint->int64(0) != 0)
            return {};
        checkpoint->reset();
        workspace->reset();
        QFile::remove(file + QStringLiteral("-wal"));
        QFile::remove(file + QStringLiteral("-shm"));
        return file;
    }

    void expectRefusedUntouched(const QString& file, const QString& words) {
        const QByteArray before = fileDigest(file);
        const QStringList filesBefore = QDir(dir_.path()).entryList(QDir::Files);
        auto workspace = Workspace::open(file);
        QVERIFY2(!workspace, "the hostile file was opened");
        QVERIFY2(workspace.error().message().contains(words),
                 qPrintable(workspace.error().message()));
        QVERIFY2(workspace.error().message().contains(QStringLiteral("workspace '")),
                 qPrintable(workspace.error().message()));
        QCOMPARE(fileDigest(file), before);
        QCOMPARE(QDir(dir_.path()).entryList(QDir::Files), filesBefore);
    }

private slots:
    void truncatedWorkspaceIsRefusedUntouched() {
        const QString file = makeWorkspace(QStringLiteral("truncated.aicp"));
        QVERIFY(!file.isEmpty());
        QFile raw(file);
        QVERIFY(raw.size() > 3 * 4096);
        QVERIFY(raw.resize(raw.size() / 2));
        expectRefusedUntouched(file, QStringLiteral("malformed"));
    }

    // Opening reads only the header, the schema and the identity (a full
    // integrity check would cost seconds on every start of a large
    // workspace): damage elsewhere is reported by the first read that meets
    // it, as Corrupt, and nothing is written.
    void aCorruptedPageIsReportedUntouched() {
        const QString file = makeWorkspace(QStringLiteral("corrupt.aicp"));
        QVERIFY(!file.isEmpty());
        std::int64_t rootPage = 0;
        {
            auto workspace = Workspace::open(file);
            QVERIFY(workspace);
            auto root = queryInt64((*workspace)->handle(),
                                   "SELECT rootpage FROM sqlite_schema WHERE name = 'price_books'");
            QVERIFY(root);
            rootPage = *root;
        }
        QFile::remove(file + QStringLiteral("-wal"));
        QFile::remove(file + QStringLiteral("-shm"));
        QVERIFY(rootPage > 1);
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadWrite));
        QVERIFY(raw.seek((rootPage - 1) * 4096));
        QByteArray noise(4096, '\0');
        for (int i = 0; i < noise.size(); ++i)
            noise[i] = char(0x5A ^ (i * 7));
        QCOMPARE(raw.write(noise), qint64(4096));
        raw.close();

        const QByteArray before = fileDigest(file);
        {
            auto workspace = Workspace::open(file);
            QVERIFY2(workspace || workspace.error().code() == Error::Code::Corrupt,
                     workspace ? "" : qPrintable(workspace.error().message()));
            if (workspace) {
                auto book = (*workspace)->priceBook();
                QVERIFY(!book);
                QCOMPARE(book.error().code(), Error::Code::Corrupt);
                QVERIFY2(book.error().message().contains(QStringLiteral("the file is damaged")),
                         qPrintable(book.error().message()));
            }
        }
        QCOMPARE(fileDigest(file), before);
    }

    void aForeignDatabaseClaimingToBeAWorkspaceIsRefusedUntouched() {
        // The application id and the current version, but none of the tables.
        const QString file = path(QStringLiteral("impostor.aicp"));
        QVERIFY(makeSqliteFile(
            file, "PRAGMA application_id = " + std::to_string(Workspace::kApplicationId) +
                      "; PRAGMA user_version = " + std::to_string(Workspace::kSchemaVersion) +
                      "; CREATE TABLE songs (title TEXT);"));
        expectRefusedUntouched(file, QStringLiteral("damaged"));
    }

    // An application id with a schema version that cannot be opened: an
    // older file without its tables (migrating it fails, and nothing of the
    // attempt, not even the switch to write-ahead logging, may stay behind),
    // a negative version, a huge one.
    void aBadSchemaVersionIsRefusedUntouched_data() {
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("words");
        QTest::newRow("schema 2 without its tables") << 2 << QStringLiteral("schema step");
        QTest::newRow("negative") << -5 << QStringLiteral("schema version -5");
        QTest::newRow("huge") << 2147483647 << QStringLiteral("newer");
    }
    void aBadSchemaVersionIsRefusedUntouched() {
        QFETCH(int, version);
        QFETCH(QString, words);
        const QString file = path(QStringLiteral("version%1.aicp").arg(version));
        QVERIFY(makeSqliteFile(
            file, "PRAGMA application_id = " + std::to_string(Workspace::kApplicationId) +
                      "; PRAGMA user_version = " + std::to_string(version) +
                      "; CREATE TABLE x (y);"));
        expectRefusedUntouched(file, words);
    }

    void damagedIdentityIsRefusedUntouched() {
        const QString file = makeWorkspace(QStringLiteral("identity.aicp"));
        QVERIFY(!file.isEmpty());
        {
            sqlite3* db = nullptr;
            QCOMPARE(sqlite3_open(QFile::encodeName(file).constData(), &db), SQLITE_OK);
            QCOMPARE(sqlite3_exec(db,
                                  "UPDATE meta SET value = 'not-a-uuid' WHERE key = 'workspace_id';"
                                  "PRAGMA wal_checkpoint(TRUNCATE);",
                                  nullptr, nullptr, nullptr),
                     SQLITE_OK);
            sqlite3_close(db);
        }
        expectRefusedUntouched(file, QStringLiteral("identity cannot be read"));
    }

    void aSymlinkToAFolderIsRefused() {
        const QString link = path(QStringLiteral("folder-link.aicp"));
        QVERIFY(QFile::link(QDir::tempPath(), link));
        expectRefusedUntouched(link, QStringLiteral("is a folder"));
        QFile::remove(link);
    }

    void aDanglingSymlinkIsNotFollowedToCreateAFile() {
        const QString target = path(QStringLiteral("elsewhere/target.aicp"));
        const QString link = path(QStringLiteral("dangling.aicp"));
        QVERIFY(QFile::link(target, link));
        auto workspace = Workspace::open(link);
        QVERIFY(!workspace);
        QVERIFY2(workspace.error().message().contains(QStringLiteral("cannot be created")),
                 qPrintable(workspace.error().message()));
        QVERIFY(!QFile::exists(target));
        QVERIFY(QFileInfo(link).isSymLink());
        QFile::remove(link);
    }

    void aSymlinkToATextFileIsRefusedUntouched() {
        const QString text = path(QStringLiteral("notes.txt"));
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("my notes\n");
        file.close();
        const QString link = path(QStringLiteral("notes-link.aicp"));
        QVERIFY(QFile::link(text, link));
        expectRefusedUntouched(link, QStringLiteral("not a SQLite database"));
        QCOMPARE(fileDigest(text),
                 QCryptographicHash::hash("my notes\n", QCryptographicHash::Sha256));
        QFile::remove(link);
    }

    void openExistingNeverCreates() {
        const QString file = path(QStringLiteral("absent/none.aicp"));
        auto workspace = Workspace::open(file, Workspace::OpenMode::OpenExisting);
        QVERIFY(!workspace);
        QVERIFY(workspace.error().message().contains(QStringLiteral("does not exist")));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("absent"))));
    }
};

QTEST_GUILESS_MAIN(TestUntrustedWorkspace)
#include "tst_untrustedworkspace.moc"

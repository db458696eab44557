#include "audit/auditlog.h"
#include "metering/usageimporter.h"
#include "storage/postgresdatabase.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/workspace.h"
#include "support/scratchdatabase.h"
#include "support/tempworkspace.h"

#include <atomic>

#include <QBuffer>
#include <QTest>

using namespace aicp;
using aicp::test::ScratchDatabase;
using aicp::test::TempWorkspace;

// What only a workspace in PostgreSQL has: the schema made in an empty
// database, the invariants kept by the server for anyone with psql, clear
// errors for a server that is away or goes away mid-way. Skipped on SQLite
// (run through packaging/with-postgres.sh); every other storage test runs
// on both.
class TestPostgresWorkspace : public QObject {
    Q_OBJECT

    static std::int64_t count(Workspace& workspace, const char* sql) {
        return queryInt64(workspace.handle(), sql).valueOr(-1);
    }

private slots:
    void init() {
        if (!test::onPostgres())
            QSKIP("needs a PostgreSQL cluster: run through packaging/with-postgres.sh");
    }

    void anEmptyDatabaseBecomesAWorkspace() {
        TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        QVERIFY(workspace->isOnServer());
        QCOMPARE(workspace->schemaVersion(), Workspace::kSchemaVersion);
        QCOMPARE(workspace->mode().value(), Workspace::Mode::Vendor);
        const QUuid id = workspace->id();
        workspace.close();
        QVERIFY2(workspace.reopen(), qPrintable(workspace.error()));
        QCOMPARE(workspace->id(), id);
    }

    void otherDatabasesAreRefusedUntouched() {
        ScratchDatabase empty;
        QVERIFY2(!empty.uri().isEmpty(), qPrintable(empty.error()));
        auto missing = Workspace::open(empty.uri(), Workspace::OpenMode::OpenExisting);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code(), Error::Code::NotFound);

        ScratchDatabase foreign;
        {
            auto db = PostgresDatabase::connect(foreign.uri());
            QVERIFY(db);
            QVERIFY((*db)
                        ->executeScript("CREATE SCHEMA aicp; CREATE TABLE aicp.crm (id integer)")
                        .ok());
        }
        auto refused = Workspace::open(foreign.uri());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), Error::Code::Corrupt);
        QVERIFY2(refused.error().message().contains(QStringLiteral("not an aicp workspace")),
                 qPrintable(refused.error().message()));
        auto db = PostgresDatabase::connect(foreign.uri());
        QVERIFY(db);
        QCOMPARE(queryInt64(db->get(), "SELECT count(*) FROM pg_tables WHERE schemaname = 'aicp'")
                     .value(),
                 1);
    }

    // A database may hold other things: the workspace keeps to its schema.
    void aWorkspaceSharesADatabase() {
        ScratchDatabase shared;
        QVERIFY2(!shared.uri().isEmpty(), qPrintable(shared.error()));
        {
            auto db = PostgresDatabase::connect(shared.uri());
            QVERIFY(db);
            QVERIFY((*db)->executeScript("CREATE TABLE public.crm (id integer)").ok());
        }
        auto workspace = Workspace::open(shared.uri());
        QVERIFY2(workspace, workspace ? "" : qPrintable(workspace.error().message()));
        QCOMPARE(queryInt64((*workspace)->handle(),
                            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
                     .value(),
                 1);
    }

    // Every statement that changes a table tells the listeners which.
    void changesAreAnnounced() {
        TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        auto listener = PostgresDatabase::connect(workspace.path());
        QVERIFY(listener);
        QVERIFY((*listener)->executeScript("LISTEN aicp_change").ok());
        QVERIFY(workspace->setMetaValue(QStringLiteral("company"), QStringLiteral("Acme")).ok());
        QVERIFY((*listener)->executeScript("SELECT 1").ok());
        QCOMPARE((*listener)->takeNotifications(), QStringList{QStringLiteral("meta")});
    }

    void anUnreachableServerIsOneClearLine() {
        auto opened =
            Workspace::open(QStringLiteral("postgresql://aicp:secret@/ws?host=/nonexistent"));
        QVERIFY(!opened);
        const QString message = opened.error().message();
        QCOMPARE(opened.error().code(), Error::Code::Io);
        QVERIFY2(message.contains(QStringLiteral("cannot connect to the PostgreSQL server")),
                 qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("secret")), qPrintable(message));
        QVERIFY(!message.contains(QLatin1Char('\n')));
    }

    // Someone with psql and the same login cannot rewrite history either.
    void theServerKeepsTheInvariants() {
        TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        QVERIFY(AuditLog(*workspace).append(QStringLiteral("test"), QStringLiteral("x"), {}).ok());
        Database* db = workspace->handle();
        for (const char* sql :
             {"UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log",
              "TRUNCATE audit_log", "TRUNCATE licenses CASCADE", "TRUNCATE invoices CASCADE"}) {
            const Status refused = executeScript(db, sql);
            QVERIFY2(!refused.ok(), sql);
        }
        QCOMPARE(count(*workspace, "SELECT count(*) FROM audit_log"), 1);
    }

    // Nothing of an import that failed is stored: no events, no record of
    // the import, no summaries.
    static void verifyNothingImported(Workspace& workspace) {
        QCOMPARE(count(workspace, "SELECT count(*) FROM usage_events"), 0);
        QCOMPARE(count(workspace, "SELECT count(*) FROM usage_imports"), 0);
        QCOMPARE(count(workspace, "SELECT count(*) FROM usage_hourly"), 0);
        QCOMPARE(count(workspace, "SELECT count(*) FROM usage_monthly_users"), 0);
    }

    // The server drops the connection once the import has read `afterRows`
    // of `csv`: the import fails with one line, and nothing of it is stored.
    static void dropConnectionDuringImport(const QByteArray& csv, std::int64_t afterRows) {
        TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        const std::int64_t pid = count(*workspace, "SELECT pg_backend_pid()");
        QByteArray bytes = csv;
        QBuffer file(&bytes);
        QVERIFY(file.open(QIODevice::ReadOnly));

        std::atomic<bool> terminated = false;
        UsageImportOptions options;
        options.progress = [&](const UsageImportProgress& progress) {
            if (progress.rows < afterRows || terminated.exchange(true))
                return;
            auto admin = PostgresDatabase::connect(workspace.path());
            if (admin)
                static_cast<void>((*admin)->executeScript("SELECT pg_terminate_backend(" +
                                                          std::to_string(pid) + ")"));
        };
        auto report =
            UsageImporter(*workspace).importDevice(file, QStringLiteral("u.csv"), options);
        QVERIFY(terminated);
        QVERIFY(!report);
        QVERIFY2(report.error().message().contains(QStringLiteral("connection")),
                 qPrintable(report.error().message()));

        workspace.close();
        QVERIFY2(workspace.reopen(), qPrintable(workspace.error()));
        verifyNothingImported(*workspace);
    }

    static QByteArray usageCsv(int rows, const char* row) {
        QByteArray csv =
            "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,"
            "compliance_modules,quantity\n";
        for (int i = 0; i < rows; ++i)
            csv += QByteArrayLiteral("e") + QByteArray::number(i) + QByteArray(row) + '\n';
        return csv;
    }

    // At the first batch.
    void aConnectionDroppedMidImportSavesNothing() {
        dropConnectionDuringImport(usageCsv(60'000, ",2026-11-02T10:00:00Z,acme,a1,u1,,,1"), 0);
    }

    // With the import well under way: batches stored, one being sent by
    // COPY while the one before is added to the aggregates. The reading side
    // runs at most three batches ahead of the storing side: by 240,000 rows
    // read the first batches went in.
    void aConnectionDroppedWhileBatchesAreStoredSavesNothing() {
        QByteArray csv =
            "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,"
            "compliance_modules,quantity\n";
        for (int i = 0; i < 300'000; ++i)
            csv += QByteArrayLiteral("e") + QByteArray::number(i) + QByteArrayLiteral(",2026-11-") +
                   QByteArray::number(10 + i % 20) + QByteArrayLiteral("T10:00:00Z,acme,a1,u") +
                   QByteArray::number(i % 50) + QByteArrayLiteral(",pii,gdpr,1\n");
        dropConnectionDuringImport(csv, 240'000);
    }

    // The server refuses mid-import for a reason of its own (its disk is
    // full, a conflict with another writer it could not serialize): one
    // line says what happened and what to do, and nothing is stored. The
    // refusal is raised by a trigger with the SQLSTATE the server itself
    // sends.
    void aServerFaultMidImportSavesNothing_data() {
        QTest::addColumn<QString>("sqlState");
        QTest::addColumn<QString>("expected");
        QTest::newRow("disk full") << QStringLiteral("53100") << QStringLiteral("disk is full");
        QTest::newRow("serialization")
            << QStringLiteral("40001") << QStringLiteral("nothing was saved, try again");
        QTest::newRow("deadlock") << QStringLiteral("40P01")
                                  << QStringLiteral("nothing was saved, try again");
    }

    void aServerFaultMidImportSavesNothing() {
        QFETCH(QString, sqlState);
        QFETCH(QString, expected);
        TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        const std::string fault =
            "CREATE FUNCTION fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'injected fault' USING ERRCODE = '" +
            sqlState.toStdString() +
            "'; END $$; "
            "CREATE TRIGGER fault AFTER INSERT ON usage_events "
            "FOR EACH STATEMENT EXECUTE FUNCTION fault()";
        QVERIFY(executeScript(workspace->handle(), fault).ok());

        QByteArray csv = usageCsv(1'000, ",2026-11-02T10:00:00Z,acme,a1,u1,,,1");
        QBuffer file(&csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto report = UsageImporter(*workspace).importDevice(file, QStringLiteral("u.csv"));
        QVERIFY(!report);
        const QString message = report.error().message();
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(!message.contains(u'\n'), qPrintable(message));

        QVERIFY(executeScript(workspace->handle(), "DROP TRIGGER fault ON usage_events").ok());
        verifyNothingImported(*workspace);
        // The workspace is usable at once: the same file imports whole.
        QVERIFY(file.seek(0));
        auto again = UsageImporter(*workspace).importDevice(file, QStringLiteral("u.csv"));
        QVERIFY2(again, again ? "" : qPrintable(again.error().message()));
        QCOMPARE(again->newEvents, 1'000);
    }

    // Between operations a dropped connection is made again, as a console
    // left open overnight needs; inside a transaction it is not: the
    // transaction fails whole and only the next one reconnects.
    void aDroppedConnectionIsMadeAgainBetweenOperations() {
        TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        const auto terminate = [&workspace] {
            const std::int64_t pid = count(*workspace, "SELECT pg_backend_pid()");
            auto admin = PostgresDatabase::connect(workspace.path());
            QVERIFY(admin);
            QVERIFY((*admin)
                        ->executeScript("SELECT pg_terminate_backend(" + std::to_string(pid) + ")")
                        .ok());
            QTest::qWait(100);
        };
        terminate();
        // A read is sent again on a new connection; so is a transaction's
        // start.
        QCOMPARE(count(*workspace, "SELECT count(*) FROM meta WHERE key = 'mode'"), 1);
        terminate();
        QVERIFY(Transaction::begin(workspace->handle()));
        QVERIFY(workspace->setMetaValue(QStringLiteral("a"), QStringLiteral("1")).ok());
        QCOMPARE(count(*workspace, "SELECT count(*) FROM meta WHERE key = 'a'"), 1);

        Database* db = workspace->handle();
        {
            auto transaction = Transaction::begin(db);
            QVERIFY(transaction);
            QVERIFY(executeScript(db, "INSERT INTO meta VALUES ('b', '2')").ok());
            terminate();
            const Status lost = executeScript(db, "INSERT INTO meta VALUES ('c', '3')");
            QVERIFY(!lost.ok());
            QVERIFY2(lost.error().message().contains(QStringLiteral("nothing of the unfinished")),
                     qPrintable(lost.error().message()));
            QVERIFY(!transaction->commit().ok());
        }
        QCOMPARE(count(*workspace, "SELECT count(*) FROM meta WHERE key IN ('b', 'c')"), 0);
    }

    // Parameters and statements are told apart from quoted text, as SQLite
    // does.
    void quotedTextIsNotSql() {
        TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        Database* db = workspace->handle();
        auto quoted = queryFirstRow<QString>(
            db, "SELECT 'a;b?1' || ?1 || ?", [](const Statement& row) { return row.text(0); },
            QStringLiteral("c"), QStringLiteral("d"));
        QVERIFY2(quoted, quoted ? "" : qPrintable(quoted.error().message()));
        QCOMPARE(quoted->value_or(QString()), QStringLiteral("a;b?1cd"));
        auto two = Statement::prepare(db, "SELECT 1; SELECT 2;");
        QVERIFY(!two);
        QCOMPARE(two.error().code(), Error::Code::Internal);
    }

    void aPasswordIsNeverShown() {
        const QString shown = Workspace::shownLocation(
            QStringLiteral("postgresql://finance:hunter2@db.example:5432/aicp"));
        QVERIFY2(!shown.contains(QStringLiteral("hunter2")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("finance")), qPrintable(shown));
    }
};

QTEST_GUILESS_MAIN(TestPostgresWorkspace)
#include "tst_postgresworkspace.moc"

#include "customers/customer.h"
#include "storage/changefeed.h"
#include "storage/postgresdatabase.h"
#include "storage/workspace.h"
#include "support/tempworkspace.h"

#include <QSignalSpy>
#include <QTest>

using namespace aicp;
using namespace std::chrono_literals;
using aicp::test::TempWorkspace;

// SPEC section 8, "Live": a console shows what others change within 2 s.
// The feed is what it listens with: its own connection, LISTEN on the
// triggers' channel, reconnecting when the server drops it; on a file, a
// watch on disk.
class TestChangeFeed : public QObject {
    Q_OBJECT

    // The tables of every `changed` signal so far, merged.
    static QSet<QString> tablesSeen(const QSignalSpy& spy) {
        QSet<QString> tables;
        for (const QList<QVariant>& signal : spy)
            tables.unite(signal.at(0).value<QSet<QString>>());
        return tables;
    }

    static bool becomesLive(ChangeFeed& feed, int timeoutMs) {
        return QTest::qWaitFor([&] { return feed.state() == ChangeFeed::State::Live; }, timeoutMs);
    }

    // Another program's connection to the same database.
    static std::unique_ptr<PostgresDatabase> otherConnection(const QString& uri) {
        auto db = PostgresDatabase::connect(uri);
        if (!db)
            qFatal("second connection: %s", qPrintable(db.error().message()));
        return std::move(db).value();
    }

private slots:
    void initTestCase() { qRegisterMetaType<QSet<QString>>(); }

    void aNotificationOfAnotherConnectionArrivesWithinTwoSeconds() {
        if (!test::onPostgres())
            QSKIP("needs a PostgreSQL cluster: run through packaging/with-postgres.sh");
        TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        ChangeFeed feed(workspace.path());
        QSignalSpy changed(&feed, &ChangeFeed::changed);
        feed.start();
        QVERIFY(becomesLive(feed, 5000));

        auto other = otherConnection(workspace.path());
        QVERIFY(other->executeScript("NOTIFY aicp_change, 'customers'").ok());
        QVERIFY(changed.wait(2000));
        QCOMPARE(tablesSeen(changed), QSet<QString>{QStringLiteral("customers")});
    }

    void aBurstOfChangesIsOneSignal() {
        if (!test::onPostgres())
            QSKIP("needs a PostgreSQL cluster: run through packaging/with-postgres.sh");
        TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        ChangeFeed feed(workspace.path());
        QSignalSpy changed(&feed, &ChangeFeed::changed);
        feed.start();
        QVERIFY(becomesLive(feed, 5000));

        auto other = otherConnection(workspace.path());
        QVERIFY(other
                    ->executeScript("NOTIFY aicp_change, 'customers'; "
                                    "NOTIFY aicp_change, 'licenses'; "
                                    "NOTIFY aicp_change, 'customers'")
                    .ok());
        QVERIFY(changed.wait(2000));
        QTest::qWait(400);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(tablesSeen(changed),
                 (QSet<QString>{QStringLiteral("customers"), QStringLiteral("licenses")}));
    }

    void aCustomerAddedElsewhereIsSeen() {
        if (!test::onPostgres())
            QSKIP("needs a PostgreSQL cluster: run through packaging/with-postgres.sh");
        TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        ChangeFeed feed(workspace.path());
        QSignalSpy changed(&feed, &ChangeFeed::changed);
        feed.start();
        QVERIFY(becomesLive(feed, 5000));

        // The schema's triggers speak for every writer: nothing here notifies.
        const Customer acme{QStringLiteral("acme"), QStringLiteral("Acme"), {}, {}};
        QVERIFY(CustomerStore(*workspace).add(acme).ok());
        QVERIFY(changed.wait(2000));
        QVERIFY(tablesSeen(changed).contains(QStringLiteral("customers")));
    }

    void aDroppedConnectionComesBackAndSaysEverythingMayHaveChanged() {
        if (!test::onPostgres())
            QSKIP("needs a PostgreSQL cluster: run through packaging/with-postgres.sh");
        TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        ChangeFeed feed(workspace.path());
        feed.setFirstBackoff(200ms);
        QSignalSpy changed(&feed, &ChangeFeed::changed);
        QSignalSpy states(&feed, &ChangeFeed::stateChanged);
        feed.start();
        QVERIFY(becomesLive(feed, 5000));
        const int before = feed.backendPid();
        QVERIFY(before != 0);

        auto other = otherConnection(workspace.path());
        QVERIFY(other
                    ->executeScript(
                        QStringLiteral("SELECT pg_terminate_backend(%1)").arg(before).toStdString())
                    .ok());
        QVERIFY(
            QTest::qWaitFor([&] { return feed.state() == ChangeFeed::State::Reconnecting; }, 2000));
        QVERIFY(!feed.problem().isEmpty());
        QVERIFY(becomesLive(feed, 5000));
        QVERIFY(feed.backendPid() != before);
        QVERIFY(QTest::qWaitFor([&] { return !changed.isEmpty(); }, 2000));
        QCOMPARE(tablesSeen(changed), QSet<QString>{ChangeFeed::everything()});

        changed.clear();
        QVERIFY(other->executeScript("NOTIFY aicp_change, 'invoices'").ok());
        QVERIFY(changed.wait(2000));
        QCOMPARE(tablesSeen(changed), QSet<QString>{QStringLiteral("invoices")});
    }

    void aServerThatIsAwayIsTriedAgainNotFatal() {
        ChangeFeed feed(QStringLiteral("postgresql:///aicp?host=/nonexistent-socket-dir"));
        feed.setFirstBackoff(100ms);
        feed.start();
        QVERIFY(
            QTest::qWaitFor([&] { return feed.state() == ChangeFeed::State::Reconnecting; }, 5000));
        QVERIFY2(feed.problem().contains(QStringLiteral("cannot connect")),
                 qPrintable(feed.problem()));
    }

    void aWorkspaceFileWrittenByAnotherConnectionIsSeen() {
        if (test::onPostgres())
            QSKIP("a file's watch; the server's feed is tested above");
        TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        ChangeFeed feed(workspace.path());
        QSignalSpy changed(&feed, &ChangeFeed::changed);
        feed.start();
        QCOMPARE(feed.state(), ChangeFeed::State::WatchingFile);

        auto other = Workspace::open(workspace.path());
        QVERIFY(other);
        const Customer acme{QStringLiteral("acme"), QStringLiteral("Acme"), {}, {}};
        // A reader that reads again on every signal, as the console does.
        int reads = 0;
        connect(&feed, &ChangeFeed::changed, this, [&] {
            QVERIFY(CustomerStore(*workspace).list());
            ++reads;
        });
        QVERIFY(CustomerStore(**other).add(acme).ok());
        QVERIFY(changed.wait(2000));
        QCOMPARE(tablesSeen(changed), QSet<QString>{ChangeFeed::everything()});
        // Reading writes nothing the watch sees: no refresh makes another.
        QTest::qWait(1000);
        QCOMPARE(reads, changed.size());
        QVERIFY2(changed.size() <= 2, qPrintable(QString::number(changed.size())));
    }
};

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"

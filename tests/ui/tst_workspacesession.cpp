#include "demo/demoworkspace.h"
#include "workspacesession.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

class TestWorkspaceSession : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

    QString pathFor(const QString& name) const { return dir_.filePath(name); }

    static QByteArray readAll(const QString& path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    }

    static QStringList customerIds(WorkspaceSession& session) {
        QStringList ids;
        auto customers = session.customers();
        if (customers) {
            for (const Customer& customer : *customers)
                ids.append(customer.id);
        }
        return ids;
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void firstStartCreatesTheDemoWorkspace() {
        const QString path = pathFor(QStringLiteral("first/workspace.aicp"));
        QVERIFY(!QFile::exists(path));

        auto session = WorkspaceSession::open(path, WorkspaceSession::WhenMissing::CreateDemo);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message()));
        QVERIFY((*session)->createdDemo());
        QVERIFY(QFile::exists(path));
        QVERIFY(!customerIds(**session).isEmpty());
        QCOMPARE((*session)->priceBook().latest().version, QStringLiteral("2026.1"));
    }

    void laterStartsOpenTheDemoWithoutRemakingIt() {
        const QString path = pathFor(QStringLiteral("again.aicp"));
        QStringList first;
        {
            auto session = WorkspaceSession::open(path, WorkspaceSession::WhenMissing::CreateDemo);
            QVERIFY(session.ok());
            first = customerIds(**session);
        }
        auto again = WorkspaceSession::open(path, WorkspaceSession::WhenMissing::CreateDemo);
        QVERIFY(again.ok());
        QVERIFY(!(*again)->createdDemo());
        QCOMPARE(customerIds(**again), first);
    }

    void consoleDemoIsTheCommandLineDemo() {
        // `aicp demo --db FILE` calls createDemoWorkspace; the console's first
        // start must produce the same customers, in the same order.
        const QString byCli = pathFor(QStringLiteral("cli-demo.aicp"));
        QVERIFY(createDemoWorkspace(byCli).ok());
        auto cli = WorkspaceSession::open(byCli, WorkspaceSession::WhenMissing::Refuse);
        auto console = WorkspaceSession::open(pathFor(QStringLiteral("console-demo.aicp")),
                                              WorkspaceSession::WhenMissing::CreateDemo);
        QVERIFY(cli.ok());
        QVERIFY(console.ok());
        QCOMPARE((*console)->customers()->size(), (*cli)->customers()->size());
        QVERIFY(*(*console)->customers() == *(*cli)->customers());
    }

    void openingAMissingFileForReadingCreatesNothing() {
        const QString path = pathFor(QStringLiteral("missing.aicp"));
        auto session = WorkspaceSession::open(path, WorkspaceSession::WhenMissing::Refuse);
        QVERIFY(!session.ok());
        QCOMPARE(session.error().code(), Error::Code::NotFound);
        QVERIFY(!QFile::exists(path));
    }

    void junkFileIsRefusedAndLeftByteForByte_data() {
        QTest::addColumn<int>("whenMissing");
        QTest::newRow("as the default (demo)")
            << static_cast<int>(WorkspaceSession::WhenMissing::CreateDemo);
        QTest::newRow("as --db FILE")
            << static_cast<int>(WorkspaceSession::WhenMissing::CreateEmpty);
        QTest::newRow("from File > Open")
            << static_cast<int>(WorkspaceSession::WhenMissing::Refuse);
    }

    void junkFileIsRefusedAndLeftByteForByte() {
        QFETCH(int, whenMissing);
        const QString path = pathFor(QStringLiteral("junk.aicp"));
        QByteArray junk = "not a workspace, just some bytes a user saved by mistake\n";
        junk.append(4096, '\x5a');
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(file.write(junk), junk.size());
        }

        auto session =
            WorkspaceSession::open(path, static_cast<WorkspaceSession::WhenMissing>(whenMissing));
        QVERIFY(!session.ok());
        QCOMPARE(session.error().code(), Error::Code::Corrupt);
        QVERIFY2(session.error().message().contains(QStringLiteral("not an aicp workspace")),
                 qPrintable(session.error().message()));
        QCOMPARE(readAll(path), junk);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(path + QStringLiteral("-shm")));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceSession)
#include "tst_workspacesession.moc"

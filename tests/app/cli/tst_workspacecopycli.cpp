#include "support/clirunner.h"
#include "support/generatedusage.h"

#include <csignal>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QTest>

using namespace aicp::clitest;

// `aicp workspace copy --to DEST` run as a script runs it: the demo copied
// into PostgreSQL (or a second file, without a cluster) and back, the same
// reports on every copy, and each refusal one line that leaves DEST as it was.
class TestWorkspaceCopyCli : public QObject {
    Q_OBJECT

    CliSandbox sandbox_;

    CliRun run(const QStringList& arguments) const {
        return sandbox_.run(arguments, sandbox_.environment());
    }
    CliRun copy(const QString& from, const QString& to) const {
        return run({QStringLiteral("--db"), from, QStringLiteral("workspace"),
                    QStringLiteral("copy"), QStringLiteral("--to"), to});
    }
    QByteArray report(const QString& db, const QString& month) const {
        const CliRun made = run({QStringLiteral("--db"), db, QStringLiteral("report"),
                                 QStringLiteral("cost"), QStringLiteral("--month"), month});
        return made.exitCode == 0 ? made.out.toUtf8() : "failed: " + made.err.toUtf8();
    }
    QString workspaceId(const QString& db) const {
        const CliRun info = run({QStringLiteral("--db"), db, QStringLiteral("workspace"),
                                 QStringLiteral("info"), QStringLiteral("--json")});
        return parseObject(info.out).value(QStringLiteral("workspace_id")).toString();
    }
    QString demo(const QString& name) const {
        const QString path = sandbox_.file(name);
        const CliRun made = run({QStringLiteral("--db"), path, QStringLiteral("demo")});
        if (made.exitCode != 0)
            qWarning("demo failed: %s", qPrintable(made.err));
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(sandbox_.isReady()); }

    void theDemoGoesThereAndBackAndSaysWhatItVerified() {
        const QString source = demo(QStringLiteral("demo.aicp"));
        // A database of this test's own on the cluster, else a second file.
        const QString middle = aicp::test::onPostgres() ? sandbox_.testWorkspace()
                                                        : sandbox_.file(QStringLiteral("b.aicp"));
        const CliRun there = copy(source, middle);
        QCOMPARE(there.exitCode, 0);
        QCOMPARE(there.err, QString());
        QCOMPARE(there.outLines().size(), qsizetype(2));
        QVERIFY2(there.outLines().at(0).startsWith(QStringLiteral(
                     "Copied 37 tables, 54,984 rows (22 customers, 28 licenses, 15,465 usage "
                     "events, 0 invoices) from ")),
                 qPrintable(there.out));
        QCOMPARE(there.outLines().at(1),
                 QStringLiteral("Verified: row counts equal, audit chain intact (67 entries), 11 "
                                "monthly cost reports identical."));

        const QString back = sandbox_.file(QStringLiteral("back.aicp"));
        const CliRun returned = copy(middle, back);
        QCOMPARE(returned.exitCode, 0);
        QVERIFY(returned.out.contains(QStringLiteral("15,465 usage events")));

        const QString json = sandbox_.file(QStringLiteral("json.aicp"));
        const CliRun asJson =
            run({QStringLiteral("--db"), source, QStringLiteral("workspace"),
                 QStringLiteral("copy"), QStringLiteral("--to"), json, QStringLiteral("--json")});
        QCOMPARE(asJson.exitCode, 0);
        const QJsonObject answer = parseObject(asJson.out);
        QCOMPARE(answer.value(QStringLiteral("verified")).toBool(), true);
        QCOMPARE(answer.value(QStringLiteral("audit_entries")).toInt(), 67);
        QCOMPARE(answer.value(QStringLiteral("cost_reports")).toInt(), 11);
        const QJsonObject tables = answer.value(QStringLiteral("tables")).toObject();
        QCOMPARE(tables.size(), 37);
        QCOMPARE(tables.value(QStringLiteral("activations")).toInt(), 36);
        QCOMPARE(tables.value(QStringLiteral("webhook_messages")).toInt(), 30);
        QCOMPARE(tables.value(QStringLiteral("seller")).toInt(-1), 0);
        QCOMPARE(tables.value(QStringLiteral("usage_events")).toInt(), 15465);
        QCOMPARE(tables.value(QStringLiteral("customers")).toInt(), 22);

        const QString id = workspaceId(source);
        QCOMPARE(id.size(), 36);
        QCOMPARE(workspaceId(middle), id);
        QCOMPARE(workspaceId(back), id);
        for (const QString& month : {QStringLiteral("2026-10"), QStringLiteral("2026-11")}) {
            const QByteArray expected = report(source, month);
            QVERIFY(expected.startsWith("month,kind,"));
            QCOMPARE(report(middle, month), expected);
            QCOMPARE(report(back, month), expected);
        }
    }

    void eachRefusalIsOneLineAndLeavesTheDestinationAsItWas() {
        const QString source = demo(QStringLiteral("refusing.aicp"));
        const QString taken = demo(QStringLiteral("taken.aicp"));
        const QByteArray before = readBytes(taken);
        verifyOneErrorLine(copy(source, taken), 1, QStringLiteral("exists already"));
        QCOMPARE(readBytes(taken), before);

        verifyOneErrorLine(copy(source, source), 1, QStringLiteral("the workspace being copied"));
        const QString nowhere = sandbox_.file(QStringLiteral("nowhere.aicp"));
        verifyOneErrorLine(copy(sandbox_.file(QStringLiteral("missing.aicp")), nowhere), 1,
                           QStringLiteral("no workspace"));
        QVERIFY(!QFileInfo::exists(nowhere));
        verifyOneErrorLine(run({QStringLiteral("--db"), source, QStringLiteral("workspace"),
                                QStringLiteral("copy")}),
                           2, QStringLiteral("--to"));
        verifyOneErrorLine(copy(source, QStringLiteral("postgresql:///aicp?host=/nonexistent")), 1,
                           QStringLiteral("cannot connect"));

        if (!aicp::test::onPostgres())
            return;
        const QString database = sandbox_.testWorkspace();
        QCOMPARE(copy(source, database).exitCode, 0);
        verifyOneErrorLine(copy(taken, database), 1, QStringLiteral("holds a workspace already"));
        QCOMPARE(workspaceId(database), workspaceId(source));
    }

    // Ctrl-C while the rows go over: the copy stops at its next batch,
    // removes the partial file it was building beside DEST and says so,
    // instead of dying and leaving that file behind.
    void ctrlCStopsTheCopyAndLeavesNothing() {
        const QString source = demo(QStringLiteral("interrupted.aicp"));
        const QString events = sandbox_.file(QStringLiteral("many.csv"));
        QVERIFY(aicp::test::writeGeneratedUsage(aicp::test::benchmarkUsage(50'000), events));
        QCOMPARE(run({QStringLiteral("--db"), source, QStringLiteral("usage"),
                      QStringLiteral("import"), events})
                     .exitCode,
                 0);
        const QString destination = sandbox_.file(QStringLiteral("half.aicp"));
        const QDir folder = QFileInfo(destination).dir();
        const auto partialFiles = [&folder] {
            return folder.entryList({QStringLiteral(".half.aicp.partial-*")},
                                    QDir::Files | QDir::Hidden);
        };

        QProcess copying;
        copying.setProcessEnvironment(sandbox_.environment());
        copying.start(sandbox_.program(),
                      {QStringLiteral("--db"), source, QStringLiteral("workspace"),
                       QStringLiteral("copy"), QStringLiteral("--to"), destination});
        QVERIFY(copying.waitForStarted());
        // The partial file appears once the copy has begun writing.
        QElapsedTimer waited;
        waited.start();
        while (partialFiles().isEmpty() && waited.elapsed() < 60'000 &&
               copying.state() == QProcess::Running)
            QTest::qWait(1);
        QVERIFY2(!partialFiles().isEmpty(), "the copy never began");
        QCOMPARE(::kill(pid_t(copying.processId()), SIGINT), 0);
        QVERIFY(copying.waitForFinished(60'000));
        const QString err = QString::fromUtf8(copying.readAllStandardError());
        QCOMPARE(copying.exitStatus(), QProcess::NormalExit);
        QCOMPARE(copying.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("the copy was stopped; nothing was left at")),
                 qPrintable(err));
        QCOMPARE(err.count(u'\n'), 1);
        QVERIFY(!QFileInfo::exists(destination));
        QCOMPARE(partialFiles(), QStringList());
        // And the next try goes through.
        QCOMPARE(copy(source, destination).exitCode, 0);
    }

    void helpNamesTheDestination() {
        const CliRun help =
            run({QStringLiteral("workspace"), QStringLiteral("copy"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("--to DEST")));
        QVERIFY(help.out.contains(QStringLiteral("byte for byte")));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceCopyCli)
#include "tst_workspacecopycli.moc"

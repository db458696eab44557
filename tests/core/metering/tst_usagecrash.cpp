// An import killed with SIGKILL at any point leaves the workspace exactly as
// it was, and importing again gives exactly the right counts: SQLite's
// transaction, not our code, is what guarantees it, and this test holds us
// to using it (one transaction, nothing committed early).
#include "metering/usagegenerator.h"
#include "metering/usageimporter.h"
#include "metering/usagequery.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/generatedusage.h"
#include "support/tempworkspace.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

using namespace aicp;

namespace {

constexpr std::int64_t kRows = 120'000;
constexpr int kDuplicateEvery = 100;
constexpr std::int64_t kDistinct = kRows - kRows / kDuplicateEvery;

std::int64_t count(Workspace& workspace, const char* sql) {
    auto query = Statement::prepare(workspace.handle(), sql);
    if (!query || !query->step().valueOr(false))
        return -1;
    return query->int64(0);
}

}  // namespace

class TestUsageCrash : public QObject {
    Q_OBJECT

private:
    test::TempWorkspace workspace_;
    QString bigFile_;
    QString smallFile_;

    // Starts the helper on the big file, in batches of `batchEvents`, and
    // SIGKILLs it once it has reported `killAfterRows` rows; false when it
    // finished first.
    bool importAndKill(std::int64_t killAfterRows, std::int64_t batchEvents) {
        QProcess helper;
        helper.start(QStringLiteral(AICP_USAGE_IMPORT_HELPER),
                     {workspace_.path(), bigFile_, QString::number(batchEvents)});
        if (!helper.waitForStarted(5000))
            qFatal("the import helper did not start");
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 15000) {
            if (!helper.canReadLine() && !helper.waitForReadyRead(5000))
                break;
            while (helper.canReadLine()) {
                const QByteArray line = helper.readLine().trimmed();
                if (line.startsWith("rows ") && line.mid(5).toLongLong() >= killAfterRows) {
                    helper.kill();  // SIGKILL on Unix: no handler, no cleanup
                    helper.waitForFinished(5000);
                    return true;
                }
            }
        }
        helper.kill();
        helper.waitForFinished(5000);
        return false;
    }

private slots:
    void initTestCase() {
        QVERIFY2(workspace_.ok(), qPrintable(workspace_.error()));
        bigFile_ = workspace_.file(QStringLiteral("big.csv"));
        smallFile_ = workspace_.file(QStringLiteral("small.csv"));
        UsageGeneratorSpec spec;
        spec.rows = kRows;
        spec.duplicateEvery = kDuplicateEvery;
        spec.ids = GeneratedIds::V4;  // random keys: small batches set the key index aside
        spec.shuffled = true;
        QVERIFY(test::writeGeneratedUsage(spec, bigFile_));
        spec = {};
        spec.rows = 1000;
        spec.seed = 99;  // different ids from the big file
        QVERIFY(test::writeGeneratedUsage(spec, smallFile_));
    }

    void killedImportsLeaveTheWorkspaceAsItWas() {
        auto report = UsageImporter(*workspace_).importFile(smallFile_);
        QVERIFY(report);
        QCOMPARE(report->newEvents, 1000);
        workspace_.close();  // the helper imports into it
        // Early, and late in the file (after most rows and aggregate
        // flushes, close to the commit); in two batches (the key index
        // kept) and in thirty (the key index set aside, DeferredKeyIndex).
        const std::int64_t kills[][2] = {
            {20'000, 65'536}, {kRows - 20'000, 65'536}, {20'000, 4'096}, {kRows - 20'000, 4'096}};
        for (const auto& [killAt, batchEvents] : kills) {
            QVERIFY2(importAndKill(killAt, batchEvents),
                     "the helper finished before it could be killed");
            QVERIFY2(workspace_.reopen(), qPrintable(workspace_.error()));
            Workspace& workspace = *workspace_;
            QCOMPARE(count(workspace, "SELECT count(*) FROM usage_events"), 1000);
            QCOMPARE(count(workspace, "SELECT count(*) FROM usage_imports"), 1);
            QCOMPARE(count(workspace, "SELECT sum(requests) FROM usage_hourly"),
                     count(workspace, "SELECT sum(quantity) FROM usage_events"));
            if (!test::onPostgres()) {
                QCOMPARE(count(workspace, "PRAGMA quick_check = 1") == -1, false);
                QCOMPARE(count(workspace,
                               "SELECT count(*) FROM sqlite_schema "
                               "WHERE name = 'usage_events_by_key'"),
                         1);
            }
            workspace_.close();
        }

        QVERIFY2(workspace_.reopen(), qPrintable(workspace_.error()));
        Workspace& workspace = *workspace_;
        auto whole = UsageImporter(workspace).importFile(bigFile_);
        QVERIFY(whole);
        QCOMPARE(whole->newEvents, kDistinct);
        QCOMPARE(whole->duplicates, kRows / kDuplicateEvery);
        QCOMPARE(count(workspace, "SELECT count(*) FROM usage_events"), 1000 + kDistinct);
        QCOMPARE(count(workspace, "SELECT count(*) FROM usage_imports"), 2);
        QCOMPARE(count(workspace, "SELECT sum(requests) FROM usage_hourly"),
                 count(workspace, "SELECT sum(quantity) FROM usage_events"));
        auto again = UsageImporter(workspace).importFile(bigFile_);
        QVERIFY(again);
        QCOMPARE(again->newEvents, 0);
        QCOMPARE(again->duplicates, kRows);
    }
};

QTEST_GUILESS_MAIN(TestUsageCrash)
#include "tst_usagecrash.moc"

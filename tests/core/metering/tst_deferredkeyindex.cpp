// A big import in random key order sets the key index aside
// (DeferredKeyIndex): every event is still stored exactly once, the first
// of equal ones, the aggregates are exact, the index comes back as it was,
// and a failed import leaves it untouched. Batches are made small so that
// a few thousand events make a "big" import. On PostgreSQL (which keeps its
// unique key) the same imports check the same guarantees.
#include "metering/deferredkeyindex.h"
#include "metering/keyfilter.h"
#include "metering/usagegenerator.h"
#include "metering/usageimporter.h"
#include "storage/database.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/usageeventkey.h"
#include "storage/workspace.h"
#include "support/generatedusage.h"
#include "support/tempworkspace.h"
#include "support/usageaggregates.h"

#include <random>
#include <stop_token>

#include <QFile>
#include <QTest>

using namespace aicp;

class TestDeferredKeyIndex : public QObject {
    Q_OBJECT

private:
    static constexpr std::size_t kBatch = 500;

    test::TempWorkspace workspace_;
    int files_ = 0;

    QString generate(const UsageGeneratorSpec& spec) {
        const QString path = workspace_.file(QStringLiteral("gen%1.csv").arg(++files_));
        if (!test::writeGeneratedUsage(spec, path))
            qFatal("cannot write a generated file");
        return path;
    }
    QString write(const QByteArray& bytes) {
        const QString path = workspace_.file(QStringLiteral("file%1.csv").arg(++files_));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write a test file");
        return path;
    }
    static QByteArray read(const QString& path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    Result<UsageImportReport> import(const QString& path, UsageImportOptions options = {}) {
        options.batchEvents = kBatch;
        return UsageImporter(*workspace_).importFile(path, options);
    }
    std::int64_t count(std::string_view sql) {
        return queryInt64(workspace_->handle(), sql).value();
    }
    // The key index as the migration made it, and no held events left
    // (SQLite's: on PostgreSQL the unique key does the work).
    void verifyIndexIsBack() {
        if (workspace_->handle()->engine() != Database::Engine::Sqlite)
            return;
        auto sql = queryFirstRow<QString>(
            workspace_->handle(),
            "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = 'usage_events_by_key'",
            [](const Statement& row) { return row.text(0); });
        QVERIFY(sql && *sql);
        QCOMPARE(**sql, QString::fromLatin1(kCreateUsageEventKeyIndex));
        QCOMPARE(count("SELECT count(*) FROM temp.sqlite_schema WHERE name = 'aicp_held_events'"),
                 0);
        QCOMPARE(count("SELECT count(*) FROM usage_events INDEXED BY usage_events_by_key "
                       "WHERE event_key IS NOT NULL"),
                 count("SELECT count(*) FROM usage_events"));
    }
    static UsageGeneratorSpec randomSpec(std::int64_t rows, std::uint64_t seed) {
        UsageGeneratorSpec spec;
        spec.rows = rows;
        spec.ids = GeneratedIds::V4;
        spec.shuffled = true;
        spec.severalSources = true;
        spec.seed = seed;
        return spec;
    }

private slots:
    void init() { QVERIFY2(workspace_.renew(), qPrintable(workspace_.error())); }

    void theFilterNeverForgetsAKeyAndRarelyImaginesOne() {
        // Three times what it was sized for: it grows, and keeps every key.
        KeyFilter filter(100'000);
        std::mt19937_64 random(7);
        std::vector<std::int64_t> keys(300'000);
        for (std::int64_t& key : keys) {
            key = std::int64_t(random());
            filter.add(key);
        }
        for (const std::int64_t key : keys)
            QVERIFY(filter.mayContain(key));
        // addIfAbsent: false for a key it has, true (and then has it) else.
        QVERIFY(!filter.addIfAbsent(keys.front()));
        KeyFilter fresh(1'000);
        QVERIFY(fresh.addIfAbsent(42));
        QVERIFY(fresh.mayContain(42));
        QVERIFY(!fresh.addIfAbsent(42));
        int imagined = 0;
        for (int i = 0; i < 100'000; ++i)
            imagined += filter.mayContain(std::int64_t(random())) ? 1 : 0;
        QVERIFY2(imagined < 3'000, qPrintable(QString::number(imagined)));
        // UUIDv7 keys differ in a few bits only; they are mixed first.
        KeyFilter times(1'000);
        for (std::int64_t ms = 0; ms < 50'000; ++ms)
            times.add((std::int64_t(1'790'000'000'000) + ms) << 16);
        imagined = 0;
        for (std::int64_t ms = 50'000; ms < 100'000; ++ms)
            imagined += times.mayContain((std::int64_t(1'790'000'000'000) + ms) << 16) ? 1 : 0;
        QVERIFY2(imagined < 1'500, qPrintable(QString::number(imagined)));
    }

    void aBigImportStoresEachEventOnceWithExactAggregates() {
        // A repeat every 7th row: the repeats are held and found again.
        UsageGeneratorSpec spec = randomSpec(14'000, 1);
        spec.duplicateEvery = 7;
        const UsageGenerator generator(spec);
        std::int64_t distinct = 0;
        const test::UsageAggregates expected =
            test::expectedUsageAggregates({&generator}, &distinct);
        auto report = import(generate(spec));
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report->newEvents, distinct);
        QCOMPARE(report->duplicates, 14'000 - distinct);
        test::UsageAggregates actual = test::readUsageAggregates(*workspace_);
        actual.imports = expected.imports;
        QVERIFY(actual == expected);
        verifyIndexIsBack();

        // A second big file overlapping the first: new ones in, old ones not.
        const UsageGeneratorSpec more = randomSpec(9'000, 2);
        const UsageGenerator moreRows(more);
        QByteArray overlapping = read(generate(more));
        const QList<QByteArray> firstLines = read(generate(spec)).split('\n');
        for (int line = 1; line <= 2'000; ++line)
            overlapping += firstLines.at(line) + '\n';
        report = import(write(overlapping));
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        std::int64_t both = 0;
        const test::UsageAggregates expectedBoth =
            test::expectedUsageAggregates({&generator, &moreRows}, &both);
        QCOMPARE(report->newEvents, both - distinct);
        QCOMPARE(report->duplicates, 11'000 - report->newEvents);
        actual = test::readUsageAggregates(*workspace_);
        actual.imports = expectedBoth.imports;
        QVERIFY(actual == expectedBoth);
        verifyIndexIsBack();
    }

    void theFirstOfEqualEventsIsTheOneStored() {
        // 6,000 events, then 1,000 of them again for another customer.
        QByteArray file = read(generate(randomSpec(6'000, 3)));
        const QList<QByteArray> lines = file.split('\n');
        const auto customer = lines.at(0).split(',').indexOf("customer_id");
        QVERIFY(customer >= 0);
        for (int line = 1; line <= 1'000; ++line) {
            QList<QByteArray> fields = lines.at(line * 5).split(',');
            fields[customer] = "someone-else";
            file += fields.join(',') + '\n';
        }
        auto report = import(write(file));
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report->newEvents, 6'000);
        QCOMPARE(report->duplicates, 1'000);
        QCOMPARE(count("SELECT count(*) FROM usage_events WHERE customer_id = 'someone-else'"), 0);
        verifyIndexIsBack();
    }

    void aFailureAfterTheIndexIsSetAsideLeavesItAsItWas() {
        QVERIFY(import(generate(randomSpec(1'000, 4))));
        const std::int64_t stored = count("SELECT count(*) FROM usage_events");
        // A bad row far past the first batch: the index is aside by then.
        QByteArray file = read(generate(randomSpec(5'000, 5)));
        file += "bad-row,not-a-time,acme,a1,u1,,,1\n";
        auto report = import(write(file));
        QVERIFY(!report);
        QCOMPARE(report.error().code(), Error::Code::InvalidInput);
        QCOMPARE(count("SELECT count(*) FROM usage_events"), stored);
        verifyIndexIsBack();
    }

    void aCancelAfterTheIndexIsSetAsideLeavesItAsItWas() {
        QVERIFY(import(generate(randomSpec(1'000, 6))));
        // Stopped at the first progress report (8,192 rows, sixteen batches
        // in: the first has long set the index aside), caught at the next.
        std::stop_source stop;
        UsageImportOptions options;
        options.stop = stop.get_token();
        options.progress = [&stop](const UsageImportProgress&) { stop.request_stop(); };
        auto report = import(generate(randomSpec(20'000, 7)), options);
        QVERIFY(!report);
        QCOMPARE(report.error().code(), Error::Code::Cancelled);
        QCOMPARE(count("SELECT count(*) FROM usage_events"), 1'000);
        verifyIndexIsBack();
    }

    void theIndexBuildStopsWhenAskedAndRollsBack() {
        if (workspace_->handle()->engine() != Database::Engine::Sqlite)
            QSKIP("PostgreSQL keeps its unique key; no index is set aside there");
        QVERIFY(import(generate(randomSpec(30'000, 8))));
        // Asked while it builds; the first "no" stops the build.
        for (const bool keepGoing : {false, true}) {
            auto transaction = Transaction::begin(workspace_->handle());
            QVERIFY(transaction);
            auto deferred = DeferredKeyIndex::start(workspace_->handle(), 30'000);
            QVERIFY2(deferred, deferred ? "" : qPrintable(deferred.error().message()));
            int asked = 0;
            const Status built = (*deferred)->finishIndex([&asked, keepGoing] {
                ++asked;
                return keepGoing;
            });
            QVERIFY(asked >= 1);
            QCOMPARE(built.ok(), keepGoing);
            if (keepGoing)
                QCOMPARE((*deferred)
                             ->takeHeld([](const UsageEventRecord&, bool) { return Status(); })
                             .ok(),
                         true);
            QVERIFY(transaction->rollback());
            verifyIndexIsBack();
        }
    }

    void aCancelWhileTheIndexIsBuiltKeepsNothing() {
        if (workspace_->handle()->engine() != Database::Engine::Sqlite)
            QSKIP("PostgreSQL keeps its unique key; no index is set aside there");
        QVERIFY(import(generate(randomSpec(1'000, 9))));
        // The import says when every row is read and the index is being
        // built; a cancel then stops the build, and nothing is kept.
        std::stop_source stop;
        int building = 0;
        UsageImportOptions options;
        options.stop = stop.get_token();
        options.progress = [&stop, &building](const UsageImportProgress& progress) {
            if (progress.stage == UsageImportProgress::Stage::BuildingIndex) {
                ++building;
                QCOMPARE(progress.rows, 30'000);
                stop.request_stop();
            }
        };
        auto report = import(generate(randomSpec(30'000, 10)), options);
        QCOMPARE(building, 1);
        QVERIFY(!report);
        QCOMPARE(report.error().code(), Error::Code::Cancelled);
        QCOMPARE(count("SELECT count(*) FROM usage_events"), 1'000);
        verifyIndexIsBack();

        // Without the cancel the same file says so once, then imports.
        building = 0;
        options.stop = {};
        options.progress = [&building](const UsageImportProgress& progress) {
            building += progress.stage == UsageImportProgress::Stage::BuildingIndex ? 1 : 0;
        };
        report = import(generate(randomSpec(30'000, 10)), options);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(building, 1);
        QCOMPARE(report->newEvents, 30'000);
        verifyIndexIsBack();
    }
};

QTEST_GUILESS_MAIN(TestDeferredKeyIndex)
#include "tst_deferredkeyindex.moc"

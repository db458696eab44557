// Importing usage into a workspace: exact counts, deduplication, refusals
// that leave the workspace untouched, reject files, cancel, late events and
// the summary and series queries.
#include "common/utctime.h"
#include "metering/closedperiods.h"
#include "metering/usagegenerator.h"
#include "metering/usageimporter.h"
#include "metering/usagequery.h"
#include "storage/query.h"
#include "storage/statement.h"
#include "storage/usageeventkey.h"
#include "storage/workspace.h"
#include "support/generatedusage.h"
#include "support/tempworkspace.h"
#include "support/usageaggregates.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace aicp;

namespace {

const QByteArray kHeader =
    "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,compliance_modules,quantity\n";

}  // namespace

class TestUsageImport : public QObject {
    Q_OBJECT

private:
    test::TempWorkspace workspace_;  // renewed for each test
    int files_ = 0;

    QString write(const QByteArray& bytes, const QString& suffix = QStringLiteral("csv")) {
        const QString path =
            workspace_.file(QStringLiteral("usage%1.%2").arg(++files_).arg(suffix));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write a test file");
        return path;
    }
    QString generate(const UsageGeneratorSpec& spec, bool csv) {
        const QString path =
            workspace_.file(QStringLiteral("gen%1.%2")
                                .arg(++files_)
                                .arg(csv ? QStringLiteral("csv") : QStringLiteral("jsonl")));
        if (!test::writeGeneratedUsage(
                spec, path, csv ? test::UsageFileFormat::Csv : test::UsageFileFormat::JsonLines))
            qFatal("cannot write a generated file");
        return path;
    }
    // acme's usage in one month, as the Usage page reads it.
    Result<MonthlyUsageSummary> acme(YearMonth month) {
        return UsageQuery(*workspace_).monthlySummary(QStringLiteral("acme"), month);
    }
    Result<UsageImportReport> import(const QString& path, UsageImportOptions options = {}) {
        return UsageImporter(*workspace_).importFile(path, options);
    }
    // A CSV file of these rows under the usual header, imported.
    Result<UsageImportReport> importRows(const QByteArray& rows) {
        return import(write(kHeader + rows));
    }

private slots:
    void init() { QVERIFY2(workspace_.renew(), qPrintable(workspace_.error())); }

    void generatedCountsMatchIndependentExpectations_data() {
        QTest::addColumn<bool>("csv");
        QTest::newRow("csv") << true;
        QTest::newRow("jsonl") << false;
    }
    void generatedCountsMatchIndependentExpectations() {
        QFETCH(bool, csv);
        UsageGeneratorSpec spec;
        spec.rows = 20000;
        spec.customers = 7;
        spec.days = 45;  // crosses a month end: seats counted per month
        spec.duplicateEvery = 50;
        spec.severalSources = true;
        const UsageGenerator generator(spec);
        std::int64_t distinct = 0;
        const test::UsageAggregates expected =
            test::expectedUsageAggregates({&generator}, &distinct);
        QCOMPARE(distinct, 20000 - 20000 / 50);

        auto report = import(generate(spec, csv));
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report->rows, 20000);
        QCOMPARE(report->newEvents, 19600);
        QCOMPARE(report->duplicates, 400);
        QCOMPARE(report->rejected, 0);
        QCOMPARE(report->late, 0);
        QCOMPARE(report->sha256.size(), 64);

        test::UsageAggregates actual = test::readUsageAggregates(*workspace_);
        QCOMPARE(actual.imports, 1);
        actual.imports = 0;
        QVERIFY(actual.hourly == expected.hourly);
        QVERIFY(actual.packs == expected.packs);
        QVERIFY(actual.modules == expected.modules);
        QVERIFY(actual.users == expected.users);
        QVERIFY(actual.agents == expected.agents);
        QCOMPARE(actual.events, expected.events);

        // The summary reads the same aggregates.
        std::int64_t marchRequests = 0;
        std::int64_t marchGdpr = 0;
        std::set<std::string> marchUsers;
        for (const auto& [key, requests] : expected.hourly) {
            if (key.first == "cust-003" && test::monthOf(key.second) == "2026-03")
                marchRequests += requests;
        }
        for (const auto& [key, requests] : expected.modules) {
            if (std::get<0>(key) == "cust-003" && test::monthOf(std::get<1>(key)) == "2026-03" &&
                std::get<2>(key) == "gdpr")
                marchGdpr += requests;
        }
        for (const auto& [customer, month, user] : expected.users) {
            if (customer == "cust-003" && month == "2026-03")
                marchUsers.insert(user);
        }
        auto summary =
            UsageQuery(*workspace_).monthlySummary(QStringLiteral("cust-003"), {2026, 3});
        QVERIFY(summary);
        QCOMPARE(summary->requests, marchRequests);
        QCOMPARE(summary->complianceModules.at(QStringLiteral("gdpr")), marchGdpr);
        QCOMPARE(summary->activeUsers, std::int64_t(marchUsers.size()));
        QCOMPARE(summary->activeAgents, 8);
    }

    void sameFileTwiceChangesNothing() {
        UsageGeneratorSpec spec;
        spec.rows = 3000;
        const QString path = generate(spec, true);
        QVERIFY(import(path));
        const test::UsageAggregates before = test::readUsageAggregates(*workspace_);
        auto again = import(path);
        QVERIFY(again);
        QCOMPARE(again->newEvents, 0);
        QCOMPARE(again->duplicates, 3000);
        test::UsageAggregates after = test::readUsageAggregates(*workspace_);
        QCOMPARE(after.imports, 2);  // the second import is recorded, with its counts
        after.imports = 1;
        QVERIFY(after == before);
    }

    void theSameEventsAsJsonlAreDuplicatesOfTheCsv() {
        UsageGeneratorSpec spec;
        spec.rows = 2000;
        QCOMPARE(import(generate(spec, true))->newEvents, 2000);
        auto jsonl = import(generate(spec, false));
        QVERIFY(jsonl);
        QCOMPARE(jsonl->newEvents, 0);
        QCOMPARE(jsonl->duplicates, 2000);
    }

    void duplicatesWithinAFileCountOnce() {
        auto report = importRows(
            "e1,2026-03-01T10:00:00Z,acme,a1,u1,pii,gdpr,2\n"
            "e1,2026-03-01T10:00:00Z,acme,a1,u1,pii,gdpr,2\n"
            "e2,2026-03-01T10:30:00Z,acme,a1,u2,,,\n");
        QVERIFY(report);
        QCOMPARE(report->newEvents, 2);
        QCOMPARE(report->duplicates, 1);
        // The repeated row counts once: 2 + 1 requests, not 2 + 2 + 1.
        const MonthlyUsageSummary march = acme({2026, 3}).value();
        QCOMPARE(march.requests, 3);
        QCOMPARE(march.policyPacks.at(QStringLiteral("pii")), 2);
        QCOMPARE(march.activeUsers, 2);
        QCOMPARE(march.activeAgents, 1);
    }

    void randomV4IdsInRandomOrderAreStoredExactlyOnce() {
        // Random ids, shuffled time order, a repeat every 7th row, over three
        // sources: then the same events as JSON Lines, and a file that
        // overlaps the first half.
        UsageGeneratorSpec spec;
        spec.rows = 14000;
        spec.ids = GeneratedIds::V4;
        spec.shuffled = true;
        spec.duplicateEvery = 7;
        spec.severalSources = true;
        const UsageGenerator generator(spec);
        std::int64_t distinct = 0;
        const test::UsageAggregates expected =
            test::expectedUsageAggregates({&generator}, &distinct);
        QCOMPARE(distinct, 12000);

        auto first = import(generate(spec, true));
        QVERIFY2(first, first ? "" : qPrintable(first.error().message()));
        QCOMPARE(first->newEvents, 12000);
        QCOMPARE(first->duplicates, 2000);
        auto jsonl = import(generate(spec, false));
        QVERIFY(jsonl);
        QCOMPARE(jsonl->newEvents, 0);
        QCOMPARE(jsonl->duplicates, 14000);
        UsageGeneratorSpec more = spec;
        more.rows = 28000;  // a different shuffle and times: new events only
        more.seed = 2;
        auto third = import(generate(more, true));
        QVERIFY(third);
        QCOMPARE(third->newEvents, 24000);

        test::UsageAggregates actual = test::readUsageAggregates(*workspace_);
        QCOMPARE(actual.events, 36000);
        QCOMPARE(queryInt64(workspace_->handle(),
                            "SELECT count(*) FROM (SELECT DISTINCT source, event_id "
                            "FROM usage_events) AS e")
                     .value(),
                 36000);
        // The first file's aggregates are exactly its distinct events'.
        test::TempWorkspace alone;
        QVERIFY(UsageImporter(*alone).importFile(generate(spec, false)));
        test::UsageAggregates firstOnly = test::readUsageAggregates(*alone);
        firstOnly.imports = expected.imports;
        QVERIFY(firstOnly == expected);
    }

    void overlappingImportsOfSeveralBatchesKeepTheAggregatesExact() {
        // Each file is more than one batch, in the same hours: the first
        // goes straight in (events and aggregates); the second's events are
        // new but its aggregate rows meet stored ones; the third repeats the
        // first; the fourth mixes new events, stored ones and repeats.
        UsageGeneratorSpec first;
        first.rows = 70000;
        first.customers = 4;
        first.days = 3;
        first.ids = GeneratedIds::V4;
        first.shuffled = true;
        UsageGeneratorSpec second = first;
        second.seed = 2;
        UsageGeneratorSpec fourth = first;
        fourth.rows = 80000;
        fourth.seed = 3;
        fourth.duplicateEvery = 9;
        const UsageGenerator firstRows(first);
        const UsageGenerator secondRows(second);
        const UsageGenerator fourthRows(fourth);

        auto stored = import(generate(first, true));
        QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message()));
        QCOMPARE(stored->newEvents, 70000);
        stored = import(generate(second, true));
        QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message()));
        QCOMPARE(stored->newEvents, 70000);
        stored = import(generate(first, false));
        QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message()));
        QCOMPARE(stored->newEvents, 0);
        QCOMPARE(stored->duplicates, 70000);
        QFile fourthFile(generate(fourth, true));
        QFile firstFile(generate(first, true));
        QVERIFY(fourthFile.open(QIODevice::ReadOnly) && firstFile.open(QIODevice::ReadOnly));
        QByteArray mixed = fourthFile.readAll();
        firstFile.readLine();  // the header
        for (int line = 0; line < 30000; ++line)
            mixed += firstFile.readLine();
        stored = import(write(mixed));
        QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message()));

        std::int64_t distinct = 0;
        const test::UsageAggregates expected =
            test::expectedUsageAggregates({&firstRows, &secondRows, &fourthRows}, &distinct);
        QCOMPARE(stored->newEvents, distinct - 140000);
        QCOMPARE(stored->duplicates, 110000 - stored->newEvents);
        test::UsageAggregates actual = test::readUsageAggregates(*workspace_);
        QCOMPARE(actual.imports, 4);
        actual.imports = 0;
        QCOMPARE(actual.events, distinct);
        QVERIFY(actual.hourly == expected.hourly);
        QVERIFY(actual.packs == expected.packs);
        QVERIFY(actual.modules == expected.modules);
        QVERIFY(actual.users == expected.users);
        QVERIFY(actual.agents == expected.agents);
    }

    void anEventSharingAStoredEventsKeyIsStillNew() {
        // A stored event whose key is that of gw/e2 (as a 64-bit collision
        // would make it): gw/e2 is new all the same, and then a duplicate.
        QVERIFY(importRows("e1,2026-03-01T10:00:00Z,acme,a1,u1,,,1\n"));
        QVERIFY(executeWith(workspace_->handle(),
                            "UPDATE usage_events SET event_key = ?1 WHERE event_id = 'e1'",
                            usageEventKey("default", "e2"))
                    .ok());
        auto report = importRows("e2,2026-03-01T10:00:00Z,acme,a1,u1,,,1\n");
        QVERIFY(report);
        QCOMPARE(report->newEvents, 1);
        QCOMPARE(report->duplicates, 0);
        auto again = importRows("e2,2026-03-01T10:00:00Z,acme,a1,u1,,,1\n");
        QCOMPARE(again->newEvents, 0);
        QCOMPARE(again->duplicates, 1);
        QCOMPARE(queryInt64Or(workspace_->handle(),
                              "SELECT count(*) FROM usage_events WHERE event_key = ?1", 0,
                              usageEventKey("default", "e2"))
                     .value(),
                 2);
    }

    void badInputRefusesTheFileAndWritesNothing_data() {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad date") << QByteArray("e1,2026-13-01T00:00:00Z,acme,a,u,,,1")
                                  << "bad.csv:3:2: timestamp '2026-13-01T00:00:00Z' is not a "
                                     "valid date";
        QTest::newRow("unknown zone")
            << QByteArray("e1,2026-03-01T00:00:00 CET,acme,a,u,,,1")
            << "bad.csv:3:2: timestamp '2026-03-01T00:00:00 CET' has an unknown time zone; use "
               "Z or an offset like +02:00";
        QTest::newRow("offset out of range")
            << QByteArray("e1,2026-03-01T00:00:00+25:00,acme,a,u,,,1")
            << "bad.csv:3:2: timestamp '2026-03-01T00:00:00+25:00' has an unknown time zone; "
               "use Z or an offset like +02:00";
        QTest::newRow("no zone") << QByteArray("e1,2026-03-01T00:00:00,acme,a,u,,,1")
                                 << "bad.csv:3:2: timestamp '2026-03-01T00:00:00' has no time "
                                    "zone; add Z for UTC or an offset like +02:00";
        QTest::newRow("negative quantity") << QByteArray("e1,2026-03-01T00:00:00Z,acme,a,u,,,-2")
                                           << "bad.csv:3:8: quantity '-2' is negative";
        QTest::newRow("fractional quantity") << QByteArray("e1,2026-03-01T00:00:00Z,acme,a,u,,,1.5")
                                             << "bad.csv:3:8: quantity '1.5' is not a whole number";
        QTest::newRow("zero quantity") << QByteArray("e1,2026-03-01T00:00:00Z,acme,a,u,,,0")
                                       << "bad.csv:3:8: quantity '0' must be at least 1";
        QTest::newRow("missing id") << QByteArray(",2026-03-01T00:00:00Z,acme,a,u,,,1")
                                    << "bad.csv:3:1: event_id is missing";
        QTest::newRow("long id") << QByteArray(QByteArray(201, 'x') +
                                               ",2026-03-01T00:00:00Z,acme,a,u,,,1")
                                 << "bad.csv:3:1: event_id is longer than 200 bytes";
        QTest::newRow("invalid utf-8") << QByteArray("e1,2026-03-01T00:00:00Z,acme,a,u\xC3(,,,1")
                                       << "bad.csv:3:5: user_id is not valid UTF-8";
        QTest::newRow("customer id syntax")
            << QByteArray("e1,2026-03-01T00:00:00Z,Acme Corp,a,u,,,1")
            << "bad.csv:3:3: customer_id 'Acme Corp' is not a customer id (1 to 64 characters "
               "of a-z, 0-9 and '-')";
        QTest::newRow("missing customer") << QByteArray("e1,2026-03-01T00:00:00Z,,a,u,,,1")
                                          << "bad.csv:3:3: customer_id is missing";
        QTest::newRow("long pack name")
            << QByteArray("e1,2026-03-01T00:00:00Z,acme,a,u," + QByteArray(101, 'p') + ",,1")
            << "bad.csv:3:6: policy_packs has a name longer than 100 bytes";
        QTest::newRow("field count") << QByteArray("e1,2026-03-01T00:00:00Z,acme")
                                     << "bad.csv:3:4: the row has 3 fields; the header has 8";
    }
    void badInputRefusesTheFileAndWritesNothing() {
        QFETCH(QByteArray, row);
        QFETCH(QString, message);
        const test::UsageAggregates before = test::readUsageAggregates(*workspace_);
        // A good row first: it must not be written either.
        const QByteArray csv =
            kHeader + "ok,2026-03-01T00:00:00Z,acme,a,u,pii,gdpr,1\n" + row + "\n";
        QBuffer buffer;
        buffer.setData(csv);
        buffer.open(QIODevice::ReadOnly);
        auto report =
            UsageImporter(*workspace_).importDevice(buffer, QStringLiteral("bad.csv"), {});
        QVERIFY(!report);
        QCOMPARE(report.error().code(), Error::Code::InvalidInput);
        QCOMPARE(report.error().message(), message);
        QVERIFY(test::readUsageAggregates(*workspace_) == before);
    }

    void bomCrlfAndQuotedNewlinesImport() {
        const QByteArray csv =
            "\xEF\xBB\xBF"
            "quantity,compliance_modules,policy_packs,user_id,agent_id,customer_id,timestamp,"
            "event_id,source\r\n"
            "3,\"gdpr;hipaa\",\"pii, x\",\"Smith, J.\",bot,acme,2026-03-01T10:15:00Z,e1,\"gw\"\r\n"
            "\"\",,,u2,bot,acme,2026-03-01T10:45:00+01:00,\"e\"\"2\",\r\n"
            "1,,,u3,bot,acme,2026-03-01T11:00:00Z,e3,gw\r\n";
        auto report = import(write(csv));
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report->newEvents, 3);
        // 10:45+01:00 is 09:45 UTC: hours 09 (1), 10 (3), 11 (1).
        auto series =
            UsageQuery(*workspace_)
                .series(QStringLiteral("acme"), {2026, 3, 1}, {2026, 3, 1}, UsageWindow::Hour);
        QVERIFY(series);
        QCOMPARE(series->size(), std::size_t(24));
        QCOMPARE((*series)[9].requests, 1);
        QCOMPARE((*series)[10].requests, 3);
        QCOMPARE((*series)[11].requests, 1);
        QCOMPARE((*series)[10].start, QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC));
        auto summary = acme({2026, 3});
        QCOMPARE(summary->policyPacks.at(QStringLiteral("pii, x")), 3);
        QCOMPARE(summary->complianceModules.at(QStringLiteral("hipaa")), 3);
        QCOMPARE(summary->activeUsers, 3);

        auto query = Statement::prepare(
            workspace_->handle(),
            "SELECT source, event_id, user_id FROM usage_events ORDER BY occurred_at");
        QVERIFY(query->step().value());
        QCOMPARE(query->text(0), QStringLiteral("default"));  // an empty source cell
        QCOMPARE(query->text(1), QStringLiteral("e\"2"));
        QVERIFY(query->step().value());
        QCOMPARE(query->text(0), QStringLiteral("gw"));
        QCOMPARE(query->text(2), QStringLiteral("Smith, J."));
    }

    void quotedNewlineShiftsLaterLineNumbers() {
        const QByteArray csv = kHeader +
                               "e1,2026-03-01T00:00:00Z,acme,a,\"u\",\"pii;\ntox\",,1\n"
                               "e2,2026-03-01T00:00:00Z,acme,a,u,,,x\n";
        // No field may hold a line break, but a quoted one still moves the
        // line count on.
        UsageImportOptions options;
        options.skipBad = true;
        auto report = import(write(csv), options);
        QVERIFY(report);
        QCOMPARE(report->rejected, 2);
        QCOMPARE(report->firstRejections[0].line, 2);
        QCOMPARE(report->firstRejections[0].column, 6);
        QCOMPARE(report->firstRejections[0].reason,
                 QStringLiteral("policy_packs contains a control character"));
        QCOMPARE(report->firstRejections[1].line, 4);
        QCOMPARE(report->firstRejections[1].column, 8);
        QCOMPARE(report->firstRejections[1].reason, QStringLiteral("quantity 'x' is not a number"));
    }

    void skipBadImportsGoodRowsAndWritesRejects() {
        const QByteArray csv = kHeader +
                               "e1,2026-03-01T00:00:00Z,acme,a,u,,,1\n"
                               "e2,2026-03-01T00:00:00,acme,a,u,,,1\n"
                               "e3,2026-03-01T00:00:00Z,acme,a,u,,,1\n"
                               "e4,2026-03-01T00:00:00Z,acme,a,u,,,-1\n";
        const QString path = write(csv);
        UsageImportOptions options;
        options.skipBad = true;
        auto report = import(path, options);
        QVERIFY(report);
        QCOMPARE(report->newEvents, 2);
        QCOMPARE(report->rejected, 2);
        QCOMPARE(report->rows, 4);
        QCOMPARE(report->rejectFile, path + QStringLiteral(".rejects"));
        QCOMPARE(report->firstRejections.size(), std::size_t(2));
        QCOMPARE(report->firstRejections[1].line, 5);
        QFile rejects(report->rejectFile);
        QVERIFY(rejects.open(QIODevice::ReadOnly));
        const QString name = QFileInfo(path).fileName();
        QCOMPARE(QString::fromUtf8(rejects.readAll()),
                 QString::fromUtf8(kHeader) + QStringLiteral("# ") + name +
                     QStringLiteral(":3:2: timestamp '2026-03-01T00:00:00' has no time zone; add "
                                    "Z for UTC or an offset like +02:00\n"
                                    "e2,2026-03-01T00:00:00,acme,a,u,,,1\n# ") +
                     name +
                     QStringLiteral(":5:8: quantity '-1' is negative\n"
                                    "e4,2026-03-01T00:00:00Z,acme,a,u,,,-1\n"));
        auto records = UsageQuery(*workspace_).imports();
        QCOMPARE(records->size(), std::size_t(1));
        QCOMPARE(records->front().rejected, 2);
        QCOMPARE(records->front().newEvents, 2);
    }

    void noRejectFileWhenNothingIsRejected() {
        UsageImportOptions options;
        options.skipBad = true;
        const QString path = write(kHeader + "e1,2026-03-01T00:00:00Z,acme,a,u,,,1\n");
        auto report = import(path, options);
        QVERIFY(report);
        QVERIFY(report->rejectFile.isEmpty());
        QVERIFY(!QFile::exists(path + QStringLiteral(".rejects")));
    }

    void cancelMidwayLeavesNothing() {
        UsageGeneratorSpec spec;
        spec.rows = 50000;
        const QString path = generate(spec, true);
        std::stop_source stop;
        UsageImportOptions options;
        std::int64_t calls = 0;
        options.stop = stop.get_token();
        options.progress = [&](const UsageImportProgress& progress) {
            ++calls;
            QVERIFY(progress.bytes > 0 && progress.bytes <= progress.totalBytes);
            if (progress.rows >= 20000)
                stop.request_stop();
        };
        auto report = import(path, options);
        QVERIFY(!report);
        QCOMPARE(report.error().code(), Error::Code::Cancelled);
        QVERIFY(calls >= 2);
        const test::UsageAggregates empty;
        QVERIFY(test::readUsageAggregates(*workspace_) == empty);
        // And the same file then imports whole.
        QCOMPARE(import(path)->newEvents, 50000);
    }

    void eventsForAClosedMonthAreLate() {
        QVERIFY(ClosedPeriods(*workspace_).close(QStringLiteral("acme"), {2026, 2}).ok());
        QVERIFY(ClosedPeriods(*workspace_).isClosed(QStringLiteral("acme"), {2026, 2}).value());
        auto report = importRows(
            "e1,2026-02-28T23:59:59Z,acme,a,u,,,4\n"
            "e2,2026-03-01T00:30:00+01:00,acme,a,u,,,1\n"  // still February
            "e3,2026-03-01T00:00:00Z,acme,a,u,,,2\n"
            "e4,2026-02-10T00:00:00Z,other,a,u,,,1\n");
        QVERIFY(report);
        QCOMPARE(report->newEvents, 4);
        QCOMPARE(report->late, 2);
        auto february = acme({2026, 2});
        QCOMPARE(february->requests, 5);
        QCOMPARE(february->lateRequests, 5);
        auto march = acme({2026, 3});
        QCOMPARE(march->requests, 2);
        QCOMPARE(march->lateRequests, 0);
        auto lateRows =
            queryRows<QString>(workspace_->handle(),
                               "SELECT event_id FROM usage_events WHERE late = 1 ORDER BY event_id",
                               [](const Statement& row) { return row.text(0); });
        QCOMPARE(lateRows.value(),
                 std::vector<QString>({QStringLiteral("e1"), QStringLiteral("e2")}));
    }

    void dailySeriesFillsEmptyDays() {
        const QByteArray csv = kHeader +
                               "e1,2026-03-01T00:00:00Z,acme,a,u,pii,,2\n"
                               "e2,2026-03-01T23:59:59Z,acme,a,u,tox,,1\n"
                               "e3,2026-03-03T12:00:00Z,acme,a,u,pii,,5\n"
                               "e4,2026-03-02T12:00:00Z,other,a,u,,,7\n";
        QVERIFY(import(write(csv)));
        const UsageQuery query(*workspace_);
        auto days =
            query.series(QStringLiteral("acme"), {2026, 2, 28}, {2026, 3, 3}, UsageWindow::Day);
        QVERIFY(days);
        QCOMPARE(days->size(), std::size_t(4));
        const std::vector<std::int64_t> expected{0, 3, 0, 5};
        for (std::size_t i = 0; i < expected.size(); ++i)
            QCOMPARE((*days)[i].requests, expected[i]);
        auto packs = query.breakdownSeries(QStringLiteral("acme"), {2026, 3, 1}, {2026, 3, 3},
                                           UsageWindow::Day, UsageBreakdown::PolicyPack);
        QVERIFY(packs);
        QCOMPARE(packs->at(QStringLiteral("pii")), (std::vector<std::int64_t>{2, 0, 5}));
        QCOMPARE(packs->at(QStringLiteral("tox")), (std::vector<std::int64_t>{1, 0, 0}));
        QVERIFY(
            !query.series(QStringLiteral("acme"), {2026, 3, 3}, {2026, 3, 1}, UsageWindow::Day));
        QVERIFY(!query.series(QStringLiteral("Not An Id"), {2026, 3, 1}, {2026, 3, 1},
                              UsageWindow::Day));
    }

    void jsonlImportIsDetectedByContent() {
        const QByteArray jsonl =
            R"({"specversion":"1.0","id":"j1","source":"gw","type":"ai.request.governed","time":"2026-03-05T08:00:00Z","subject":"acme","data":{"agent_id":"a","user_id":"u","policy_packs":["pii"],"compliance_modules":["gdpr"],"quantity":2}})"
            "\n";
        auto report = import(write(jsonl, QStringLiteral("txt")));
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report->format, UsageFormat::Jsonl);
        QCOMPARE(report->newEvents, 1);
        auto summary = acme({2026, 3});
        QCOMPARE(summary->requests, 2);
        QCOMPARE(summary->complianceModules.at(QStringLiteral("gdpr")), 2);
    }

    void quantityColumnMayBeLeftOut() {
        const QByteArray csv =
            "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,compliance_modules\n"
            "e1,2026-03-01T00:00:00Z,acme,a,u,,\n";
        QVERIFY(import(write(csv)));
        QCOMPARE(acme({2026, 3})->requests, 1);
    }

    void importIsRecorded() {
        const QByteArray csv = kHeader + "e1,2026-03-01T00:00:00Z,acme,a,u,,,1\n";
        const QString path = write(csv);
        auto report = import(path);
        QVERIFY(report);
        auto records = UsageQuery(*workspace_).imports();
        QVERIFY(records);
        QCOMPARE(records->size(), std::size_t(1));
        const UsageImportRecord& record = records->front();
        QCOMPARE(record.id, report->importId);
        QCOMPARE(record.fileName, QFileInfo(path).fileName());
        QCOMPARE(record.format, QStringLiteral("csv"));
        QCOMPARE(record.bytes, csv.size());
        QCOMPARE(
            record.sha256,
            QString::fromLatin1(QCryptographicHash::hash(csv, QCryptographicHash::Sha256).toHex()));
        QVERIFY(record.finishedAt.isValid());
        QCOMPARE(record.newEvents, 1);
    }
};

QTEST_GUILESS_MAIN(TestUsageImport)
#include "tst_usageimport.moc"

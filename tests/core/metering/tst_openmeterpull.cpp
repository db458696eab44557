// Pulling hourly aggregates from an OpenMeter-compatible meter query API
// (a fixture server on 127.0.0.1): the values land in the same aggregates an
// import keeps, a re-pull changes nothing, a revised window is applied as the
// difference, an invoiced month gets late usage (raised) or keeps its value
// (lowered), an interrupted pull resumes from its high-water mark, and every
// refused answer leaves the workspace as it was.
#include "metering/closedperiods.h"
#include "metering/openmeterpuller.h"
#include "metering/usagequery.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/openmeterfixture.h"
#include "support/tempworkspace.h"

#include <memory>

#include <QTest>

using namespace aicp;
using aicp::openmetertest::OpenMeterFixture;

namespace {

const QDateTime kNow(QDate(2026, 10, 3), QTime(0, 30), Qt::UTC);
const QDateTime kOct1(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC);
const QDateTime kOct2(QDate(2026, 10, 2), QTime(0, 0), Qt::UTC);
const QByteArray kToken = "om_test_token_0123456789";
const QString kRequests = QStringLiteral("governed_requests");
const QString kPacks = QStringLiteral("pack_requests");
const QString kModules = QStringLiteral("module_requests");
const QString kT0 = QStringLiteral("2026-10-01T00:00:00Z");
const QString kT1 = QStringLiteral("2026-10-01T01:00:00Z");
const QString kAcme = QStringLiteral("acme");
const QString kGlobex = QStringLiteral("globex");

QJsonObject pack(const QString& name) {
    return {{QStringLiteral("pack"), name}};
}
QJsonObject module(const QString& name) {
    return {{QStringLiteral("module"), name}};
}

OpenMeterMapping mapping() {
    OpenMeterMapping result;
    result.requestsMeter = kRequests;
    result.packsMeter = kPacks;
    result.packKey = QStringLiteral("pack");
    result.modulesMeter = kModules;
    result.moduleKey = QStringLiteral("module");
    return result;
}

OpenMeterPullOptions firstDay() {
    OpenMeterPullOptions options;
    options.from = kOct1;
    options.to = kOct2;
    options.now = kNow;
    options.timeoutMs = 10000;
    return options;
}

// Every table a pull writes, as text: equal snapshots, equal workspaces.
QString snapshot(Workspace& workspace) {
    QString text;
    for (const char* table : {"usage_hourly", "usage_hourly_policy_packs",
                              "usage_hourly_compliance_modules", "usage_monthly_users",
                              "usage_monthly_agents", "openmeter_windows", "openmeter_sources"}) {
        auto query = Statement::prepare(
            workspace.handle(), std::string("SELECT * FROM ") + table + " ORDER BY 1, 2, 3");
        if (!query)
            return QStringLiteral("error");
        text += QLatin1String(table) + u'\n';
        static_cast<void>(query->forEachRow([&text](const Statement& row) -> Status {
            for (int column = 0; column < row.columnCount(); ++column)
                text += row.text(column) + u'|';
            text += u'\n';
            return {};
        }));
    }
    return text;
}

}  // namespace

class TstOpenMeterPull : public QObject {
    Q_OBJECT

private:
    test::TempWorkspace workspace_;  // renewed for each test
    std::unique_ptr<OpenMeterFixture> fixture_;

    // acme: 5 requests at 00:00 (4 pii-protection, 2 toxicity, 1 without a
    // pack; 5 gdpr), 3 at 01:00 (3 pii-protection); globex: 7 at 00:00.
    void seed() {
        OpenMeterFixture& om = *fixture_;
        om.addRow(kRequests, kAcme, kT0, 5);
        om.addRow(kRequests, kAcme, kT1, 3);
        om.addRow(kRequests, kGlobex, kT0, 7);
        om.addRow(kPacks, kAcme, kT0, 4, pack(QStringLiteral("pii-protection")));
        om.addRow(kPacks, kAcme, kT0, 2, pack(QStringLiteral("toxicity")));
        om.addRow(kPacks, kAcme, kT0, 1, QJsonObject{{QStringLiteral("pack"), QJsonValue()}});
        om.addRow(kPacks, kAcme, kT1, 3, pack(QStringLiteral("pii-protection")));
        om.addRow(kModules, kAcme, kT0, 5, module(QStringLiteral("gdpr")));
    }

    Result<OpenMeterPullReport> pull(const OpenMeterPullOptions& options = firstDay(),
                                     const OpenMeterMapping& meters = mapping()) {
        return OpenMeterPuller(*workspace_).pull(fixture_->url(), kToken, meters, options);
    }

    MonthlyUsageSummary october(const QString& customer) {
        auto summary = UsageQuery(*workspace_).monthlySummary(customer, YearMonth{2026, 10});
        if (!summary)
            qWarning("%s", qPrintable(summary.error().message()));
        return summary.valueOr(MonthlyUsageSummary{});
    }

    std::int64_t hourly(const QString& customer, const QString& hour) {
        auto query = Statement::prepare(
            workspace_->handle(),
            "SELECT requests FROM usage_hourly WHERE customer_id = ?1 AND hour = ?2");
        if (!query ||
            !query->bindAll(customer, QDateTime::fromString(hour, Qt::ISODate).toSecsSinceEpoch())
                 .ok())
            return -1;
        auto row = query->step();
        const std::int64_t value = row && *row ? query->int64(0) : 0;
        query->reset();
        return value;
    }

private slots:
    void init() {
        QVERIFY2(workspace_.renew(), qPrintable(workspace_.error()));
        fixture_ = std::make_unique<OpenMeterFixture>();
        QVERIFY(fixture_->isListening());
        fixture_->requireToken(kToken);
        seed();
    }
    void cleanup() { fixture_.reset(); }

    void pullsWindowsIntoTheHourlyAggregates() {
        auto report = pull();
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report->pages, 1);
        QCOMPARE(report->requestsSent, 3);  // one per meter
        // 3 request windows, 3 pack windows (the one without a pack adds to
        // none), 1 module window.
        QCOMPARE(report->windows, 7);
        QCOMPARE(report->newWindows, 7);
        QCOMPARE(report->changedWindows, 0);
        QCOMPARE(report->requestsDelta, 15);
        QCOMPARE(report->pulledUntil, kOct2);

        QCOMPARE(hourly(kAcme, kT0), 5);
        QCOMPARE(hourly(kAcme, kT1), 3);
        QCOMPARE(hourly(kGlobex, kT0), 7);
        const MonthlyUsageSummary acme = october(kAcme);
        QCOMPARE(acme.requests, 8);
        QCOMPARE(acme.lateRequests, 0);
        QCOMPARE(acme.policyPacks.size(), std::size_t{2});
        QCOMPARE(acme.policyPacks.at(QStringLiteral("pii-protection")), 7);
        QCOMPARE(acme.policyPacks.at(QStringLiteral("toxicity")), 2);
        QCOMPARE(acme.complianceModules.at(QStringLiteral("gdpr")), 5);
        QCOMPARE(october(kGlobex).requests, 7);

        // What was asked: hourly windows of the first day, grouped by the key.
        const std::vector<QUrl> asked = fixture_->requests();
        QCOMPARE(asked.size(), std::size_t{3});
        QCOMPARE(asked[1].path(), QStringLiteral("/api/v1/meters/pack_requests/query"));
        const QUrlQuery query(asked[1]);
        QCOMPARE(query.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded), kT0);
        QCOMPARE(query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded),
                 QStringLiteral("2026-10-02T00:00:00Z"));
        QCOMPARE(query.queryItemValue(QStringLiteral("windowSize")), QStringLiteral("HOUR"));
        QCOMPARE(query.allQueryItemValues(QStringLiteral("groupBy")),
                 (QStringList{QStringLiteral("subject"), QStringLiteral("pack")}));
        QCOMPARE(QUrlQuery(asked[0]).allQueryItemValues(QStringLiteral("groupBy")),
                 QStringList{QStringLiteral("subject")});
    }

    void pullingAgainChangesNothing() {
        QVERIFY(pull());
        const QString before = snapshot(*workspace_);
        auto again = pull();
        QVERIFY2(again, again ? "" : qPrintable(again.error().message()));
        QCOMPARE(again->newWindows, 0);
        QCOMPARE(again->changedWindows, 0);
        QCOMPARE(again->unchangedWindows, 7);
        QCOMPARE(again->requestsDelta, 0);
        QCOMPARE(october(kAcme).requests, 8);
        QCOMPARE(october(kAcme).policyPacks.at(QStringLiteral("pii-protection")), 7);
        // Only the pull times moved.
        QCOMPARE(snapshot(*workspace_).count(u'\n'), before.count(u'\n'));
    }

    void revisedWindowIsAppliedAsTheDifference() {
        QVERIFY(pull());
        fixture_->setRow(kRequests, kAcme, kT0, 9);     // 5 -> 9
        fixture_->removeRows(kRequests, kGlobex, kT0);  // 7 -> gone
        fixture_->setRow(kPacks, kAcme, kT0, 6, pack(QStringLiteral("pii-protection")));  // 4 -> 6
        fixture_->removeRows(kModules, kAcme, kT0);  // gdpr 5 -> gone
        auto report = pull();
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report->newWindows, 0);
        QCOMPARE(report->changedWindows, 4);
        QCOMPARE(report->unchangedWindows, 3);
        QCOMPARE(report->requestsDelta, 4 - 7);
        QCOMPARE(hourly(kAcme, kT0), 9);
        QCOMPARE(hourly(kGlobex, kT0), 0);
        const MonthlyUsageSummary acme = october(kAcme);
        QCOMPARE(acme.requests, 12);
        QCOMPARE(acme.policyPacks.at(QStringLiteral("pii-protection")), 9);
        QVERIFY(acme.complianceModules.empty());  // no "gdpr: 0" left behind
        QCOMPARE(october(kGlobex).requests, 0);
    }

    void invoicedMonthTakesRaisesAsLateAndKeepsItsValue() {
        QVERIFY(pull());
        QVERIFY(ClosedPeriods(*workspace_).close(kAcme, YearMonth{2026, 10}).ok());
        fixture_->setRow(kRequests, kAcme, kT0, 8);  // 5 -> 8: 3 late
        fixture_->setRow(kRequests, kAcme, kT1, 1);  // 3 -> 1: held
        auto report = pull();
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report->changedWindows, 2);
        QCOMPARE(report->lateWindows, 1);
        QCOMPARE(report->lateRequests, 3);
        QCOMPARE(report->heldWindows, 1);
        const MonthlyUsageSummary acme = october(kAcme);
        QCOMPARE(acme.requests, 8 + 3);
        QCOMPARE(acme.lateRequests, 3);
        QCOMPARE(hourly(kAcme, kT1), 3);

        // The held window is not held again, nor late twice.
        auto again = pull();
        QVERIFY(again);
        QCOMPARE(again->changedWindows, 0);
        QCOMPARE(again->heldWindows, 0);
        QCOMPARE(again->lateWindows, 0);
        QCOMPARE(october(kAcme).requests, 11);
        // Back up to 4: only what goes beyond the 3 kept is new, and late.
        fixture_->setRow(kRequests, kAcme, kT1, 4);
        auto raised = pull();
        QVERIFY(raised);
        QCOMPARE(raised->lateRequests, 1);
        QCOMPARE(october(kAcme).requests, 12);
        QCOMPARE(october(kAcme).lateRequests, 4);
    }

    void interruptedPullResumesFromItsHighWaterMark() {
        // Hour 13 of the first day: 2 requests, asked on the third page.
        fixture_->addRow(kRequests, kAcme, QStringLiteral("2026-10-01T13:00:00Z"), 2);
        OpenMeterMapping requestsOnly;
        requestsOnly.requestsMeter = kRequests;
        OpenMeterPullOptions options = firstDay();
        options.hoursPerPage = 6;
        // Two pages answer, the third fails: as if the process died there.
        fixture_->answerWith(503, "{\"title\":\"unavailable\"}", 2);
        auto broken = pull(options, requestsOnly);
        QVERIFY(!broken);
        QVERIFY2(broken.error().message().contains(QStringLiteral("503")),
                 qPrintable(broken.error().message()));
        auto mark = OpenMeterPuller(*workspace_).pulledUntil(fixture_->url());
        QCOMPARE(*mark, kOct1.addSecs(12 * 3600));
        QCOMPARE(october(kAcme).requests, 8);  // the first two pages are in

        fixture_->answerProperly();
        fixture_->clearRequests();
        OpenMeterPullOptions resume;
        resume.to = kOct2;
        resume.now = kNow;
        resume.lookbackHours = 0;
        resume.hoursPerPage = 6;
        auto resumed = pull(resume, requestsOnly);
        QVERIFY2(resumed, resumed ? "" : qPrintable(resumed.error().message()));
        QCOMPARE(resumed->pages, 2);
        QCOMPARE(resumed->newWindows, 1);
        QCOMPARE(QUrlQuery(fixture_->requests().front())
                     .queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded),
                 QStringLiteral("2026-10-01T12:00:00Z"));
        QCOMPARE(october(kAcme).requests, 10);
        QCOMPARE(*OpenMeterPuller(*workspace_).pulledUntil(fixture_->url()), kOct2);

        // With nothing given, a pull runs to the last complete hour, asking
        // again the look-back below the mark.
        fixture_->clearRequests();
        OpenMeterPullOptions later;
        later.now = kNow;
        later.lookbackHours = 2;
        later.hoursPerPage = 24;
        auto next = pull(later, requestsOnly);
        QVERIFY(next);
        QCOMPARE(next->from, kOct2.addSecs(-2 * 3600));
        QCOMPARE(next->to, QDateTime(QDate(2026, 10, 3), QTime(0, 0), Qt::UTC));
        QCOMPARE(next->pages, 2);
    }

    void subjectFilterLeavesOtherCustomersAlone() {
        QVERIFY(pull());
        fixture_->removeRows(kRequests, kGlobex, kT0);
        fixture_->setRow(kRequests, kAcme, kT1, 4);
        fixture_->clearRequests();
        OpenMeterPullOptions options = firstDay();
        options.subjects = {kAcme};
        auto report = pull(options);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report->changedWindows, 1);  // acme at 01:00; globex was not asked
        QCOMPARE(october(kAcme).requests, 9);
        QCOMPARE(october(kGlobex).requests, 7);
        QCOMPARE(
            QUrlQuery(fixture_->requests().front()).allQueryItemValues(QStringLiteral("subject")),
            QStringList{kAcme});
    }

    void activeUsersComeFromDistinctGroupValues() {
        const QString users = QStringLiteral("users");
        fixture_->addRow(users, kAcme, kT0, 3, {{QStringLiteral("user"), QStringLiteral("ann")}});
        fixture_->addRow(users, kAcme, kT1, 1, {{QStringLiteral("user"), QStringLiteral("ann")}});
        fixture_->addRow(users, kAcme, kT1, 2, {{QStringLiteral("user"), QStringLiteral("bob")}});
        OpenMeterMapping meters = mapping();
        meters.usersMeter = users;
        meters.userKey = QStringLiteral("user");
        QVERIFY(pull(firstDay(), meters));
        QCOMPARE(october(kAcme).activeUsers, 2);
        QCOMPARE(october(kAcme).activeAgents, 0);
    }

    void refusedAnswersLeaveTheWorkspaceUnchanged_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mentions");
        const auto row = [](double value, const QString& start, const QString& end,
                            const QJsonValue& subject) {
            // Answers the policy-pack meter, asked second.
            QJsonObject object{{QStringLiteral("value"), value},
                               {QStringLiteral("windowStart"), start},
                               {QStringLiteral("windowEnd"), end},
                               {QStringLiteral("groupBy"), pack(QStringLiteral("toxicity"))}};
            if (!subject.isUndefined())
                object.insert(QStringLiteral("subject"), subject);
            return object;
        };
        const QString t2 = QStringLiteral("2026-10-01T02:00:00Z");
        QTest::newRow("server error")
            << 500
            << QByteArray(
                   "{\"title\":\"Internal Server Error\",\"detail\":\"ClickHouse "
                   "is down\"}")
            << QStringLiteral("500: ClickHouse is down");
        QTest::newRow("refused token")
            << 401 << QByteArray("{\"detail\":\"invalid API token\"}") << QStringLiteral("401");
        QTest::newRow("not JSON") << 200 << QByteArray("<html>proxy</html>")
                                  << QStringLiteral("not JSON");
        QTest::newRow("no data") << 200 << QByteArray("{\"windowSize\":\"HOUR\"}")
                                 << QStringLiteral("\"data\"");
        QTest::newRow("daily windows") << 200 << OpenMeterFixture::answer({}, QStringLiteral("DAY"))
                                       << QStringLiteral("not HOUR");
        QTest::newRow("no windowStart")
            << 200
            << OpenMeterFixture::answer(
                   {QJsonObject{{QStringLiteral("value"), 1}, {QStringLiteral("subject"), kAcme}}})
            << QStringLiteral("windowStart");
        QTest::newRow("no subject") << 200 << OpenMeterFixture::answer({row(1, kT0, kT1, {})})
                                    << QStringLiteral("\"subject\"");
        QTest::newRow("two hours") << 200 << OpenMeterFixture::answer({row(1, kT0, t2, kAcme)})
                                   << QStringLiteral("not one whole hour");
        QTest::newRow("outside the hours asked")
            << 200
            << OpenMeterFixture::answer({row(1, QStringLiteral("2026-10-02T00:00:00Z"),
                                             QStringLiteral("2026-10-02T01:00:00Z"), kAcme)})
            << QStringLiteral("outside the hours asked");
        QTest::newRow("negative") << 200 << OpenMeterFixture::answer({row(-2, kT0, kT1, kAcme)})
                                  << QStringLiteral("whole number");
        QTest::newRow("fraction") << 200 << OpenMeterFixture::answer({row(2.5, kT0, kT1, kAcme)})
                                  << QStringLiteral("2.5");
        QTest::newRow("subject not a customer id")
            << 200 << OpenMeterFixture::answer({row(1, kT0, kT1, QStringLiteral("Customer X"))})
            << QStringLiteral("'Customer X'");
        QTest::newRow("same window twice")
            << 200 << OpenMeterFixture::answer({row(1, kT0, kT1, kAcme), row(2, kT0, kT1, kAcme)})
            << QStringLiteral("twice");
    }

    void refusedAnswersLeaveTheWorkspaceUnchanged() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, mentions);
        // A workspace with a pull in it already, revised upstream since.
        QVERIFY(pull());
        fixture_->setRow(kRequests, kAcme, kT0, 50);
        const QString before = snapshot(*workspace_);
        // The first meter answers properly; the second is refused, so the
        // whole page is.
        fixture_->answerWith(status, body, 1);
        auto report = pull();
        QVERIFY(!report);
        QVERIFY2(report.error().message().contains(mentions), qPrintable(report.error().message()));
        QCOMPARE(snapshot(*workspace_), before);
    }

    void unknownMeterIsNamed() {
        OpenMeterMapping meters = mapping();
        meters.modulesMeter = QStringLiteral("no_such_meter");
        const QString before = snapshot(*workspace_);
        auto report = pull(firstDay(), meters);
        QVERIFY(!report);
        QCOMPARE(report.error().code(), Error::Code::NotFound);
        QVERIFY2(report.error().message().contains(QStringLiteral("no_such_meter")),
                 qPrintable(report.error().message()));
        QCOMPARE(snapshot(*workspace_), before);
    }

    void mappingMistakesAreRefusedBeforeAsking() {
        OpenMeterMapping meters = mapping();
        meters.packKey.clear();
        auto report = pull(firstDay(), meters);
        QVERIFY(!report);
        QVERIFY(report.error().message().contains(QStringLiteral("give both")));
        meters = mapping();
        meters.requestsMeter = QStringLiteral("bad meter/../x");
        QVERIFY(!pull(firstDay(), meters));
        QVERIFY(!OpenMeterPuller(*workspace_)
                     .pull(QUrl(QStringLiteral("ftp://x")), kToken, mapping(), firstDay()));
        QCOMPARE(fixture_->requestCount(), 0);
    }

    void baseUrlIsTheApiRoot() {
        QCOMPARE(OpenMeterPuller::baseFor(QUrl(QStringLiteral("https://om.example/api/v1/")))
                     ->toString(),
                 QStringLiteral("https://om.example"));
        QCOMPARE(OpenMeterPuller::baseFor(QUrl(QStringLiteral("http://h:8888/")))->toString(),
                 QStringLiteral("http://h:8888"));
    }

    // A schema-6 workspace gains the OpenMeter tables on opening.
    void upgradesASchemaSixWorkspace() {
        const QString file = workspace_.file(QStringLiteral("v6.aicp"));
        const Status written = test::writeOldWorkspace(file, 6);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message()));
        auto workspace = Workspace::open(file);
        QVERIFY2(workspace, workspace ? "" : qPrintable(workspace.error().message()));
        QCOMPARE((*workspace)->schemaVersion(), Workspace::kSchemaVersion);
        QCOMPARE(queryInt64((*workspace)->handle(), "SELECT count(*) FROM openmeter_windows")
                     .valueOr(-1),
                 0);
    }
};

QTEST_GUILESS_MAIN(TstOpenMeterPull)
#include "tst_openmeterpull.moc"

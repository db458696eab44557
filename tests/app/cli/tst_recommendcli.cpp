#include "support/clirunner.h"

#include <QJsonArray>

using namespace aicp::clitest;

// `aicp recommend` on the demo workspace. October 2026 is over, so its
// figures do not depend on the clock: initech (starter, 5 seats, 3 packs, 1
// module) used 133,050 requests with 6 agents. Worked out by hand:
// starter 299 + 33,050 × 0.001 = 33.05 + 1 extra pack 99 + 2 extra seats
// 198 = 629.05, but it allows 5 agents; professional 999.00 serves them
// (25 agents, 4 packs, 3 modules, 10 seats included): 369.95 more.
class TestRecommendCli : public QObject {
    Q_OBJECT

    CliSandbox sandbox_;
    QString db_;

    CliRun run(QStringList arguments) const {
        arguments.prepend(db_);
        arguments.prepend(QStringLiteral("--db"));
        return sandbox_.run(arguments, sandbox_.environment());
    }

private slots:
    void initTestCase() {
        QVERIFY2(sandbox_.isReady(), "AICP_CLI must name the built aicp");
        db_ = sandbox_.testWorkspace();
        QCOMPARE(run({QStringLiteral("demo")}).exitCode, 0);
    }

    void jsonHasTheDocumentedShape() {
        const CliRun result = run({QStringLiteral("recommend"), QStringLiteral("--customer"),
                                   QStringLiteral("initech"), QStringLiteral("--month"),
                                   QStringLiteral("2026-10"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
        const QJsonObject json = parseObject(result.out);
        for (const char* key : {"current_tier", "recommended_tier", "projected_requests", "tiers",
                                "reason", "alerts", "projection", "needs", "saving"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QCOMPARE(json.value(QStringLiteral("current_tier")).toString(), QStringLiteral("starter"));
        QCOMPARE(json.value(QStringLiteral("recommended_tier")).toString(),
                 QStringLiteral("professional"));
        QCOMPARE(json.value(QStringLiteral("projected_requests")).toInteger(), 133'050);
        QCOMPARE(json.value(QStringLiteral("saving")).toString(), QStringLiteral("-369.95"));
        QCOMPARE(json.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Starter allows 5 agents (6 needed); Professional avoids it for "
                                "999.00 USD a month, 369.95 USD more than Starter."));

        const QJsonArray tiers = json.value(QStringLiteral("tiers")).toArray();
        QCOMPARE(tiers.size(), 4);
        const char* ids[] = {"open_source", "starter", "professional", "enterprise"};
        const char* totals[] = {"0.00", "629.05", "999.00", "4999.00"};
        const bool eligible[] = {false, false, true, true};
        for (int i = 0; i < 4; ++i) {
            const QJsonObject tier = tiers[i].toObject();
            for (const char* key : {"tier", "eligible", "total", "reason"})
                QVERIFY2(tier.contains(QLatin1String(key)), key);
            QCOMPARE(tier.value(QStringLiteral("tier")).toString(), QLatin1String(ids[i]));
            QCOMPARE(tier.value(QStringLiteral("total")).toString(), QLatin1String(totals[i]));
            QCOMPARE(tier.value(QStringLiteral("eligible")).toBool(), eligible[i]);
        }
        QCOMPARE(tiers[0].toObject().value(QStringLiteral("refused_requests")).toInteger(),
                 123'050);
    }

    void projectionMatchesUsageSummary() {
        // A complete month projects exactly what `usage summary` reports.
        const CliRun summary =
            run({QStringLiteral("usage"), QStringLiteral("summary"), QStringLiteral("--customer"),
                 QStringLiteral("initech"), QStringLiteral("--month"), QStringLiteral("2026-10"),
                 QStringLiteral("--json")});
        QCOMPARE(summary.exitCode, 0);
        QCOMPARE(parseObject(summary.out).value(QStringLiteral("requests")).toInteger(), 133'050);
    }

    void textShowsTheTableAndTheReason() {
        const CliRun result =
            run({QStringLiteral("recommend"), QStringLiteral("--customer"),
                 QStringLiteral("initech"), QStringLiteral("--month"), QStringLiteral("2026-10")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("Recommended: Professional\n")),
                 qPrintable(result.out));
        QVERIFY(result.out.contains(QStringLiteral("$629.05")));
        QVERIFY(result.out.contains(
            QStringLiteral("Projection: 2026-10 is over: 133,050 requests, its actual total.")));
        QVERIFY(result.out.contains(QStringLiteral("Reason: Starter allows 5 agents")));
    }

    void mistakesAreOneLine() {
        verifyOneErrorLine(run({QStringLiteral("recommend")}), 2, QStringLiteral("--customer"));
        verifyOneErrorLine(run({QStringLiteral("recommend"), QStringLiteral("--customer"),
                                QStringLiteral("nobody")}),
                           2, QStringLiteral("nobody"));
        verifyOneErrorLine(
            run({QStringLiteral("recommend"), QStringLiteral("--customer"),
                 QStringLiteral("initech"), QStringLiteral("--month"), QStringLiteral("2026-13")}),
            2, QStringLiteral("2026-13"));
        verifyOneErrorLine(
            run({QStringLiteral("recommend"), QStringLiteral("--customer"),
                 QStringLiteral("initech"), QStringLiteral("--month"), QStringLiteral("2999-01")}),
            2, QStringLiteral("has not begun"));
        const CliRun missing = sandbox_.run(
            {QStringLiteral("--db"), sandbox_.file(QStringLiteral("none.aicp")),
             QStringLiteral("recommend"), QStringLiteral("--customer"), QStringLiteral("initech")},
            sandbox_.environment());
        verifyOneErrorLine(missing, 1, QStringLiteral("no workspace"));
        QVERIFY(!QFileInfo::exists(sandbox_.file(QStringLiteral("none.aicp"))));
    }
};

QTEST_GUILESS_MAIN(TestRecommendCli)
#include "tst_recommendcli.moc"

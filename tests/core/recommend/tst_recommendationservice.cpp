#include "common/idtext.h"
#include "licensing/activationregistry.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "metering/usageimporter.h"
#include "recommend/recommendationservice.h"
#include "recommend/upgraderequest.h"
#include "storage/workspace.h"
#include "support/fakeclock.h"
#include "support/tempworkspace.h"
#include "support/testkeys.h"

#include <memory>

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace aicp;
using namespace aicp::test;

// The service on a real workspace: a signed license in the registry, usage
// imported from a CSV file, "now" from an injected clock.
class TestRecommendationService : public QObject {
    Q_OBJECT

    TempWorkspace workspace_;
    FakeClock clock_{"2026-04-01T00:00:00Z"};

private slots:
    void initTestCase() {
        QVERIFY2(workspace_.ok(), qPrintable(workspace_.error()));
        QVERIFY(addSigningKey(*workspace_, clock_.clock()));
        LicenseRequest request;
        request.customerId = QStringLiteral("acme");
        request.customerName = QStringLiteral("Acme");
        request.tier = QStringLiteral("open_source");
        request.notBefore = utcAt("2026-04-01T00:00:00Z");
        request.expiresAt = utcAt("2027-04-01T00:00:00Z");
        auto issued = LicenseRegistry(*workspace_, clock_.clock()).issue(request, kTestPassphrase);
        QVERIFY2(issued, issued ? "" : qPrintable(issued.error().message()));

        // Days 1-4 of April: 2,000 requests a day (two events of 1,000), one
        // user and one agent.
        const QString path = workspace_.file(QStringLiteral("usage.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,"
            "compliance_modules,quantity\n");
        for (int day = 1; day <= 4; ++day) {
            for (int hour : {9, 15})
                file.write(QStringLiteral("e%1-%2,2026-04-%3T%4:00:00Z,acme,a1,u1,,,1000\n")
                               .arg(day)
                               .arg(hour)
                               .arg(day, 2, 10, QChar(u'0'))
                               .arg(hour, 2, 10, QChar(u'0'))
                               .toUtf8());
        }
        file.close();
        auto report = UsageImporter(*workspace_).importFile(path);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report->newEvents, std::int64_t(8));
    }

    void currentMonthProjectsFromTheClock() {
        // Now 2026-04-04 00:00: 6,000 in 3 complete days, 2,000 a day, 27 days
        // left: 6,000 + 54,000 = 60,000, six times open_source's cap.
        clock_.set("2026-04-04T00:00:00Z");
        auto r =
            RecommendationService(*workspace_, clock_.clock()).recommend(QStringLiteral("acme"));
        QVERIFY2(r, r ? "" : qPrintable(r.error().message()));
        QCOMPARE(r->month, (YearMonth{2026, 4}));
        QCOMPARE(r->projection.requestsSoFar, std::int64_t(6000));
        QCOMPARE(r->projection.projected, std::int64_t(60'000));
        QCOMPARE(r->currentTier, QStringLiteral("open_source"));
        QCOMPARE(r->recommendedOption()->tier(), QStringLiteral("starter"));
        QCOMPARE(r->tiers.front().refusedRequests, std::optional<std::int64_t>(50'000));
        QCOMPARE(r->alerts.front().level, AlertLevel::Over);

        const QJsonObject json = recommendationToJson(*r);
        QCOMPARE(json.value(QStringLiteral("current_tier")).toString(),
                 QStringLiteral("open_source"));
        QCOMPARE(json.value(QStringLiteral("recommended_tier")).toString(),
                 QStringLiteral("starter"));
        QCOMPARE(json.value(QStringLiteral("projected_requests")).toInteger(), 60'000);
        const QJsonArray tiers = json.value(QStringLiteral("tiers")).toArray();
        QCOMPARE(tiers.size(), 4);
        QCOMPARE(tiers[1].toObject().value(QStringLiteral("total")).toString(),
                 QStringLiteral("299.00"));
        QCOMPARE(tiers[0].toObject().value(QStringLiteral("eligible")).toBool(), false);
    }

    void pastMonthIsItsTotal() {
        // Seen from May, April is over: 8,000 requests; with the margin
        // 8,000 + 800 = 8,800 <= 10,000, so open_source stays, at 0.00.
        clock_.set("2026-05-03T00:00:00Z");
        auto r = RecommendationService(*workspace_, clock_.clock())
                     .recommend(QStringLiteral("acme"), YearMonth{2026, 4});
        QVERIFY(r);
        QVERIFY(r->projection.complete);
        QCOMPARE(r->projection.projected, std::int64_t(8000));
        QCOMPARE(r->recommendedOption()->tier(), QStringLiteral("open_source"));
        QVERIFY(!r->suggestsChange());
        QCOMPARE(r->alerts.front().level, AlertLevel::Near);  // 8,000 of 10,000: 80 %
    }

    void runningMachinesAreCountedLikeAgents() {
        // One gateway activated on April 10th for a year: open_source's one
        // instance is all used, in April and, seen from May, at its end.
        clock_.set("2026-04-10T00:00:00Z");
        const QUuid license = LicenseRegistry(*workspace_).list()->front().license.id;
        auto activated =
            ActivationRegistry(*workspace_, clock_.clock())
                .activate(idText(license), {QStringLiteral("sha256:gw"), {}, 365}, kTestPassphrase);
        QVERIFY2(activated, activated ? "" : qPrintable(activated.error().message()));
        clock_.set("2026-05-03T00:00:00Z");
        auto r = RecommendationService(*workspace_, clock_.clock())
                     .recommend(QStringLiteral("acme"), YearMonth{2026, 4});
        QVERIFY(r);
        QCOMPARE(r->needs.instances, 1);
        QVERIFY(r->needs.summary().contains(QStringLiteral("1 instance")));
        const auto alert = std::find_if(r->alerts.begin(), r->alerts.end(), [](const auto& a) {
            return a.limit == LicenseLimit::Instances;
        });
        QVERIFY(alert != r->alerts.end());
        QCOMPARE(alert->level, AlertLevel::Over);
        // March, before the activation: none.
        auto march = RecommendationService(*workspace_, clock_.clock())
                         .recommend(QStringLiteral("acme"), YearMonth{2026, 3});
        QVERIFY(march);
        QCOMPARE(march->needs.instances, 0);
    }

    void anUpgradeRequestCarriesTheRecommendationAndItsDigest() {
        clock_.set("2026-04-04T00:00:00Z");
        auto r =
            RecommendationService(*workspace_, clock_.clock()).recommend(QStringLiteral("acme"));
        QVERIFY(r);
        auto request = UpgradeRequest::fromRecommendation(*r, clock_.now());
        QVERIFY2(request, request ? "" : qPrintable(request.error().message()));
        QCOMPARE(request->customerId, QStringLiteral("acme"));
        QCOMPARE(request->currentTier, QStringLiteral("open_source"));
        QCOMPARE(request->tier, QStringLiteral("starter"));
        QCOMPARE(request->currentLicense, r->license->license.id);
        QCOMPARE(request->projectedRequests, std::int64_t(60'000));
        QCOMPARE(request->requestLimit, std::optional<std::int64_t>(10'000));
        QCOMPARE(request->month, QStringLiteral("2026-04"));

        const QByteArray json = request->toJson();
        QVERIFY(json.contains("\"digest\":\"sha256:"));
        auto read = UpgradeRequest::fromJson(json);
        QVERIFY2(read, read ? "" : qPrintable(read.error().message()));
        QCOMPARE(read->toJson(), json);
        const LicenseRequest terms = read->licenseRequest();
        QCOMPARE(terms.tier, QStringLiteral("starter"));
        QCOMPARE(terms.supersedes, std::optional(r->license->license.id));
        QCOMPARE(terms.expiresAt, r->license->license.expiresAt);

        // Edited on its way: another tier asked, same digest.
        QByteArray edited = json;
        edited.replace("\"tier\":\"starter\"", "\"tier\":\"enterprise\"");
        QVERIFY(edited != json);
        auto refused = UpgradeRequest::fromJson(edited);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), Error::Code::Crypto);
        QVERIFY(refused.error().message().contains(QStringLiteral("changed after it was made")));
        QVERIFY(!UpgradeRequest::fromJson("{\"kind\":\"something else\"}"));
        QVERIFY(!UpgradeRequest::fromJson("not json"));
    }

    void unknownCustomerAndFutureMonthAreRefused() {
        clock_.set("2026-04-04T00:00:00Z");
        const RecommendationService service(*workspace_, clock_.clock());
        auto unknown = service.recommend(QStringLiteral("nobody"));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code(), Error::Code::NotFound);
        auto future = service.recommend(QStringLiteral("acme"), YearMonth{2026, 6});
        QVERIFY(!future);
        QCOMPARE(future.error().code(), Error::Code::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestRecommendationService)
#include "tst_recommendationservice.moc"

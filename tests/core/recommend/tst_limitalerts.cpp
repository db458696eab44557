#include "recommend/limitalerts.h"

#include <QTest>

using namespace aicp;

namespace {

// A starter-sized license: 100,000 requests, 10 seats, 5 agents, 2 packs,
// 1 module.
Entitlements entitlements() {
    LicensePayload p;
    p.customerId = QStringLiteral("c1");
    p.tier = QStringLiteral("starter");
    p.requestsPerMonth = 100'000;
    p.seats = 10;
    p.agents = 5;
    p.policyPacks = {QStringLiteral("pii-protection"), QStringLiteral("toxicity")};
    p.complianceModules = {QStringLiteral("gdpr")};
    return Entitlements(p);
}

Needs needs(std::int64_t requests, std::int64_t seats = 0, std::int64_t agents = 0) {
    Needs n;
    n.requests = requests;
    n.seats = seats;
    n.agents = agents;
    return n;
}

}  // namespace

class TestLimitAlerts : public QObject {
    Q_OBJECT

private slots:
    void seventyNinePercentIsQuiet() {
        QVERIFY(limitAlerts(entitlements(), needs(79'999, 7, 3)).empty());
        QVERIFY(limitAlerts(entitlements(), needs(79'000)).empty());
    }

    void eightyPercentIsNear() {
        const auto alerts = limitAlerts(entitlements(), needs(80'000, 8));
        QCOMPARE(alerts.size(), std::size_t(2));
        QCOMPARE(alerts[0].limit, LicenseLimit::RequestsPerMonth);
        QCOMPARE(alerts[0].level, AlertLevel::Near);
        QCOMPARE(alerts[0].percent, std::optional<std::int64_t>(80));
        QCOMPARE(alerts[0].message,
                 QStringLiteral("The customer is projected to make 80,000 requests, 80 % of its "
                                "100,000 requests a month."));
        QCOMPARE(alerts[1].limit, LicenseLimit::Seats);
        QCOMPARE(alerts[1].level, AlertLevel::Near);
        QCOMPARE(alerts[1].message,
                 QStringLiteral("The customer has 8 seats, 80 % of the 10 seats licensed."));
    }

    void hundredPercentIsOver() {
        const auto alerts = limitAlerts(entitlements(), needs(100'000, 0, 5));
        QCOMPARE(alerts.size(), std::size_t(2));
        QCOMPARE(alerts[0].level, AlertLevel::Over);
        QCOMPARE(alerts[0].percent, std::optional<std::int64_t>(100));
        QCOMPARE(alerts[0].message,
                 QStringLiteral("The customer is projected to make 100,000 requests, all of its "
                                "100,000 requests a month."));
        QVERIFY(!alerts[0].exceeded);
        QCOMPARE(alerts[1].limit, LicenseLimit::Agents);
        QCOMPARE(alerts[1].level, AlertLevel::Over);
    }

    void beyondTheLimitSaysByHowMuch() {
        const auto alerts = limitAlerts(entitlements(), needs(138'200));
        QCOMPARE(alerts.size(), std::size_t(1));
        QCOMPARE(alerts[0].percent, std::optional<std::int64_t>(138));
        QCOMPARE(alerts[0].message,
                 QStringLiteral("The customer is projected to make 138,200 requests, 138 % of "
                                "its 100,000 requests a month: 38,200 over."));
        QVERIFY(alerts[0].exceeded);
    }

    void packsAndModulesCountThoseInUse() {
        Needs n = needs(0);
        n.policyPacksInUse = {QStringLiteral("pii-protection")};  // 1 of 2: 50 %
        n.complianceModulesInUse = {QStringLiteral("gdpr"), QStringLiteral("soc2")};  // 2 of 1
        const auto alerts = limitAlerts(entitlements(), n);
        QCOMPARE(alerts.size(), std::size_t(1));
        QCOMPARE(alerts[0].limit, LicenseLimit::ComplianceModules);
        QCOMPARE(alerts[0].level, AlertLevel::Over);
        QCOMPARE(alerts[0].percent, std::optional<std::int64_t>(200));
    }

    void instancesAlertLikeAgents() {
        LicensePayload license;
        license.tier = QStringLiteral("professional");
        license.activation.instances = 10;
        Needs running;
        running.instances = 8;
        auto alerts = limitAlerts(Entitlements(license), running);
        QCOMPARE(alerts.size(), std::size_t(1));
        QCOMPARE(alerts[0].limit, LicenseLimit::Instances);
        QCOMPARE(alerts[0].level, AlertLevel::Near);
        QCOMPARE(alerts[0].message,
                 QStringLiteral("The customer runs 8 instances, 80 % of the 10 instances "
                                "licensed."));
        running.instances = 10;
        alerts = limitAlerts(Entitlements(license), running);
        QCOMPARE(alerts[0].level, AlertLevel::Over);
        QCOMPARE(alerts[0].message,
                 QStringLiteral("The customer runs 10 instances, all of the 10 instances "
                                "licensed."));
        QCOMPARE(licenseLimitKey(LicenseLimit::Instances), QStringLiteral("instances"));
    }

    void unlimitedNeverAlerts() {
        LicensePayload p;
        p.tier = QStringLiteral("enterprise");
        p.seats = 25;
        QVERIFY(limitAlerts(Entitlements(p), needs(50'000'000, 0, 400)).empty());
    }
};

QTEST_GUILESS_MAIN(TestLimitAlerts)
#include "tst_limitalerts.moc"

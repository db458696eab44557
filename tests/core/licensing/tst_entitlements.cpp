#include "licensing/entitlements.h"

#include <QTest>

using namespace aicp;

class TestEntitlements : public QObject {
    Q_OBJECT

    static LicensePayload license() {
        LicensePayload payload;
        payload.features = {QStringLiteral("basic_governance"), QStringLiteral("sso")};
        payload.requestsPerMonth = 1'000'000;
        payload.seats = 10;
        payload.agents = std::nullopt;
        payload.policyPacks = {QStringLiteral("toxicity"), QStringLiteral("pii-protection")};
        return payload;
    }

private slots:
    void features() {
        const Entitlements entitlements(license());
        QVERIFY(entitlements.can(QStringLiteral("sso")));
        QVERIFY(!entitlements.can(QStringLiteral("plugins")));
        QVERIFY(!entitlements.can(QString()));
    }

    void limits_data() {
        QTest::addColumn<int>("limit");
        QTest::addColumn<qint64>("used");
        QTest::addColumn<int>("state");
        QTest::addColumn<qint64>("percent");
        const int requests = int(LicenseLimit::RequestsPerMonth);
        QTest::newRow("none used") << requests << 0LL << int(LimitState::Within) << 0LL;
        QTest::newRow("just under 80%") << requests << 799'999LL << int(LimitState::Within) << 79LL;
        QTest::newRow("exactly 80%") << requests << 800'000LL << int(LimitState::Near) << 80LL;
        QTest::newRow("all of it") << requests << 1'000'000LL << int(LimitState::Near) << 100LL;
        QTest::newRow("one over") << requests << 1'000'001LL << int(LimitState::Over) << 100LL;
        QTest::newRow("huge") << requests << 9'000'000'000'000'000'000LL << int(LimitState::Over)
                              << 900'000'000'000'000LL;
        const int seats = int(LicenseLimit::Seats);
        QTest::newRow("7 of 10 seats") << seats << 7LL << int(LimitState::Within) << 70LL;
        QTest::newRow("8 of 10 seats") << seats << 8LL << int(LimitState::Near) << 80LL;
        QTest::newRow("11 of 10 seats") << seats << 11LL << int(LimitState::Over) << 110LL;
        const int packs = int(LicenseLimit::PolicyPacks);
        QTest::newRow("1 of 2 packs") << packs << 1LL << int(LimitState::Within) << 50LL;
        QTest::newRow("3 of 2 packs") << packs << 3LL << int(LimitState::Over) << 150LL;
    }
    void limits() {
        QFETCH(int, limit);
        QFETCH(qint64, used);
        QFETCH(int, state);
        QFETCH(qint64, percent);
        const LimitCheck check = Entitlements(license()).check(LicenseLimit(limit), used);
        QCOMPARE(int(check.state), state);
        QCOMPARE(check.percentUsed, std::optional<std::int64_t>(percent));
    }

    void unlimitedIsAlwaysWithin() {
        const LimitCheck check = Entitlements(license()).check(LicenseLimit::Agents, 1'000'000'000);
        QCOMPARE(check.state, LimitState::Within);
        QCOMPARE(check.allowed, std::nullopt);
        QCOMPARE(check.percentUsed, std::nullopt);
    }

    void nothingAllowedMeansAnyUseIsOver() {
        const Entitlements entitlements(license());
        QCOMPARE(entitlements.check(LicenseLimit::ComplianceModules, 0).state, LimitState::Within);
        QCOMPARE(entitlements.check(LicenseLimit::ComplianceModules, 1).state, LimitState::Over);
    }

    void limitKeysRoundTrip() {
        for (auto limit :
             {LicenseLimit::RequestsPerMonth, LicenseLimit::Seats, LicenseLimit::Agents,
              LicenseLimit::PolicyPacks, LicenseLimit::ComplianceModules})
            QCOMPARE(licenseLimitFromKey(licenseLimitKey(limit)), std::optional(limit));
        QCOMPARE(licenseLimitFromKey(QStringLiteral("bananas")), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestEntitlements)
#include "tst_entitlements.moc"

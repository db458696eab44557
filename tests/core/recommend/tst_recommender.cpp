#include "recommend/recommender.h"
#include "support/fakeclock.h"

#include <QTest>

using namespace aicp;
using aicp::test::utcAt;

namespace {

Money dollars(const char* text) {
    return Money::parse(QString::fromLatin1(text)).value();
}

// A license as the registry would hold it, with the tier's default limits
// (SPEC section 2) and no SSO unless asked: the tests say what they need.
LicenseRecord license(const char* tier, QStringList packs = {}, bool sso = false) {
    LicenseRecord record;
    LicensePayload& p = record.license;
    p.id = QUuid::createUuid();
    p.customerId = QStringLiteral("c1");
    p.customerName = QStringLiteral("Customer One");
    p.tier = QString::fromLatin1(tier);
    p.policyPacks = std::move(packs);
    p.features = {QStringLiteral("basic_governance")};
    if (sso)
        p.features.append(QStringLiteral("sso"));
    p.auditTier = QStringLiteral("basic");
    const QString t = p.tier;
    if (t == QLatin1String("open_source")) {
        p.requestsPerMonth = 10'000;
        p.seats = 1;
        p.agents = 1;
    } else if (t == QLatin1String("starter")) {
        p.requestsPerMonth = 100'000;
        p.seats = 3;
        p.agents = 5;
    } else if (t == QLatin1String("professional")) {
        p.requestsPerMonth = 1'000'000;
        p.seats = 10;
        p.agents = 25;
    } else {
        p.requestsPerMonth.reset();
        p.seats = 25;
        p.agents.reset();
    }
    p.issuedAt = utcAt("2026-01-01T00:00:00Z");
    p.notBefore = p.issuedAt;
    p.expiresAt = utcAt("2027-01-01T00:00:00Z");
    return record;
}

// April 2026 seen from May, so the projection is the month's total.
struct Usage {
    std::int64_t requests = 0;
    std::int64_t seats = 1;
    std::int64_t agents = 1;
    std::map<QString, std::int64_t> packs;
};

RecommendationInputs inputs(const Usage& usage, std::optional<LicenseRecord> record) {
    RecommendationInputs in;
    in.customerId = QStringLiteral("c1");
    in.customerName = QStringLiteral("Customer One");
    in.month = {2026, 4};
    in.now = utcAt("2026-05-10T09:00:00Z");
    if (record)
        in.licenses.push_back(*record);
    in.priceBook = PriceBook::loadDefault().value();
    in.hourly.push_back({utcAt("2026-04-10T12:00:00Z"), usage.requests});
    in.usage.customerId = in.customerId;
    in.usage.month = in.month;
    in.usage.requests = usage.requests;
    in.usage.activeUsers = usage.seats;
    in.usage.activeAgents = usage.agents;
    in.usage.policyPacks = usage.packs;
    return in;
}

Recommendation recommend(const Usage& usage, std::optional<LicenseRecord> record) {
    auto r = Recommender::recommend(inputs(usage, std::move(record)));
    if (!r)
        qFatal("recommend failed: %s", qPrintable(r.error().message()));
    return std::move(r).value();
}

const TierOption& option(const Recommendation& r, const char* tier) {
    for (const TierOption& o : r.tiers) {
        if (o.tier() == QLatin1String(tier))
            return o;
    }
    qFatal("no tier %s", tier);
}

// Starter-sized usage: 60,000 requests, 3 seats, 4 agents, 2 packs.
Usage starterUsage() {
    return {
        60'000, 3, 4, {{QStringLiteral("pii-protection"), 500}, {QStringLiteral("toxicity"), 20}}};
}

LicenseRecord professionalWithPacks() {
    return license("professional", {QStringLiteral("pii-protection"), QStringLiteral("toxicity")});
}

// Starter-sized usage on a professional license with a commitment.
Recommendation starterUsageOnProfessional(const char* commitment) {
    LicenseRecord record = professionalWithPacks();
    record.license.contract.commitment = Commitment::parse(QString::fromLatin1(commitment)).value();
    return recommend(starterUsage(), record);
}

QString recommended(const Recommendation& r) {
    return r.recommendedOption() ? r.recommendedOption()->tier() : QString();
}

}  // namespace

// The default price book (SPEC section 2); each expected amount is worked
// out in the comment above it.
class TestRecommender : public QObject {
    Q_OBJECT

private slots:
    void professionalWithStarterUsageSavesOnStarter() {
        // 60,000 requests, 3 seats, 4 agents, 2 packs.
        // Starter: 299.00 (all within its 100,000, 3 seats, 2 packs; 4 agents
        // + 0 margin <= 5). Professional: 999.00. Saving 700.00.
        const Recommendation r = recommend(starterUsage(), professionalWithPacks());
        QCOMPARE(r.projection.projected, std::int64_t(60'000));
        QCOMPARE(r.currentTier, QStringLiteral("professional"));
        QCOMPARE(recommended(r), QStringLiteral("starter"));
        QCOMPARE(option(r, "starter").total(), dollars("299.00"));
        QCOMPARE(option(r, "professional").total(), dollars("999.00"));
        QCOMPARE(option(r, "enterprise").total(), dollars("4999.00"));
        QCOMPARE(r.saving, std::optional<Money>(dollars("700.00")));
        QVERIFY(!option(r, "open_source").eligible);
        QCOMPARE(r.reason,
                 QStringLiteral("Starter saves 700.00 USD a month: 299.00 USD instead of 999.00 "
                                "USD on Professional for 60,000 projected requests, 3 seats, 4 "
                                "agents, 2 policy packs."));
        QVERIFY(r.suggestsChange());
        // People read the price book's names, never its ids.
        QCOMPARE(r.changeInWords(), QStringLiteral("Professional → Starter"));
        QCOMPARE(r.tierName(QStringLiteral("open_source")), QStringLiteral("Open Source"));
        QCOMPARE(r.tierName(QStringLiteral("no-such-tier")), QStringLiteral("no-such-tier"));
    }

    void starterOverQuotaStaysWhileOverageIsCheaper() {
        // 500,000 requests: starter 299 + 400,000 × 0.001 = 699.00 < 999.00.
        const Recommendation r = recommend({500'000, 2, 2, {}}, license("starter"));
        QCOMPARE(r.projection.projected, std::int64_t(500'000));
        QCOMPARE(option(r, "starter").total(), dollars("699.00"));
        QCOMPARE(recommended(r), QStringLiteral("starter"));
        QVERIFY(r.reason.startsWith(QStringLiteral("Starter stays the cheapest tier")));
        QVERIFY(!r.suggestsChange());
    }

    void starterFarOverQuotaMovesToProfessional() {
        // 900,000: starter 299 + 800,000 × 0.001 = 1,099.00;
        // professional 999.00 (within its 1,000,000): saves 100.00.
        const Recommendation r = recommend({900'000, 2, 2, {}}, license("starter"));
        QCOMPARE(option(r, "starter").total(), dollars("1099.00"));
        QCOMPARE(option(r, "professional").total(), dollars("999.00"));
        QCOMPARE(recommended(r), QStringLiteral("professional"));
        QCOMPARE(r.saving, std::optional<Money>(dollars("100.00")));
        QVERIFY2(r.reason.startsWith(
                     QStringLiteral("Professional saves 100.00 USD a month: 999.00 USD instead "
                                    "of 1,099.00 USD on Starter")),
                 qPrintable(r.reason));
    }

    void equalCostsGoToTheCurrentTierThenTheSmaller() {
        // 800,000 requests: starter 299 + 700,000 × 0.001 = 999.00, the same
        // as professional. On professional it stays; with no license the
        // smaller tier wins.
        RecommendationInputs in = inputs({800'000, 1, 1, {}}, license("professional"));
        auto stays = Recommender::recommend(in);
        QVERIFY(stays);
        QCOMPARE(option(*stays, "starter").total(), dollars("999.00"));
        QCOMPARE(recommended(*stays), QStringLiteral("professional"));
        QCOMPARE(stays->saving, std::optional<Money>(Money()));

        in.licenses.clear();
        auto fresh = Recommender::recommend(in);
        QVERIFY(fresh);
        QCOMPARE(recommended(*fresh), QStringLiteral("starter"));
        QVERIFY(fresh->reason.startsWith(QStringLiteral("No license is in force in April 2026")));
        QVERIFY(fresh->currentTier.isEmpty());
        QVERIFY(fresh->alerts.empty());
    }

    void openSourceOverItsCapIsNotEligible() {
        // 30,000: open_source refuses 20,000 over its 10,000;
        // starter serves it for 299.00, 299.00 more.
        const Recommendation r = recommend({30'000, 1, 1, {}}, license("open_source"));
        const TierOption& free = option(r, "open_source");
        QVERIFY(!free.eligible);
        QCOMPARE(free.refusedRequests, std::optional<std::int64_t>(20'000));
        QCOMPARE(free.total(), Money());
        QCOMPARE(recommended(r), QStringLiteral("starter"));
        QCOMPARE(r.saving, std::optional<Money>(dollars("-299.00")));
        QCOMPARE(r.reason, QStringLiteral("Open Source would refuse 20,000 requests over its "
                                          "10,000 cap (30,000 projected); Starter avoids it for "
                                          "299.00 USD a month, 299.00 USD more than Open Source."));
    }

    void safetyMarginOnTheRequestCap() {
        // 9,091 + 909 = 10,000 fits the cap; 9,092 + 909 = 10,001 does not.
        Usage usage{0, 1, 1, {}};
        RecommendationInputs in = inputs(usage, license("open_source"));
        in.hourly = {{utcAt("2026-04-10T10:00:00Z"), 9091}};
        auto fits = Recommender::recommend(in);
        QVERIFY(fits);
        QVERIFY(option(*fits, "open_source").eligible);
        QCOMPARE(recommended(*fits), QStringLiteral("open_source"));

        in.hourly = {{utcAt("2026-04-10T10:00:00Z"), 9092}};
        auto tight = Recommender::recommend(in);
        QVERIFY(tight);
        const TierOption& free = option(*tight, "open_source");
        QVERIFY(!free.eligible);
        QVERIFY(!free.refusedRequests);
        QCOMPARE(free.reason, QStringLiteral("Open Source's cap of 10,000 requests leaves less "
                                             "than the 10 % safety margin above 9,092 projected "
                                             "requests"));
        QCOMPARE(recommended(*tight), QStringLiteral("starter"));
    }

    void agentsBeyondStarterNeedProfessional() {
        // 6 agents: starter allows 5 and sells no more; professional 999.00.
        const Recommendation r = recommend({3000, 2, 6, {}}, license("starter"));
        QVERIFY(!option(r, "starter").eligible);
        QCOMPARE(option(r, "starter").reason, QStringLiteral("Starter allows 5 agents (6 needed)"));
        QCOMPARE(recommended(r), QStringLiteral("professional"));
        QVERIFY2(r.reason.startsWith(QStringLiteral("Starter allows 5 agents (6 needed); "
                                                    "Professional avoids it for 999.00 USD a "
                                                    "month, 700.00 USD more than Starter.")),
                 qPrintable(r.reason));
        // 5 agents fit exactly: 5 + 0 margin (10 % of 5 rounds down to 0).
        QCOMPARE(recommended(recommend({3000, 2, 5, {}}, license("starter"))),
                 QStringLiteral("starter"));
    }

    void agentMarginOnProfessional() {
        // 23 + 2 = 25 fits professional's 25; 24 + 2 = 26 does not: enterprise.
        QCOMPARE(recommended(recommend({3000, 2, 23, {}}, license("professional"))),
                 QStringLiteral("professional"));
        const Recommendation r = recommend({3000, 2, 24, {}}, license("professional"));
        QVERIFY(!option(r, "professional").eligible);
        QCOMPARE(option(r, "professional").reason,
                 QStringLiteral("Professional's limit of 25 agents leaves less than the 10 % "
                                "safety margin above 24 agents"));
        QCOMPARE(recommended(r), QStringLiteral("enterprise"));
    }

    void seatsAndPacksRuleOutOpenSource() {
        // 3,000 requests would fit open_source, but 2 seats and 1 pack do
        // not: starter at 299.00.
        const Recommendation r =
            recommend({3000, 2, 1, {{QStringLiteral("toxicity"), 10}}}, license("open_source"));
        const TierOption& free = option(r, "open_source");
        QVERIFY(!free.eligible);
        QCOMPARE(free.reasons.size(), qsizetype(2));
        QCOMPARE(recommended(r), QStringLiteral("starter"));
        QCOMPARE(r.needs.policyPacks, QStringList{QStringLiteral("toxicity")});
    }

    void packsBeyondStarterArePricedNotRefused() {
        // 4 packs on starter: 2 extra × 99 = 198 → 497.00; professional
        // includes 4: 999.00. Starter stays.
        const Recommendation r = recommend(
            {3000, 2, 1, {}},
            license("starter",
                    {QStringLiteral("pii-protection"), QStringLiteral("toxicity"),
                     QStringLiteral("cost-controls"), QStringLiteral("secrets-scanning")}));
        QCOMPARE(option(r, "starter").total(), dollars("497.00"));
        QCOMPARE(recommended(r), QStringLiteral("starter"));
    }

    void ssoOnTheLicenseKeepsTierWithSso() {
        // Starter-sized usage, but the license has SSO: starter cannot serve.
        const Recommendation r = recommend({3000, 2, 2, {}}, license("professional", {}, true));
        QVERIFY(!option(r, "starter").eligible);
        QCOMPARE(option(r, "starter").reason,
                 QStringLiteral("Starter has no single sign-on (SSO)"));
        QCOMPARE(recommended(r), QStringLiteral("professional"));
        QVERIFY2(r.reason.contains(QStringLiteral("Starter would cost 700.00 USD less, but "
                                                  "Starter has no single sign-on (SSO).")),
                 qPrintable(r.reason));
    }

    void alertsComeFromTheLicenseInForce() {
        // 900,000 on starter's 100,000: over, 900 %.
        const Recommendation r = recommend({900'000, 3, 2, {}}, license("starter"));
        QCOMPARE(r.alerts.size(), std::size_t(2));
        QCOMPARE(r.alerts[0].limit, LicenseLimit::RequestsPerMonth);
        QCOMPARE(r.alerts[0].level, AlertLevel::Over);
        QCOMPARE(r.alerts[0].percent, std::optional<std::int64_t>(900));
        // 3 of 3 seats: all of them, over.
        QCOMPARE(r.alerts[1].limit, LicenseLimit::Seats);
        QCOMPARE(r.alerts[1].level, AlertLevel::Over);
    }

    void aMonthlyCommitmentIsTheFloorOfEveryTier() {
        // 60,000 requests, 3 seats, 4 agents, 2 packs on professional with a
        // 1,500.00 a month commitment: starter 299.00 and professional 999.00
        // both cost the 1,500.00 floor (true-ups of 1,201.00 and 501.00), so
        // moving saves nothing and the tie stays on professional. Enterprise
        // is 4,999.00, above the floor.
        const Recommendation r = starterUsageOnProfessional("1500.00/month");
        QCOMPARE(option(r, "starter").total(), dollars("1500.00"));
        QCOMPARE(option(r, "starter").bill.line(BillAxis::CommitmentTrueUp)->amount,
                 dollars("1201.00"));
        QCOMPARE(option(r, "professional").total(), dollars("1500.00"));
        QCOMPARE(option(r, "enterprise").total(), dollars("4999.00"));
        QVERIFY(!option(r, "enterprise").bill.line(BillAxis::CommitmentTrueUp));
        QCOMPARE(recommended(r), QStringLiteral("professional"));
        QCOMPARE(r.saving, std::optional<Money>(Money()));
        QVERIFY2(r.reason.endsWith(QStringLiteral(
                     "That is the contract's minimum commitment of 1,500.00 USD a month: less "
                     "usage would not cost less.")),
                 qPrintable(r.reason));
        QCOMPARE(r.needs.commitment->toText(), QStringLiteral("1500.00/month"));
    }

    void aYearlyCommitmentFloorsEachMonthAtATwelfth() {
        // 6,000.00 a year is 500.00 a month: starter 299.00 → 500.00 (a
        // 201.00 share of the true-up), professional 999.00. Starter saves
        // 999.00 − 500.00 = 499.00, not the list price's 700.00.
        const Recommendation r = starterUsageOnProfessional("6000.00/year");
        QCOMPARE(option(r, "starter").total(), dollars("500.00"));
        QCOMPARE(option(r, "professional").total(), dollars("999.00"));
        QCOMPARE(recommended(r), QStringLiteral("starter"));
        QCOMPARE(r.saving, std::optional<Money>(dollars("499.00")));
        QVERIFY2(r.reason.endsWith(QStringLiteral(
                     "minimum commitment of 6,000.00 USD a year (500.00 USD a month): less usage "
                     "would not cost less.")),
                 qPrintable(r.reason));
        // A commitment in another currency than the price book's is no floor.
        QCOMPARE(option(starterUsageOnProfessional("6000.00 EUR/year"), "starter").total(),
                 dollars("299.00"));
    }

    void futureMonthIsRefused() {
        RecommendationInputs in = inputs({}, license("starter"));
        in.now = utcAt("2026-03-15T00:00:00Z");
        auto r = Recommender::recommend(in);
        QVERIFY(!r);
        QCOMPARE(r.error().code(), Error::Code::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestRecommender)
#include "tst_recommender.moc"

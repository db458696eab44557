#include "pricing/costengine.h"
#include "pricingtesting.h"

#include <QTest>

using aicp::Bill;
using aicp::BillAxis;
using aicp::BillLine;
using aicp::CostEngine;
using aicp::Money;
using aicp::MonthlyUsage;
using aicp::Percent;
using aicp::PriceBook;
using aicp::PriceBookVersion;
using aicp::Subscription;
using namespace aicp::testing;

namespace {

Money dollars(const char* text) {
    return Money::parse(QString::fromLatin1(text)).value();
}

Money amountOf(const Bill& bill, BillAxis axis) {
    return bill.line(axis)->amount;
}

}  // namespace

// Every expected number below was worked out by hand from SPEC section 2;
// the comment on each case shows the arithmetic.
class TestCostEngine : public QObject {
    Q_OBJECT

private slots:
    void billHasOneLinePerAxisInOrder() {
        const Bill bill = quote(on("starter"), 0);
        const BillAxis order[] = {
            BillAxis::Base,  BillAxis::Requests, BillAxis::PolicyPacks, BillAxis::ComplianceModules,
            BillAxis::Seats, BillAxis::Audit,    BillAxis::Discount};
        QCOMPARE(bill.lines.size(), std::size(order));
        for (std::size_t i = 0; i < std::size(order); ++i)
            QCOMPARE(bill.lines[i].axis, order[i]);
    }

    void starterWithinQuotaIsTheBasePrice() {
        // 50,000 of 100,000 included: $299.00
        const Bill bill = quote(on("starter"), 50'000);
        QVERIFY(bill.eligible);
        QCOMPARE(amountOf(bill, BillAxis::Requests), Money());
        QCOMPARE(bill.total, dollars("299.00"));
    }

    void starterOverageIsPerRequest() {
        // 250,000 - 100,000 = 150,000 × $0.001 = $150.00; 299 + 150 = $449.00
        const Bill bill = quote(on("starter"), 250'000);
        QCOMPARE(bill.line(BillAxis::Requests)->quantity, std::int64_t(150'000));
        QCOMPARE(bill.line(BillAxis::Requests)->unitPrice, std::optional<Money>(dollars("0.001")));
        QCOMPARE(amountOf(bill, BillAxis::Requests), dollars("150.00"));
        QCOMPARE(bill.total, dollars("449.00"));
    }

    void graduatedOverageEndsExactlyAtBandLimit() {
        // 11,000,000 - 1,000,000 = exactly 10,000,000 over, all at $0.0005 = $5,000.00
        const Bill bill = quote(on("professional"), 11'000'000);
        QCOMPARE(amountOf(bill, BillAxis::Requests), dollars("5000.00"));
        QCOMPARE(bill.line(BillAxis::Requests)->unitPrice, std::optional<Money>(dollars("0.0005")));
        QCOMPARE(bill.total, dollars("5999.00"));
    }

    void graduatedOverageOneRequestIntoSecondBand() {
        // 10,000,000 × 0.0005 + 1 × 0.0002 = 5,000.0002 -> $5,000.00; two rates, no single price
        const Bill bill = quote(on("professional"), 11'000'001);
        QCOMPARE(amountOf(bill, BillAxis::Requests), dollars("5000.00"));
        QVERIFY(!bill.line(BillAxis::Requests)->unitPrice.has_value());
        QCOMPARE(bill.line(BillAxis::Requests)->portions.size(), std::size_t(2));
        QCOMPARE(bill.total, dollars("5999.00"));
    }

    void graduatedOverageCrossesBand() {
        // 12,000,000 - 1,000,000 = 11,000,000 over:
        // 10,000,000 × 0.0005 = 5,000 + 1,000,000 × 0.0002 = 200 -> 999 + 5,200 = $6,199.00
        const Bill bill = quote(on("professional"), 12'000'000);
        QCOMPARE(amountOf(bill, BillAxis::Requests), dollars("5200.00"));
        QCOMPARE(bill.total, dollars("6199.00"));
    }

    void subCentOverageRoundsToNothing() {
        // 1 request over at $0.0005 = $0.0005 -> $0.00
        const Bill bill = quote(on("professional"), 1'000'001);
        QCOMPARE(amountOf(bill, BillAxis::Requests), Money());
        QCOMPARE(bill.total, dollars("999.00"));
    }

    void halfCentRoundsAwayFromZero() {
        // 10 over × $0.0005 = $0.005 exactly -> $0.01 (half away from zero)
        QCOMPARE(amountOf(quote(on("professional"), 1'000'010), BillAxis::Requests),
                 dollars("0.01"));
        // 9 over × $0.0005 = $0.0045 -> $0.00
        QCOMPARE(amountOf(quote(on("professional"), 1'000'009), BillAxis::Requests), Money());
        // 5 over × $0.001 = $0.005 -> $0.01; total 299.01
        QCOMPARE(quote(on("starter"), 100'005).total, dollars("299.01"));
    }

    void openSourceIsFreeWithinItsCap() {
        const Bill bill = quote(on("open_source"), 10'000);
        QVERIFY(bill.eligible);
        QCOMPARE(bill.total, Money());
    }

    void openSourceOverCapIsIneligibleAndNotBilled() {
        // The cap refuses requests; it never bills them.
        const Bill bill = quote(on("open_source"), 10'001);
        QVERIFY(!bill.eligible);
        QVERIFY2(bill.reason().contains(QStringLiteral("10,000")), qPrintable(bill.reason()));
        QCOMPARE(bill.total, Money());
    }

    void openSourceSellsNoSeatsPacksOrModules() {
        Subscription needs = on("open_source");
        needs.seats = 2;
        QVERIFY(!quote(needs, 0).eligible);
        needs = on("open_source");
        needs.policyPacks = {QStringLiteral("toxicity")};
        const Bill packs = quote(needs, 0);
        QVERIFY(!packs.eligible);
        QVERIFY2(packs.reason().contains(QStringLiteral("policy pack")),
                 qPrintable(packs.reason()));
        needs = on("open_source");
        needs.complianceModules = {QStringLiteral("gdpr")};
        QVERIFY(!quote(needs, 0).eligible);
        needs = on("open_source");
        needs.auditTier = QStringLiteral("extended");
        QVERIFY(!quote(needs, 0).eligible);
    }

    void agentsBeyondTheTierMakeItIneligible() {
        Subscription needs = on("starter");
        needs.agents = 5;
        QVERIFY(quote(needs, 0).eligible);
        needs.agents = 6;
        const Bill bill = quote(needs, 0);
        QVERIFY(!bill.eligible);
        QVERIFY2(bill.reason().contains(QStringLiteral("5 agents")), qPrintable(bill.reason()));
        QCOMPARE(bill.total, dollars("299.00"));  // still priced, for comparison
    }

    void ssoNeedsProfessionalOrAbove() {
        Subscription needs = on("starter");
        needs.needsSso = true;
        const Bill starter = quote(needs, 0);
        QVERIFY(!starter.eligible);
        QVERIFY(starter.reason().contains(QStringLiteral("SSO")));
        needs.tier = QStringLiteral("professional");
        QVERIFY(quote(needs, 0).eligible);
    }

    void starterExtrasArePricedPerUnit() {
        // 3 packs (2 included) = 1 × $99; 2 modules (1 included) = 1 × $199;
        // 5 seats (3 included) = 2 × $99 = $198; extended audit $299
        // 299 + 99 + 199 + 198 + 299 = $1,094.00
        Subscription needs = on("starter");
        needs.policyPacks = {QStringLiteral("pii-protection"), QStringLiteral("toxicity"),
                             QStringLiteral("cost-controls")};
        needs.complianceModules = {QStringLiteral("gdpr"), QStringLiteral("soc2")};
        needs.seats = 5;
        needs.auditTier = QStringLiteral("extended");
        const Bill bill = quote(needs, 100'000);
        QVERIFY(bill.eligible);
        QCOMPARE(amountOf(bill, BillAxis::PolicyPacks), dollars("99.00"));
        QCOMPARE(bill.line(BillAxis::PolicyPacks)->quantity, std::int64_t(1));
        QCOMPARE(amountOf(bill, BillAxis::ComplianceModules), dollars("199.00"));
        QCOMPARE(amountOf(bill, BillAxis::Seats), dollars("198.00"));
        QCOMPARE(bill.line(BillAxis::Seats)->quantity, std::int64_t(2));
        QCOMPARE(amountOf(bill, BillAxis::Audit), dollars("299.00"));
        QCOMPARE(bill.total, dollars("1094.00"));
    }

    void professionalExtrasAreCheaper() {
        // 6 packs (4 included) = 2 × $49 = $98; 5 modules (3 included) = 2 × $99 = $198;
        // 12 seats (10 included) = 2 × $59 = $118; regulatory audit $999
        // 999 + 98 + 198 + 118 + 999 = $2,412.00
        Subscription needs = on("professional");
        needs.policyPacks = {QStringLiteral("pii-protection"), QStringLiteral("prompt-injection"),
                             QStringLiteral("toxicity"),       QStringLiteral("cost-controls"),
                             QStringLiteral("data-residency"), QStringLiteral("secrets-scanning")};
        needs.complianceModules = {QStringLiteral("gdpr"), QStringLiteral("hipaa"),
                                   QStringLiteral("soc2"), QStringLiteral("eu-ai-act"),
                                   QStringLiteral("pci-dss")};
        needs.seats = 12;
        needs.agents = 25;
        needs.auditTier = QStringLiteral("regulatory");
        const Bill bill = quote(needs, 0);
        QVERIFY(bill.eligible);
        QCOMPARE(bill.total, dollars("2412.00"));
    }

    void discountComesOffTheRecurringLinesOnly_data() {
        QTest::addColumn<QString>("tier");
        QTest::addColumn<qint64>("seats");
        QTest::addColumn<QString>("auditTier");
        QTest::addColumn<QString>("discount");
        QTest::addColumn<qint64>("requests");
        QTest::addColumn<QString>("discountLine");
        QTest::addColumn<QString>("total");
        // starter, 200,000 requests: overage 100,000 × $0.001 = $100.00 (not discounted)
        // recurring $299.00 × 10 % = $29.90 off -> 299 + 100 - 29.90 = $369.10
        QTest::newRow("usage is not discounted")
            << QStringLiteral("starter") << qint64(1) << QString() << QStringLiteral("10")
            << qint64(200'000) << QStringLiteral("-29.90") << QStringLiteral("369.10");
        // 12.5 % of $999.00 = $124.875 -> -$124.88; 999 - 124.88 = $874.12
        QTest::newRow("half a cent rounds away from zero")
            << QStringLiteral("professional") << qint64(1) << QString() << QStringLiteral("12.5")
            << qint64(0) << QStringLiteral("-124.88") << QStringLiteral("874.12");
        // starter + 2 extra seats ($198) + extended audit ($299): recurring $796.00
        // 25 % = $199.00 off; 250,000 requests add 150 × ... = $150.00
        // 796 + 150 - 199 = $747.00
        QTest::newRow("extras and audit are discounted")
            << QStringLiteral("starter") << qint64(5) << QStringLiteral("extended")
            << QStringLiteral("25") << qint64(250'000) << QStringLiteral("-199.00")
            << QStringLiteral("747.00");
    }
    void discountComesOffTheRecurringLinesOnly() {
        QFETCH(QString, tier);
        QFETCH(qint64, seats);
        QFETCH(QString, auditTier);
        QFETCH(QString, discount);
        QFETCH(qint64, requests);
        QFETCH(QString, discountLine);
        QFETCH(QString, total);
        Subscription needs = on(qPrintable(tier));
        needs.seats = seats;
        needs.auditTier = auditTier;
        needs.discount = Percent::parse(discount).value();
        const Bill bill = quote(needs, requests);
        QCOMPARE(amountOf(bill, BillAxis::Discount), dollars(qPrintable(discountLine)));
        QCOMPARE(bill.total, dollars(qPrintable(total)));
    }

    void readmeWorkedExampleHolds() {
        // README "Money rules": 999 + 5,200 - 124.88 = $6,074.12
        Subscription needs = on("professional");
        needs.discount = Percent::parse(u"12.5").value();
        QCOMPARE(quote(needs, 12'000'000).total, dollars("6074.12"));
    }

    void fullDiscountLeavesOnlyUsage() {
        // 100 % off recurring: only the 150,000 × $0.001 = $150.00 of requests remains
        Subscription needs = on("starter");
        needs.discount = Percent::fromWhole(100);
        QCOMPARE(quote(needs, 250'000).total, dollars("150.00"));
    }

    void enterpriseIncludesEverythingButExtraSeats() {
        // unlimited requests, packs, modules and agents; 30 seats (25 included) = 5 × $29 = $145
        // 4,999 + 145 = $5,144.00
        Subscription needs = on("enterprise");
        needs.policyPacks = {QStringLiteral("pii-protection"), QStringLiteral("toxicity")};
        needs.complianceModules = {QStringLiteral("hipaa")};
        needs.seats = 30;
        needs.agents = 500;
        needs.needsSso = true;
        const Bill bill = quote(needs, 500'000'000);
        QVERIFY(bill.eligible);
        QCOMPARE(amountOf(bill, BillAxis::Requests), Money());
        QCOMPARE(bill.total, dollars("5144.00"));
    }

    void auditAtOrBelowIncludedIsFree() {
        // enterprise includes extended: asking for it (or basic) costs nothing;
        // regulatory is charged its full $999 -> $5,998.00
        Subscription needs = on("enterprise");
        needs.auditTier = QStringLiteral("extended");
        QCOMPARE(quote(needs, 0).total, dollars("4999.00"));
        needs.auditTier = QStringLiteral("basic");
        QCOMPARE(quote(needs, 0).total, dollars("4999.00"));
        needs.auditTier = QStringLiteral("regulatory");
        QCOMPARE(quote(needs, 0).total, dollars("5998.00"));
    }

    void hugeQuantitiesDoNotOverflow() {
        // 9,000,000,000,000 requests on professional: 8,999,999,000,000 over
        // 10,000,000 × 0.0005 = 5,000 + 8,999,989,000,000 × 0.0002 = 1,799,997,800
        // 999 + 5,000 + 1,799,997,800 = $1,800,003,799.00
        const Bill bill = quote(on("professional"), 9'000'000'000'000);
        QCOMPARE(bill.total, dollars("1800003799.00"));
    }

    void overflowIsAnErrorNotAWrap() {
        // INT64_MAX requests × $0.001 exceeds what money can hold.
        const auto bill = defaultEngine().quote(
            on("starter"), MonthlyUsage{std::numeric_limits<std::int64_t>::max()});
        QVERIFY(!bill.ok());
        QVERIFY(bill.error().message().contains(QStringLiteral("out of range")));
    }

    void totalIsTheSumOfRoundedLines() {
        // 3 over × $0.0005 = $0.0015 -> $0.00 per line, even though three such
        // lines would have summed to more: each line is rounded once.
        Subscription needs = on("professional");
        needs.discount =
            Percent::parse(u"0.0005").value();  // 0.0005 % of $999 = $0.004995 -> $0.00
        const Bill bill = quote(needs, 1'000'003);
        Money sum;
        for (const auto& line : bill.lines)
            sum = sum.plus(line.amount).value();
        QCOMPARE(bill.total, sum);
        QCOMPARE(bill.total, dollars("999.00"));
    }

    void refusesNonsenseInput() {
        const CostEngine engine = defaultEngine();
        QCOMPARE(engine.quote(on("platinum"), {}).error().code(), aicp::Error::Code::NotFound);
        QVERIFY(!engine.quote(on("starter"), MonthlyUsage{-1}).ok());
        Subscription needs = on("starter");
        needs.policyPacks = {QStringLiteral("mind-reading")};
        QVERIFY(engine.quote(needs, {}).error().message().contains(QStringLiteral("mind-reading")));
        needs.policyPacks = {QStringLiteral("toxicity"), QStringLiteral("toxicity")};
        QVERIFY(engine.quote(needs, {}).error().message().contains(QStringLiteral("twice")));
        needs = on("starter");
        needs.auditTier = QStringLiteral("eternal");
        QVERIFY(!engine.quote(needs, {}).ok());
        needs = on("starter");
        needs.seats = -1;
        QVERIFY(!engine.quote(needs, {}).ok());
    }

    void comparisonPicksCheapestEligible() {
        // 250,000 requests: open_source ineligible (cap); starter $449.00;
        // professional $999.00; enterprise $4,999.00 -> starter
        const auto comparison = defaultEngine().compare(Subscription{}, MonthlyUsage{250'000});
        QVERIFY(comparison.ok());
        QCOMPARE(comparison->bills.size(), std::size_t(4));
        QVERIFY(!comparison->bills[0].eligible);
        QCOMPARE(comparison->bills[1].total, dollars("449.00"));
        QCOMPARE(comparison->bills[2].total, dollars("999.00"));
        QCOMPARE(comparison->bills[3].total, dollars("4999.00"));
        QCOMPARE(comparison->bills[*comparison->cheapestEligible].tier, QStringLiteral("starter"));
    }

    void aRetiredTierIsPricedButNeverTheCheapest() {
        // As above, with starter retired: it is still priced ($449.00) and
        // says why it is not sold; professional at $999.00 is the cheapest.
        PriceBookVersion prices = PriceBook::loadDefault()->latest();
        prices.tiers[1].retired = true;
        const auto comparison = CostEngine(prices).compare(Subscription{}, MonthlyUsage{250'000});
        QVERIFY(comparison.ok());
        QCOMPARE(comparison->bills[1].total, dollars("449.00"));
        QVERIFY(!comparison->bills[1].eligible);
        QVERIFY(comparison->bills[1].reasons.contains(
            QStringLiteral("Starter is retired: it takes no new licenses")));
        QCOMPARE(comparison->bills[*comparison->cheapestEligible].tier,
                 QStringLiteral("professional"));
    }

    void aVolumeBandDiscountsTheRecurringLinesUnlessTheContractGivesMore() {
        // Bands: 5% from $1,000 a month, 10% from $5,000.
        PriceBookVersion prices = PriceBook::loadDefault()->latest();
        prices.volumeDiscounts = {{dollars("1000"), Percent::fromWhole(5)},
                                  {dollars("5000"), Percent::fromWhole(10)}};
        const CostEngine engine(prices);
        const auto discountOf = [&engine](const Subscription& subscription) {
            const auto bill = engine.quote(subscription, MonthlyUsage{0});
            if (!bill)
                qFatal("%s", qPrintable(bill.error().message()));
            return *bill->line(BillAxis::Discount);
        };
        // Professional $999: below the first band, no discount.
        QVERIFY(discountOf(on("professional")).amount.isZero());
        // Enterprise $4,999: 5% of $4,999.00 = $249.95 off.
        const BillLine enterprise = discountOf(on("enterprise"));
        QCOMPARE(enterprise.amount, dollars("-249.95"));
        QCOMPARE(enterprise.description,
                 QStringLiteral("5% volume discount (recurring charges from 1000.00 USD a month) "
                                "off recurring charges of 4999.00 USD"));
        // Enterprise and one extra seat, $4,999 + $29 = $5,028: 10% = $502.80 off.
        Subscription bigger = on("enterprise");
        bigger.seats = 26;
        QCOMPARE(discountOf(bigger).amount, dollars("-502.80"));
        // A 12.5% contract discount is larger than the band: $628.50 off, in its words.
        bigger.discount = Percent::parse(QStringLiteral("12.5")).value();
        QCOMPARE(discountOf(bigger).amount, dollars("-628.50"));
        QCOMPARE(discountOf(bigger).description,
                 QStringLiteral("12.5% off recurring charges of 5028.00 USD"));
        // An 8% contract is smaller than the 10% band: the band alone, never both.
        bigger.discount = Percent::fromWhole(8);
        QCOMPARE(discountOf(bigger).amount, dollars("-502.80"));
    }

    void comparisonMovesUpWhenOverageOutgrowsTheTier() {
        // 2,000,000 requests: starter 299 + 1,900,000 × 0.001 = $2,199.00;
        // professional 999 + 1,000,000 × 0.0005 = $1,499.00 -> professional
        const auto comparison = defaultEngine().compare(Subscription{}, MonthlyUsage{2'000'000});
        QCOMPARE(comparison->bills[1].total, dollars("2199.00"));
        QCOMPARE(comparison->bills[2].total, dollars("1499.00"));
        QCOMPARE(comparison->bills[*comparison->cheapestEligible].tier,
                 QStringLiteral("professional"));
    }

    void comparisonOfTinyNeedsPicksTheFreeTier() {
        const auto comparison = defaultEngine().compare(Subscription{}, MonthlyUsage{5'000});
        QCOMPARE(comparison->bills[*comparison->cheapestEligible].tier,
                 QStringLiteral("open_source"));
    }

    void comparisonWithSsoAndManyAgentsNeedsEnterpriseOrProfessional() {
        // 30 agents: only enterprise (unlimited) qualifies; professional allows 25.
        Subscription needs;
        needs.agents = 30;
        needs.needsSso = true;
        const auto comparison = defaultEngine().compare(needs, MonthlyUsage{10'000});
        QVERIFY(!comparison->bills[2].eligible);
        QCOMPARE(comparison->bills[*comparison->cheapestEligible].tier,
                 QStringLiteral("enterprise"));
    }
};

QTEST_GUILESS_MAIN(TestCostEngine)
#include "tst_costengine.moc"

#include "billing/contractquote.h"
#include "billing/monthlybill.h"
#include "billing/monthlybilling.h"
#include "licensing/licenseregistry.h"
#include "licensing/licenserequest.h"
#include "metering/usageimporter.h"
#include "pricing/costengine.h"
#include "storage/workspace.h"
#include "support/fakeclock.h"
#include "support/tempworkspace.h"
#include "support/testkeys.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace aicp;
using namespace aicp::test;

namespace {

Money dollars(const char* text) {
    return Money::parse(QString::fromLatin1(text)).value();
}

LicenseRequest request(const char* tier, const char* notBefore, const char* expiresAt) {
    LicenseRequest r;
    r.customerId = QStringLiteral("acme");
    r.customerName = QStringLiteral("Acme");
    r.tier = QString::fromLatin1(tier);
    r.notBefore = utcAt(notBefore);
    r.expiresAt = utcAt(expiresAt);
    return r;
}

Commitment commitment(const char* text) {
    return Commitment::parse(QString::fromLatin1(text)).value();
}

// The sum of a bill's lines of one axis.
Money axis(const MonthlyBill& bill, BillAxis which) {
    return bill.axisTotal(which);
}

}  // namespace

// Contract terms (SPEC 10), each bill worked out by hand in the comment
// above its checks, as the README's "Billing rules (for finance)" does it.
// Default price book: starter $299/month with 100,000 requests then $0.001;
// professional $999/month with 1,000,000 requests then $0.0005; enterprise
// $4,999/month. A 365-day contract year is 31,536,000 seconds.
class TestContractBilling : public QObject {
    Q_OBJECT

    TempWorkspace workspace_;
    FakeClock clock_{"2026-01-01T00:00:00Z"};
    int files_ = 0;

    LicenseRegistry registry() { return LicenseRegistry(*workspace_, clock_.clock()); }

    LicenseRecord issue(const LicenseRequest& r) {
        auto issued = registry().issue(r, kTestPassphrase);
        if (!issued)
            qFatal("issue failed: %s", qPrintable(issued.error().message()));
        return std::move(issued).value();
    }

    // `quantity` requests at each of `times`, as one usage file.
    void importRequests(std::initializer_list<std::pair<const char*, std::int64_t>> events) {
        const QString path = workspace_.file(QStringLiteral("usage%1.csv").arg(++files_));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,"
            "compliance_modules,quantity\n");
        int n = 0;
        for (const auto& [at, quantity] : events)
            file.write(QStringLiteral("e%1-%2,%3,acme,a1,u1,,,%4\n")
                           .arg(files_)
                           .arg(++n)
                           .arg(QLatin1String(at))
                           .arg(quantity)
                           .toUtf8());
        file.close();
        auto report = UsageImporter(*workspace_).importFile(path);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
    }

    MonthlyBill bill(const char* yearMonth) {
        auto computed = MonthlyBilling(*workspace_)
                            .bill(QStringLiteral("acme"),
                                  YearMonth::parse(QString::fromLatin1(yearMonth)).value());
        if (!computed)
            qFatal("bill failed: %s", qPrintable(computed.error().message()));
        return std::move(computed).value();
    }

private slots:
    void init() {
        clock_.set("2026-01-01T00:00:00Z");
        QVERIFY2(workspace_.renew(), qPrintable(workspace_.error()));
        QVERIFY(addSigningKey(*workspace_, clock_.clock()));
    }

    void annualYearIsBilledInAdvanceAndRequestsInArrears() {
        LicenseRequest r = request("starter", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
        r.contract.billingPeriod = BillingPeriod::Annual;
        r.contract.termMonths = 12;
        issue(r);
        importRequests({{"2026-02-10T10:00:00Z", 150'000}});

        // 1. January carries the whole year: base $299 × 12 = $3,588.00.
        const MonthlyBill january = bill("2026-01");
        QCOMPARE(axis(january, BillAxis::Base), dollars("3588.00"));
        QCOMPARE(january.total, dollars("3588.00"));
        QCOMPARE(january.lines.front().description,
                 QStringLiteral("Starter base subscription, 2026-01-01 to 2027-01-01 in advance"));

        // 2. February: nothing recurring (prepaid); 150,000 requests,
        //    100,000 included, 50,000 × $0.001 = $50.00 in arrears.
        const MonthlyBill february = bill("2026-02");
        QCOMPARE(axis(february, BillAxis::Base), Money());
        QCOMPARE(axis(february, BillAxis::Requests), dollars("50.00"));
        QCOMPARE(february.total, dollars("50.00"));
        QCOMPARE(february.lines.front().description,
                 QStringLiteral("Prepaid with the contract year 2026-01-01 to 2027-01-01"));

        // 3. The license ended with its year: January 2027 bills nothing.
        QCOMPARE(bill("2027-01").total, Money());
    }

    void annualLicenseEndingBeforeTheYearIsProrated() {
        LicenseRequest r = request("starter", "2026-01-01T00:00:00Z", "2026-07-01T00:00:00Z");
        r.contract.billingPeriod = BillingPeriod::Annual;
        issue(r);
        // 4. 181 days = 15,638,400 s of the 31,536,000 s year:
        //    $3,588 × 15,638,400 / 31,536,000 = $1,779.2547… → $1,779.25.
        QCOMPARE(bill("2026-01").total, dollars("1779.25"));
    }

    void upgradeAfterFourMonthsCreditsTheUnusedPrepaidPart() {
        LicenseRequest r = request("starter", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
        r.contract.billingPeriod = BillingPeriod::Annual;
        const LicenseRecord starter = issue(r);
        clock_.set("2026-05-01T00:00:00Z");
        LicenseRequest changes = LicenseRequest::from(starter.license);
        changes.tier = QStringLiteral("professional");
        changes.notBefore = {};
        auto upgraded = registry().upgrade(starter.license.id, changes, kTestPassphrase);
        QVERIFY2(upgraded, upgraded ? "" : qPrintable(upgraded.error().message()));

        // 5. May 1 to Jan 1 is 245 days = 21,168,000 s left of the year.
        //    Credit: $3,588 × 21,168,000 / 31,536,000 = $2,408.3835… → −$2,408.38.
        //    New terms: $999 × 12 = $11,988 × 21,168,000 / 31,536,000
        //    = $8,046.7397… → $8,046.74. May total $5,638.36.
        const MonthlyBill may = bill("2026-05");
        QCOMPARE(axis(may, BillAxis::PrepaidUnused), dollars("-2408.38"));
        QCOMPARE(axis(may, BillAxis::Base), dollars("8046.74"));
        QCOMPARE(may.total, dollars("5638.36"));
        // The new license continues the contract year; it does not restart it.
        QVERIFY(may.line(0, BillAxis::Base)
                    ->description.contains(QStringLiteral("2026-05-01 to 2027-01-01 in advance")));
        QVERIFY(
            may.line(0, BillAxis::PrepaidUnused)
                ->description.contains(QStringLiteral("contract year 2026-01-01 to 2027-01-01")));

        // 6. June: both years are prepaid, nothing is due.
        QCOMPARE(bill("2026-06").total, Money());
    }

    void monthlyCommitmentAddsATrueUp() {
        LicenseRequest r = request("starter", "2026-01-16T00:00:00Z", "2027-01-16T00:00:00Z");
        r.contract.commitment = commitment("500/month");
        issue(r);
        importRequests({{"2026-03-03T00:00:00Z", 350'000}});

        // 7. January from the 16th: 16 of 31 days. Base $299 × 16/31 =
        //    $154.3225… → $154.32; minimum $500 × 16/31 = $258.0645… → $258.06;
        //    true-up $258.06 − $154.32 = $103.74.
        const MonthlyBill january = bill("2026-01");
        QCOMPARE(axis(january, BillAxis::CommitmentTrueUp), dollars("103.74"));
        QCOMPARE(january.total, dollars("258.06"));

        // 8. February: $299 < $500: true-up $201.00.
        QCOMPARE(axis(bill("2026-02"), BillAxis::CommitmentTrueUp), dollars("201.00"));

        // 9. March: $299 + 250,000 × $0.001 = $549.00 ≥ $500: no true-up.
        const MonthlyBill march = bill("2026-03");
        QCOMPARE(march.line(0, BillAxis::CommitmentTrueUp), nullptr);
        QCOMPARE(march.total, dollars("549.00"));
    }

    void yearlyCommitmentIsSettledInTheYearsLastMonth() {
        LicenseRequest r = request("professional", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
        r.contract.commitment = commitment("15000.00/year");
        issue(r);
        importRequests({{"2026-03-10T00:00:00Z", 3'000'000}});

        // 10. November: no settlement yet.
        QCOMPARE(bill("2026-11").line(0, BillAxis::CommitmentTrueUp), nullptr);

        // 11. December settles the year: 12 × $999 = $11,988 plus March's
        //     2,000,000 over × $0.0005 = $1,000: $12,988; true-up $15,000 −
        //     $12,988 = $2,012.00 on top of December's $999.
        const MonthlyBill december = bill("2026-12");
        QCOMPARE(axis(december, BillAxis::CommitmentTrueUp), dollars("2012.00"));
        QCOMPARE(december.total, dollars("3011.00"));
    }

    void trialEndingMidMonthChargesOnlyAfterIt() {
        LicenseRequest r = request("starter", "2026-03-01T00:00:00Z", "2027-03-01T00:00:00Z");
        r.contract.trialUntil = utcAt("2026-03-11T00:00:00Z");
        issue(r);
        importRequests({{"2026-03-05T00:00:00Z", 50'000}, {"2026-03-20T00:00:00Z", 70'000}});

        // 12. March 1–11 is the trial: $0.00, its 50,000 requests free.
        //     March 11 – April 1 is 21 of 31 days: base $299 × 21/31 =
        //     $202.5483… → $202.55; quota 100,000 × 21/31 = 67,741.9 → 67,742;
        //     70,000 − 67,742 = 2,258 over × $0.001 = $2.258 → $2.26.
        //     Total $204.81.
        const MonthlyBill march = bill("2026-03");
        QCOMPARE(march.segments.size(), std::size_t(2));
        QVERIFY(march.segments[0].trial);
        QCOMPARE(march.segments[0].requests, std::int64_t(50'000));
        QVERIFY(march.lines.front().description.startsWith(QStringLiteral("Trial")));
        QCOMPARE(march.segments[1].includedRequests, std::optional<std::int64_t>(67'742));
        QCOMPARE(axis(march, BillAxis::Base), dollars("202.55"));
        QCOMPARE(axis(march, BillAxis::Requests), dollars("2.26"));
        QCOMPARE(march.total, dollars("204.81"));
        QCOMPARE(monthlyBillToJson(march)
                     .value(QStringLiteral("segments"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("trial")),
                 QJsonValue(true));
    }

    void annualEnterpriseWithTrialAndCommitment() {
        LicenseRequest r = request("enterprise", "2026-01-01T00:00:00Z", "2029-01-01T00:00:00Z");
        r.contract.billingPeriod = BillingPeriod::Annual;
        r.contract.termMonths = 36;
        r.contract.commitment = commitment("60000.00/year");
        r.contract.trialUntil = utcAt("2026-02-01T00:00:00Z");
        issue(r);

        // 13. January is the trial: $0.00.
        QCOMPARE(bill("2026-01").total, Money());

        // 14. February charges the rest of the first year in advance:
        //     Feb 1 2026 – Jan 1 2027 is 334 days = 28,857,600 s;
        //     $59,988 × 28,857,600 / 31,536,000 = $54,893.1287… → $54,893.13.
        QCOMPARE(bill("2026-02").total, dollars("54893.13"));

        // 15. December settles the year: the minimum is prorated to the
        //     time outside the trial, $60,000 × 28,857,600 / 31,536,000 =
        //     $54,904.1095… → $54,904.11; true-up $54,904.11 − $54,893.13 = $10.98.
        QCOMPARE(axis(bill("2026-12"), BillAxis::CommitmentTrueUp), dollars("10.98"));

        // 16. January 2027 starts the second year, in full: $59,988.00.
        QCOMPARE(bill("2027-01").total, dollars("59988.00"));
    }

    void badTermsAreRefusedWithTheField() {
        const PriceBook book = workspace_->priceBook().value();
        const PriceBookVersion& prices = book.latest();
        const auto refusal = [&](const LicenseRequest& r) {
            auto built =
                buildLicensePayload(r, prices, QStringLiteral("k"), utcAt("2026-01-01T00:00:00Z"));
            return built ? QString() : built.error().message();
        };
        LicenseRequest shortAnnual =
            request("starter", "2026-01-01T00:00:00Z", "2026-01-20T00:00:00Z");
        shortAnnual.contract.billingPeriod = BillingPeriod::Annual;
        QVERIFY(refusal(shortAnnual).startsWith(QStringLiteral("contract.billing_period:")));

        LicenseRequest longTrial =
            request("starter", "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");
        longTrial.contract.trialUntil = utcAt("2026-07-01T00:00:00Z");
        QVERIFY(refusal(longTrial).startsWith(QStringLiteral("contract.trial_until:")));

        LicenseRequest euros = request("starter", "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");
        euros.contract.commitment = commitment("100 EUR/month");
        QVERIFY(refusal(euros).contains(QStringLiteral("bills in USD")));

        QVERIFY(!Commitment::parse(QStringLiteral("-5/month")));
        QVERIFY(!Commitment::parse(QStringLiteral("5/week")));
        QVERIFY(!Commitment::parse(QStringLiteral("5 XYZ/month")));
    }

    void quotesPriceTheCommitmentAndTheAnnualCharge() {
        // Professional, 3,000,000 requests, 5 policy packs, extended audit,
        // 12.5 % off: base 999.00 + 2,000,000 over × 0.0005 = 1,000.00 + one
        // pack over the 4 included 49.00 + audit 299.00, less 12.5 % of the
        // 1,347.00 recurring (168.375 → 168.38): 2,178.62 a month.
        const PriceBookVersion prices = PriceBook::loadDefault().value().latest();
        const CostEngine engine(prices);
        Subscription terms;
        terms.tier = QStringLiteral("professional");
        terms.policyPacks = {QStringLiteral("pii-protection"), QStringLiteral("prompt-injection"),
                             QStringLiteral("toxicity"), QStringLiteral("cost-controls"),
                             QStringLiteral("secrets-scanning")};
        terms.auditTier = QStringLiteral("extended");
        terms.discount = Percent::parse(QStringLiteral("12.5")).value();
        const Bill month = engine.quote(terms, {3'000'000}).value();
        QCOMPARE(month.total, dollars("2178.62"));
        // Annual in advance: 12 × (999.00 + 49.00 + 299.00) = 16,164.00, less
        // 12.5 % (2,020.50): 14,143.50. The requests stay monthly.
        QCOMPARE(annualInAdvance(month, prices, terms.discount).value(), dollars("14143.50"));

        // 2,500.00 a month: a 321.38 true-up. 30,000.00 a year is the same
        // 2,500.00 a month; 25,000.00 a year is 2,083.33, below the charges.
        Bill floored = month;
        QVERIFY(applyCommitmentFloor(floored, commitment("2500.00/month")));
        QCOMPARE(floored.line(BillAxis::CommitmentTrueUp)->amount, dollars("321.38"));
        QCOMPARE(floored.total, dollars("2500.00"));
        floored = month;
        QVERIFY(applyCommitmentFloor(floored, commitment("30000.00/year")));
        QCOMPARE(floored.total, dollars("2500.00"));
        QCOMPARE(commitmentMonthShare(commitment("25000.00/year")), dollars("2083.33"));
        floored = month;
        QVERIFY(applyCommitmentFloor(floored, commitment("25000.00/year")));
        QCOMPARE(floored.total, month.total);
        QVERIFY(!floored.line(BillAxis::CommitmentTrueUp));
        // A commitment in another currency is refused, the bill untouched.
        floored = month;
        const Status euros = applyCommitmentFloor(floored, commitment("2500.00 EUR/month"));
        QVERIFY(!euros);
        QVERIFY2(euros.error().message().contains(QStringLiteral("priced in USD")),
                 qPrintable(euros.error().message()));
        QCOMPARE(floored.total, month.total);
    }

    void aFloorCanMakeTheSmallerTierTheCheapest() {
        // 900,000 requests: starter 299.00 + 800,000 × 0.001 = 1,099.00,
        // professional 999.00 (the cheapest). Under a 1,500.00 floor both
        // cost 1,500.00 and the tie goes to the smaller tier, starter.
        const CostEngine engine(PriceBook::loadDefault().value().latest());
        TierComparison comparison = engine.compare(Subscription(), {900'000}).value();
        QCOMPARE(comparison.bills[*comparison.cheapestEligible].tier,
                 QStringLiteral("professional"));
        QVERIFY(applyCommitmentFloor(comparison, commitment("1500.00/month")));
        QCOMPARE(comparison.bills[*comparison.cheapestEligible].tier, QStringLiteral("starter"));
        QCOMPARE(comparison.bills[*comparison.cheapestEligible].total, dollars("1500.00"));
        // An ineligible tier gets no floor: it cannot serve at any price.
        QCOMPARE(comparison.bills.front().tier, QStringLiteral("open_source"));
        QVERIFY(!comparison.bills.front().line(BillAxis::CommitmentTrueUp));
    }

    void termsRoundTripAndOldLicensesKeepTheirBytes() {
        LicenseRequest plain = request("starter", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
        const LicenseRecord old = issue(plain);
        const QByteArray bytes = old.license.toJson();
        QVERIFY(!bytes.contains("billing_period"));
        QVERIFY(!bytes.contains("trial_until"));
        QVERIFY(!bytes.contains("commitment"));

        LicenseRequest terms = plain;
        terms.contract.billingPeriod = BillingPeriod::Annual;
        terms.contract.commitment = commitment("60000.00 USD/year");
        terms.contract.trialUntil = utcAt("2026-02-01T00:00:00Z");
        const LicenseRecord issued = issue(terms);
        auto read = LicensePayload::fromJson(issued.license.toJson());
        QVERIFY(read);
        QVERIFY(read->contract.isAnnual());
        QCOMPARE(read->contract.commitment, terms.contract.commitment);
        QCOMPARE(read->contract.trialUntil, terms.contract.trialUntil);
        QCOMPARE(read->toJson(), issued.license.toJson());
    }
};

QTEST_GUILESS_MAIN(TestContractBilling)
#include "tst_contractbilling.moc"

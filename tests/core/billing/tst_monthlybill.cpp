#include "audit/auditedsettings.h"
#include "billing/costreport.h"
#include "billing/monthlybill.h"
#include "billing/monthlybilling.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "metering/usageimporter.h"
#include "storage/workspace.h"
#include "support/fakeclock.h"
#include "support/tempworkspace.h"
#include "support/testkeys.h"

#include <algorithm>
#include <memory>

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

YearMonth month(const char* text) {
    return YearMonth::parse(QString::fromLatin1(text)).value();
}

LicenseRequest request(const char* customer, const char* tier, const char* notBefore,
                       const char* expiresAt) {
    LicenseRequest r;
    r.customerId = QString::fromLatin1(customer);
    r.customerName = QStringLiteral("Customer ") + r.customerId;
    r.tier = QString::fromLatin1(tier);
    r.notBefore = utcAt(notBefore);
    r.expiresAt = utcAt(expiresAt);
    return r;
}

// One usage event row: timestamp, quantity, user, agent.
struct Event {
    const char* at;
    std::int64_t quantity;
    const char* user = "u1";
    const char* agent = "a1";
};

}  // namespace

// Every expected amount below is worked out by hand in the comment above it,
// following the README's "Billing rules (for finance)". Seconds in a month:
// 28 days 2,419,200; 29 days 2,505,600; 30 days 2,592,000; 31 days 2,678,400.
class TestMonthlyBill : public QObject {
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

    // Moves `record` to `tier` from the clock's now, as `aicp license upgrade` does.
    LicenseRecord upgradeNow(const LicenseRecord& record, const char* tier) {
        LicenseRequest changes = LicenseRequest::from(record.license);
        changes.tier = QString::fromLatin1(tier);
        changes.notBefore = {};
        auto upgraded = registry().upgrade(record.license.id, changes, kTestPassphrase);
        if (!upgraded)
            qFatal("upgrade failed: %s", qPrintable(upgraded.error().message()));
        return std::move(upgraded).value();
    }

    void importUsage(const char* customer, std::initializer_list<Event> events) {
        const QString path = workspace_.file(QStringLiteral("usage%1.csv").arg(++files_));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,"
            "compliance_modules,quantity\n");
        int n = 0;
        for (const Event& event : events)
            file.write(QStringLiteral("e%1-%2,%3,%4,%5,%6,,,%7\n")
                           .arg(files_)
                           .arg(++n)
                           .arg(QLatin1String(event.at), QLatin1String(customer),
                                QLatin1String(event.agent), QLatin1String(event.user))
                           .arg(event.quantity)
                           .toUtf8());
        file.close();
        auto report = UsageImporter(*workspace_).importFile(path);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report->newEvents, std::int64_t(events.size()));
    }

    MonthlyBill bill(const char* customer, const char* yearMonth) {
        auto computed =
            MonthlyBilling(*workspace_).bill(QString::fromLatin1(customer), month(yearMonth));
        if (!computed)
            qFatal("bill failed: %s", qPrintable(computed.error().message()));
        // The report of every customer reads the month in one query; it
        // must bill each customer exactly as billing them alone does.
        auto all = MonthlyBilling(*workspace_).bills(month(yearMonth));
        if (!all)
            qFatal("bills failed: %s", qPrintable(all.error().message()));
        const auto same = std::find_if(all->begin(), all->end(), [&](const MonthlyBill& each) {
            return each.customerId == computed->customerId;
        });
        if (same == all->end() || monthlyBillToJson(*same) != monthlyBillToJson(*computed))
            qFatal("the report's bill for %s differs from the bill alone", customer);
        return std::move(computed).value();
    }

    static Money amount(const MonthlyBill& bill, std::size_t segment, BillAxis axis) {
        const MonthlyBillLine* line = bill.line(segment, axis);
        return line ? line->amount : dollars("-999999");
    }

private slots:
    void init() {
        clock_.set("2026-01-01T00:00:00Z");
        QVERIFY2(workspace_.renew(), qPrintable(workspace_.error()));
        QVERIFY(addSigningKey(*workspace_, clock_.clock()));
    }

    // --- the proration arithmetic on its own --------------------------------

    void prorationRoundsOnceHalfAwayFromZero() {
        // $99 for 1,440 of April's 2,592,000 seconds: 99 × 1440 / 2592000
        // = 0.055 exactly -> $0.06 (half away from zero), never 0.05.
        QCOMPARE(prorateToCents(dollars("99"), 1440, 2'592'000), dollars("0.06"));
        QCOMPARE(prorateToCents(dollars("-99"), 1440, 2'592'000), dollars("-0.06"));
        // 1,439 seconds: 0.0549618… -> $0.05.
        QCOMPARE(prorateToCents(dollars("99"), 1439, 2'592'000), dollars("0.05"));
        // A whole month is the monthly price itself.
        QCOMPARE(prorateToCents(dollars("299"), 2'678'400, 2'678'400), dollars("299.00"));
        // 100,000 × 7/15 = 46,666.67 -> 46,667; 1,000,000 × 8/15 = 533,333.33 -> 533,333.
        QCOMPARE(prorateCount(100'000, 1'209'600, 2'592'000), std::int64_t(46'667));
        QCOMPARE(prorateCount(1'000'000, 1'382'400, 2'592'000), std::int64_t(533'333));
        // Exactly half a request rounds up: 1 × 1/2 -> 1.
        QCOMPARE(prorateCount(1, 1, 2), std::int64_t(1));
    }

    // --- hand-worked monthly bills ------------------------------------------

    void fullMonthSingleLicense() {
        // Starter all April, 3 policy packs (2 included), 5 seats (3 included),
        // 150,000 requests (100,000 included).
        //   base                       $299.00
        //   requests 50,000 × $0.001    $50.00
        //   packs    1 × $99            $99.00
        //   modules  1 of 1 included     $0.00
        //   seats    2 × $99           $198.00
        //   audit    basic, included     $0.00
        //   total                      $646.00
        LicenseRequest r =
            request("acme", "starter", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
        r.policyPacks = {QStringLiteral("toxicity"), QStringLiteral("pii-protection"),
                         QStringLiteral("cost-controls")};
        r.seats = 5;
        issue(r);
        importUsage("acme", {{"2026-04-03T10:15:00Z", 100'000}, {"2026-04-20T08:00:00Z", 50'000}});

        const MonthlyBill b = bill("acme", "2026-04");
        QCOMPARE(b.segments.size(), std::size_t(1));
        QCOMPARE(b.segments[0].seconds, std::int64_t(2'592'000));
        QCOMPARE(b.monthSeconds, std::int64_t(2'592'000));
        QCOMPARE(b.segments[0].includedRequests, std::optional<std::int64_t>(100'000));
        QCOMPARE(b.segments[0].priceBookVersion, QStringLiteral("2026.1"));
        QCOMPARE(b.lines.size(), std::size_t(7));
        QCOMPARE(amount(b, 0, BillAxis::Base), dollars("299.00"));
        QCOMPARE(amount(b, 0, BillAxis::Requests), dollars("50.00"));
        QCOMPARE(amount(b, 0, BillAxis::PolicyPacks), dollars("99.00"));
        QCOMPARE(amount(b, 0, BillAxis::ComplianceModules), dollars("0"));
        QCOMPARE(amount(b, 0, BillAxis::Seats), dollars("198.00"));
        QCOMPARE(amount(b, 0, BillAxis::Audit), dollars("0"));
        QCOMPARE(amount(b, 0, BillAxis::Discount), dollars("0"));
        QCOMPARE(b.total, dollars("646.00"));
        QCOMPARE(b.requests, std::int64_t(150'000));
        QVERIFY(b.findings.empty());
    }

    void upgradeOnTheFifteenthIsProratedBySecond() {
        // Starter with 5 seats from 1 April; upgraded to professional (5 seats,
        // all included) at 2026-04-15T00:00:00Z. April = 2,592,000 s.
        // Starter:      1,209,600 s (14 days) = 7/15 of the month
        //   base   $299 × 7/15 = $139.5333… -> $139.53
        //   seats  2 × $99 = $198 × 7/15 = $92.40
        //   quota  100,000 × 7/15 = 46,666.67 -> 46,667 requests
        //   60,000 requests (hour 2026-04-14T23:00) - 46,667 = 13,333 × $0.001
        //          = $13.333 -> $13.33
        // Professional: 1,382,400 s (16 days) = 8/15 of the month
        //   base   $999 × 8/15 = $532.80
        //   quota  1,000,000 × 8/15 = 533,333.33 -> 533,333; 100,000 used: $0.00
        // Total: 139.53 + 13.33 + 92.40 + 532.80 = $778.06
        LicenseRequest r =
            request("acme", "starter", "2026-04-01T00:00:00Z", "2027-04-01T00:00:00Z");
        r.seats = 5;
        const LicenseRecord starter = issue(r);
        clock_.set("2026-04-15T00:00:00Z");
        const LicenseRecord upgraded = upgradeNow(starter, "professional");
        importUsage("acme", {{"2026-04-14T23:59:59Z", 60'000}, {"2026-04-15T00:00:00Z", 100'000}});

        const MonthlyBill b = bill("acme", "2026-04");
        QCOMPARE(b.segments.size(), std::size_t(2));
        QCOMPARE(b.segments[0].tier, QStringLiteral("starter"));
        QCOMPARE(b.segments[0].end, utcAt("2026-04-15T00:00:00Z"));
        QCOMPARE(b.segments[0].seconds, std::int64_t(1'209'600));
        QCOMPARE(b.segments[0].requests, std::int64_t(60'000));
        QCOMPARE(b.segments[0].includedRequests, std::optional<std::int64_t>(46'667));
        QCOMPARE(b.segments[1].tier, QStringLiteral("professional"));
        QCOMPARE(b.segments[1].licenseId, upgraded.license.id);
        QCOMPARE(b.segments[1].seconds, std::int64_t(1'382'400));
        QCOMPARE(b.segments[1].requests, std::int64_t(100'000));
        QCOMPARE(b.segments[1].includedRequests, std::optional<std::int64_t>(533'333));

        QCOMPARE(amount(b, 0, BillAxis::Base), dollars("139.53"));
        QCOMPARE(b.line(0, BillAxis::Base)->monthlyAmount, dollars("299"));
        QVERIFY(b.line(0, BillAxis::Base)
                    ->description.contains(QStringLiteral("prorated 1,209,600 of 2,592,000")));
        QCOMPARE(amount(b, 0, BillAxis::Requests), dollars("13.33"));
        QCOMPARE(b.line(0, BillAxis::Requests)->quantity, std::int64_t(13'333));
        QCOMPARE(amount(b, 0, BillAxis::Seats), dollars("92.40"));
        QCOMPARE(amount(b, 1, BillAxis::Base), dollars("532.80"));
        QCOMPARE(amount(b, 1, BillAxis::Requests), dollars("0"));
        QCOMPARE(amount(b, 1, BillAxis::Seats), dollars("0"));
        QCOMPARE(b.axisTotal(BillAxis::Base), dollars("672.33"));
        QCOMPARE(b.total, dollars("778.06"));
        QVERIFY(b.findings.empty());
    }

    void revocationMidMonthEndsTheBill() {
        // Professional all March, revoked at 2026-03-10T12:00:00Z.
        // Active 9.5 days = 820,800 of 2,678,400 s (9.5/31).
        //   base   $999 × 9.5/31 = $306.1451… -> $306.15
        //   quota  1,000,000 × 9.5/31 = 306,451.6 -> 306,452
        //   400,000 requests - 306,452 = 93,548 × $0.0005 = $46.774 -> $46.77
        //   5,000 requests on 20 March, after the revocation: shown, not billed
        // Total: 306.15 + 46.77 = $352.92
        const LicenseRecord pro =
            issue(request("acme", "professional", "2026-03-01T00:00:00Z", "2027-03-01T00:00:00Z"));
        clock_.set("2026-03-10T12:00:00Z");
        QVERIFY(
            registry().revoke(pro.license.id, QStringLiteral("contract ended"), kTestPassphrase));
        importUsage("acme", {{"2026-03-05T09:00:00Z", 400'000}, {"2026-03-20T09:00:00Z", 5'000}});

        const MonthlyBill b = bill("acme", "2026-03");
        QCOMPARE(b.segments.size(), std::size_t(1));
        QCOMPARE(b.segments[0].end, utcAt("2026-03-10T12:00:00Z"));
        QCOMPARE(b.segments[0].seconds, std::int64_t(820'800));
        QCOMPARE(b.segments[0].includedRequests, std::optional<std::int64_t>(306'452));
        QCOMPARE(amount(b, 0, BillAxis::Base), dollars("306.15"));
        QCOMPARE(amount(b, 0, BillAxis::Requests), dollars("46.77"));
        QCOMPARE(b.total, dollars("352.92"));
        const BillFinding* unlicensed = b.finding(BillFindingKind::UsageWithoutLicense);
        QVERIFY(unlicensed);
        QCOMPARE(unlicensed->used, std::int64_t(5'000));
        QCOMPARE(b.requests, std::int64_t(405'000));
    }

    void renewalBoundarySplitsTheMonth() {
        // Starter 2026-04-20 .. 2026-05-20, renewed before it ends: the renewal
        // runs 2026-05-20 .. 2026-06-19. May = 2,678,400 s.
        // First license:  1,641,600 s (19 days): base $299 × 19/31 = $183.2580… -> $183.26
        //   quota 100,000 × 19/31 = 61,290.3 -> 61,290; 70,000 used: 8,710 × $0.001 = $8.71
        // Renewal:        1,036,800 s (12 days): base $299 × 12/31 = $115.7419… -> $115.74
        //   quota 100,000 × 12/31 = 38,709.7 -> 38,710; 30,000 used: $0.00
        // Total: 183.26 + 8.71 + 115.74 = $307.71 (the two base lines add up to $299.00)
        const LicenseRecord first =
            issue(request("acme", "starter", "2026-04-20T00:00:00Z", "2026-05-20T00:00:00Z"));
        clock_.set("2026-05-12T00:00:00Z");
        auto renewed = registry().renew(first.license.id, kTestPassphrase);
        QVERIFY(renewed);
        QCOMPARE(renewed->license.notBefore, utcAt("2026-05-20T00:00:00Z"));
        importUsage("acme", {{"2026-05-10T00:00:00Z", 70'000}, {"2026-05-25T00:00:00Z", 30'000}});

        const MonthlyBill b = bill("acme", "2026-05");
        QCOMPARE(b.segments.size(), std::size_t(2));
        QCOMPARE(b.segments[0].licenseId, first.license.id);
        QCOMPARE(b.segments[0].seconds, std::int64_t(1'641'600));
        QCOMPARE(b.segments[1].licenseId, renewed->license.id);
        QCOMPARE(b.segments[1].seconds, std::int64_t(1'036'800));
        QCOMPARE(b.segments[0].includedRequests, std::optional<std::int64_t>(61'290));
        QCOMPARE(b.segments[1].includedRequests, std::optional<std::int64_t>(38'710));
        QCOMPARE(amount(b, 0, BillAxis::Base), dollars("183.26"));
        QCOMPARE(amount(b, 0, BillAxis::Requests), dollars("8.71"));
        QCOMPARE(amount(b, 1, BillAxis::Base), dollars("115.74"));
        QCOMPARE(amount(b, 1, BillAxis::Requests), dollars("0"));
        QCOMPARE(b.axisTotal(BillAxis::Base), dollars("299.00"));
        QCOMPARE(b.total, dollars("307.71"));
    }

    void downgradeAtRenewal() {
        // Professional until 2026-06-11T00:00:00Z, then starter from that
        // instant (an "upgrade" to a smaller tier dated at the renewal).
        // June = 2,592,000 s.
        // Professional: 10 days = 864,000 s = 1/3: base $999 / 3 = $333.00
        // Starter:      20 days = 1,728,000 s = 2/3: base $299 × 2/3 = $199.3333… -> $199.33
        //   quota 100,000 × 2/3 = 66,666.67 -> 66,667; 70,000 used: 3,333 × $0.001 = $3.333 ->
        //   $3.33
        // Total: 333.00 + 199.33 + 3.33 = $535.66
        const LicenseRecord pro =
            issue(request("acme", "professional", "2026-05-11T00:00:00Z", "2026-06-11T00:00:00Z"));
        clock_.set("2026-06-01T00:00:00Z");
        LicenseRequest changes = LicenseRequest::from(pro.license);
        changes.tier = QStringLiteral("starter");
        changes.seats.reset();
        changes.agents.reset();
        changes.notBefore = utcAt("2026-06-11T00:00:00Z");
        changes.expiresAt = utcAt("2027-06-11T00:00:00Z");
        QVERIFY(registry().upgrade(pro.license.id, changes, kTestPassphrase));
        importUsage("acme", {{"2026-06-20T00:00:00Z", 70'000}});

        const MonthlyBill b = bill("acme", "2026-06");
        QCOMPARE(b.segments.size(), std::size_t(2));
        QCOMPARE(b.segments[0].tier, QStringLiteral("professional"));
        QCOMPARE(b.segments[1].tier, QStringLiteral("starter"));
        QCOMPARE(amount(b, 0, BillAxis::Base), dollars("333.00"));
        QCOMPARE(amount(b, 1, BillAxis::Base), dollars("199.33"));
        QCOMPARE(amount(b, 1, BillAxis::Requests), dollars("3.33"));
        QCOMPARE(b.total, dollars("535.66"));
    }

    void openSourceOverCapIsAFindingNotACharge() {
        // open_source all June: 10,000 requests included, hard cap.
        // 12,500 requests: 2,500 refused, shown, never billed. Total $0.00.
        issue(request("hobby", "open_source", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"));
        importUsage("hobby", {{"2026-06-02T00:00:00Z", 9'000}, {"2026-06-29T23:00:00Z", 3'500}});

        const MonthlyBill b = bill("hobby", "2026-06");
        QCOMPARE(b.total, dollars("0.00"));
        QCOMPARE(amount(b, 0, BillAxis::Requests), dollars("0"));
        QVERIFY(b.line(0, BillAxis::Requests)->description.contains(QStringLiteral("not billed")));
        const BillFinding* cap = b.finding(BillFindingKind::RequestsOverCap);
        QVERIFY(cap);
        QCOMPARE(cap->used, std::int64_t(12'500));
        QCOMPARE(cap->allowed, std::optional<std::int64_t>(10'000));
        QVERIFY(cap->message.contains(QStringLiteral("2,500 refused")));
        QVERIFY(!b.finding(BillFindingKind::TierCannotServe));
        QVERIFY(!b.finding(BillFindingKind::SeatsOverLicense));
    }

    void seatsAndAgentsOverTheLicenseAreFindings() {
        // Starter all June with 3 seats and 5 agents; 5 distinct users and 6
        // distinct agents were active. Billed: the base $299.00 only; the
        // findings say 5 users for 3 seats and 6 agents for 5.
        issue(request("acme", "starter", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"));
        importUsage("acme", {{"2026-06-01T01:00:00Z", 1, "u1", "a1"},
                             {"2026-06-01T02:00:00Z", 1, "u2", "a2"},
                             {"2026-06-01T03:00:00Z", 1, "u3", "a3"},
                             {"2026-06-01T04:00:00Z", 1, "u4", "a4"},
                             {"2026-06-01T05:00:00Z", 1, "u5", "a5"},
                             {"2026-06-01T06:00:00Z", 1, "u5", "a6"}});

        const MonthlyBill b = bill("acme", "2026-06");
        QCOMPARE(b.total, dollars("299.00"));
        QCOMPARE(b.activeUsers, std::int64_t(5));
        QCOMPARE(b.activeAgents, std::int64_t(6));
        const BillFinding* seats = b.finding(BillFindingKind::SeatsOverLicense);
        QVERIFY(seats);
        QCOMPARE(seats->used, std::int64_t(5));
        QCOMPARE(seats->allowed, std::optional<std::int64_t>(3));
        const BillFinding* agents = b.finding(BillFindingKind::AgentsOverLicense);
        QVERIFY(agents);
        QCOMPARE(agents->used, std::int64_t(6));
        QCOMPARE(agents->allowed, std::optional<std::int64_t>(5));
    }

    void discountTakesOnlyRecurringLines() {
        // Professional all March, 10 % discount, extended audit ($299), 5 packs
        // (4 included: 1 × $49), 12,000,000 requests.
        //   base $999.00, packs $49.00, audit $299.00: recurring $1,347.00
        //   requests 11,000,000 over: 10,000,000 × $0.0005 = $5,000 + 1,000,000
        //            × $0.0002 = $200 -> $5,200.00 (not discounted)
        //   discount 10 % × $1,347.00 = -$134.70
        // Total: 1,347.00 + 5,200.00 - 134.70 = $6,412.30
        LicenseRequest r =
            request("acme", "professional", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
        r.policyPacks = {QStringLiteral("toxicity"), QStringLiteral("pii-protection"),
                         QStringLiteral("cost-controls"), QStringLiteral("data-residency"),
                         QStringLiteral("secrets-scanning")};
        r.auditTier = QStringLiteral("extended");
        r.contract.discount = Percent::fromWhole(10);
        issue(r);
        importUsage("acme", {{"2026-03-10T10:00:00Z", 12'000'000}});

        const MonthlyBill b = bill("acme", "2026-03");
        QCOMPARE(amount(b, 0, BillAxis::Base), dollars("999.00"));
        QCOMPARE(amount(b, 0, BillAxis::PolicyPacks), dollars("49.00"));
        QCOMPARE(amount(b, 0, BillAxis::Audit), dollars("299.00"));
        QCOMPARE(amount(b, 0, BillAxis::Requests), dollars("5200.00"));
        QCOMPARE(amount(b, 0, BillAxis::Discount), dollars("-134.70"));
        QCOMPARE(b.total, dollars("6412.30"));
    }

    void discountOnAProratedStart() {
        // Enterprise from 2026-02-10T00:00:00Z, 12.5 % discount. February 2026
        // = 2,419,200 s; active 19 days = 1,641,600 s (19/28).
        //   base $4,999 × 19/28 = $3,392.1785… -> $3,392.18 (audit extended included)
        //   discount 12.5 % × $3,392.18 = $424.0225 -> -$424.02
        // Total: 3,392.18 - 424.02 = $2,968.16
        LicenseRequest r =
            request("acme", "enterprise", "2026-02-10T00:00:00Z", "2027-02-10T00:00:00Z");
        r.contract.discount = Percent::parse(u"12.5").value();
        issue(r);
        importUsage("acme", {{"2026-02-11T00:00:00Z", 5'000'000}});

        const MonthlyBill b = bill("acme", "2026-02");
        QCOMPARE(b.segments.size(), std::size_t(1));
        QCOMPARE(b.segments[0].start, utcAt("2026-02-10T00:00:00Z"));
        QCOMPARE(b.segments[0].includedRequests, std::nullopt);
        QCOMPARE(amount(b, 0, BillAxis::Base), dollars("3392.18"));
        QCOMPARE(amount(b, 0, BillAxis::Requests), dollars("0"));
        QCOMPARE(amount(b, 0, BillAxis::Discount), dollars("-424.02"));
        QCOMPARE(b.total, dollars("2968.16"));
    }

    void leapYearFebruary() {
        // Starter from 2028-02-15T00:00:00Z. February 2028 has 29 days =
        // 2,505,600 s; active 15 days = 1,296,000 s.
        //   base $299 × 15/29 = $154.6551… -> $154.66
        //   quota 100,000 × 15/29 = 51,724.1 -> 51,724
        // Total $154.66
        clock_.set("2028-02-01T00:00:00Z");
        issue(request("acme", "starter", "2028-02-15T00:00:00Z", "2029-02-15T00:00:00Z"));
        const MonthlyBill b = bill("acme", "2028-02");
        QCOMPARE(b.monthSeconds, std::int64_t(2'505'600));
        QCOMPARE(b.segments[0].seconds, std::int64_t(1'296'000));
        QCOMPARE(b.segments[0].includedRequests, std::optional<std::int64_t>(51'724));
        QCOMPARE(amount(b, 0, BillAxis::Base), dollars("154.66"));
        QCOMPARE(b.total, dollars("154.66"));
    }

    void usageIsAttributedByTheHourItStartsIn() {
        // Starter from 1 April; upgraded to professional at 2026-04-15T10:30:00Z.
        // An event at 10:45 lies in the hour starting 10:00, which starts in
        // the starter segment: its 1,000 requests count there, not on
        // professional. Starter active 14 days 10.5 h = 1,247,400 s.
        //   base $299 × 1,247,400 / 2,592,000 = $143.8937… -> $143.89
        //   professional 1,344,600 s: $999 × 1,344,600 / 2,592,000 = $518.2312… -> $518.23
        // Total $662.12 (both within quota)
        const LicenseRecord starter =
            issue(request("acme", "starter", "2026-04-01T00:00:00Z", "2027-04-01T00:00:00Z"));
        clock_.set("2026-04-15T10:30:00Z");
        upgradeNow(starter, "professional");
        importUsage("acme", {{"2026-04-15T10:45:00Z", 1'000}, {"2026-04-15T11:00:00Z", 2'000}});

        const MonthlyBill b = bill("acme", "2026-04");
        QCOMPARE(b.segments.size(), std::size_t(2));
        QCOMPARE(b.segments[0].seconds, std::int64_t(1'247'400));
        QCOMPARE(b.segments[0].requests, std::int64_t(1'000));
        QCOMPARE(b.segments[1].requests, std::int64_t(2'000));
        QCOMPARE(amount(b, 0, BillAxis::Base), dollars("143.89"));
        QCOMPARE(amount(b, 1, BillAxis::Base), dollars("518.23"));
        QCOMPARE(b.total, dollars("662.12"));
    }

    void aVolumeBandIsReachedByTheFullMonthAndTakenOffTheProratedLines() {
        // The price book gives 5% off from $3,000 of recurring charges a
        // month and 10% from $10,000. Enterprise (base $4,999) from
        // 2026-06-16: 15 of June's 30 days, S = 1,296,000 of 2,592,000 s.
        //   base $4,999 × 1,296,000 / 2,592,000 = $2,499.50
        //   the band is the full month's: $4,999 ≥ $3,000, so 5%, though
        //   the segment's own $2,499.50 would not reach it; 10% is not reached
        //   discount 5% × $2,499.50 = $124.975 -> -$124.98 (half away from zero)
        // Total $2,499.50 - $124.98 = $2,374.52
        QJsonObject root = QJsonDocument::fromJson(workspace_->priceBook()->toJson()).object();
        QJsonArray versions = root.value(QStringLiteral("versions")).toArray();
        QJsonObject version = versions.at(0).toObject();
        version.insert(QStringLiteral("volume_discounts"),
                       QJsonArray{QJsonObject{{QStringLiteral("from"), QStringLiteral("3000")},
                                              {QStringLiteral("percent"), QStringLiteral("5")}},
                                  QJsonObject{{QStringLiteral("from"), QStringLiteral("10000")},
                                              {QStringLiteral("percent"), QStringLiteral("10")}}});
        versions.replace(0, version);
        root.insert(QStringLiteral("versions"), versions);
        auto book = PriceBook::fromJson(QJsonDocument(root).toJson());
        QVERIFY2(book, book ? "" : qPrintable(book.error().message()));
        QVERIFY(aicp::storePriceBook(*workspace_, *book));

        issue(request("wayne", "enterprise", "2026-06-16T00:00:00Z", "2027-06-16T00:00:00Z"));
        const MonthlyBill b = bill("wayne", "2026-06");
        QCOMPARE(b.segments.size(), std::size_t(1));
        QCOMPARE(amount(b, 0, BillAxis::Base), dollars("2499.50"));
        QCOMPARE(amount(b, 0, BillAxis::Discount), dollars("-124.98"));
        QVERIFY(b.line(0, BillAxis::Discount)
                    ->description.startsWith(QStringLiteral("5% volume discount")));
        QCOMPARE(b.total, dollars("2374.52"));
        // A whole month: 5% of $4,999.00 = $249.95; $4,749.05.
        QCOMPARE(bill("wayne", "2026-07").total, dollars("4749.05"));
    }

    void eachSegmentUsesThePriceBookInForceAtItsStart() {
        // A second price book version, 2026.2, raises starter's base to $359
        // from 2026-06-11. Starter 2026-05-11 .. 2026-06-11, renewed to
        // 2026-07-11. June = 2,592,000 s.
        //   first license, 10 days (1/3), version 2026.1: $299 / 3 = $99.6666… -> $99.67
        //   renewal, 20 days (2/3), version 2026.2:      $359 × 2/3 = $239.3333… -> $239.33
        // Total $339.00
        QJsonObject root = QJsonDocument::fromJson(workspace_->priceBook()->toJson()).object();
        QJsonArray versions = root.value(QStringLiteral("versions")).toArray();
        QJsonObject raised = versions.at(0).toObject();
        raised.insert(QStringLiteral("version"), QStringLiteral("2026.2"));
        raised.insert(QStringLiteral("effective_from"), QStringLiteral("2026-06-11"));
        QJsonArray tiers = raised.value(QStringLiteral("tiers")).toArray();
        QJsonObject starter = tiers.at(1).toObject();
        QCOMPARE(starter.value(QStringLiteral("id")).toString(), QStringLiteral("starter"));
        starter.insert(QStringLiteral("base"),
                       QJsonObject{{QStringLiteral("model"), QStringLiteral("flat")},
                                   {QStringLiteral("amount"), QStringLiteral("359")}});
        tiers.replace(1, starter);
        raised.insert(QStringLiteral("tiers"), tiers);
        versions.append(raised);
        root.insert(QStringLiteral("versions"), versions);
        auto book = PriceBook::fromJson(QJsonDocument(root).toJson());
        QVERIFY2(book, book ? "" : qPrintable(book.error().message()));
        QVERIFY(aicp::storePriceBook(*workspace_, *book));

        const LicenseRecord first =
            issue(request("acme", "starter", "2026-05-11T00:00:00Z", "2026-06-11T00:00:00Z"));
        clock_.set("2026-06-01T00:00:00Z");
        QVERIFY(registry().renew(first.license.id, kTestPassphrase));

        const MonthlyBill b = bill("acme", "2026-06");
        QCOMPARE(b.segments.size(), std::size_t(2));
        QCOMPARE(b.segments[0].priceBookVersion, QStringLiteral("2026.1"));
        QCOMPARE(b.segments[1].priceBookVersion, QStringLiteral("2026.2"));
        QCOMPARE(amount(b, 0, BillAxis::Base), dollars("99.67"));
        QCOMPARE(amount(b, 1, BillAxis::Base), dollars("239.33"));
        QCOMPARE(b.total, dollars("339.00"));
    }

    void priceOverrideReplacesTheListPrice() {
        // Starter all June with a contract base price of $249 and extra seats
        // at $80: 5 seats = 2 extra × $80 = $160. Total 249 + 160 = $409.00.
        LicenseRequest r =
            request("acme", "starter", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
        r.seats = 5;
        r.contract.priceOverrides.emplace(QStringLiteral("base"), dollars("249"));
        r.contract.priceOverrides.emplace(QStringLiteral("seats"), dollars("80"));
        issue(r);
        const MonthlyBill b = bill("acme", "2026-06");
        QCOMPARE(amount(b, 0, BillAxis::Base), dollars("249.00"));
        QCOMPARE(amount(b, 0, BillAxis::Seats), dollars("160.00"));
        QCOMPARE(b.total, dollars("409.00"));
    }

    void monthWithoutLicenseIsAnEmptyBill() {
        // The license starts in May; March has no license: no segments, no
        // lines, total $0.00, and March's 1,000 requests are a finding.
        issue(request("acme", "starter", "2026-05-01T00:00:00Z", "2027-05-01T00:00:00Z"));
        importUsage("acme", {{"2026-03-03T03:00:00Z", 1'000}});
        const MonthlyBill b = bill("acme", "2026-03");
        QVERIFY(!b.hasLicense());
        QVERIFY(b.lines.empty());
        QCOMPARE(b.total, dollars("0.00"));
        QCOMPARE(b.currency, QStringLiteral("USD"));
        const BillFinding* unlicensed = b.finding(BillFindingKind::UsageWithoutLicense);
        QVERIFY(unlicensed);
        QCOMPARE(unlicensed->used, std::int64_t(1'000));
        QVERIFY(!b.finding(BillFindingKind::SeatsOverLicense));

        auto missing = MonthlyBilling(*workspace_).bill(QStringLiteral("nobody"), month("2026-03"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code(), Error::Code::NotFound);
    }

    void overlappingLicensesBillTheNewestIssued() {
        // Two unrelated starter and professional licenses overlap from 11 June;
        // the professional one, issued later, is in force from then on.
        // Starter 10 days = 1/3: $299 / 3 = $99.6666… -> $99.67
        // Professional 20 days = 2/3: $999 × 2/3 = $666.00. Total $765.67
        issue(request("acme", "starter", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"));
        clock_.set("2026-01-02T00:00:00Z");
        issue(request("acme", "professional", "2026-06-11T00:00:00Z", "2027-01-01T00:00:00Z"));
        const MonthlyBill b = bill("acme", "2026-06");
        QCOMPARE(b.segments.size(), std::size_t(2));
        QCOMPARE(amount(b, 0, BillAxis::Base), dollars("99.67"));
        QCOMPARE(amount(b, 1, BillAxis::Base), dollars("666.00"));
        QCOMPARE(b.total, dollars("765.67"));
    }

    void billJsonCarriesEveryLine() {
        issue(request("acme", "starter", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"));
        const QJsonObject json = monthlyBillToJson(bill("acme", "2026-06"));
        QCOMPARE(json.value(QStringLiteral("total")).toString(), QStringLiteral("299.00"));
        QCOMPARE(json.value(QStringLiteral("lines")).toArray().size(), 7);
        QCOMPARE(json.value(QStringLiteral("month_seconds")).toInteger(), 2'592'000);
        QCOMPARE(json.value(QStringLiteral("segments"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("tier"))
                     .toString(),
                 QStringLiteral("starter"));
    }

    // --- the finance cost report --------------------------------------------

    void costReportIsByteStableAndQuotesNames() {
        // June 2026: "acme" starter with 5 seats ($299 + 2 × $99 = $497.00);
        // "smith-co" named `Smith, "Bob" & Co` on starter with a 10 % discount
        // ($299 - $29.90 = $269.10); "zed" open_source ($0.00).
        // Subtotals: base 598.00, seats 198.00, discount -29.90; total 766.10.
        LicenseRequest a =
            request("acme", "starter", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
        a.customerName = QStringLiteral("Acme Corp");
        a.seats = 5;
        issue(a);
        LicenseRequest s =
            request("smith-co", "starter", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
        s.customerName = QStringLiteral("Smith, \"Bob\" & Co");
        s.contract.discount = Percent::fromWhole(10);
        issue(s);
        LicenseRequest z =
            request("zed", "open_source", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
        z.customerName = QStringLiteral("Zed");
        issue(z);

        auto report = costReportFor(*workspace_, month("2026-06"));
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        const QByteArray csv = costReportCsv(*report);
        const QByteArray expected =
            "month,kind,customer_id,customer_name,axis,amount,currency\n"
            "2026-06,line,acme,Acme Corp,base,299.00,USD\n"
            "2026-06,line,acme,Acme Corp,requests,0.00,USD\n"
            "2026-06,line,acme,Acme Corp,policy_packs,0.00,USD\n"
            "2026-06,line,acme,Acme Corp,compliance_modules,0.00,USD\n"
            "2026-06,line,acme,Acme Corp,seats,198.00,USD\n"
            "2026-06,line,acme,Acme Corp,audit,0.00,USD\n"
            "2026-06,line,acme,Acme Corp,discount,0.00,USD\n"
            "2026-06,line,acme,Acme Corp,prepaid_unused,0.00,USD\n"
            "2026-06,line,acme,Acme Corp,commitment_true_up,0.00,USD\n"
            "2026-06,customer_net,acme,Acme Corp,,497.00,USD\n"
            "2026-06,customer_tax,acme,Acme Corp,,0.00,USD\n"
            "2026-06,customer_total,acme,Acme Corp,,497.00,USD\n"
            "2026-06,line,smith-co,\"Smith, \"\"Bob\"\" & Co\",base,299.00,USD\n"
            "2026-06,line,smith-co,\"Smith, \"\"Bob\"\" & Co\",requests,0.00,USD\n"
            "2026-06,line,smith-co,\"Smith, \"\"Bob\"\" & Co\",policy_packs,0.00,USD\n"
            "2026-06,line,smith-co,\"Smith, \"\"Bob\"\" & Co\",compliance_modules,0.00,USD\n"
            "2026-06,line,smith-co,\"Smith, \"\"Bob\"\" & Co\",seats,0.00,USD\n"
            "2026-06,line,smith-co,\"Smith, \"\"Bob\"\" & Co\",audit,0.00,USD\n"
            "2026-06,line,smith-co,\"Smith, \"\"Bob\"\" & Co\",discount,-29.90,USD\n"
            "2026-06,line,smith-co,\"Smith, \"\"Bob\"\" & Co\",prepaid_unused,0.00,USD\n"
            "2026-06,line,smith-co,\"Smith, \"\"Bob\"\" & Co\",commitment_true_up,0.00,USD\n"
            "2026-06,customer_net,smith-co,\"Smith, \"\"Bob\"\" & Co\",,269.10,USD\n"
            "2026-06,customer_tax,smith-co,\"Smith, \"\"Bob\"\" & Co\",,0.00,USD\n"
            "2026-06,customer_total,smith-co,\"Smith, \"\"Bob\"\" & Co\",,269.10,USD\n"
            "2026-06,line,zed,Zed,base,0.00,USD\n"
            "2026-06,line,zed,Zed,requests,0.00,USD\n"
            "2026-06,line,zed,Zed,policy_packs,0.00,USD\n"
            "2026-06,line,zed,Zed,compliance_modules,0.00,USD\n"
            "2026-06,line,zed,Zed,seats,0.00,USD\n"
            "2026-06,line,zed,Zed,audit,0.00,USD\n"
            "2026-06,line,zed,Zed,discount,0.00,USD\n"
            "2026-06,line,zed,Zed,prepaid_unused,0.00,USD\n"
            "2026-06,line,zed,Zed,commitment_true_up,0.00,USD\n"
            "2026-06,customer_net,zed,Zed,,0.00,USD\n"
            "2026-06,customer_tax,zed,Zed,,0.00,USD\n"
            "2026-06,customer_total,zed,Zed,,0.00,USD\n"
            "2026-06,axis_subtotal,,,base,598.00,USD\n"
            "2026-06,axis_subtotal,,,requests,0.00,USD\n"
            "2026-06,axis_subtotal,,,policy_packs,0.00,USD\n"
            "2026-06,axis_subtotal,,,compliance_modules,0.00,USD\n"
            "2026-06,axis_subtotal,,,seats,198.00,USD\n"
            "2026-06,axis_subtotal,,,audit,0.00,USD\n"
            "2026-06,axis_subtotal,,,discount,-29.90,USD\n"
            "2026-06,axis_subtotal,,,prepaid_unused,0.00,USD\n"
            "2026-06,axis_subtotal,,,commitment_true_up,0.00,USD\n"
            "2026-06,net_total,,,,766.10,USD\n"
            "2026-06,tax_total,,,,0.00,USD\n"
            "2026-06,grand_total,,,,766.10,USD\n";
        QCOMPARE(csv, expected);

        const QByteArray json = costReportJson(*report);
        auto again = costReportFor(*workspace_, month("2026-06"));
        QVERIFY(again);
        QCOMPARE(costReportCsv(*again), csv);
        QCOMPARE(costReportJson(*again), json);

        const QJsonObject root = QJsonDocument::fromJson(json).object();
        const QJsonArray currencies = root.value(QStringLiteral("currencies")).toArray();
        QCOMPARE(currencies.size(), 1);
        QCOMPARE(currencies.at(0).toObject().value(QStringLiteral("total")).toString(),
                 QStringLiteral("766.10"));
        QCOMPARE(root.value(QStringLiteral("month")).toString(), QStringLiteral("2026-06"));
        const QJsonArray customers = root.value(QStringLiteral("customers")).toArray();
        QCOMPARE(customers.size(), 3);
        QCOMPARE(customers.at(1).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Smith, \"Bob\" & Co"));
        QCOMPARE(customers.at(1).toObject().value(QStringLiteral("total")).toString(),
                 QStringLiteral("269.10"));
        QVERIFY(json.indexOf("\"currencies\"") < json.indexOf("\"customers\""));

        // A chosen subset, in id order whatever order it was asked in.
        auto subset = costReportFor(*workspace_, month("2026-06"),
                                    {QStringLiteral("zed"), QStringLiteral("acme")});
        QVERIFY(subset);
        QCOMPARE(subset->customers.size(), std::size_t(2));
        QCOMPARE(subset->customers[0].id, QStringLiteral("acme"));
        QCOMPARE(subset->currencies.at(0).total, dollars("497.00"));
    }

    // Bills in two currencies: each customer in its own, each currency
    // totalled apart (by code), never one sum of both.
    void costReportTotalsEachCurrencyApart() {
        const auto billOf = [](const char* id, const char* currency, const char* net,
                               const char* tax) {
            MonthlyBill bill;
            bill.customerId = QString::fromLatin1(id);
            bill.month = {2026, 10};
            bill.currency = QString::fromLatin1(currency);
            MonthlyBillLine line;
            line.amount = dollars(net);
            line.monthlyAmount = line.amount;
            bill.lines.push_back(line);
            bill.net = dollars(net);
            bill.tax = dollars(tax);
            bill.total = bill.net.plus(bill.tax).value();
            if (!bill.tax.isZero()) {
                bill.taxTreatment = aicp::TaxTreatment::Standard;
                bill.taxName = QStringLiteral("VAT");
                bill.taxRate = aicp::Percent::fromWhole(23);
            }
            return bill;
        };
        const std::vector<MonthlyBill> bills{
            billOf("a", "USD", "100.00", "0.00"), billOf("b", "EUR", "929.00", "213.67"),
            billOf("c", "USD", "50.50", "0.00"), billOf("d", "EUR", "10.00", "2.30")};
        auto report = aicp::buildCostReport({2026, 10}, bills);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report->currencies.size(), std::size_t(2));
        QVERIFY(report->mixesCurrencies());
        const aicp::CostReportTotals& euros = report->currencies[0];
        QCOMPARE(euros.currency, QStringLiteral("EUR"));
        QCOMPARE(euros.net, dollars("939.00"));
        QCOMPARE(euros.tax, dollars("215.97"));
        QCOMPARE(euros.total, dollars("1154.97"));
        QCOMPARE(euros.taxes.size(), std::size_t(1));
        QCOMPARE(aicp::taxRateLabel(euros.taxes[0]), QStringLiteral("VAT 23%"));
        QCOMPARE(euros.taxes[0].amount, dollars("215.97"));
        const aicp::CostReportTotals* dollarsTotals = report->totalsIn(QStringLiteral("USD"));
        QVERIFY(dollarsTotals);
        QCOMPARE(dollarsTotals->total, dollars("150.50"));
        QVERIFY(dollarsTotals->taxes.empty());
        QCOMPARE(report->customers[1].currency, QStringLiteral("EUR"));
        const QByteArray csv = aicp::costReportCsv(*report);
        QVERIFY(csv.contains("2026-10,customer_total,b,,,1142.67,EUR\n"));
        QVERIFY(csv.contains("2026-10,tax_subtotal,,,VAT 23%,215.97,EUR\n"));
        QVERIFY(csv.contains("2026-10,grand_total,,,,1154.97,EUR\n"));
        QVERIFY(csv.endsWith("2026-10,grand_total,,,,150.50,USD\n"));
        // No bills: one zero set of totals in the currency asked for.
        auto empty = aicp::buildCostReport({2026, 10}, {}, QStringLiteral("GBP"));
        QVERIFY(empty);
        QCOMPARE(empty->currencies.size(), std::size_t(1));
        QCOMPARE(empty->currencies[0].currency, QStringLiteral("GBP"));
    }

    void csvFieldFollowsRfc4180() {
        QCOMPARE(csvField(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(csvField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        QCOMPARE(csvField(QString()), QString());
    }
};

QTEST_GUILESS_MAIN(TestMonthlyBill)
#include "tst_monthlybill.moc"

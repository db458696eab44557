#include "licensing/licensepayload.h"
#include "recommend/usageprojection.h"
#include "support/fakeclock.h"

#include <QTest>

using namespace aicp;
using aicp::test::utcAt;

namespace {

const YearMonth kApril{2026, 4};

UsageProjection project(const QDateTime& now, const std::vector<UsagePoint>& hourly) {
    auto projection = UsageProjection::compute(kApril, now, hourly);
    if (!projection)
        qFatal("projection failed: %s", qPrintable(projection.error().message()));
    return std::move(projection).value();
}

}  // namespace

// April 2026 has 30 days (2,592,000 s). Each expectation is worked out in
// the comment above it.
class TestUsageProjection : public QObject {
    Q_OBJECT

private slots:
    void youngMonthAveragesTheCompleteDaysItHas() {
        // Now 2026-04-04 12:00: days 1-3 complete (1,000 + 2,000 + 3,000), 500
        // so far today, and an hour after now that must not count.
        // So far 6,500; rate 6,000 / 3 days = 2,000 a day; left 26.5 days
        // (2,289,600 s): 6,000 × 2,289,600 / 259,200 = 53,000 → 59,500.
        const std::vector<UsagePoint> hourly{
            {utcAt("2026-04-01T10:00:00Z"), 1000}, {utcAt("2026-04-02T10:00:00Z"), 2000},
            {utcAt("2026-04-03T23:00:00Z"), 3000}, {utcAt("2026-04-04T06:00:00Z"), 500},
            {utcAt("2026-04-04T15:00:00Z"), 999},
        };
        const UsageProjection p = project(utcAt("2026-04-04T12:00:00Z"), hourly);
        QVERIFY(!p.complete);
        QCOMPARE(p.requestsSoFar, std::int64_t(6500));
        QCOMPARE(p.basisDays, 3);
        QCOMPARE(p.basisFrom, QDate(2026, 4, 1));
        QCOMPARE(p.basisTo, QDate(2026, 4, 3));
        QCOMPARE(p.basisRequests, std::int64_t(6000));
        QCOMPARE(p.dailyRate(), std::int64_t(2000));
        QCOMPARE(p.secondsLeft, std::int64_t(2'289'600));
        QCOMPARE(p.projected, std::int64_t(59'500));
        QVERIFY2(p.explanation().contains(QStringLiteral("younger than 7 days")),
                 qPrintable(p.explanation()));
        QVERIFY2(p.explanation().contains(QStringLiteral("= 59,500 projected")),
                 qPrintable(p.explanation()));
    }

    void olderMonthAveragesTheLastSevenCompleteDays() {
        // Now 2026-04-20 00:00: day d had d × 100 requests, days 1-19 complete.
        // So far 100 × 190 = 19,000; basis days 13-19: 100 × 112 = 11,200,
        // 1,600 a day; 11 days left: 17,600 → 36,600.
        std::vector<UsagePoint> hourly;
        for (int d = 1; d <= 19; ++d)
            hourly.push_back({QDateTime(QDate(2026, 4, d), QTime(8, 0), Qt::UTC), d * 100});
        const UsageProjection p = project(utcAt("2026-04-20T00:00:00Z"), hourly);
        QCOMPARE(p.requestsSoFar, std::int64_t(19'000));
        QCOMPARE(p.basisDays, 7);
        QCOMPARE(p.basisFrom, QDate(2026, 4, 13));
        QCOMPARE(p.basisTo, QDate(2026, 4, 19));
        QCOMPARE(p.basisRequests, std::int64_t(11'200));
        QCOMPARE(p.dailyRate(), std::int64_t(1600));
        QCOMPARE(p.secondsLeft, std::int64_t(950'400));
        QCOMPARE(p.projected, std::int64_t(36'600));
        QVERIFY(p.explanation().contains(QStringLiteral("last 7 complete days")));
    }

    void fractionalProjectionRoundsHalfUp() {
        // Now 2026-04-04 12:00, 1,000 over days 1-3: 1,000 × 2,289,600 /
        // 259,200 = 8,833.33 → 8,833; so far 1,000 → 9,833.
        const std::vector<UsagePoint> hourly{{utcAt("2026-04-02T00:00:00Z"), 1000}};
        QCOMPARE(project(utcAt("2026-04-04T12:00:00Z"), hourly).projected, std::int64_t(9833));
    }

    void firstDayUsesTheHoursElapsed() {
        // Now 2026-04-01 06:00: 600 in 6 hours (21,600 s); 2,570,400 s left:
        // 600 × 2,570,400 / 21,600 = 71,400 → 72,000.
        const std::vector<UsagePoint> hourly{{utcAt("2026-04-01T00:00:00Z"), 300},
                                             {utcAt("2026-04-01T05:00:00Z"), 300}};
        const UsageProjection p = project(utcAt("2026-04-01T06:00:00Z"), hourly);
        QCOMPARE(p.basisDays, 0);
        QCOMPARE(p.basisSeconds, std::int64_t(21'600));
        QCOMPARE(p.projected, std::int64_t(72'000));
        QVERIFY(p.explanation().contains(QStringLiteral("no day of the month is complete")));
    }

    void completeMonthProjectsItsActualTotal() {
        // Seen from May: April's 1,234 + 5,678 = 6,912, exactly.
        const std::vector<UsagePoint> hourly{{utcAt("2026-04-01T00:00:00Z"), 1234},
                                             {utcAt("2026-04-30T23:00:00Z"), 5678},
                                             {utcAt("2026-05-01T00:00:00Z"), 1}};
        const UsageProjection p = project(utcAt("2026-05-10T09:00:00Z"), hourly);
        QVERIFY(p.complete);
        QCOMPARE(p.at, utcAt("2026-05-01T00:00:00Z"));
        QCOMPARE(p.projected, std::int64_t(6912));
        QCOMPARE(p.secondsLeft, std::int64_t(0));
        QCOMPARE(p.explanation(),
                 QStringLiteral("2026-04 is over: 6,912 requests, its actual total."));
    }

    void monthNotBegunIsRefused() {
        auto p = UsageProjection::compute(kApril, utcAt("2026-03-31T23:59:59Z"), {});
        QVERIFY(!p);
        QCOMPARE(p.error().code(), Error::Code::InvalidInput);
        QVERIFY(p.error().message().contains(QStringLiteral("has not begun")));
    }
};

QTEST_GUILESS_MAIN(TestUsageProjection)
#include "tst_usageprojection.moc"

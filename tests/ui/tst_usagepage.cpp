#include "catalognames.h"
#include "common/idtext.h"
#include "consoletest.h"
#include "customers/customer.h"
#include "licensing/activationregistry.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "mainwindow.h"
#include "metering/usagegenerator.h"
#include "metering/usagequery.h"
#include "pages/usage/usagecard.h"
#include "pages/usage/usagechart.h"
#include "pages/usage/usagefigures.h"
#include "pages/usage/usagepage.h"
#include "storage/workspace.h"
#include "workspacesession.h"

#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <QAbstractButton>
#include <QApplication>
#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QValueAxis>

using namespace aicp;

namespace {

const QByteArray kPassphrase("correct horse battery");
const QString kCustomer = QStringLiteral("cust-000");
// The page's "now": 20 March 2026, noon UTC.
const QDateTime kNow(QDate(2026, 3, 20), QTime(12, 0), Qt::UTC);

UsageGeneratorSpec marchSpec(std::int64_t rows) {
    UsageGeneratorSpec spec;
    spec.rows = rows;
    spec.customers = 2;
    spec.usersPerCustomer = 12;
    spec.agentsPerCustomer = 6;
    spec.firstDay = QDate(2026, 3, 1);
    spec.days = 31;
    spec.seed = 7;
    return spec;
}

bool writeCsv(const UsageGeneratorSpec& spec, const QString& path) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && UsageGenerator(spec).writeCsv(file).ok();
}

// A customer's expected requests, users and agents in March, computed from
// the generator's rows on their own, not by the importer.
struct Expected {
    std::int64_t requests = 0;
    std::set<std::string> users;
    std::set<std::string> agents;
    std::map<int, std::int64_t> byDay;  // day of March -> requests
};

Expected expectedFor(const UsageGeneratorSpec& spec, const std::string& customer) {
    Expected expected;
    const UsageGenerator generator(spec);
    const std::int64_t march =
        QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    for (std::int64_t row = 0; row < spec.rows; ++row) {
        const GeneratedEvent event = generator.event(row);
        if (event.customer != customer)
            continue;
        expected.requests += event.quantity;
        expected.users.insert(event.user);
        expected.agents.insert(event.agent);
        expected.byDay[int((event.occurredAt - march) / 86400) + 1] += event.quantity;
    }
    return expected;
}

}  // namespace

// Drives the Usage page over a real workspace: a professional license for
// cust-000 (1,000,000 requests a month, 10 seats, 25 agents) issued through
// the registry, generated usage imported through the page.
class TestUsagePage : public test::PageTest<UsagePage> {
    Q_OBJECT

private:
    LicenseRecord license_;

    QChart* chart(const char* name) const { return child<QChartView>(name)->chart(); }
    std::int64_t importCount() const {
        return std::int64_t(UsageQuery(*workspace_).imports()->size());
    }
    void waitForImport() { QTRY_VERIFY_WITH_TIMEOUT(!page_->isImporting(), 120000); }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(writeCsv(marchSpec(3000), path("march.csv")));
    }

    void init() {
        openNewWorkspace();
        QVERIFY(KeyStore(*workspace_).generate(kPassphrase));
        LicenseRequest request;
        request.customerId = kCustomer;
        request.customerName = QStringLiteral("Acme Corp");
        request.tier = QStringLiteral("professional");
        request.notBefore = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        request.expiresAt = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
        auto issued = LicenseRegistry(*workspace_).issue(request, kPassphrase);
        QVERIFY2(issued, issued ? "" : qPrintable(issued.error().message()));
        license_ = *issued;

        page_ = std::make_unique<UsagePage>();
        page_->setClock([] { return kNow; });
        page_->setWorkspace(workspace_.get());
        page_->setCustomer(kCustomer);
        page_->setMonth(QDate(2026, 3, 1));
        QVERIFY(showPage({1100, 1100}));
    }

    void cleanup() { closePage(); }

    void importReportsCountsInWordsAndTheCardsMatchTheQuery() {
        QVERIFY(page_->importFiles({path("march.csv")}));
        QVERIFY(page_->isImporting());
        QVERIFY(!child<QAbstractButton>("importUsageButton")->isEnabled());
        waitForImport();
        QCOMPARE(page_->message(),
                 QStringLiteral("march.csv: 3,000 new, 0 duplicates, 0 rejected, 0 late"));
        QVERIFY(child<QAbstractButton>("importUsageButton")->isEnabled());
        QCOMPARE(child<QTableView>("importHistory")->model()->rowCount(), 1);

        const Expected expected = expectedFor(marchSpec(3000), "cust-000");
        const MonthlyUsageSummary summary =
            UsageQuery(*workspace_).monthlySummary(kCustomer, {2026, 3}).value();
        QCOMPARE(summary.requests, expected.requests);
        QVERIFY(page_->summary().has_value());
        QCOMPARE(page_->summary()->requests, expected.requests);
        QCOMPARE(page_->summary()->activeUsers, std::int64_t(expected.users.size()));
        QCOMPARE(page_->summary()->activeAgents, std::int64_t(expected.agents.size()));
        QCOMPARE(page_->summary()->activeUsers, std::int64_t(12));  // every user turned up

        auto* requests = child<UsageCard>("requestsCard");
        QCOMPARE(requests->valueText(), QLocale().toString(qint64(expected.requests)));
        QCOMPARE(requests->captionText(), QStringLiteral("of 1,000,000 a month"));
        QCOMPARE(requests->state(), std::optional<LimitState>(LimitState::Within));
        // 12 users on a 10-seat license: over.
        auto* users = child<UsageCard>("usersCard");
        QCOMPARE(users->valueText(), QStringLiteral("12"));
        QCOMPARE(users->captionText(), QStringLiteral("of 10 seats"));
        QCOMPARE(users->state(), std::optional<LimitState>(LimitState::Over));
        QCOMPARE(child<UsageCard>("agentsCard")->captionText(), QStringLiteral("of 25 agents"));

        // Importing the same file again adds nothing.
        QVERIFY(page_->importFiles({path("march.csv")}));
        waitForImport();
        QCOMPARE(page_->message(),
                 QStringLiteral("march.csv: 0 new, 3,000 duplicates, 0 rejected, 0 late"));
        QCOMPARE(page_->summary()->requests, expected.requests);
        QCOMPARE(child<QTableView>("importHistory")->model()->rowCount(), 2);
    }

    void chartsShowTheMonthAgainstTheQuota() {
        QVERIFY(page_->importFiles({path("march.csv")}));
        waitForImport();
        const Expected expected = expectedFor(marchSpec(3000), "cust-000");

        // Requests per day: 31 bars summing to the month, each day as generated.
        QChart* perDay = chart("requestsChart");
        auto* bars = qobject_cast<QBarSeries*>(perDay->series().value(0));
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 1);
        QBarSet* set = bars->barSets().front();
        QCOMPARE(set->count(), 31);
        QCOMPARE(std::llround(set->sum()), expected.requests);
        QCOMPARE(std::llround(set->at(0)), expected.byDay.at(1));
        QCOMPARE(std::llround(set->at(19)), expected.byDay.at(20));

        // Cumulative: the start, 19 complete days, then noon of the 20th.
        QChart* quota = chart("quotaChart");
        auto* area = qobject_cast<QAreaSeries*>(quota->series().value(0));
        QVERIFY(area);
        const QList<QPointF> points = area->upperSeries()->points();
        QCOMPARE(points.size(), 21);
        QCOMPARE(points.front(), QPointF(0, 0));
        std::int64_t firstNineteen = 0;
        for (int day = 1; day <= 19; ++day)
            firstNineteen += expected.byDay.at(day);
        QCOMPARE(std::llround(points[19].y()), firstNineteen);
        QCOMPARE(points.back().x(), 19.5);
        QCOMPARE(std::llround(points.back().y()), expected.requests);

        // The quota line sits at the license's requestsPerMonth.
        QLineSeries* quotaLine = nullptr;
        for (QAbstractSeries* series : quota->series()) {
            if (series->objectName() == QLatin1String("quotaLine"))
                quotaLine = qobject_cast<QLineSeries*>(series);
        }
        QVERIFY(quotaLine);
        QCOMPARE(license_.license.requestsPerMonth, std::optional<std::int64_t>(1000000));
        QCOMPARE(quotaLine->at(0).y(), 1000000.0);
        QCOMPARE(quotaLine->at(1), QPointF(31, 1000000));

        // Projection: the mean of 13..19 March × 11.5 days left, added to the month so far.
        std::int64_t lastWeek = 0;
        for (int day = 13; day <= 19; ++day)
            lastWeek += expected.byDay.at(day);
        QVERIFY(page_->projection().has_value());
        QCOMPARE(page_->projection()->basisDays, 7);
        QCOMPARE(page_->projection()->daysLeft, 11.5);
        QCOMPARE(page_->projection()->projected,
                 expected.requests + std::llround(double(lastWeek) / 7.0 * 11.5));

        // Breakdowns: one stacked set per pack, each day's layer as stored,
        // named as people read them ("PII protection", not "pii-protection").
        QChart* packs = chart("policyPackChart");
        auto* stack = qobject_cast<QAbstractBarSeries*>(packs->series().value(0));
        QVERIFY(stack);
        QCOMPARE(stack->barSets().size(), 5);
        const MonthlyUsageSummary summary = *page_->summary();
        std::map<QString, std::int64_t> byName;
        for (const auto& [id, requests] : summary.policyPacks)
            byName[policyPackName(id)] = requests;
        for (QBarSet* pack : stack->barSets()) {
            QCOMPARE(pack->count(), 31);
            QVERIFY2(!summary.policyPacks.contains(pack->label()), qPrintable(pack->label()));
            QCOMPARE(std::llround(pack->sum()), byName.at(pack->label()));
        }
    }

    void hourToggleShowsEveryHourThinnedOnlyForDrawing() {
        QVERIFY(page_->importFiles({path("march.csv")}));
        waitForImport();
        child<QAbstractButton>("perHourButton")->click();
        QCOMPARE(page_->window(), UsageWindow::Hour);
        QChart* perHour = chart("requestsChart");
        auto* area = qobject_cast<QAreaSeries*>(perHour->series().value(0));
        QVERIFY(area);
        const qsizetype drawn = area->upperSeries()->count();
        // 744 hours in March; at most one point per pixel of the plot.
        const int width = int(child<QChartView>("requestsChart")->width());
        QVERIFY2(drawn <= 744 && drawn >= std::min(744, width / 2),
                 qPrintable(QStringLiteral("%1 points, %2 px").arg(drawn).arg(width)));
        QCOMPARE(area->upperSeries()->points().back().x(), 743.0 / 24.0);
        // The cards still come from the full aggregates.
        QCOMPARE(page_->summary()->requests, expectedFor(marchSpec(3000), "cust-000").requests);

        child<QAbstractButton>("perDayButton")->click();
        QCOMPARE(page_->window(), UsageWindow::Day);
        QVERIFY(qobject_cast<QBarSeries*>(chart("requestsChart")->series().value(0)));
    }

    void cancelLeavesTheWorkspaceAsItWas() {
        QVERIFY(writeCsv(marchSpec(300000), path("big.csv")));
        // Cancelled at once.
        QVERIFY(page_->importFiles({path("big.csv")}));
        page_->cancelImport();
        waitForImport();
        QCOMPARE(page_->message(), QStringLiteral("Cancelled: nothing from big.csv was imported."));
        QCOMPARE(importCount(), 0);
        QCOMPARE(page_->summary()->requests, 0);

        // Cancelled once rows are flowing.
        QVERIFY(page_->importFiles({path("big.csv")}));
        auto* progress = child<QProgressBar>("importProgressBar");
        QVERIFY(child<QWidget>("importProgress")->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0 || !page_->isImporting(), 60000);
        if (!page_->isImporting())
            QSKIP("the import finished before it could be cancelled mid-way");
        QVERIFY(child<QLabel>("importProgressText")->text().contains(QStringLiteral("MB/s")));
        page_->cancelImport();
        waitForImport();
        QCOMPARE(page_->message(), QStringLiteral("Cancelled: nothing from big.csv was imported."));
        QCOMPARE(importCount(), 0);
        QCOMPARE(UsageQuery(*workspace_).monthlySummary(kCustomer, {2026, 3})->requests, 0);
        QVERIFY(!child<QWidget>("importProgress")->isVisible());
    }

    void refusedFileSaysWhereAndImportsNothing() {
        QFile bad(path("bad.csv"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(
            "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,"
            "compliance_modules,quantity\n"
            "e1,2026-03-02T10:00:00Z,cust-000,agent-01,u1,toxicity,gdpr,1\n"
            "e2,2026-03-32T10:00:00Z,cust-000,agent-01,u1,toxicity,gdpr,1\n");
        bad.close();
        QVERIFY(page_->importFiles({path("bad.csv")}));
        waitForImport();
        QVERIFY2(page_->message().startsWith(QStringLiteral("bad.csv:3:2: ")),
                 qPrintable(page_->message()));
        QVERIFY2(page_->message().endsWith(QStringLiteral("Nothing from bad.csv was imported.")),
                 qPrintable(page_->message()));
        QCOMPARE(importCount(), 0);
        QCOMPARE(page_->summary()->requests, 0);

        // Skipping bad rows: the good one goes in, the bad one to the reject file.
        child<QAbstractButton>("skipBadRows")->click();
        QVERIFY(page_->importFiles({path("bad.csv")}));
        waitForImport();
        QCOMPARE(page_->message(),
                 QStringLiteral("bad.csv: 1 new, 0 duplicates, 1 rejected (see bad.csv.rejects), "
                                "0 late"));
        QVERIFY(QFile::exists(path("bad.csv.rejects")));
        QCOMPARE(page_->summary()->requests, 1);
    }

    void droppedFilesAreImported() {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path("march.csv")),
                      QUrl::fromLocalFile(dir_.filePath(QStringLiteral("notes.txt")))});
        QCOMPARE(UsagePage::usageFiles(&mime), QStringList{path("march.csv")});
        QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        // Straight to the page's handlers: a real drag needs a drag manager.
        QObject* target = page_.get();
        target->event(&enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        target->event(&drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(page_->isImporting());
        waitForImport();
        QVERIFY(page_->message().startsWith(QStringLiteral("march.csv: 3,000 new")));
    }

    void allCustomersShowTheMonthAcrossCustomers() {
        page_->setCustomer(QString());
        auto* content = child<QStackedWidget>("usageContent");
        QCOMPARE(content->currentWidget()->objectName(), QStringLiteral("allCustomersUsage"));
        QCOMPARE(page_->allCustomers()->requests, 0);
        QVERIFY(!page_->summary().has_value());

        // cust-000 (Professional: 10 seats): 9 users of 20 requests on 2 March,
        // 30 more on 5 March: 210 requests, 9 of 10 seats (near). cust-001
        // (no license): 20 on 2 March and 400 on 10 March: 420.
        QFile fixture(path("two-customers.csv"));
        QVERIFY(fixture.open(QIODevice::WriteOnly));
        fixture.write(
            "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,"
            "compliance_modules,quantity\n");
        for (int user = 1; user <= 9; ++user)
            fixture.write(QStringLiteral("a%1,2026-03-02T10:00:00Z,cust-000,agent-01,u%1,,,20\n")
                              .arg(user)
                              .toLatin1());
        fixture.write(
            "b1,2026-03-05T10:00:00Z,cust-000,agent-01,u1,,,30\n"
            "c1,2026-03-02T11:00:00Z,cust-001,agent-01,v1,,,20\n"
            "c2,2026-03-10T11:00:00Z,cust-001,agent-01,v1,,,400\n");
        fixture.close();
        Customer globex;
        globex.id = QStringLiteral("cust-001");
        globex.name = QStringLiteral("Globex");
        QVERIFY(CustomerStore(*workspace_).save(globex).ok());
        QVERIFY(page_->importFiles({path("two-customers.csv")}));
        waitForImport();

        const std::optional<AllCustomersUsage>& all = page_->allCustomers();
        QVERIFY(all);
        QCOMPARE(all->requests, std::int64_t(630));
        QCOMPARE(all->days.size(), std::size_t(31));
        QCOMPARE(all->days[1], std::int64_t(200));  // 2 March: 9 × 20 + 20
        QCOMPARE(all->days[4], std::int64_t(30));
        QCOMPARE(all->days[9], std::int64_t(400));
        QCOMPARE(all->customers.size(), std::size_t(2));
        QCOMPARE(all->customers[0].customerId, QStringLiteral("cust-001"));  // most first
        QCOMPARE(all->customers[0].requests, std::int64_t(420));
        QVERIFY(all->customers[0].tier.isEmpty());
        QCOMPARE(all->customers[1].customerId, kCustomer);
        QCOMPARE(all->customers[1].requests, std::int64_t(210));
        QCOMPARE(all->customers[1].activeUsers, std::int64_t(9));
        QCOMPARE(all->limits.size(), std::size_t(1));
        QCOMPARE(all->limits[0].check.limit, LicenseLimit::Seats);
        QCOMPARE(all->limits[0].check.used, std::int64_t(9));
        QCOMPARE(all->limits[0].check.state, LimitState::Near);

        // On screen in people's words: the tier's name, not its id.
        auto* top = child<QListWidget>("topCustomersList");
        QCOMPARE(top->count(), 2);
        QCOMPARE(top->item(0)->text(), QStringLiteral("Globex · 420 requests · no license"));
        QCOMPARE(top->item(1)->text(), QStringLiteral("Acme Corp · 210 requests · Professional"));
        auto* limits = child<QListWidget>("customerLimitsList");
        QCOMPARE(limits->item(0)->text(),
                 QStringLiteral("Acme Corp (Professional): 9 seats of 10, near the limit"));
        QCOMPARE(child<UsageCard>("allRequestsCard")->valueText(), QStringLiteral("630"));

        page_->setCustomer(kCustomer);
        QCOMPARE(content->currentWidget()->objectName(), QStringLiteral("customerUsage"));
        QVERIFY(page_->license().has_value());
    }

    void instancesCountLikeSeatsAndAgents() {
        // Nine gateways of an air-gapped site, activated on 10 March for 30
        // days, on the Professional license of 10 instances.
        const Clock tenth = [] { return QDateTime(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC); };
        ActivationRegistry registry(*workspace_, tenth);
        for (int n = 1; n <= 9; ++n) {
            ActivationRequest request{QStringLiteral("sha256:site%1").arg(n),
                                      QStringLiteral("gw-%1.acme.example").arg(n), 30};
            QVERIFY(registry.activate(idText(license_.license.id), request, kPassphrase));
        }
        page_->setCustomer(QString());
        const std::optional<AllCustomersUsage>& all = page_->allCustomers();
        QVERIFY(all);
        // Acme has no usage in March, yet its instances count.
        QCOMPARE(all->customers.size(), std::size_t(1));
        QCOMPARE(all->customers[0].activeInstances, std::int64_t(9));
        QCOMPARE(all->limits.size(), std::size_t(1));
        QCOMPARE(all->limits[0].check.limit, LicenseLimit::Instances);
        QCOMPARE(child<QListWidget>("customerLimitsList")->item(0)->text(),
                 QStringLiteral("Acme Corp (Professional): 9 instances of 10, near the limit"));

        page_->setCustomer(kCustomer);
        auto* instances = child<UsageCard>("instancesCard");
        QVERIFY(instances->isVisible());
        QCOMPARE(instances->valueText(), QStringLiteral("9"));
        QCOMPARE(instances->captionText(), QStringLiteral("of 10 instances"));
        QCOMPARE(instances->state(), std::optional<LimitState>(LimitState::Near));

        // Two released: seven, within the limit (80 % is near).
        auto listed = registry.list(license_.license.id);
        QVERIFY(listed && listed->size() == 9);
        QVERIFY(registry.release(idText(listed->at(0).id)));
        QVERIFY(registry.release(idText(listed->at(1).id)));
        page_->setCustomer(QString());
        QVERIFY(page_->allCustomers()->limits.empty());
        page_->setCustomer(kCustomer);
        QCOMPARE(instances->valueText(), QStringLiteral("7"));
        QCOMPARE(instances->state(), std::optional<LimitState>(LimitState::Within));
        // April has not started on the page's 20 March: the count is the
        // instances still active on 1 April.
        page_->setMonth(QDate(2026, 4, 1));
        QCOMPARE(instances->valueText(), QStringLiteral("7"));
        page_->setMonth(QDate(2026, 5, 1));
        QCOMPARE(instances->valueText(), QStringLiteral("0"));
    }

    void projectionIsTheRecentDailyMeanTimesTheDaysLeft() {
        const std::int64_t week[] = {60, 70, 80, 70, 60, 70, 80};  // mean 70
        auto projection = projectMonthEnd({2026, 3}, kNow, 1000, week);
        QVERIFY(projection);
        QCOMPARE(projection->dailyRate, 70.0);
        QCOMPARE(projection->daysLeft, 11.5);
        QCOMPARE(projection->projected, 1805);  // 1000 + 70 × 11.5
        QVERIFY(!projectMonthEnd({2026, 2}, kNow, 1000, week));
        QVERIFY(!projectMonthEnd({2026, 4}, kNow, 1000, week));
    }

    void thinningKeepsPeaksAndEnds() {
        std::vector<double> year(8760, 10.0);
        year[4321] = 500.0;  // one busy hour in a flat year
        const std::vector<std::size_t> kept = displayIndices(year, 600);
        QCOMPARE(kept.size(), std::size_t(600));
        QCOMPARE(kept.front(), std::size_t(0));
        QCOMPARE(kept.back(), std::size_t(8759));
        QVERIFY(std::is_sorted(kept.begin(), kept.end()));
        QVERIFY(std::find(kept.begin(), kept.end(), std::size_t(4321)) != kept.end());
        QCOMPARE(displayIndices(std::vector<double>(31, 1.0), 600).size(), std::size_t(31));
    }

    void theRequestsAxisTicksWholeRequests() {
        // Each tick a whole number of requests, so no two labels read alike.
        for (const double highest : {0.0, 1.0, 3.0, 4.6, 7.0, 480.0, 123'456.0}) {
            const std::unique_ptr<QValueAxis> axis(usagecharts::requestsAxis(highest));
            QVERIFY(axis->max() >= highest);
            QCOMPARE(axis->min(), 0.0);
            const double step = (axis->max() - axis->min()) / (axis->tickCount() - 1);
            QVERIFY2(step >= 1.0 && step == std::floor(step),
                     qPrintable(QStringLiteral("%1: a tick every %2").arg(highest).arg(step)));
        }
    }
};

QTEST_MAIN(TestUsagePage)
#include "tst_usagepage.moc"

#include "billing/costreport.h"
#include "billing/invoicebook.h"
#include "billing/monthlybilling.h"
#include "consoletest.h"
#include "demo/demoworkspace.h"
#include "licensing/activationregistry.h"
#include "licensing/licenseregistry.h"
#include "mainwindow.h"
#include "money/moneyformat.h"
#include "pages/dashboard/dashboardpage.h"
#include "pages/dashboard/dashboardsummary.h"
#include "pages/dashboard/revenuebars.h"
#include "pages/licenses/licensespage.h"
#include "pages/usage/usagecard.h"
#include "recommend/recommendationservice.h"
#include "storage/workspace.h"
#include "workspacesession.h"

#include <memory>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

namespace {

const YearMonth kNovember{2026, 11};
// The dashboard's "now": 20 November 2026, noon UTC, inside the demo's usage.
const QDateTime kNow(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

}  // namespace

// The dashboard over the demo workspace: its figures against the core's.
class TestDashboardPage : public test::PageTest<DashboardPage> {
    Q_OBJECT

private:
    QString demoPath_;

    void waitForSummary() {
        QTRY_VERIFY_WITH_TIMEOUT(!page_->isLoading() && page_->summary() != nullptr, 60000);
    }

private slots:
    void initTestCase() {
        QVERIFY(test::useScratchSettings(dir_, "tst_dashboardpage"));
        demoPath_ = dir_.filePath(QStringLiteral("demo.aicp"));
        const Status created = createDemoWorkspace(demoPath_);
        QVERIFY2(created, created ? "" : qPrintable(created.error().message()));
    }

    void init() {
        workspace_ = Workspace::open(demoPath_).value();
        page_ = std::make_unique<DashboardPage>();
        page_->setClock([] { return kNow; });
        page_->setWorkspace(workspace_.get());
        page_->setMonth(kNovember.firstDay());
        QVERIFY(showPage());
    }

    void cleanup() { closePage(); }

    void revenueByAxisIsTheCostReport() {
        waitForSummary();
        const CostReport core = costReportFor(*workspace_, kNovember).value();
        const CostReportTotals& totals = core.currencies.at(0);
        QCOMPARE(page_->summary()->report.currencies.at(0).net.micros(), totals.net.micros());
        const QLocale locale;
        // Revenue is net of tax.
        QCOMPARE(child<UsageCard>("revenueCard")->valueText(),
                 formatMoney(totals.net, locale, totals.currency));
        const auto& bars = child<RevenueBars>("revenueByAxis")->bars();
        // The demo's November has no contract adjustments: their bars (the
        // last two axes) are left out, every other axis is shown.
        QCOMPARE(bars.size(), totals.subtotals.size() - 2);
        QCOMPARE(totals.subtotals[bars.size()].axis, BillAxis::PrepaidUnused);
        for (std::size_t i = 0; i < bars.size(); ++i) {
            QCOMPARE(bars[i].amount.micros(), totals.subtotals[i].amount.micros());
            QCOMPARE(bars[i].text,
                     formatMoney(totals.subtotals[i].amount, locale, totals.currency));
        }
        QVERIFY(child<QLabel>("dashboardHeading")
                    ->text()
                    .startsWith(QStringLiteral("November 2026 so far")));
    }

    void requestsAreEveryCustomersBilledRequests() {
        waitForSummary();
        std::int64_t requests = 0;
        for (const MonthlyBill& bill : MonthlyBilling(*workspace_).bills(kNovember).value())
            requests += bill.requests;
        QVERIFY(requests > 0);
        QCOMPARE(page_->summary()->requests, requests);
        QCOMPARE(child<UsageCard>("dashboardRequestsCard")->valueText(),
                 formatCount(requests, QLocale()));
    }

    void limitsListEveryCheckNearOrOverAndLeadToTheCustomer() {
        waitForSummary();
        const auto& limits = page_->summary()->limits;
        auto* list = child<QListWidget>("limitList");
        QVERIFY(!limits.empty());  // the demo has customers near and over their limits
        QCOMPARE(list->count(), int(limits.size()));
        for (std::size_t i = 0; i < limits.size(); ++i) {
            QVERIFY(limits[i].check.state != LimitState::Within);
            if (i > 0 && limits[i].check.state == LimitState::Over)
                QCOMPARE(limits[i - 1].check.state, LimitState::Over);  // over first
        }
        // Each one is what Entitlements says of the license in force.
        const auto licenses = LicenseRegistry(*workspace_).list().value();
        const auto bills = MonthlyBilling(*workspace_).bills(kNovember).value();
        for (const DashboardLimit& limit : limits) {
            const auto license = licenseInForce(licenses, limit.customerId, kNow);
            QVERIFY(license.has_value());
            const auto bill = std::find_if(bills.begin(), bills.end(), [&](const MonthlyBill& b) {
                return b.customerId == limit.customerId;
            });
            QVERIFY(bill != bills.end());
            std::int64_t used = bill->requests;
            if (limit.check.limit == LicenseLimit::Seats)
                used = bill->activeUsers;
            else if (limit.check.limit == LicenseLimit::Agents)
                used = bill->activeAgents;
            else if (limit.check.limit == LicenseLimit::Instances)
                used = ActivationRegistry(*workspace_)
                           .activeCountAt(license->license.id, kNow)
                           .value();
            const LimitCheck expected =
                Entitlements(license->license).check(limit.check.limit, used);
            QCOMPARE(limit.check.used, expected.used);
            QCOMPARE(limit.check.state, expected.state);
        }
        // The demo's Globex runs 9 gateways on its 10 instances.
        QVERIFY(std::any_of(limits.begin(), limits.end(), [](const DashboardLimit& limit) {
            return limit.customerId == QStringLiteral("globex") &&
                   limit.check.limit == LicenseLimit::Instances && limit.check.used == 9 &&
                   limit.check.state == LimitState::Near;
        }));
        QSignalSpy opened(page_.get(), &DashboardPage::customerActivated);
        QListWidgetItem* first = list->item(0);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(first).center());
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().at(0).toString(), limits.front().customerId);
    }

    void expiringLicensesAreActiveAndWithinThirtyDays() {
        waitForSummary();
        const auto& expiring = page_->summary()->expiring;
        const auto licenses = LicenseRegistry(*workspace_).list().value();
        std::size_t expected = 0;
        for (const LicenseRecord& record : licenses) {
            if (isInForce(record.stateAt(kNow)) && record.license.expiresAt <= kNow.addDays(30)) {
                const auto next = licenseInForce(licenses, record.license.customerId,
                                                 record.license.expiresAt.addSecs(1));
                if (!next || next->license.id == record.license.id)
                    ++expected;
            }
        }
        QCOMPARE(expiring.size(), expected);
        QCOMPARE(child<QListWidget>("expiryList")->count(),
                 expiring.empty() ? 1 : int(expiring.size()));
        for (std::size_t i = 1; i < expiring.size(); ++i)
            QVERIFY(expiring[i - 1].expiresAt <= expiring[i].expiresAt);
    }

    void overdueInvoicesAreThoseOpenPastTheirDueDate() {
        const QString copy = dir_.filePath(QStringLiteral("overdue.aicp"));
        QVERIFY(QFile::copy(demoPath_, copy));
        auto workspace = Workspace::open(copy).value();
        auto invoice = InvoiceBook(*workspace, [] {
                           return QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
                       }).issue(QStringLiteral("stark-analytics"), {2026, 10});
        QVERIFY(invoice);
        QCOMPARE(invoice->dueDate, QDate(2026, 12, 2));
        const auto overdueOn = [&](QDate day) {
            return summarizeDashboard(*workspace, kNovember, QDateTime(day, QTime(12, 0), Qt::UTC))
                .value()
                .overdue;
        };
        QVERIFY(overdueOn({2026, 12, 2}).empty());
        const auto late = overdueOn({2026, 12, 3});
        QCOMPARE(late.size(), std::size_t(1));
        QCOMPARE(late.front().invoices, 1);
        QCOMPARE(late.front().currency, QStringLiteral("USD"));
        QCOMPARE(late.front().balance.toDecimalString(), QStringLiteral("900.79"));
        QVERIFY(InvoiceBook(*workspace, [] {
                    return QDateTime(QDate(2026, 12, 4), QTime(9, 0), Qt::UTC);
                }).markPaid(invoice->number, {2026, 12, 4}, QStringLiteral("SEPA 7")));
        QVERIFY(overdueOn({2026, 12, 5}).empty());
    }

    void topRecommendationsAreTheServicesChanges() {
        waitForSummary();
        QTRY_VERIFY_WITH_TIMEOUT(page_->recommendations().has_value(), 60000);
        const RecommendationService service(*workspace_, [] { return kNow; });
        std::size_t changes = 0;
        for (const CostReportCustomer& customer : page_->summary()->report.customers) {
            if (!customer.licensed)
                continue;
            auto recommendation = service.recommend(customer.id, kNovember);
            if (recommendation && recommendation->suggestsChange())
                ++changes;
        }
        const auto& shown = *page_->recommendations();
        QCOMPARE(shown.size(), std::min<std::size_t>(changes, kDashboardRecommendations));
        for (const DashboardRecommendation& r : shown) {
            const Recommendation expected = service.recommend(r.customerId, kNovember).value();
            QCOMPARE(r.recommendedTier, expected.recommendedOption()->tier());
            QCOMPARE(r.saving.has_value(), expected.saving.has_value());
        }
        auto* list = child<QListWidget>("recommendationList");
        QCOMPARE(list->count(), shown.empty() ? 1 : int(shown.size()));
    }

    void mainWindowOpensOnTheDashboardAndItsListsNavigate() {
        page_.reset();
        workspace_.reset();
        QSettings().clear();
        auto session = WorkspaceSession::open(demoPath_, WorkspaceSession::WhenMissing::Refuse);
        QVERIFY(session.ok());
        MainWindow window(std::move(session).value());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentPage(), MainWindow::Page::Dashboard);
        auto* dashboard = window.findChild<DashboardPage*>();
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard->isLoading() && dashboard->summary(), 60000);
        auto* customers = window.findChild<QComboBox*>(QStringLiteral("customerSelector"));
        emit dashboard->customerActivated(QStringLiteral("globex"));
        QCOMPARE(window.currentPage(), MainWindow::Page::Usage);
        QCOMPARE(customers->currentData().toString(), QStringLiteral("globex"));

        const auto licenses = LicenseRegistry(*Workspace::open(demoPath_).value()).list().value();
        const LicenseRecord& some = licenses.front();
        emit dashboard->licenseActivated(some.license.id, some.license.customerId);
        QCOMPARE(window.currentPage(), MainWindow::Page::Licenses);
        QCOMPARE(customers->currentData().toString(), some.license.customerId);
        auto* licensesPage = window.findChild<LicensesPage*>();
        QTRY_VERIFY(licensesPage->selectedRecord().has_value());
        QCOMPARE(licensesPage->selectedRecord()->license.id, some.license.id);
    }
};

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"

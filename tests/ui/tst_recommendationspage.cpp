#include "audit/auditedsettings.h"
#include "demo/demoworkspace.h"
#include "mainwindow.h"
#include "pages/licenses/licenseissuedialog.h"
#include "pages/licenses/licensespage.h"
#include "pages/recommendations/recommendationspage.h"
#include "storage/workspace.h"
#include "workspacesession.h"

#include <memory>

#include <QAbstractItemModel>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

namespace {

// The demo's usage ends on 25 November 2026; October is a complete month,
// so what the page shows for it does not depend on the clock.
const QDateTime kNow(QDate(2026, 11, 25), QTime(15, 0), Qt::UTC);

}  // namespace

class TestRecommendationsPage : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString demoPath_;
    std::unique_ptr<MainWindow> window_;
    RecommendationsPage* page_ = nullptr;

    void pick(const char* customer, QDate month) {
        auto* customers = window_->findChild<QComboBox*>(QStringLiteral("customerSelector"));
        auto* months = window_->findChild<QComboBox*>(QStringLiteral("monthSelector"));
        QVERIFY(customers && months);
        const int monthIndex = months->findData(month);
        QVERIFY(monthIndex >= 0);
        months->setCurrentIndex(monthIndex);
        const int customerIndex = customers->findData(QString::fromLatin1(customer));
        QVERIFY(customerIndex >= 0);
        customers->setCurrentIndex(customerIndex);
        waitForPage(customer);
    }

    void waitForPage(const char* customer) {
        QTRY_VERIFY_WITH_TIMEOUT(!page_->isLoading() && page_->recommendation() &&
                                     page_->recommendation()->customerId == QLatin1String(customer),
                                 20000);
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.path());
        demoPath_ = dir_.filePath(QStringLiteral("demo.aicp"));
        QVERIFY(createDemoWorkspace(demoPath_));
    }

    void init() {
        auto session = WorkspaceSession::open(demoPath_, WorkspaceSession::WhenMissing::Refuse);
        QVERIFY(session);
        window_ = std::make_unique<MainWindow>(std::move(session).value());
        window_->resize(1280, 800);
        page_ = window_->findChild<RecommendationsPage*>();
        QVERIFY(page_);
        page_->setClock([] { return kNow; });
        window_->showPage(MainWindow::Page::Recommendations);
    }

    void cleanup() { window_.reset(); }

    void noCustomerShowsAPrompt() {
        auto* customers = window_->findChild<QComboBox*>(QStringLiteral("customerSelector"));
        customers->setCurrentIndex(customers->findData(QString()));
        QTRY_VERIFY(!page_->isLoading());
        QVERIFY(!page_->recommendation());
        QVERIFY(page_->message().contains(QStringLiteral("Pick a customer")));
        QVERIFY(!page_->canPrepareUpgrade());
    }

    void showsEveryTierAndTheRecommendation() {
        // initech, October 2026: the same figures `aicp recommend` prints
        // (tst_recommendcli): starter 629.05 cannot serve 6 agents.
        pick("initech", QDate(2026, 10, 1));
        const Recommendation& r = *page_->recommendation();
        QCOMPARE(r.currentTier, QStringLiteral("starter"));
        QCOMPARE(r.recommendedOption()->tier(), QStringLiteral("professional"));
        auto* reason = page_->findChild<QLabel*>(QStringLiteral("recommendationReason"));
        QCOMPARE(reason->text(),
                 QStringLiteral("Starter allows 5 agents (6 needed); Professional avoids it for "
                                "999.00 USD a month, 369.95 USD more than Starter."));
        auto* headline = page_->findChild<QLabel*>(QStringLiteral("recommendationHeadline"));
        QCOMPARE(headline->text(), QStringLiteral("Move to Professional"));

        auto* table = page_->findChild<QTableView*>(QStringLiteral("recommendationTable"));
        QAbstractItemModel* model = table->model();
        QCOMPARE(model->rowCount(), 4);
        QVERIFY(model->index(1, 0).data().toString().contains(QStringLiteral("current")));
        QVERIFY(model->index(2, 0).data().toString().contains(QStringLiteral("recommended")));
        QCOMPARE(model->index(2, 3).data().toString(), QStringLiteral("Yes"));
        QCOMPARE(model->index(1, 3).data().toString(), QStringLiteral("No"));

        auto* chart = page_->findChild<QChartView*>(QStringLiteral("recommendationChart"));
        QCOMPARE(chart->chart()->series().size(), 1);
        auto axes = chart->chart()->axes(Qt::Horizontal);
        QCOMPARE(axes.size(), 1);
        QCOMPARE(qobject_cast<QBarCategoryAxis*>(axes.front())->count(), 4);

        QVERIFY(page_->findChild<QWidget*>(QStringLiteral("alert_agents")));
        QVERIFY2(page_->canPrepareUpgrade(), qPrintable(page_->whyNoUpgrade()));

        // The packs and modules priced are named as people read them.
        const QString needs = page_->findChild<QLabel*>(QStringLiteral("needsSummary"))->text();
        QVERIFY2(needs.contains(QStringLiteral("Policy packs: PII protection")), qPrintable(needs));
        QVERIFY2(!needs.contains(QStringLiteral("pii-protection")), qPrintable(needs));
        QVERIFY2(needs.contains(QStringLiteral("Compliance modules: SOC 2")), qPrintable(needs));
        // So is the change on the Dashboard's list ("Starter → Professional").
        QCOMPARE(r.changeInWords(), QStringLiteral("Starter → Professional"));
    }

    void prepareUpgradeOpensTheDialogPrefilled() {
        pick("initech", QDate(2026, 10, 1));
        auto* licenses = window_->findChild<LicensesPage*>();
        QString tier;
        QString customer;
        bool upgrade = false;
        licenses->setIssueDialogRunner([&](LicenseIssueDialog& dialog) {
            upgrade = dialog.isUpgrade();
            tier =
                dialog.findChild<QComboBox*>(QStringLiteral("tierInput"))->currentData().toString();
            customer = dialog.findChild<QComboBox*>(QStringLiteral("customerInput"))
                           ->currentData()
                           .toString();
            return int(QDialog::Rejected);
        });
        page_->findChild<QPushButton*>(QStringLiteral("prepareUpgradeButton"))->click();
        QVERIFY(upgrade);
        QCOMPARE(tier, QStringLiteral("professional"));
        QCOMPARE(customer, QStringLiteral("initech"));
        QCOMPARE(window_->currentPage(), MainWindow::Page::Licenses);
        QCOMPARE(licenses->selectedRecord()->license.id,
                 page_->recommendation()->license->license.id);
    }

    void upgradeIsDisabledWhenTheTierStays() {
        pick("stark-analytics", QDate(2026, 10, 1));
        QVERIFY(!page_->recommendation()->suggestsChange());
        auto* button = page_->findChild<QPushButton*>(QStringLiteral("prepareUpgradeButton"));
        QVERIFY(!button->isEnabled());
        QVERIFY2(button->toolTip().contains(QStringLiteral("already the customer's tier")),
                 qPrintable(button->toolTip()));
        QCOMPARE(page_->findChild<QLabel*>(QStringLiteral("recommendationHeadline"))->text(),
                 QStringLiteral("Stay on Professional"));
    }

    void customerWorkspaceCannotPrepareUpgrades() {
        window_.reset();
        {
            auto workspace = Workspace::open(demoPath_).value();
            QVERIFY(aicp::setWorkspaceMode(*workspace, Workspace::Mode::Customer));
        }
        init();
        pick("initech", QDate(2026, 10, 1));
        QVERIFY(page_->recommendation()->suggestsChange());
        QVERIFY(!page_->canPrepareUpgrade());
        QVERIFY2(page_->whyNoUpgrade().contains(QStringLiteral("customer workspace")),
                 qPrintable(page_->whyNoUpgrade()));
        window_.reset();
        auto workspace = Workspace::open(demoPath_).value();
        QVERIFY(aicp::setWorkspaceMode(*workspace, Workspace::Mode::Vendor));
    }
};

QTEST_MAIN(TestRecommendationsPage)
#include "tst_recommendationspage.moc"

#include "consoletest.h"
#include "mainwindow.h"
#include "pages/dashboard/dashboardpage.h"
#include "pages/usage/usagepage.h"
#include "taskrunner.h"
#include "workspacesession.h"

#include <memory>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir scratch_;

    std::unique_ptr<WorkspaceSession> session() const { return test::demoSession(scratch_); }

    static QString pageTitle(const MainWindow& window) {
        return window.findChild<QLabel*>(QStringLiteral("pageTitle"))->text();
    }

private slots:
    void initTestCase() { QVERIFY(test::useScratchSettings(scratch_, "tst_mainwindow")); }

    void init() { QSettings().clear(); }

    void pagesSwitchWithControlAndNumber() {
        MainWindow window(session());
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        const QStringList titles = {QStringLiteral("Dashboard"),       QStringLiteral("Tiers"),
                                    QStringLiteral("Licenses"),        QStringLiteral("Usage"),
                                    QStringLiteral("Recommendations"), QStringLiteral("Reports"),
                                    QStringLiteral("Settings")};
        // Backwards, so every page is reached from another one.
        for (int n = 7; n >= 1; --n) {
            QTest::keyClick(&window, static_cast<Qt::Key>(Qt::Key_0 + n), Qt::ControlModifier);
            QCOMPARE(static_cast<int>(window.currentPage()), n - 1);
            QCOMPARE(window.findChild<QStackedWidget*>(QStringLiteral("pages"))->currentIndex(),
                     n - 1);
            QCOMPARE(pageTitle(window), titles[n - 1]);
        }
    }

    void statusBarNamesWorkspaceAndPriceBook() {
        MainWindow window(session());
        const QString workspace =
            window.findChild<QLabel*>(QStringLiteral("workspacePath"))->text();
        QVERIFY2(workspace.contains(QStringLiteral("demo.aicp")), qPrintable(workspace));
        const QString prices =
            window.findChild<QLabel*>(QStringLiteral("priceBookVersion"))->text();
        QVERIFY2(prices.contains(QStringLiteral("2026.1")), qPrintable(prices));
    }

    void customerSelectorListsTheWorkspacesCustomers() {
        auto opened = session();
        const std::size_t customers = opened->customers()->size();
        QVERIFY(customers > 0);
        MainWindow window(std::move(opened));
        auto* selector = window.findChild<QComboBox*>(QStringLiteral("customerSelector"));
        QCOMPARE(selector->count(), static_cast<int>(customers) + 1);
        QCOMPARE(selector->itemText(0), QStringLiteral("All customers"));
        QVERIFY(window.findChild<QComboBox*>(QStringLiteral("monthSelector"))->count() > 0);
    }

    void geometryAndPageAreRemembered() {
        {
            MainWindow window(session());
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(900, 640);
            window.showPage(MainWindow::Page::Reports);
            QVERIFY(window.close());
        }
        QVERIFY(QSettings().contains(QStringLiteral("mainWindow/geometry")));

        MainWindow again(session());
        QCOMPARE(again.size(), QSize(900, 640));
        QCOMPARE(again.currentPage(), MainWindow::Page::Reports);
        QCOMPARE(pageTitle(again), QStringLiteral("Reports"));
    }

    void firstStartOpensAt1280By800WhereTheScreenAllows() {
        MainWindow window(session());
        const QSize room = window.screen()->availableSize() * 9 / 10;
        QCOMPARE(window.size(), QSize(1280, 800).boundedTo(room));
        QCOMPARE(window.currentPage(), MainWindow::Page::Dashboard);
    }

    // Closing the window while background work runs and a page waits to
    // reload after it: the work finishes, and nothing tells a page to reload
    // from the workspace the session has already closed (that read freed
    // memory and crashed in CI).
    void closingWhileWorkRunsTellsNoPageToReload() {
        int closedWhileBusy = 0;
        for (int round = 0; round < 5; ++round) {
            auto window = std::make_unique<MainWindow>(session());
            window->show();
            QVERIFY(QTest::qWaitForWindowExposed(window.get()));
            window->findChild<DashboardPage*>()->reload();
            auto* runner = window->findChild<TaskRunner*>();
            QVERIFY(runner);
            if (!runner->isBusy())
                continue;  // the dashboard was already done; try again
            ++closedWhileBusy;
            window->findChild<UsagePage*>()->reload();  // waits for the runner
            bool closing = false;
            int toldAfterClose = 0;
            QObject::connect(runner, &TaskRunner::busyChanged, [&](bool) {
                if (closing)
                    ++toldAfterClose;
            });
            closing = true;
            window.reset();
            QCOMPARE(toldAfterClose, 0);
        }
        QVERIFY(closedWhileBusy > 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

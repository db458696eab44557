#include "pages/consolepage.h"
#include "storage/workspace.h"
#include "taskrunner.h"

#include <memory>
#include <semaphore>

#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

namespace {

// A page that only counts what the base asks of it.
class CountingPage : public ConsolePage {
public:
    explicit CountingPage(int follows, bool onlyWhenShown = false) {
        setFollows(follows);
        setLoadsOnlyWhenShown(onlyWhenShown);
    }
    int loads = 0;
    Workspace* loadedWith = nullptr;
    QString loadedCustomer;
    QDate loadedMonth;

protected:
    void load() override {
        ++loads;
        loadedWith = workspace();
        loadedCustomer = customerId();
        loadedMonth = month();
    }
};

}  // namespace

// The console pages' shared base: one reload that waits for the runner and,
// for costly pages, for the page to be on screen; the context bar's customer
// and month reload only the pages that follow them.
class TestConsolePage : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::unique_ptr<Workspace> workspace_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        workspace_ = Workspace::open(dir_.filePath(QStringLiteral("w.aicp"))).value();
    }

    void cleanupTestCase() { workspace_.reset(); }

    void reloadWaitsForTheRunnerThenReadsOnce() {
        CountingPage page(ConsolePage::FollowsMonth);
        TaskRunner runner;
        page.setTaskRunner(&runner);
        page.setWorkspace(workspace_.get());
        QCOMPARE(page.loads, 1);
        QCOMPARE(page.loadedWith, workspace_.get());
        QVERIFY(page.priceBook().has_value());  // read from the workspace

        // Another page's work holds the runner: the reload waits for it.
        std::binary_semaphore release(0);
        QVERIFY(runner.run<int>(
            &page,
            [&release] {
                release.acquire();
                return 0;
            },
            [](int) {}));
        page.reload();
        page.setMonth(QDate(2026, 2, 14));
        QCOMPARE(page.loads, 1);
        QVERIFY(page.isReloadPending());
        release.release();
        QTRY_COMPARE(page.loads, 2);  // both requests, one read
        QCOMPARE(page.loadedMonth, QDate(2026, 2, 1));
        QVERIFY(!page.isReloadPending());
        QTest::qWait(20);
        QCOMPARE(page.loads, 2);
    }

    void onlyTheContextAPageFollowsReloadsIt() {
        CountingPage month(ConsolePage::FollowsMonth);
        CountingPage customer(ConsolePage::FollowsCustomer);
        for (CountingPage* page : {&month, &customer})
            page->setWorkspace(workspace_.get());
        month.setCustomer(QStringLiteral("acme-corp"));
        customer.setCustomer(QStringLiteral("acme-corp"));
        QCOMPARE(month.loads, 1);
        QCOMPARE(customer.loads, 2);
        QCOMPARE(customer.loadedCustomer, QStringLiteral("acme-corp"));
        customer.setCustomer(QStringLiteral("acme-corp"));  // unchanged: nothing read
        QCOMPARE(customer.loads, 2);
        month.setMonth(QDate(2026, 3, 9));
        customer.setMonth(QDate(2026, 3, 9));
        QCOMPARE(month.loads, 2);
        QCOMPARE(customer.loads, 2);
        QCOMPARE(customer.month(), QDate(2026, 3, 1));
    }

    void costlyPagesReadOnlyOnScreen() {
        CountingPage page(ConsolePage::FollowsMonth, true);
        page.setWorkspace(workspace_.get());
        page.setMonth(QDate(2026, 4, 1));
        QCOMPARE(page.loads, 0);
        QVERIFY(page.isReloadPending());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.loads, 1);
        QCOMPARE(page.loadedMonth, QDate(2026, 4, 1));
        page.setMonth(QDate(2026, 5, 1));  // on screen: at once
        QCOMPARE(page.loads, 2);
    }

    void openSetsTheContextAndReadsOnce() {
        CountingPage page(ConsolePage::FollowsCustomer | ConsolePage::FollowsMonth);
        page.open(workspace_.get(), std::nullopt, QStringLiteral("globex"), QDate(2026, 6, 30));
        QCOMPARE(page.loads, 1);
        QCOMPARE(page.loadedCustomer, QStringLiteral("globex"));
        QCOMPARE(page.loadedMonth, QDate(2026, 6, 1));
    }
};

QTEST_MAIN(TestConsolePage)
#include "tst_consolepage.moc"

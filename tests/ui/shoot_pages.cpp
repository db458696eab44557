// Saves a 1280x800 PNG of every console page, as the README shows them:
//   shoot_pages --db WORKSPACE --out DIR [--customer ID] [--month YYYY-MM]
// The real MainWindow on an existing workspace (packaging/screenshots.sh makes
// the demo one), so the pictures are what a user sees, never a mock-up.

#include "mainwindow.h"
#include "pages/dashboard/dashboardpage.h"
#include "pages/recommendations/recommendationspage.h"
#include "pages/usage/usagepage.h"
#include "taskrunner.h"
#include "workspacesession.h"

#include <cstdio>

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

namespace {

int fail(const QString& message) {
    std::fprintf(stderr, "shoot_pages: %s\n", qPrintable(message));
    return 1;
}

// Background work may start more work when it ends (a page reloading after
// another's change), so idle counts only once it has lasted a moment.
bool settle(MainWindow& window) {
    auto* runner = window.findChild<TaskRunner*>();
    QElapsedTimer clock;
    clock.start();
    int quietChecks = 0;
    while (clock.elapsed() < 120000) {
        QTest::qWait(50);
        quietChecks = runner && runner->isBusy() ? 0 : quietChecks + 1;
        if (quietChecks >= 6)
            return true;
    }
    return false;
}

bool select(MainWindow& window, const char* selector, const QVariant& value) {
    auto* box = window.findChild<QComboBox*>(QString::fromLatin1(selector));
    const int index = box ? box->findData(value) : -1;
    if (index < 0)
        return false;
    box->setCurrentIndex(index);
    return true;
}

// A page's table shows the selected customer's row in detail once it is selected.
void selectCustomerRow(MainWindow& window, const char* table, int column, const QString& name) {
    auto* view = window.findChild<QTableView*>(QString::fromLatin1(table));
    if (!view || !view->model())
        return;
    const auto hits = view->model()->match(view->model()->index(0, column), Qt::DisplayRole, name,
                                           1, Qt::MatchExactly);
    if (!hits.isEmpty())
        view->selectRow(hits.front().row());
}

}  // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("aicp Console"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Saves a PNG of every console page."));
    parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("The workspace to show."),
                                QStringLiteral("FILE"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Where the PNGs go."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption customer(QStringLiteral("customer"),
                                      QStringLiteral("The customer selected (default initech)."),
                                      QStringLiteral("ID"), QStringLiteral("initech"));
    const QCommandLineOption month(QStringLiteral("month"),
                                   QStringLiteral("The month selected (default 2026-11)."),
                                   QStringLiteral("YYYY-MM"), QStringLiteral("2026-11"));
    parser.addOptions({db, out, customer, month});
    parser.process(app);
    if (!parser.isSet(db) || !parser.isSet(out))
        return fail(QStringLiteral("--db FILE and --out DIR are required"));
    const QDate firstDay = QDate::fromString(parser.value(month) + QStringLiteral("-01"),
                                             QStringLiteral("yyyy-MM-dd"));
    if (!firstDay.isValid())
        return fail(QStringLiteral("--month: not a YYYY-MM month: %1").arg(parser.value(month)));
    const QDir outDir(parser.value(out));
    if (!QDir().mkpath(outDir.path()))
        return fail(QStringLiteral("cannot create %1").arg(outDir.path()));

    // The window's remembered size and page must not come from, nor go to,
    // the user's own settings.
    QTemporaryDir settingsDir;
    QCoreApplication::setOrganizationName(QStringLiteral("aicp-screenshots"));
    QCoreApplication::setApplicationName(QStringLiteral("shoot_pages"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());

    auto session = WorkspaceSession::open(parser.value(db), WorkspaceSession::WhenMissing::Refuse);
    if (!session)
        return fail(session.error().message());
    MainWindow window(std::move(session).value());
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return fail(QStringLiteral("the window was never shown"));

    // "Now" is the demo's last day of usage, so the pictures do not drift
    // with the date they are taken on.
    const Clock demoNow = [] { return QDateTime(QDate(2026, 11, 25), QTime(18, 0), Qt::UTC); };
    window.findChild<UsagePage*>()->setClock(demoNow);
    window.findChild<RecommendationsPage*>()->setClock(demoNow);
    window.findChild<DashboardPage*>()->setClock(demoNow);
    if (!select(window, "customerSelector", parser.value(customer)))
        return fail(QStringLiteral("no customer %1 in the workspace").arg(parser.value(customer)));
    if (!select(window, "monthSelector", firstDay))
        return fail(QStringLiteral("the month %1 is not offered").arg(parser.value(month)));

    const struct {
        MainWindow::Page page;
        const char* file;
        const char* table;  // whose customer row is selected, if any
        int customerColumn;
    } shots[] = {{MainWindow::Page::Dashboard, "dashboard.png", nullptr, 0},
                 {MainWindow::Page::Tiers, "tiers.png", nullptr, 0},
                 {MainWindow::Page::Licenses, "licenses.png", "licenseTable", 1},
                 {MainWindow::Page::Usage, "usage.png", nullptr, 0},
                 {MainWindow::Page::Recommendations, "recommendations.png", nullptr, 0},
                 {MainWindow::Page::Reports, "reports.png", "costReportTable", 0},
                 {MainWindow::Page::Settings, "settings.png", nullptr, 0}};
    const QString customerName =
        window.findChild<QComboBox*>(QStringLiteral("customerSelector"))->currentText();
    for (const auto& shot : shots) {
        window.showPage(shot.page);
        if (!settle(window))
            return fail(QStringLiteral("%1: the page's work never finished")
                            .arg(QString::fromLatin1(shot.file)));
        if (shot.table) {
            selectCustomerRow(window, shot.table, shot.customerColumn, customerName);
            if (!settle(window))
                return fail(QStringLiteral("%1: the selection's work never finished")
                                .arg(QString::fromLatin1(shot.file)));
        }
        const QString path = outDir.filePath(QString::fromLatin1(shot.file));
        if (!window.grab().save(path, "PNG", 0))  // 0: the smallest file
            return fail(QStringLiteral("cannot write %1").arg(path));
        std::printf("%s\n", qPrintable(path));
    }
    return 0;
}

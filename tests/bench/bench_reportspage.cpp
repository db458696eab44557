// The console's Reports page at scale: the time from showing the page to
// its cost table filled (computed on the worker, handed to the model, laid
// out), for every customer of a month. Target: under 1 s for 2,000
// customers and 10 million events (make such a workspace with
// `bench_report --keep FILE`).
//
//   bench_reportspage --db FILE [--month YYYY-MM] [--runs N]
//   bench_reportspage --quick      (the demo workspace, November 2026)
#include "demo/demoworkspace.h"
#include "pages/reports/reportspage.h"
#include "storage/workspace.h"
#include "support/benchtiming.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

using namespace aicp;

int main(int argc, char* argv[]) {
    test::prepareConsoleBench();
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = QCoreApplication::arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    QString path;
    QString monthText = QStringLiteral("2026-10");
    int runs = 3;
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--db"))
            path = args[i + 1];
        else if (args[i] == QLatin1String("--month"))
            monthText = args[i + 1];
        else if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
    }
    QTemporaryDir dir;
    if (quick) {
        path = dir.filePath(QStringLiteral("demo.aicp"));
        monthText = QStringLiteral("2026-11");
        runs = 1;
        if (const Status created = createDemoWorkspace(path); !created) {
            out << "demo: " << created.error().message() << "\n";
            return 1;
        }
    }
    const std::optional<YearMonth> month = YearMonth::parse(monthText);
    if (path.isEmpty() || !month) {
        out << "usage: bench_reportspage --db FILE [--month YYYY-MM] [--runs N] | --quick\n";
        return 2;
    }
    auto opened = Workspace::open(path, Workspace::OpenMode::OpenExisting);
    if (!opened) {
        out << opened.error().message() << "\n";
        return 1;
    }
    out << "bench_reportspage: " << path << ", " << month->toString() << "\n";
    for (int run = 1; run <= runs; ++run) {
        // A new page each run, as the console builds it: every customer.
        ReportsPage page;
        page.setCustomers({});
        page.setWorkspace(opened->get());
        page.setMonth(month->firstDay());
        page.resize(1100, 700);
        QEventLoop loop;
        bool shown = false;
        QObject::connect(&page, &ReportsPage::reportShown, &loop, [&] {
            shown = true;
            loop.quit();
        });
        QTimer::singleShot(120'000, &loop, &QEventLoop::quit);
        QElapsedTimer clock;
        clock.start();
        page.show();
        const qint64 visible = clock.elapsed();
        loop.exec();
        // The table laid out and painted once, as the user sees it.
        page.repaint();
        const qint64 filled = clock.elapsed();
        if (!shown) {
            out << "  run " << run << ": no report: " << page.message() << "\n";
            return 1;
        }
        const int rows =
            page.findChild<QTableView*>(QStringLiteral("costReportTable"))->model()->rowCount();
        out << QStringLiteral(
                   "  run %1: page visible (loading) in %2 ms, table of %3 customers "
                   "filled in %4 ms (total %5)\n")
                   .arg(run)
                   .arg(visible)
                   .arg(rows)
                   .arg(filled)
                   .arg(page.report()->currencies.at(0).total.toDecimalString());
    }
    return 0;
}

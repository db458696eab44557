// Numbers and dates on screen follow the user's locale (German here) on
// every page of the real MainWindow over the demo workspace; files do not.
// (Moved out of tst_accessibility, which audits keyboard and screen reader.)

#include "consoletest.h"
#include "mainwindow.h"
#include "pages/licenses/licensetablemodel.h"
#include "workspacesession.h"

#include <algorithm>
#include <memory>

#include <QAbstractItemView>
#include <QApplication>
#include <QLabel>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

using namespace aicp;

namespace {

const QStringList kPages = {QStringLiteral("Dashboard"),       QStringLiteral("Tiers"),
                            QStringLiteral("Licenses"),        QStringLiteral("Usage"),
                            QStringLiteral("Recommendations"), QStringLiteral("Reports"),
                            QStringLiteral("Settings")};

// The widget's class, objectName and the named widget it is in.
QString describe(const QWidget* widget) {
    QString within;
    for (const QWidget* up = widget->parentWidget(); up; up = up->parentWidget()) {
        if (!up->objectName().isEmpty() && !up->objectName().startsWith(QLatin1String("qt_"))) {
            within = QStringLiteral(" in #%1").arg(up->objectName());
            break;
        }
    }
    return QStringLiteral("%1#%2%3").arg(QString::fromLatin1(widget->metaObject()->className()),
                                         widget->objectName(), within);
}

// Every finding on a line of its own (QVERIFY2 would clip a long list).
bool report(const QStringList& findings) {
    for (const QString& finding : findings)
        qWarning().noquote() << finding;
    return findings.isEmpty();
}

}  // namespace

class TestLocaleDisplay : public QObject {
    Q_OBJECT

private:
    QTemporaryDir scratch_;

    std::unique_ptr<WorkspaceSession> session() const { return test::demoSession(scratch_); }

    static bool settle(MainWindow& window) { return test::settle(window, 60000); }

    static bool showWindow(MainWindow& window) {
        window.resize(1280, 800);
        window.show();
        QApplication::setActiveWindow(&window);
        return QTest::qWaitForWindowActive(&window);
    }

    // Goes to the page by its shortcut and waits until what it loads is shown.
    static bool openPage(MainWindow& window, int page) {
        QTest::keyClick(&window, static_cast<Qt::Key>(Qt::Key_1 + page), Qt::ControlModifier);
        return settle(window);
    }

private slots:
    void initTestCase() { QVERIFY(test::useScratchSettings(scratch_, "tst_localedisplay")); }

    void init() { QSettings().clear(); }

    // Numbers and dates follow the user's locale on screen; files do not.
    void pagesShowNumbersAndDatesInTheUsersLocale() {
        const QLocale german(QLocale::German, QLocale::Germany);
        QLocale::setDefault(german);
        auto restore = qScopeGuard(
            [] { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); });
        MainWindow window(session());
        QVERIFY(showWindow(window));

        const QRegularExpression iso(QStringLiteral("\\b\\d{4}-\\d{2}-\\d{2}\\b"));
        // "0,001" is a German decimal; an English amount has a point after its groups.
        const QRegularExpression englishGrouping(
            QStringLiteral("\\b\\d{1,3}(,\\d{3})+\\.\\d|\\d,\\d{3},\\d{3}"));
        const QRegularExpression germanGrouping(QStringLiteral("\\b\\d{1,3}\\.\\d{3}\\b"));
        const QRegularExpression germanDate(QStringLiteral("\\b\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}\\b"));
        QStringList findings;
        bool sawGroupedCount = false;
        bool sawGermanDate = false;
        const auto check = [&](const QString& page, const QString& where, const QString& text) {
            if (text.contains(iso))
                findings.append(QStringLiteral("[%1] %2 shows an ISO date: %3")
                                    .arg(page, where, text.left(80)));
            if (text.contains(englishGrouping))
                findings.append(QStringLiteral("[%1] %2 groups digits with ',': %3")
                                    .arg(page, where, text.left(80)));
            sawGroupedCount = sawGroupedCount || text.contains(germanGrouping);
            sawGermanDate = sawGermanDate || text.contains(germanDate);
        };
        for (int page = 0; page < kPages.size(); ++page) {
            QVERIFY2(openPage(window, page), qPrintable(kPages[page]));
            if (page == static_cast<int>(MainWindow::Page::Licenses)) {
                auto* table = window.findChild<QTableView*>(QStringLiteral("licenseTable"));
                QVERIFY(table && table->model()->rowCount() > 0);
                // "24.11.2026": the German short date, with the year in full.
                const QString expires =
                    table->model()->index(0, LicenseTableModel::ExpiresColumn).data().toString();
                QVERIFY2(QRegularExpression(QStringLiteral("^\\d{2}\\.\\d{2}\\.\\d{4}$"))
                             .match(expires)
                             .hasMatch(),
                         qPrintable(expires));
                table->selectRow(0);
                QVERIFY(settle(window));
            }
            for (QLabel* label : window.findChildren<QLabel*>())
                if (label->isVisible() && label->objectName() != QLatin1String("workspacePath"))
                    check(kPages[page], describe(label), label->text());
            for (QAbstractItemView* view : window.findChildren<QAbstractItemView*>()) {
                if (!view->isVisible() || !view->model())
                    continue;
                QAbstractItemModel* model = view->model();
                for (int row = 0; row < std::min(model->rowCount(), 50); ++row)
                    for (int column = 0; column < model->columnCount(); ++column)
                        check(kPages[page], describe(view),
                              model->index(row, column).data().toString());
            }
            for (auto* browser : window.findChildren<QTextEdit*>())
                if (browser->isVisible())
                    check(kPages[page], describe(browser), browser->toPlainText());
        }
        QVERIFY2(sawGroupedCount, "no page showed a count grouped German-style (1.234)");
        QVERIFY2(sawGermanDate, "no page showed a date German-style (24.11.26)");
        QVERIFY2(report(findings), "see the findings above");
    }
};

QTEST_MAIN(TestLocaleDisplay)
#include "tst_localedisplay.moc"

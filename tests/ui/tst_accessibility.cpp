// Keyboard and screen-reader audit of the whole console: every page of the
// real MainWindow on the demo workspace and every dialog opened from it.
// Each failure names the page, the widget's class and objectName, so the fix
// is a search away. Also: standard keys on actions. (Numbers and dates in
// the user's locale: tst_localedisplay.)

#include "consoletest.h"
#include "dialogs/grantcreditdialog.h"
#include "dialogs/passphrasedialog.h"
#include "mainwindow.h"
#include "pages/licenses/activationfiledialog.h"
#include "taskrunner.h"
#include "teamworkspacedialog.h"
#include "workspacesession.h"

#include <algorithm>
#include <functional>
#include <memory>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace aicp;

namespace {

const QStringList kPages = {QStringLiteral("Dashboard"),       QStringLiteral("Tiers"),
                            QStringLiteral("Licenses"),        QStringLiteral("Usage"),
                            QStringLiteral("Recommendations"), QStringLiteral("Reports"),
                            QStringLiteral("Settings")};

QString withoutMnemonic(QString text) {
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text.trimmed();
}

bool hasMnemonic(const QString& text) {
    QString plain = text;
    plain.remove(QStringLiteral("&&"));
    return plain.contains(QLatin1Char('&'));
}

// The letter Alt opens, lower case, or a null QChar.
QChar mnemonicOf(const QString& text) {
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

QString describe(const QWidget* widget) {
    QString text;
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
        text = button->text();
    else if (const auto* label = qobject_cast<const QLabel*>(widget))
        text = label->text();
    QString name =
        widget->objectName().isEmpty() ? QStringLiteral("<no objectName>") : widget->objectName();
    // An unnamed widget is found through its named parent.
    QString within;
    for (const QWidget* up = widget->parentWidget(); up; up = up->parentWidget()) {
        if (!up->objectName().isEmpty() && !up->objectName().startsWith(QLatin1String("qt_"))) {
            within = QStringLiteral(" in #%1").arg(up->objectName());
            break;
        }
    }
    return QStringLiteral("%1#%2%3%4")
        .arg(QString::fromLatin1(widget->metaObject()->className()), name,
             text.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(text.left(40)), within);
}

// Qt's own parts of a compound control (a spin box's or combo box's line
// edit, a view's viewport) are the control, not controls of their own.
bool isPartOfAnother(const QWidget* widget) {
    for (const QWidget* up = widget->parentWidget(); up; up = up->parentWidget()) {
        if (qobject_cast<const QAbstractSpinBox*>(up) || qobject_cast<const QComboBox*>(up) ||
            qobject_cast<const QAbstractItemView*>(up))
            return true;
        if (up->isWindow())
            break;
    }
    return false;
}

bool isInputField(const QWidget* widget) {
    if (qobject_cast<const QLineEdit*>(widget) || qobject_cast<const QAbstractSpinBox*>(widget) ||
        qobject_cast<const QComboBox*>(widget))
        return true;
    if (const auto* plain = qobject_cast<const QPlainTextEdit*>(widget))
        return !plain->isReadOnly();
    if (const auto* rich = qobject_cast<const QTextEdit*>(widget))
        return !rich->isReadOnly();
    return false;
}

bool needsExplicitName(const QWidget* widget) {
    return qobject_cast<const QAbstractItemView*>(widget) ||
           qobject_cast<const QChartView*>(widget) || qobject_cast<const QTextEdit*>(widget) ||
           qobject_cast<const QPlainTextEdit*>(widget);
}

// What the audit of one screen (a page in the window, or a dialog) collects.
class Audit {
public:
    Audit(QWidget* root, QString where) : root_(root), where_(std::move(where)) {}

    void run() {
        const auto all = root_->findChildren<QWidget*>();
        QList<QLabel*> labels;
        for (QWidget* widget : all)
            if (auto* label = qobject_cast<QLabel*>(widget))
                labels.append(label);
        for (QWidget* widget : all) {
            if (!widget->isVisible() || widget->window() != root_ || isPartOfAnother(widget))
                continue;
            const bool focusable = (widget->focusPolicy() & Qt::TabFocus) && !widget->focusProxy();
            if (needsExplicitName(widget) && widget->accessibleName().trimmed().isEmpty() &&
                !hasBuddy(widget, labels))
                add(widget, QStringLiteral("has no accessible name (setAccessibleName)"));
            else if (focusable && !hasName(widget, labels))
                add(widget, QStringLiteral("has no accessible name, no label buddy and no text"));
            if (focusable && isInputField(widget) && widget->toolTip().trimmed().isEmpty())
                add(widget, QStringLiteral("is an input field without a tooltip"));
            if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
                const bool byShortcut = !button->shortcut().isEmpty() ||
                                        hasMnemonic(button->text()) || hasActionShortcut(button);
                if (!(button->focusPolicy() & Qt::TabFocus) && !byShortcut &&
                    !groupReached(button, tabStops(all)))
                    add(widget,
                        QStringLiteral("is a button neither Tab nor a shortcut reaches (focus "
                                       "policy %1)")
                            .arg(int(button->focusPolicy())));
            }
            if (focusable && widget->isEnabled())
                controls_.append(widget);
            noteMnemonic(widget);
        }
        if (auto* window = qobject_cast<QMainWindow*>(root_)) {
            for (QAction* menu : window->menuBar()->actions()) {
                const QChar key = mnemonicOf(menu->text());
                if (!key.isNull())
                    mnemonics_[key].append(QStringLiteral("menu \"%1\"").arg(menu->text()));
            }
        }
        for (auto it = mnemonics_.cbegin(); it != mnemonics_.cend(); ++it)
            if (it.value().size() > 1)
                findings_.append(QStringLiteral("[%1] Alt+%2 is the mnemonic of %3")
                                     .arg(where_, it.key().toUpper(), it.value().join(u", ")));
        walkTabChain();
    }

    [[nodiscard]] const QStringList& findings() const { return findings_; }

private:
    void add(const QWidget* widget, const QString& problem) {
        findings_.append(QStringLiteral("[%1] %2 %3").arg(where_, describe(widget), problem));
    }

    void noteMnemonic(QWidget* widget) {
        QString text;
        if (auto* button = qobject_cast<QAbstractButton*>(widget))
            text = button->text();
        else if (auto* label = qobject_cast<QLabel*>(widget); label && label->buddy())
            text = label->buddy()->isVisible() ? label->text() : QString();
        else if (auto* group = qobject_cast<QGroupBox*>(widget))
            text = group->title();
        const QChar key = mnemonicOf(text);
        if (!key.isNull())
            mnemonics_[key].append(describe(widget));
    }

    static bool hasBuddy(const QWidget* widget, const QList<QLabel*>& labels) {
        for (const QLabel* label : labels)
            if (label->buddy() == widget && !withoutMnemonic(label->text()).isEmpty())
                return true;
        return false;
    }

    static bool hasName(const QWidget* widget, const QList<QLabel*>& labels) {
        if (!widget->accessibleName().trimmed().isEmpty() || hasBuddy(widget, labels))
            return true;
        if (qobject_cast<const QLineEdit*>(widget) || isInputField(widget))
            return false;  // a placeholder or the current value is not a name
        if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
            return !withoutMnemonic(button->text()).isEmpty();
        if (const auto* group = qobject_cast<const QGroupBox*>(widget))
            return !withoutMnemonic(group->title()).isEmpty();
        if (const auto* tabs = qobject_cast<const QTabBar*>(widget))
            return tabs->count() > 0 && !withoutMnemonic(tabs->tabText(0)).isEmpty();
        return false;
    }

    static bool hasActionShortcut(const QAbstractButton* button) {
        const auto* tool = qobject_cast<const QToolButton*>(button);
        return tool && tool->defaultAction() && !tool->defaultAction()->shortcut().isEmpty();
    }

    QRect rectOf(const QWidget* widget) const {
        return QRect(widget->mapTo(root_, QPoint(0, 0)), widget->size());
    }

    // b after a is out of reading order when it lies above a in the same
    // column, or beside it on the left in the same row. Moving up into a
    // column to the right is reading on (a form, then the results beside it).
    bool outOfOrder(const QWidget* a, const QWidget* b) const {
        constexpr int tolerance = 6;
        const QRect ra = rectOf(a);
        const QRect rb = rectOf(b);
        if (rb.bottom() <= ra.top() + tolerance)
            return rb.left() < ra.right() - tolerance;
        if (rb.top() >= ra.bottom() - tolerance)
            return false;
        return rb.right() <= ra.left() + tolerance;
    }

    static QWidget* controlOf(QWidget* focus) {
        // A compound control's part stands for the control.
        for (QWidget* up = focus ? focus->parentWidget() : nullptr; up && !up->isWindow();
             up = up->parentWidget()) {
            if ((qobject_cast<QAbstractSpinBox*>(up) || qobject_cast<QComboBox*>(up)) &&
                focus->focusProxy() == nullptr)
                return up;
        }
        return focus;
    }

    // Presses Tab as a user would, from the first control round to it again.
    void walkTabChain() {
        if (controls_.isEmpty())
            return;
        QApplication::setActiveWindow(root_);
        // From the first control of the window's chain, where the round ends.
        QWidget* start = controls_.front();
        for (QWidget* next = root_->nextInFocusChain(); next != root_;
             next = next->nextInFocusChain()) {
            if (controls_.contains(next)) {
                start = next;
                break;
            }
        }
        start->setFocus(Qt::TabFocusReason);
        QList<QWidget*> visited{controlOf(QApplication::focusWidget())};
        const int limit = static_cast<int>(controls_.size()) * 2 + 4;
        int stayed = 0;
        for (int press = 0; press < limit; ++press) {
            QWidget* before = controlOf(QApplication::focusWidget());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget* now = controlOf(QApplication::focusWidget());
            if (!now)
                break;
            // A date edit's Tab moves through its day, month and year first.
            if (now == before && ++stayed <= 3 && qobject_cast<QDateTimeEdit*>(now))
                continue;
            if (now == before) {
                add(now, QStringLiteral("keeps the focus when Tab is pressed (a keyboard trap)"));
                break;
            }
            stayed = 0;
            if (now == visited.front())
                break;
            if (visited.contains(now)) {
                add(now, QStringLiteral("is visited twice in one round of Tab"));
                break;
            }
            if (outOfOrder(visited.back(), now)) {
                const QRect ra = rectOf(visited.back());
                const QRect rb = rectOf(now);
                add(now, QStringLiteral("comes after %1 in the tab order but lies before it "
                                        "(at %2,%3 vs %4,%5): setTabOrder")
                             .arg(describe(visited.back()))
                             .arg(rb.x())
                             .arg(rb.y())
                             .arg(ra.x())
                             .arg(ra.y()));
            }
            visited.append(now);
        }
        // AICP_A11Y_CHAIN=1 prints where Tab went and the chain Qt holds, to fix an order.
        if (qEnvironmentVariableIsSet("AICP_A11Y_CHAIN")) {
            for (const QWidget* widget : std::as_const(visited))
                qInfo().noquote() << where_ << "tab:" << describe(widget);
            for (QWidget* next = root_->nextInFocusChain(); next != root_;
                 next = next->nextInFocusChain())
                if (controls_.contains(next) || qobject_cast<QTextEdit*>(next))
                    qInfo().noquote() << where_ << "chain:" << describe(next) << next->isVisible();
        }
        for (QWidget* control : controls_)
            if (!visited.contains(control) && control->isVisible() &&
                !groupReached(control, visited))
                add(control, QStringLiteral("is never reached by Tab"));
    }

    // The widgets Tab may stop at, for groupReached.
    static QList<QWidget*> tabStops(const QList<QWidget*>& all) {
        QList<QWidget*> stops;
        for (QWidget* widget : all)
            if (widget->isVisible() && (widget->focusPolicy() & Qt::TabFocus))
                stops.append(widget);
        return stops;
    }

    // Tab stops at one button of an exclusive group (Qt takes Tab focus from
    // the unchecked ones); the arrow keys reach the rest.
    static bool groupReached(const QWidget* control, const QList<QWidget*>& visited) {
        const auto* button = qobject_cast<const QAbstractButton*>(control);
        if (!button)
            return false;
        QList<QAbstractButton*> group;
        if (button->group() && button->group()->exclusive())
            group = button->group()->buttons();
        else if (button->autoExclusive() && button->parentWidget())
            group =
                button->parentWidget()->findChildren<QAbstractButton*>(Qt::FindDirectChildrenOnly);
        for (QAbstractButton* other : group)
            if (other != button && visited.contains(other))
                return true;
        return false;
    }

    QWidget* root_;
    QString where_;
    QList<QWidget*> controls_;
    QStringList findings_;
    QMap<QChar, QStringList> mnemonics_;
};

struct StandardMeaning {
    const char* firstWord;
    QKeySequence::StandardKey key;
    const char* keyName;
};

const StandardMeaning kMeanings[] = {
    {"open", QKeySequence::Open, "Open"},
    {"quit", QKeySequence::Quit, "Quit"},
    {"exit", QKeySequence::Quit, "Quit"},
    {"copy", QKeySequence::Copy, "Copy"},
    {"find", QKeySequence::Find, "Find"},
    {"refresh", QKeySequence::Refresh, "Refresh"},
    {"reload", QKeySequence::Refresh, "Refresh"},
    {"preferences", QKeySequence::Preferences, "Preferences"},
    {"settings", QKeySequence::Preferences, "Preferences"},
    {"save", QKeySequence::Save, "Save"},
    {"print", QKeySequence::Print, "Print"},
    {"close", QKeySequence::Close, "Close"},
    {"paste", QKeySequence::Paste, "Paste"},
    {"undo", QKeySequence::Undo, "Undo"},
    {"redo", QKeySequence::Redo, "Redo"},
};

// Whether `action` carries every binding of the standard key its text means.
// A standard key serves one action: a second "Open…" (Open Team
// Workspace…) goes without it when another action holds it.
QString standardKeyProblem(const QAction* action, const QList<QAction*>& all) {
    const QString text = withoutMnemonic(action->text()).toLower();
    const QString first = text.section(QLatin1Char(' '), 0, 0).remove(QChar(0x2026));
    for (const StandardMeaning& meaning : kMeanings) {
        if (first != QLatin1String(meaning.firstWord))
            continue;
        const auto wanted = QKeySequence::keyBindings(meaning.key);
        const auto has = action->shortcuts();
        const auto heldElsewhere = [&](const QKeySequence& keys) {
            return std::any_of(all.begin(), all.end(), [&](const QAction* other) {
                return other != action && other->shortcuts().contains(keys);
            });
        };
        if (!wanted.isEmpty() && std::all_of(wanted.begin(), wanted.end(), heldElsewhere))
            return {};
        for (const QKeySequence& keys : wanted)
            if (!has.contains(keys))
                return QStringLiteral("action \"%1\" (%2) lacks QKeySequence::%3 (%4)")
                    .arg(action->text(), action->objectName(), QString::fromLatin1(meaning.keyName),
                         keys.toString());
        return {};
    }
    return {};
}

void collectMenuActions(const QList<QAction*>& actions, QList<QAction*>& into) {
    for (QAction* action : actions) {
        if (action->isSeparator())
            continue;
        into.append(action);
        if (action->menu())
            collectMenuActions(action->menu()->actions(), into);
    }
}

// Every finding on a line of its own (QVERIFY2 would clip a long list).
bool report(const QStringList& findings) {
    for (const QString& finding : findings)
        qWarning().noquote() << finding;
    if (!findings.isEmpty())
        qWarning().noquote() << findings.size() << "findings";
    return findings.isEmpty();
}

}  // namespace

class TestAccessibility : public QObject {
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

    static void goToPage(MainWindow& window, int page) {
        QTest::keyClick(&window, static_cast<Qt::Key>(Qt::Key_1 + page), Qt::ControlModifier);
    }

    // Goes to the page by its shortcut and waits until what it loads is shown.
    static bool openPage(MainWindow& window, int page) {
        goToPage(window, page);
        return settle(window);
    }

    // Runs `opener` (which may block in QDialog::exec) and audits the modal
    // dialog it shows from inside its event loop, then cancels it.
    static bool auditDialog(const QString& where, const std::function<void()>& opener,
                            QStringList& findings) {
        bool audited = false;
        QTimer poll;
        poll.setInterval(30);
        QObject::connect(&poll, &QTimer::timeout, [&] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            poll.stop();
            QApplication::setActiveWindow(dialog);
            Audit audit(dialog, where);
            audit.run();
            findings += audit.findings();
            audited = true;
            dialog->reject();
        });
        poll.start();
        opener();
        QElapsedTimer clock;
        clock.start();
        while (!audited && clock.elapsed() < 10000)
            QTest::qWait(20);
        return audited;
    }

    static void auditStandalone(QDialog& dialog, const QString& where, QStringList& findings) {
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        if (!QTest::qWaitForWindowActive(&dialog)) {
            findings.append(QStringLiteral("[%1] the dialog never became active").arg(where));
            return;
        }
        Audit audit(&dialog, where);
        audit.run();
        findings += audit.findings();
        dialog.reject();
    }

private slots:
    void initTestCase() { QVERIFY(test::useScratchSettings(scratch_, "tst_accessibility")); }

    void init() { QSettings().clear(); }

    void everyPageIsNamedTippedAndInTabOrder() {
        MainWindow window(session());
        QVERIFY(showWindow(window));
        QStringList findings;
        for (int page = 0; page < kPages.size(); ++page) {
            goToPage(window, page);
            QCOMPARE(static_cast<int>(window.currentPage()), page);
            QVERIFY2(settle(window), qPrintable(kPages[page]));
            Audit audit(&window, kPages[page]);
            audit.run();
            findings += audit.findings();
        }
        // One customer shows more: its charts, its recommendation, a license's
        // actions once one is selected, the invoices.
        auto* customer = window.findChild<QComboBox*>(QStringLiteral("customerSelector"));
        QVERIFY(customer);
        customer->setCurrentIndex(customer->findData(QStringLiteral("initech")));
        QVERIFY(customer->currentIndex() > 0);
        for (int page = 0; page < kPages.size(); ++page) {
            QVERIFY2(openPage(window, page), qPrintable(kPages[page]));
            if (page == static_cast<int>(MainWindow::Page::Licenses)) {
                auto* table = window.findChild<QTableView*>(QStringLiteral("licenseTable"));
                QVERIFY(table && table->model()->rowCount() > 0);
                table->selectRow(0);
            }
            if (page == static_cast<int>(MainWindow::Page::Reports)) {
                auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("reportTabs"));
                QVERIFY(tabs);
                tabs->setCurrentIndex(tabs->count() - 1);
            }
            QVERIFY(settle(window));
            Audit audit(&window, kPages[page] + QStringLiteral(", Initech"));
            audit.run();
            findings += audit.findings();
        }
        QVERIFY2(report(findings), "see the findings above");
    }

    // The audit itself finds what it is meant to find.
    void auditFindsUnnamedFieldsAndTabsOutOfOrder() {
        QDialog dialog;
        dialog.setObjectName(QStringLiteral("probe"));
        auto* below = new QLineEdit(&dialog);  // made first, laid out second
        below->setObjectName(QStringLiteral("below"));
        below->setAccessibleName(QStringLiteral("Below"));
        below->setToolTip(QStringLiteral("A field"));
        auto* above = new QLineEdit(&dialog);
        above->setObjectName(QStringLiteral("above"));
        auto* layout = new QVBoxLayout(&dialog);
        layout->addWidget(above);
        layout->addWidget(below);
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        Audit audit(&dialog, QStringLiteral("probe"));
        audit.run();
        const QString all = audit.findings().join(u'\n');
        QVERIFY2(all.contains(QLatin1String("#above in #probe has no accessible name")),
                 qPrintable(all));
        QVERIFY2(
            all.contains(QLatin1String("#above in #probe is an input field without a tooltip")),
            qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("#above in #probe comes after QLineEdit#below")),
                 qPrintable(all));
        QVERIFY2(!all.contains(QLatin1String("#below in #probe has")), qPrintable(all));
    }

    void everyDialogIsNamedTippedAndInTabOrder() {
        MainWindow window(session());
        QVERIFY(showWindow(window));
        QStringList findings;
        const auto action = [&](const char* name) {
            auto* found = window.findChild<QAction*>(QString::fromLatin1(name));
            if (!found)
                qFatal("no action %s", name);
            return found;
        };

        QVERIFY(openPage(window, static_cast<int>(MainWindow::Page::Licenses)));
        QVERIFY(action("issueLicenseAction")->isEnabled());
        // Audits the dialog the action opens, then waits for what it started.
        const auto auditAction = [&](const QString& where, const char* name) {
            return auditDialog(
                       where, [&] { action(name)->trigger(); }, findings) &&
                   settle(window);
        };
        QVERIFY(auditAction(QStringLiteral("Issue License dialog"), "issueLicenseAction"));
        QVERIFY(auditAction(QStringLiteral("Verify License dialog"), "verifyLicenseAction"));
        // Revoking and upgrading need a license that can still be revoked.
        auto* table = window.findChild<QTableView*>(QStringLiteral("licenseTable"));
        QVERIFY(table && table->model());
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            table->selectRow(row);
            if (action("revokeLicenseAction")->isEnabled())
                break;
        }
        QVERIFY(action("revokeLicenseAction")->isEnabled());
        QVERIFY(auditAction(QStringLiteral("Upgrade License dialog"), "upgradeLicenseAction"));
        QVERIFY(auditAction(QStringLiteral("Revoke License dialog"), "revokeLicenseAction"));
        QVERIFY(auditAction(QStringLiteral("Customer dialog"), "customerProfileAction"));

        QVERIFY(openPage(window, static_cast<int>(MainWindow::Page::Settings)));
        auto* add = window.findChild<QPushButton*>(QStringLiteral("addSourceButton"));
        QVERIFY(add);
        QVERIFY(auditDialog(
            QStringLiteral("Live Source dialog"), [&] { add->click(); }, findings));
        auto* newVersion =
            window.findChild<QPushButton*>(QStringLiteral("newPriceBookVersionButton"));
        QVERIFY(newVersion && newVersion->isEnabled());
        QVERIFY(auditDialog(
            QStringLiteral("New Price Book Version dialog"), [&] { newVersion->click(); },
            findings));
        auto* showVersion =
            window.findChild<QPushButton*>(QStringLiteral("viewPriceBookVersionButton"));
        QVERIFY(showVersion && showVersion->isEnabled());
        QVERIFY(auditDialog(
            QStringLiteral("Price book version dialog"), [&] { showVersion->click(); }, findings));
        auto* company = window.findChild<QPushButton*>(QStringLiteral("editCompanyButton"));
        QVERIFY(company && company->isEnabled());
        QVERIFY(auditDialog(
            QStringLiteral("Company dialog"), [&] { company->click(); }, findings));
        auto* stripe = window.findChild<QPushButton*>(QStringLiteral("configureStripeButton"));
        QVERIFY(stripe && stripe->isEnabled());
        QVERIFY(auditDialog(
            QStringLiteral("Configure Stripe dialog"), [&] { stripe->click(); }, findings));

        PassphraseDialog unlock(PassphraseDialog::Kind::Unlock, QStringLiteral("Sign a license"),
                                &window);
        auditStandalone(unlock, QStringLiteral("Passphrase dialog"), findings);
        PassphraseDialog newKey(PassphraseDialog::Kind::NewKey, QStringLiteral("A new key"),
                                &window);
        auditStandalone(newKey, QStringLiteral("New passphrase dialog"), findings);
        TeamWorkspaceDialog team({}, &window);
        auditStandalone(team, QStringLiteral("Open Team Workspace dialog"), findings);
        ActivationFileDialog activation(QStringLiteral("Acme Corp's license 6f1c2a4e"),
                                        QDateTime::currentDateTimeUtc().addDays(300), &window);
        auditStandalone(activation, QStringLiteral("Activation File dialog"), findings);
        // Grant Credit… of the customer dialog, on a second session of the demo.
        auto credits = session();
        GrantCreditDialog grant(credits->workspace(), QStringLiteral("globex"),
                                QStringLiteral("USD"), &window);
        auditStandalone(grant, QStringLiteral("Grant Credit dialog"), findings);
        QVERIFY2(report(findings), "see the findings above");
    }

    void actionsWithAStandardMeaningUseTheStandardKey() {
        MainWindow window(session());
        QVERIFY(showWindow(window));
        QList<QAction*> actions;
        collectMenuActions(window.menuBar()->actions(), actions);
        for (QToolBar* bar : window.findChildren<QToolBar*>())
            collectMenuActions(bar->actions(), actions);
        // A page's own actions, shown as its buttons.
        for (QWidget* widget : window.findChildren<QWidget*>())
            if (widget->parentWidget() && qobject_cast<QMenuBar*>(widget) == nullptr &&
                qobject_cast<QMenu*>(widget) == nullptr)
                collectMenuActions(widget->actions(), actions);
        QStringList findings;
        for (const QAction* action : std::as_const(actions)) {
            const QString problem = standardKeyProblem(action, actions);
            if (!problem.isEmpty() && !findings.contains(problem))
                findings.append(problem);
        }
        // The menus open from the keyboard: Alt and the underlined letter.
        for (QAction* menu : window.menuBar()->actions())
            if (!menu->isSeparator() && !hasMnemonic(menu->text()))
                findings.append(QStringLiteral("menu \"%1\" has no mnemonic").arg(menu->text()));
        QVERIFY2(report(findings), "see the findings above");
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"

#pragma once

// What the console's tests (and the screenshot program) share: settings kept
// out of the developer's own, the demo workspace opened as a session,
// waiting for the window's background work to end, and the fixture of a
// test of one page.

#include "storage/workspace.h"
#include "taskrunner.h"
#include "workspacesession.h"

#include <memory>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QObject>
#include <QSettings>
#include <QSize>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

namespace aicp::test {

// Settings go to `scratch`, never the developer's own, under the test's own
// application name; numbers and dates read in US English. False when the
// scratch folder could not be made.
[[nodiscard]] inline bool useScratchSettings(const QTemporaryDir& scratch, const char* testName) {
    if (!scratch.isValid())
        return false;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCoreApplication::setOrganizationName(QStringLiteral("aicp-tests"));
    QCoreApplication::setApplicationName(QString::fromLatin1(testName));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, scratch.path());
    return true;
}

// A session on the demo workspace in `scratch` (made on first use).
[[nodiscard]] inline std::unique_ptr<WorkspaceSession> demoSession(const QTemporaryDir& scratch) {
    auto opened = WorkspaceSession::open(scratch.filePath(QStringLiteral("demo.aicp")),
                                         WorkspaceSession::WhenMissing::CreateDemo);
    if (!opened)
        qFatal("demo workspace: %s", qPrintable(opened.error().message()));
    return std::move(opened).value();
}

// Waits until the window's background work has been idle for a moment: work
// may start more work when it ends (a page reloading after another's change).
// False when it is still busy after `timeoutMs`.
inline bool settle(QWidget& window, int timeoutMs) {
    auto* runner = window.findChild<TaskRunner*>();
    QElapsedTimer clock;
    clock.start();
    int quietChecks = 0;
    while (clock.elapsed() < timeoutMs) {
        QTest::qWait(50);
        quietChecks = runner && runner->isBusy() ? 0 : quietChecks + 1;
        if (quietChecks >= 6)
            return true;
    }
    return false;
}

// The fixture of a test of one console page: a scratch folder, the
// workspace the page shows and the page itself, both made for each test
// function and dropped after it (closePage() in cleanup()).
template <typename Page>
class PageTest : public QObject {
protected:
    QTemporaryDir dir_;
    std::unique_ptr<Workspace> workspace_;
    std::unique_ptr<Page> page_;

    template <typename T>
    T* child(const char* name) const {
        return page_->template findChild<T*>(QString::fromLatin1(name));
    }
    [[nodiscard]] QString path(const char* name) const {
        return dir_.filePath(QString::fromLatin1(name));
    }
    // A new, empty workspace in the scratch folder, one per test function.
    void openNewWorkspace() {
        workspace_ =
            Workspace::open(dir_.filePath(QStringLiteral("w%1.aicp").arg(++made_))).value();
    }
    // Shows the page, at the size of a laptop's window unless told; false
    // when it never appears.
    [[nodiscard]] bool showPage(QSize size = {1100, 700}) {
        page_->resize(size);
        page_->show();
        return QTest::qWaitForWindowExposed(page_.get());
    }
    void closePage() {
        page_.reset();
        workspace_.reset();
    }

private:
    int made_ = 0;
};

}  // namespace aicp::test

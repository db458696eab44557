// The main window on a team workspace (SPEC section 8): File ▸ Open Team
// Workspace…, what others change shown within seconds, the connection's
// state and the login's role in the status bar, and the window's own
// actions the role may not take; and the desktop notifications of the
// workspace's notices (SPEC 12). Kept apart from the window's layout
// (mainwindow.cpp).
#include "consoleoptions.h"
#include "contextbar.h"
#include "desktopnotices.h"
#include "mainwindow.h"
#include "pages/consolepage.h"
#include "roleguard.h"
#include "storage/changefeed.h"
#include "taskrunner.h"
#include "teamworkspacedialog.h"
#include "workspacesession.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

namespace aicp {

void MainWindow::openTeamWorkspace() {
    TeamWorkspaceDialog dialog(recentTeamWorkspaces(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    std::unique_ptr<WorkspaceSession> opened = dialog.takeSession();
    if (!opened)
        return;
    rememberTeamWorkspace(dialog.uri());
    rememberDemo(false);
    useSession(std::move(opened));
    statusBar()->showMessage(tr("Opened %1").arg(session_->path()), 5000);
}

void MainWindow::watchChanges() {
    feed_ = std::make_unique<ChangeFeed>(session_->location());
    connect(feed_.get(), &ChangeFeed::changed, this, &MainWindow::showChanges);
    connect(feed_.get(), &ChangeFeed::stateChanged, this, &MainWindow::showLiveState);
    feed_->start();
    showLiveState();
}

void MainWindow::showLiveState() {
    if (!feed_ || !session_->workspace().isOnServer()) {
        liveLabel_->hide();
        return;
    }
    const Workspace& workspace = session_->workspace();
    const QString role = roleName(workspace.role());
    const QString who =
        workspace.login().isEmpty() ? role : tr("%1 (%2)").arg(workspace.login(), role);
    switch (feed_->state()) {
        case ChangeFeed::State::Live:
            liveLabel_->setText(tr("Team workspace \u00B7 live \u00B7 %1").arg(who));
            liveLabel_->setToolTip(tr("Changes others make show here within seconds."));
            break;
        case ChangeFeed::State::Reconnecting:
            liveLabel_->setText(tr("Reconnecting to the PostgreSQL server\u2026"));
            liveLabel_->setToolTip(feed_->problem());
            break;
        default:
            liveLabel_->setText(tr("Team workspace \u00B7 connecting\u2026 \u00B7 %1").arg(who));
            liveLabel_->setToolTip({});
            break;
    }
    liveLabel_->show();
}

void MainWindow::showChanges(const QSet<QString>& tables) {
    if (!session_)
        return;
    // Reading now would wait for the running work (an import may take
    // minutes) on the GUI thread: the changes are shown once it ends.
    if (runner_->isBusy()) {
        changesWhileBusy_.unite(tables);
        return;
    }
    notices_->lookSoon();
    const bool everything = tables.contains(ChangeFeed::everything());
    refreshCustomers();
    if (everything || tables.contains(QStringLiteral("meta")))
        applyMode();
    if (everything || tables.contains(QStringLiteral("price_books"))) {
        usePriceBookStored();  // every page reads again with it
        return;
    }
    // The page on screen keeps where the user was: its rows are chosen
    // again by their keys when read (each page's load), the scroll here.
    auto* scroller = qobject_cast<QScrollArea*>(stack_->currentWidget());
    const int scrolled = scroller ? scroller->verticalScrollBar()->value() : 0;
    const std::vector<ConsolePage*> pages = consolePages();
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (static_cast<int>(i) == stack_->currentIndex())
            pages[i]->reload();
        else
            pages[i]->markStale();
    }
    if (scroller)
        QTimer::singleShot(0, scroller, [scroller, scrolled] {
            scroller->verticalScrollBar()->setValue(scrolled);
        });
}

void MainWindow::watchNotices(QMenu* view) {
    notices_ = new DesktopNotices(this);
    view->addSeparator();
    QAction* toggle = view->addAction(tr("Desktop &Notifications"));
    toggle->setObjectName(QStringLiteral("desktopNotificationsAction"));
    toggle->setCheckable(true);
    toggle->setChecked(notices_->isEnabled());
    toggle->setToolTip(
        tr("Tell of customers near a limit, licenses running out, trials ending "
           "and overdue invoices while the console is open"));
    connect(toggle, &QAction::toggled, notices_, &DesktopNotices::setEnabled);
    connect(notices_, &DesktopNotices::activated, this, &MainWindow::openNotice);
    // Without a system tray the status bar tells.
    connect(notices_, &DesktopNotices::noticeShown, this, [this](const DesktopNotice& notice) {
        if (!notices_->hasTray())
            statusBar()->showMessage(tr("%1 \u2014 %2").arg(notice.title, notice.text), 30000);
    });
}

void MainWindow::openNotice(const QString& type, const QString& customerId) {
    if (!customerId.isEmpty())
        context_->setCustomerId(customerId);
    if (type == QLatin1String("usage.threshold"))
        showPage(Page::Usage);
    else if (type == QLatin1String("invoice.overdue"))
        showPage(Page::Reports);
    else
        showPage(Page::Licenses);
    showNormal();
    raise();
    activateWindow();
}

void MainWindow::applyRole() {
    Workspace* workspace = &session_->workspace();
    for (QAction* action : {addLicenseAction_, openRequestAction_})
        guardRole(action, workspace, WorkspaceArea::Licenses);
}

}  // namespace aicp

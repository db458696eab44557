#include "consolelauncher.h"

#include "mainwindow.h"
#include "workspacedialogs.h"
#include "workspacesession.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>

namespace aicp {

int runConsole(const QString& dbOption) {
    // The same choice as `aicp`: --db, then $AICP_DB, then the per-user default.
    const QString requested = dbOption.isEmpty() ? qEnvironmentVariable("AICP_DB") : dbOption;
    auto session = WorkspaceSession::openAtStartup(requested);
    QString path = requested.isEmpty() ? Workspace::defaultPath() : requested;
    while (!session) {
        if (reportOpenFailure(nullptr, path, session.error(), QMessageBox::tr("Quit")) !=
            OpenFailureChoice::OpenAnother)
            return 1;
        const QString chosen = chooseWorkspaceFile(nullptr, QFileInfo(path).absolutePath());
        if (chosen.isEmpty())
            return 1;
        path = chosen;
        session = WorkspaceSession::open(path, WorkspaceSession::WhenMissing::Refuse);
    }
    MainWindow window(std::move(session).value());
    window.show();
    return QApplication::exec();
}

}  // namespace aicp

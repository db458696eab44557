#include "consolelauncher.h"

#include "firstrun/firstrunwizard.h"
#include "mainwindow.h"
#include "storage/workspace.h"
#include "workspacedialogs.h"
#include "workspacesession.h"

#include <cstdio>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>

namespace aicp {
namespace {

Result<std::unique_ptr<WorkspaceSession>> openStart(const StartWorkspace& start) {
    switch (start.kind) {
        case StartWorkspace::Kind::Given:
            return WorkspaceSession::open(start.path, WorkspaceSession::WhenMissing::CreateEmpty);
        case StartWorkspace::Kind::Demo:
            if (start.path.isEmpty())
                return Error(
                    Error::Code::Io,
                    QStringLiteral("this system has no writable folder for application "
                                   "data; make a demo with `aicp demo --db FILE` and start "
                                   "aicp-console with --db FILE"));
            QDir().mkpath(QFileInfo(start.path).absolutePath());
            return WorkspaceSession::open(start.path, WorkspaceSession::WhenMissing::CreateDemo);
        case StartWorkspace::Kind::Existing:
            return WorkspaceSession::open(start.path, WorkspaceSession::WhenMissing::Refuse);
        case StartWorkspace::Kind::FirstRun:
            break;
    }
    return Error::internal(QStringLiteral("the welcome decides the first workspace"));
}

}  // namespace

int runConsole(const ConsoleOptions& options) {
    const StartWorkspace start =
        StartWorkspace::decide(options, qEnvironmentVariable("AICP_DB"), Workspace::defaultPath(),
                               demoRemembered(), lastTeamWorkspace());
    std::unique_ptr<WorkspaceSession> session;
    if (start.kind == StartWorkspace::Kind::FirstRun) {
        FirstRunWizard welcome(FirstRunWizard::Purpose::FirstRun);
        if (welcome.exec() != QDialog::Accepted)
            return 0;  // the user chose to quit; nothing was written
        session = welcome.takeSession();
    } else {
        auto opened = openStart(start);
        QString path = start.path;
        while (!opened) {
            if (reportOpenFailure(nullptr, path, opened.error(), QMessageBox::tr("Quit")) !=
                OpenFailureChoice::OpenAnother)
                return 1;
            const QString chosen = chooseWorkspaceFile(nullptr, QFileInfo(path).absolutePath());
            if (chosen.isEmpty())
                return 1;
            path = chosen;
            forgetLastTeamWorkspace();
            opened = WorkspaceSession::open(path, WorkspaceSession::WhenMissing::Refuse);
        }
        session = std::move(opened).value();
    }
    if (!session)
        return 1;
    MainWindow window(std::move(session));
    window.show();
    return QApplication::exec();
}

int consoleMain(int argc, char* argv[]) {
    if (ConsoleOptions::onlyPrints(argc, argv)) {
        const QCoreApplication app(argc, argv);
        setConsoleIdentity();
        QCommandLineParser parser;
        ConsoleOptions::describe(parser);
        parser.process(app);  // prints the help or the version and exits
        return 0;
    }
    // QApplication first: it takes its own options (-platform, -style) out of the arguments.
    QApplication app(argc, argv);
    setConsoleIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("aicp Console"));
    // The desktop file's id: Wayland compositors match the window to it (and its icon).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.aicp.console"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/aicp/icons/io.aicp.console.svg")));
    auto options = ConsoleOptions::parse(QApplication::arguments());
    if (!options) {
        std::fprintf(stderr, "aicp-console: %s\nTry 'aicp-console --help'.\n",
                     qPrintable(options.error().message()));
        return 1;
    }
    return runConsole(*options);
}

}  // namespace aicp

#include "consolelauncher.h"

#include <cstring>

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

namespace {

// The same names as `aicp`, so both find the same per-user workspace and settings.
void setIdentity() {
    QCoreApplication::setOrganizationName(QStringLiteral("aicp"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("aicp.example"));
    QCoreApplication::setApplicationName(QStringLiteral("aicp"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AICP_VERSION));
}

// --help and --version only print, so they must work without a display.
bool onlyPrints(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        for (const char* flag : {"-h", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

QString parseDbOption(const QCoreApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("AI Control Plane pricing & licensing console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(
        QStringLiteral("db"),
        QStringLiteral("Open the workspace FILE (created when missing) instead of the "
                       "per-user default (or $AICP_DB)."),
        QStringLiteral("FILE"));
    parser.addOption(db);
    parser.process(app);  // exits after printing help, the version or a usage error
    return parser.value(db);
}

}  // namespace

int main(int argc, char* argv[]) {
    if (onlyPrints(argc, argv)) {
        const QCoreApplication app(argc, argv);
        setIdentity();
        parseDbOption(app);
        return 0;
    }
    // QApplication first: it takes its own options (-platform, -style) out of the arguments.
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("aicp Console"));
    // The desktop file's id: Wayland compositors match the window to it (and its icon).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.aicp.console"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/aicp/icons/io.aicp.console.svg")));
    return aicp::runConsole(parseDbOption(app));
}

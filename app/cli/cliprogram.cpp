#include "cli/cliprogram.h"

#include "cli/cliapp.h"

#include <memory>

#include <QCoreApplication>
#include <QGuiApplication>

namespace aicp {

namespace {

QtMessageHandler previousHandler = nullptr;

// The GUI platform asks for a runtime folder that a server or a cron job
// often lacks, and Qt warns about it on stderr; a script would read that as
// an error line, so this one notice is dropped. Everything else passes on.
void quietRuntimeDirNotice(QtMsgType type, const QMessageLogContext& context,
                           const QString& message) {
    if (type == QtWarningMsg &&
        message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    if (previousHandler)
        previousHandler(type, context, message);
}

}  // namespace

int runCliProgram(int argc, char* argv[]) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    std::unique_ptr<QCoreApplication> app;
    if (commandLineNeedsGui(arguments)) {
        // A PDF needs fonts, which only a GUI application loads; offscreen
        // needs no display, so the CLI still runs on a server.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        previousHandler = qInstallMessageHandler(&quietRuntimeDirNotice);
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    return runCli(QCoreApplication::arguments());
}

}  // namespace aicp

#include "cli/cliprogram.h"

#include "cli/cliapp.h"

#include <memory>

#include <QCoreApplication>
#include <QGuiApplication>

namespace aicp {

namespace {

// The value of `--name VALUE` or `--name=VALUE` (or `-n VALUE`), the last one
// given; empty when absent.
QString optionValue(const QStringList& words, const QString& longName,
                    const QString& shortName = {}) {
    QString value;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& word = words.at(i);
        const QString prefix = QStringLiteral("--") + longName + u'=';
        if (word.startsWith(prefix))
            value = word.mid(prefix.size());
        else if ((word == QStringLiteral("--") + longName || word == u'-' + longName ||
                  (!shortName.isEmpty() && word == u'-' + shortName)) &&
                 i + 1 < words.size())
            value = words.at(++i);
    }
    return value;
}

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

bool commandLineRendersPdf(const QStringList& arguments) {
    // Skip the program name and the global options before the command.
    qsizetype i = 1;
    while (i < arguments.size() && arguments.at(i).startsWith(u'-')) {
        const QString& word = arguments.at(i);
        i += (word == QLatin1String("--db") || word == QLatin1String("-db")) ? 2 : 1;
    }
    const QStringList words = arguments.mid(i);
    if (words.size() < 2)
        return false;
    const QString output = optionValue(words, QStringLiteral("output"), QStringLiteral("o"));
    if (words.at(0) == QLatin1String("report") && words.at(1) == QLatin1String("cost")) {
        const QString format = optionValue(words, QStringLiteral("format"));
        if (!format.isEmpty())
            return format == QLatin1String("pdf");
        return output.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    }
    if (words.at(0) == QLatin1String("invoice") &&
        (words.at(1) == QLatin1String("issue") || words.at(1) == QLatin1String("show")))
        return !output.isEmpty();
    return false;
}

int runCliProgram(int argc, char* argv[]) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    std::unique_ptr<QCoreApplication> app;
    if (commandLineRendersPdf(arguments)) {
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

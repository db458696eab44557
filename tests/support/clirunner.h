#pragma once

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

namespace aicp::clitest {

// What a script sees of one run of `aicp`.
struct CliRun {
    int exitCode = -1;  // -1: it did not start or did not finish normally
    QString out;
    QString err;

    [[nodiscard]] QStringList outLines() const { return out.split(u'\n', Qt::SkipEmptyParts); }
    [[nodiscard]] QStringList errLines() const { return err.split(u'\n', Qt::SkipEmptyParts); }
    [[nodiscard]] QString firstLine() const { return outLines().value(0); }
};

// The built `aicp` binary (AICP_CLI, set by CTest) run in a temporary folder
// that is also its HOME and XDG data folder, so no test ever reaches the
// real user's workspace.
class CliSandbox {
public:
    // For initTestCase: false when the folder or the binary is missing.
    [[nodiscard]] bool isReady() const {
        return home_.isValid() && QFileInfo(program_).isExecutable();
    }

    [[nodiscard]] QString file(const QString& name) const { return home_.filePath(name); }

    // Without AICP_DB: tests name their workspace explicitly or mean the
    // per-user default.
    [[nodiscard]] QProcessEnvironment environment() const {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("AICP_DB"));
        environment.insert(QStringLiteral("HOME"), home_.path());
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home_.filePath(QStringLiteral("data")));
        return environment;
    }

    // Standard input gets `input` and is then closed, so a command reading
    // "-" ends instead of waiting for a test that never types.
    [[nodiscard]] CliRun run(const QStringList& arguments, const QProcessEnvironment& environment,
                             const QByteArray& input = {}) const {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(home_.path());
        process.start(program_, arguments);
        CliRun result;
        if (process.waitForStarted(30'000)) {
            process.write(input);
            process.closeWriteChannel();
        }
        if (!process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit) {
            qWarning("aicp %s did not finish normally", qPrintable(arguments.join(u' ')));
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

private:
    QTemporaryDir home_;
    QString program_ = qEnvironmentVariable("AICP_CLI");
};

// A failure is reported as exactly one line on stderr, "aicp: …", and
// nothing on stdout for a script to mistake for a result. `mentions`, when
// given, is what the line must name for the user to find the mistake.
inline void verifyOneErrorLine(const CliRun& result, int exitCode, const QString& mentions = {}) {
    QCOMPARE(result.exitCode, exitCode);
    QCOMPARE(result.errLines().size(), qsizetype(1));
    QVERIFY2(result.err.startsWith(QStringLiteral("aicp: ")), qPrintable(result.err));
    QVERIFY2(result.err.endsWith(u'\n'), qPrintable(result.err));
    QVERIFY2(result.out.isEmpty(), qPrintable(result.out));
    QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
}

// Empty when the file cannot be read; the comparison that follows says so.
inline QByteArray readBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// --json output as an object; anything else is warned about and read as
// empty, so the test fails on the field it expected rather than here.
inline QJsonObject parseObject(const QString& text) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qWarning("not a JSON object (%s): %s", qPrintable(error.errorString()), qPrintable(text));
    return document.object();
}

}  // namespace aicp::clitest

#include "support/clirunner.h"

#include "storage/workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

namespace aicp::clitest {

QString CliSandbox::testWorkspace() const {
    return workspace(QString::fromLatin1(QTest::currentTestFunction()) + QStringLiteral(".aicp"));
}

QString CliSandbox::workspace(const QString& fileName) const {
    if (!test::onPostgres())
        return file(fileName);
    auto& database = databases_[fileName];
    if (!database)
        database = std::make_unique<test::ScratchDatabase>();
    if (database->uri().isEmpty())
        qWarning("no test database: %s", qPrintable(database->error()));
    return database->uri();
}

bool CliSandbox::holdsWorkspace(const QString& location) const {
    if (!Workspace::isServerLocation(location))
        return QFileInfo::exists(location);
    return run({QStringLiteral("--db"), location, QStringLiteral("workspace"),
                QStringLiteral("info")},
               environment())
               .exitCode == 0;
}

bool CliSandbox::isReady() const {
    return home_.isValid() && QFileInfo(program_).isExecutable();
}

QProcessEnvironment CliSandbox::environment() const {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("AICP_DB"));
    environment.insert(QStringLiteral("HOME"), home_.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home_.filePath(QStringLiteral("data")));
    return environment;
}

QByteArray CliSandbox::contentOf(const QString& location) const {
    if (!Workspace::isServerLocation(location))
        return readBytes(location);
    return run({QStringLiteral("--db"), location, QStringLiteral("workspace"),
                QStringLiteral("info"), QStringLiteral("--json")},
               environment())
        .out.toUtf8();
}

CliRun CliSandbox::run(const QStringList& arguments, const QProcessEnvironment& environment,
                       const QByteArray& input) const {
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

void verifyOneErrorLine(const CliRun& result, int exitCode, const QString& mentions) {
    QCOMPARE(result.exitCode, exitCode);
    QCOMPARE(result.errLines().size(), qsizetype(1));
    QVERIFY2(result.err.startsWith(QStringLiteral("aicp: ")), qPrintable(result.err));
    QVERIFY2(result.err.endsWith(u'\n'), qPrintable(result.err));
    QVERIFY2(result.out.isEmpty(), qPrintable(result.out));
    QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
}

QByteArray readBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QJsonObject parseObject(const QString& text) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qWarning("not a JSON object (%s): %s", qPrintable(error.errorString()), qPrintable(text));
    return document.object();
}

}  // namespace aicp::clitest

#pragma once

// What the command line's tests share beyond the sandbox (tests/support):
// the base of a test, input files, setup steps that warn with the command's own message when they
// fail, and the checks behind the tables of help screens and of command-line mistakes.

#include "support/clirunner.h"

#include <QByteArray>
#include <QFile>
#include <QJsonObject>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

namespace aicp::clitest {

// A test of the command line: the sandbox (a folder that is also HOME) its
// commands run in, and the files and the workspace of each test in it.
class CliTest : public QObject {
protected:
    CliSandbox sandbox_;

    [[nodiscard]] QString file(const QString& name) const { return sandbox_.file(name); }
    // The workspace of the test function running, named after it.
    [[nodiscard]] QString workspace() const { return sandbox_.testWorkspace(); }
    // `aicp arguments…` on that workspace (AICP_DB), its signing key's
    // passphrase in AICP_KEY_PASSPHRASE: a test of commands that sign.
    [[nodiscard]] CliRun runSigning(const QStringList& arguments) const {
        QProcessEnvironment environment = sandbox_.environment();
        environment.insert(QStringLiteral("AICP_DB"), workspace());
        environment.insert(QStringLiteral("AICP_KEY_PASSPHRASE"),
                           QStringLiteral("correct horse battery"));
        return sandbox_.run(arguments, environment);
    }
};

// Replaces the file at `path` with `bytes` (an input a command then reads).
[[nodiscard]] inline bool writeBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

// Warns with the command's message when a setup step failed, so the
// assertions that then fail say why. Returns whether it succeeded.
inline bool warnIfFailed(const CliRun& step, const char* what) {
    if (step.exitCode == 0)
        return true;
    qWarning("%s failed: %s", what, qPrintable(step.err));
    return false;
}

// The --json answer of a setup step (empty when it failed, with the warning).
[[nodiscard]] inline QJsonObject jsonAnswer(const CliRun& step, const char* what) {
    warnIfFailed(step, what);
    return parseObject(step.out);
}

// One row of a table of mistakes (columns "arguments" and "mentions"): what
// `run` makes of the arguments exits 2 with one line naming the mistake.
template <typename Run>
void verifyMistakeRow(const Run& run) {
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    verifyOneErrorLine(run(arguments), 2, mentions);
}

// One row of a table of help screens (columns "arguments" and "expected"):
// what `run` makes of the arguments exits 0 and prints the help, which
// contains `expected`, on stdout alone.
template <typename Run>
void verifyHelpRow(const Run& run) {
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(expected), qPrintable(result.out));
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
}

}  // namespace aicp::clitest

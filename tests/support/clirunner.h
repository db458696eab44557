#pragma once

#include "support/scratchdatabase.h"

// Includes kept as before the move to clirunner.cpp: the tests use them.
#include <map>
#include <memory>

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
    [[nodiscard]] bool isReady() const;

    [[nodiscard]] QString file(const QString& name) const { return home_.filePath(name); }
    // The running test function's own workspace: a file ("<function>.aicp"),
    // or on PostgreSQL (onPostgres()) a database of its own, made at the
    // first call.
    [[nodiscard]] QString testWorkspace() const;
    // A workspace the test names like a file ("source.aicp"): that file in
    // the folder, or on PostgreSQL a database of its own for the name, made
    // at the first call and kept as long as the sandbox.
    [[nodiscard]] QString workspace(const QString& fileName) const;
    // Whether there is a workspace at `location`: the file exists, or the
    // database holds one (asked of `aicp workspace info`).
    [[nodiscard]] bool holdsWorkspace(const QString& location) const;
    // What a refused command must leave as it was: the file's bytes, or what
    // `aicp workspace info --json` says of a database (its id and counts).
    [[nodiscard]] QByteArray contentOf(const QString& location) const;
    [[nodiscard]] const QString& program() const { return program_; }

    // Without AICP_DB: tests name their workspace explicitly or mean the
    // per-user default.
    [[nodiscard]] QProcessEnvironment environment() const;

    // Standard input gets `input` and is then closed, so a command reading
    // "-" ends instead of waiting for a test that never types.
    // In environment().
    [[nodiscard]] CliRun run(const QStringList& arguments) const {
        return run(arguments, environment());
    }
    [[nodiscard]] CliRun run(const QStringList& arguments, const QProcessEnvironment& environment,
                             const QByteArray& input = {}) const;

private:
    QTemporaryDir home_;
    mutable std::map<QString, std::unique_ptr<test::ScratchDatabase>> databases_;
    QString program_ = qEnvironmentVariable("AICP_CLI");
};

// A failure is reported as exactly one line on stderr, "aicp: …", and
// nothing on stdout for a script to mistake for a result. `mentions`, when
// given, is what the line must name for the user to find the mistake.
void verifyOneErrorLine(const CliRun& result, int exitCode, const QString& mentions = {});

// Empty when the file cannot be read; the comparison that follows says so.
[[nodiscard]] QByteArray readBytes(const QString& path);

// --json output as an object; anything else is warned about and read as
// empty, so the test fails on the field it expected rather than here.
[[nodiscard]] QJsonObject parseObject(const QString& text);

}  // namespace aicp::clitest

#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace aicp {

// What aicp-console's command line asks for, read without exiting the
// process so a test can check every case. --help and --version are printed
// by the caller (they need no display).
struct ConsoleOptions {
    QString db;         // --db FILE; empty when not given
    bool demo = false;  // --demo: the per-user demo workspace

    // The console's options on `parser` (help and version included).
    static void describe(QCommandLineParser& parser);
    // `arguments` as QApplication left them (its own -platform, -style, …
    // already taken out), program name first. Refuses unknown options,
    // positional arguments and --db with --demo.
    static Result<ConsoleOptions> parse(const QStringList& arguments);
    // True when the arguments only ask for --help or --version, which must
    // work without a display (so before any QApplication exists).
    static bool onlyPrints(int argc, const char* const argv[]);
};

// The workspace the console starts on, decided from the options, $AICP_DB
// and what exists on disk.
struct StartWorkspace {
    enum class Kind {
        Given,     // --db or $AICP_DB: opened, created empty when missing
        Demo,      // --demo: the per-user demo, created when missing
        Existing,  // the per-user default workspace, which exists
        FirstRun,  // nothing yet: the welcome decides
    };
    Kind kind = Kind::FirstRun;
    QString path;  // empty for FirstRun

    // `environmentDb` is $AICP_DB; `defaultPath` Workspace::defaultPath();
    // `demoRemembered`: the welcome's "Explore the demo" was chosen and no
    // workspace created or opened since, so the demo opens without it.
    // `lastTeamWorkspace`: the team workspace opened last (File ▸ Open Team
    // Workspace…), reopened before the per-user default as long as no file
    // was opened since.
    static StartWorkspace decide(const ConsoleOptions& options, const QString& environmentDb,
                                 const QString& defaultPath, bool demoRemembered = false,
                                 const QString& lastTeamWorkspace = {});
};

// The per-user demo workspace: beside the default workspace but never it,
// so exploring the demo does not make the demo the user's own workspace.
// Empty when the platform has no writable data folder.
[[nodiscard]] QString demoWorkspacePath();

// Whether the user is exploring the demo (QSettings): set by "Explore the
// demo", cleared by creating or opening a workspace.
[[nodiscard]] bool demoRemembered();
void rememberDemo(bool exploring);

// The team workspaces opened lately (QSettings), newest first, never with a
// password; the newest is reopened at start until a file is opened.
[[nodiscard]] QStringList recentTeamWorkspaces();
[[nodiscard]] QString lastTeamWorkspace();
void rememberTeamWorkspace(const QString& uri);
// A file was opened or made: the next start opens files again.
void forgetLastTeamWorkspace();

// The names `aicp` uses too, so both find the same per-user workspace.
void setConsoleIdentity();

}  // namespace aicp

#include "consoleoptions.h"

#include "storage/workspace.h"

#include <cstring>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>
#include <QUrlQuery>

namespace aicp {
namespace {

QCommandLineOption dbOption() {
    return QCommandLineOption(
        QStringLiteral("db"),
        QStringLiteral("Open the workspace FILE (created when missing) instead of the "
                       "per-user default (or $AICP_DB)."),
        QStringLiteral("FILE"));
}

QCommandLineOption demoOption() {
    return QCommandLineOption(
        QStringLiteral("demo"),
        QStringLiteral("Open the per-user demo workspace (created when missing), kept apart "
                       "from your own workspace."));
}

}  // namespace

void ConsoleOptions::describe(QCommandLineParser& parser) {
    parser.setApplicationDescription(
        QStringLiteral("AI Control Plane pricing & licensing console"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(dbOption());
    parser.addOption(demoOption());
}

Result<ConsoleOptions> ConsoleOptions::parse(const QStringList& arguments) {
    QCommandLineParser parser;
    describe(parser);
    if (!parser.parse(arguments))
        return Error::invalidInput(parser.errorText());
    const QStringList extra = parser.positionalArguments();
    if (!extra.isEmpty())
        return Error::invalidInput(
            QStringLiteral("unexpected argument '%1'; open a workspace with --db FILE")
                .arg(extra.front()));
    ConsoleOptions options;
    options.db = parser.value(QStringLiteral("db"));
    options.demo = parser.isSet(QStringLiteral("demo"));
    if (parser.isSet(QStringLiteral("db")) && options.db.isEmpty())
        return Error::invalidInput(QStringLiteral("--db needs a file name"));
    if (options.demo && !options.db.isEmpty())
        return Error::invalidInput(
            QStringLiteral("--demo opens the demo workspace; give either --db FILE or --demo"));
    return options;
}

bool ConsoleOptions::onlyPrints(int argc, const char* const argv[]) {
    for (int i = 1; i < argc; ++i) {
        for (const char* flag : {"-h", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

StartWorkspace StartWorkspace::decide(const ConsoleOptions& options, const QString& environmentDb,
                                      const QString& defaultPath, bool demoRemembered,
                                      const QString& lastTeamWorkspace) {
    // The same order as `aicp`: --db, then $AICP_DB, then the per-user
    // default; --demo is an explicit request, so it wins over the variable.
    if (!options.db.isEmpty())
        return {Kind::Given, options.db};
    if (options.demo) {
        const QString demo =
            defaultPath.isEmpty()
                ? QString()
                : QFileInfo(defaultPath).dir().filePath(QStringLiteral("demo.aicp"));
        return {Kind::Demo, demo};
    }
    if (!environmentDb.isEmpty())
        return {Kind::Given, environmentDb};
    if (!lastTeamWorkspace.isEmpty())
        return {Kind::Existing, lastTeamWorkspace};
    if (!defaultPath.isEmpty() && QFileInfo::exists(defaultPath))
        return {Kind::Existing, defaultPath};
    // The welcome does not come back after "Explore the demo": the demo
    // opens until a workspace of the user's own exists.
    if (demoRemembered) {
        const StartWorkspace demo = decide({{}, true}, {}, defaultPath);
        if (!demo.path.isEmpty() && QFileInfo::exists(demo.path))
            return demo;
    }
    return {Kind::FirstRun, {}};
}

QString demoWorkspacePath() {
    return StartWorkspace::decide({{}, true}, {}, Workspace::defaultPath()).path;
}

namespace {
const QString kExploringDemoKey = QStringLiteral("firstRun/exploringDemo");
}  // namespace

bool demoRemembered() {
    return QSettings().value(kExploringDemoKey, false).toBool();
}

void rememberDemo(bool exploring) {
    QSettings settings;
    if (exploring)
        settings.setValue(kExploringDemoKey, true);
    else
        settings.remove(kExploringDemoKey);
}

namespace {
const QString kRecentTeamKey = QStringLiteral("teamWorkspace/recent");
const QString kLastTeamKey = QStringLiteral("teamWorkspace/reopen");
constexpr int kRecentTeamCount = 8;

// The URI without a password, whichever way it was written.
QString withoutPassword(const QString& uri) {
    QUrl url(uri);
    url.setPassword({});
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("password"));
    url.setQuery(query);
    return url.toString();
}
}  // namespace

QStringList recentTeamWorkspaces() {
    return QSettings().value(kRecentTeamKey).toStringList();
}

QString lastTeamWorkspace() {
    const QSettings settings;
    return settings.value(kLastTeamKey, false).toBool() ? recentTeamWorkspaces().value(0)
                                                        : QString();
}

void rememberTeamWorkspace(const QString& uri) {
    const QString kept = withoutPassword(uri);
    QStringList recent = recentTeamWorkspaces();
    recent.removeAll(kept);
    recent.prepend(kept);
    QSettings settings;
    settings.setValue(kRecentTeamKey, recent.mid(0, kRecentTeamCount));
    settings.setValue(kLastTeamKey, true);
}

void forgetLastTeamWorkspace() {
    QSettings().remove(kLastTeamKey);
}

void setConsoleIdentity() {
    QCoreApplication::setOrganizationName(QStringLiteral("aicp"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("aicp.example"));
    QCoreApplication::setApplicationName(QStringLiteral("aicp"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AICP_VERSION));
}

}  // namespace aicp

#include "cli/clicommands.h"
#include "common/texttable.h"
#include "licensing/licensepayload.h"
#include "server/apitokenstore.h"

namespace aicp::cli {
namespace {

QJsonObject tokenJson(const ApiTokenInfo& token) {
    return {{QStringLiteral("id"), static_cast<double>(token.id)},
            {QStringLiteral("name"), token.name},
            {QStringLiteral("role"), apiRoleName(token.role)},
            {QStringLiteral("created_at"), toRfc3339(token.createdAt)},
            {QStringLiteral("revoked_at"), token.revokedAt.isValid()
                                               ? QJsonValue(toRfc3339(token.revokedAt))
                                               : QJsonValue(QJsonValue::Null)}};
}

const QString kRoleRules = QStringLiteral(
    "Roles: read (every GET, POST cost and POST licenses/validate), ingest (read, and POST "
    "usage/events), admin (ingest, and POST licenses); each includes the ones before it.");

int runCreate(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("tokens create");
    const QCommandLineOption role(QStringLiteral("role"),
                                  QStringLiteral("What the token may do: read, ingest or admin."),
                                  QStringLiteral("ROLE"));
    const QCommandLineOption name(QStringLiteral("name"),
                                  QStringLiteral("A name to tell tokens apart (who holds it)."),
                                  QStringLiteral("N"));
    CommandHelp help;
    help.usage = {QStringLiteral("[--db FILE] tokens create --role read|ingest|admin [--name N]")};
    help.summary = QStringLiteral(
        "Makes a bearer token for the HTTP service ('aicp serve') and prints it alone on "
        "standard output. It is shown this once: the workspace keeps only its SHA-256.");
    help.options = {role, name, helpOption()};
    help.details = kRoleRules + QStringLiteral(
                                    "\n\nExample:\n  aicp tokens create --role ingest --name "
                                    "gateway-eu > ingest.token\n\n"
                                    "Exit status: 0 made, 1 it could not be, 2 a mistake in "
                                    "the command line.");
    QCommandLineParser parser;
    if (auto finished = parseOrFinish(context, parser, help, command, arguments, 0))
        return *finished;
    int status = kExitSuccess;
    const auto roleText = optionValue(context, parser, role, command, status);
    if (!roleText)
        return status;
    const auto nameText = optionValue(context, parser, name, command, status);
    if (!nameText)
        return status;
    if (roleText->isEmpty())
        return context.usageError(
            QStringLiteral("%1: give --role read, ingest or admin").arg(command));
    const auto parsedRole = apiRoleFromName(*roleText);
    if (!parsedRole)
        return context.usageError(QStringLiteral("%1: unknown role '%2' (read, ingest or admin)")
                                      .arg(command, *roleText));
    auto workspace = context.openExistingWorkspace();
    if (!workspace)
        return context.failure(workspace.error().withContext(command));
    auto made = ApiTokenStore(**workspace).create(*parsedRole, *nameText);
    if (!made)
        return context.reportError(made.error().withContext(command));
    context.out << QString::fromLatin1(made->token) << '\n';
    context.out.flush();
    context.err << QStringLiteral("Created %1 token %2 '%3'. Keep it now: it is not shown again.\n")
                       .arg(apiRoleName(made->info.role))
                       .arg(made->info.id)
                       .arg(made->info.name);
    return kExitSuccess;
}

int runList(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("tokens list");
    const QCommandLineOption json = jsonOption(QStringLiteral("the tokens"));
    CommandHelp help;
    help.usage = {QStringLiteral("[--db FILE] tokens list [--json]")};
    help.summary = QStringLiteral(
        "Lists the HTTP service's tokens, revoked ones included (never the tokens themselves).");
    help.options = {json, helpOption()};
    QCommandLineParser parser;
    if (auto finished = parseOrFinish(context, parser, help, command, arguments, 0))
        return *finished;
    auto tokens = readWorkspace(context.openExistingWorkspace(), [](Workspace& workspace) {
        return ApiTokenStore(workspace).list();
    });
    if (!tokens)
        return context.failure(tokens.error().withContext(command));
    if (parser.isSet(json)) {
        context.out << printedJsonList(QStringLiteral("tokens"), *tokens, &tokenJson);
        return kExitSuccess;
    }
    if (tokens->empty()) {
        context.out << "No API tokens; make one with 'aicp tokens create --role read'.\n";
        return kExitSuccess;
    }
    TextTable table({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("ROLE"),
                     QStringLiteral("CREATED"), QStringLiteral("REVOKED")},
                    {TextTable::Align::Right});
    for (const ApiTokenInfo& token : *tokens)
        table.addRow(
            {QString::number(token.id), token.name, apiRoleName(token.role),
             toRfc3339(token.createdAt),
             token.revokedAt.isValid() ? toRfc3339(token.revokedAt) : QStringLiteral("-")});
    context.out << table.render();
    return kExitSuccess;
}

int runRevoke(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("tokens revoke");
    CommandHelp help;
    help.usage = {QStringLiteral("[--db FILE] tokens revoke ID|NAME")};
    help.summary = QStringLiteral(
        "Revokes a token: a running service refuses it within a second. It stays listed.");
    help.options = {helpOption()};
    QCommandLineParser parser;
    if (auto finished = parseOrFinish(context, parser, help, command, arguments, 1))
        return *finished;
    int status = kExitSuccess;
    const auto which = requiredArgument(context, parser, command,
                                        QStringLiteral("the token's id or name"), status);
    if (!which)
        return status;
    auto revoked = readWorkspace(context.openExistingWorkspace(), [&which](Workspace& workspace) {
        return ApiTokenStore(workspace).revoke(*which);
    });
    if (!revoked)
        return context.reportError(revoked.error().withContext(command));
    context.out << QStringLiteral("Revoked %1 token %2 '%3'.\n")
                       .arg(apiRoleName(revoked->role))
                       .arg(revoked->id)
                       .arg(revoked->name);
    return kExitSuccess;
}

constexpr Subcommand kTokensSubcommands[] = {
    {"create", "Make a bearer token for the HTTP service (printed once)", &runCreate},
    {"list", "List the tokens and their roles", &runList},
    {"revoke", "Revoke a token", &runRevoke},
};

}  // namespace

int runTokensCommand(const CliContext& context, const QStringList& arguments) {
    return runSubcommand(context, QStringLiteral("tokens"),
                         QStringLiteral("Manages the bearer tokens of the HTTP service."),
                         kTokensSubcommands, arguments);
}

}  // namespace aicp::cli

#include "cli/cliapp.h"

#include "cli/clicommands.h"
#include "cli/clicontext.h"
#include "storage/workspace.h"

#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>

namespace aicp {
namespace {

using cli::CliContext;

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const CliContext&, const QStringList&);
};

constexpr Command kCommands[] = {
    {"pricebook", "Show the workspace's price book", &cli::runPriceBookCommand},
    {"quote", "Price a subscription on one tier, or compare every tier", &cli::runQuoteCommand},
    {"keys", "Generate, rotate, list, export and import signing keys", &cli::runKeysCommand},
    {"license", "Issue, verify, list, show, renew, upgrade and revoke licenses",
     &cli::runLicenseCommand},
    {"revocations", "Export the signed list of revoked licenses", &cli::runRevocationsCommand},
    {"audit", "Verify or list the tamper-evident audit log", &cli::runAuditCommand},
    {"usage", "Import usage events; summarise a customer's month or chart its requests",
     &cli::runUsageCommand},
    {"recommend", "The cheapest tier that serves a customer's projected usage, and why",
     &cli::runRecommendCommand},
    {"bill", "A customer's computed (not issued) bill for a month: lines and findings",
     &cli::runBillCommand},
    {"report", "The finance cost report of a month by customer and axis (CSV, JSON, PDF)",
     &cli::runReportCommand},
    {"invoice", "Issue, list, show and credit numbered, immutable invoices",
     &cli::runInvoiceCommand},
    {"demo", "Create the deterministic demo workspace in a new file", &cli::runDemoCommand},
    {"serve", "Serve the REST API over HTTP (tokens, ingestion, export, validation)",
     &cli::runServeCommand},
    {"tokens", "Create, list and revoke the HTTP service's bearer tokens", &cli::runTokensCommand},
};

QCommandLineOption dbOption() {
    return QCommandLineOption(QStringLiteral("db"),
                              QStringLiteral("Workspace file to use. Default: $AICP_DB, else "
                                             "the per-user workspace (%1).")
                                  .arg(Workspace::defaultPath()),
                              QStringLiteral("FILE"));
}

QCommandLineOption versionOption() {
    return QCommandLineOption({QStringLiteral("v"), QStringLiteral("version")},
                              QStringLiteral("Print the version and exit."));
}

QString globalHelp() {
    cli::CommandHelp help;
    help.usage = {QStringLiteral("[--db FILE] <command> [options]"), QStringLiteral("--version")};
    help.summary = QStringLiteral(
        "The pricing and licensing back office of the AI Control Plane, "
        "for scripts and finance automation.");
    help.options = {dbOption(), cli::helpOption(), versionOption()};

    QString commands = QStringLiteral("Commands:\n");
    qsizetype width = 0;
    for (const Command& command : kCommands)
        width = std::max(width, qsizetype(qstrlen(command.name)));
    for (const Command& command : kCommands)
        commands += QStringLiteral("  %1  %2\n")
                        .arg(QString::fromLatin1(command.name).leftJustified(width),
                             QString::fromLatin1(command.summary));
    help.details =
        commands + QStringLiteral(
                       "\nGlobal options come before the command; run 'aicp <command> --help' "
                       "for a command's own.\n\n"
                       "Exit status: 0 success, 1 the operation failed, 2 a mistake in the "
                       "command line; "
                       "on failure one line on stderr says why.");
    return cli::formatHelp(help);
}

const Command* findCommand(const QString& name) {
    for (const Command& command : kCommands)
        if (name == QLatin1String(command.name))
            return &command;
    return nullptr;
}

QString commandNames() {
    QStringList names;
    for (const Command& command : kCommands)
        names.append(QString::fromLatin1(command.name));
    return names.join(QStringLiteral(", "));
}

}  // namespace

int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    // The per-user workspace lives under the application's data folder, so
    // these names must be the console's (app/console/main.cpp): both programs
    // then open the same default workspace, whatever the binary is called.
    QCoreApplication::setOrganizationName(QStringLiteral("aicp"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("aicp.example"));
    QCoreApplication::setApplicationName(QStringLiteral("aicp"));

    CliContext context{out, err, {}};
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    // Everything from the command name on belongs to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption db = dbOption();
    const QCommandLineOption help = cli::helpOption();
    const QCommandLineOption version = versionOption();
    parser.addOptions({db, help, version});

    const QStringList words = arguments.isEmpty() ? QStringList{QStringLiteral("aicp")} : arguments;
    if (!parser.parse(words))
        return context.usageError(cli::parserError(parser) + QStringLiteral(" Try 'aicp --help'."));

    const auto printGlobalHelp = [&out] {
        out << globalHelp();
        out.flush();
        return cli::kExitSuccess;
    };
    if (parser.isSet(help))
        return printGlobalHelp();
    if (parser.isSet(version)) {
        out << "aicp " << AICP_VERSION << '\n';
        out.flush();
        return cli::kExitSuccess;
    }
    auto dbPath = cli::singleValue(parser, db);
    if (!dbPath)
        return context.usageError(dbPath.error().message());
    if (parser.isSet(db) && dbPath->isEmpty())
        return context.usageError(QStringLiteral("--db needs a file name"));
    context.globalDbPath = *dbPath;

    QStringList rest = parser.positionalArguments();
    if (rest.isEmpty())
        return context.usageError(
            QStringLiteral("no command given (one of: %1). Try 'aicp --help'.")
                .arg(commandNames()));
    QString name = rest.takeFirst();
    // `aicp help [command]` reads the same as `aicp [command] --help`.
    if (name == QLatin1String("help")) {
        if (rest.isEmpty())
            return printGlobalHelp();
        name = rest.takeFirst();
        rest.append(QStringLiteral("--help"));
    }
    const Command* command = findCommand(name);
    if (!command)
        return context.usageError(
            QStringLiteral("unknown command '%1' (one of: %2). Try 'aicp --help'.")
                .arg(name, commandNames()));
    const int status = command->run(context, rest);
    out.flush();
    err.flush();
    return status;
}

int runCli(const QStringList& arguments) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    return runCli(arguments, out, err);
}

}  // namespace aicp

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

using cli::Command;
using cli::CommandGroup;

// A word of `aicp <word>`: a group of subcommands or one command.
struct TopLevel {
    const char* name;
    const char* summary;
    const CommandGroup& (*group)();
    const Command& (*command)();
};

constexpr TopLevel kCommands[] = {
    {"workspace", "Create a workspace file or describe one", &cli::workspaceCommands, nullptr},
    {"customer", "Add, edit, show and list customers", &cli::customerCommands, nullptr},
    {"seller", "Set or show the seller: the company the invoices are from", &cli::sellerCommands,
     nullptr},
    {"pricebook", "Show the workspace's price book", &cli::priceBookCommands, nullptr},
    {"credits", "Grant prepaid credit; show a customer's balance; list the grants",
     &cli::creditsCommands, nullptr},
    {"tax rates", "Add and list the tax rates invoices charge, by country and region",
     &cli::taxRatesCommands, nullptr},
    {"quote", "Price a subscription on one tier, or compare every tier", nullptr,
     &cli::quoteCommand},
    {"keys", "Generate, rotate, list, export and import signing keys", &cli::keysCommands, nullptr},
    {"license", "Issue, verify, list, show, renew, upgrade and revoke licenses",
     &cli::licenseCommands, nullptr},
    {"revocations", "Export the signed list of revoked licenses", &cli::revocationsCommands,
     nullptr},
    {"activation", "Activate a license on an air-gapped machine; list and release machines",
     &cli::activationCommands, nullptr},
    {"webhooks", "Send signed webhooks of licenses, invoices and usage; list their deliveries",
     &cli::webhooksCommands, nullptr},
    {"stripe", "Send invoices to Stripe for payment; read the payments back", &cli::stripeCommands,
     nullptr},
    {"audit", "Verify or list the tamper-evident audit log", &cli::auditCommands, nullptr},
    {"usage", "Import usage events; summarise a customer's month or chart its requests",
     &cli::usageCommands, nullptr},
    {"recommend", "The cheapest tier that serves a customer's projected usage, and why", nullptr,
     &cli::recommendCommand},
    {"bill", "A customer's computed (not issued) bill for a month: lines and findings", nullptr,
     &cli::billCommand},
    {"report", "The finance cost report of a month by customer and axis (CSV, JSON, PDF)",
     &cli::reportCommands, nullptr},
    {"invoice", "Issue, list, show and credit numbered, immutable invoices", &cli::invoiceCommands,
     nullptr},
    {"ledger", "Export the double-entry postings of invoices, payments and credit (CSV, JSON)",
     &cli::ledgerCommands, nullptr},
    {"demo", "Create the deterministic demo workspace in a new file", nullptr, &cli::demoCommand},
    {"serve", "Serve the REST API over HTTP (tokens, ingestion, export, validation)", nullptr,
     &cli::serveCommand},
    {"tokens", "Create, list and revoke the HTTP service's bearer tokens", &cli::tokensCommands,
     nullptr},
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
    for (const TopLevel& command : kCommands)
        width = std::max(width, qsizetype(qstrlen(command.name)));
    for (const TopLevel& command : kCommands)
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

// The command `first` names, or with the next word of `rest` a two-word
// name ("tax rates"), which is then taken from `rest`.
const TopLevel* takeCommand(const QString& first, QStringList& rest) {
    for (const TopLevel& command : kCommands) {
        const QLatin1String name(command.name);
        if (name == first)
            return &command;
        if (!rest.isEmpty() && name == first + u' ' + rest.front()) {
            rest.removeFirst();
            return &command;
        }
    }
    return nullptr;
}

QString commandNames() {
    QStringList names;
    for (const TopLevel& command : kCommands)
        names.append(QString::fromLatin1(command.name));
    return names.join(QStringLiteral(", "));
}

// The command line up to the command: the global options, and the words
// from the command's name on.
struct GlobalLine {
    QString dbPath;
    bool help = false;
    bool version = false;
    QStringList rest;
};

Result<GlobalLine> parseGlobalLine(const QStringList& arguments) {
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
        return Error::invalidInput(cli::parserError(parser) +
                                   QStringLiteral(" Try 'aicp --help'."));
    GlobalLine line{{}, parser.isSet(help), parser.isSet(version), parser.positionalArguments()};
    if (line.help || line.version)
        return line;
    auto dbPath = cli::singleValue(parser, db);
    if (!dbPath)
        return dbPath.error();
    if (parser.isSet(db) && dbPath->isEmpty())
        return Error::invalidInput(QStringLiteral("--db needs a file name"));
    line.dbPath = *dbPath;
    return line;
}

// The command `words` (from the top-level name on) select, and the words
// after its name; nullptr when they name none.
const Command* selectCommand(QStringList& words) {
    if (words.isEmpty())
        return nullptr;
    const QString first = words.takeFirst();
    const TopLevel* top = takeCommand(first, words);
    if (!top)
        return nullptr;
    if (top->command)
        return &top->command();
    const Command* command = top->group().find(words.value(0));
    if (command)
        words.removeFirst();
    return command;
}

}  // namespace

namespace cli {

QList<const Command*> allCommands() {
    QList<const Command*> commands;
    for (const TopLevel& top : kCommands) {
        if (top.command)
            commands.append(&top.command());
        else
            commands.append(top.group().commands);
    }
    return commands;
}

}  // namespace cli

bool commandLineNeedsGui(const QStringList& arguments) {
    auto line = parseGlobalLine(arguments);
    if (!line || line->help || line->version)
        return false;
    QStringList words = line->rest;
    const Command* command = selectCommand(words);
    QCommandLineParser parser;
    return command && command->parse(parser, words).ok() && command->needsGui(parser);
}

int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    // The per-user workspace lives under the application's data folder, so
    // these names must be the console's (app/console/main.cpp): both programs
    // then open the same default workspace, whatever the binary is called.
    QCoreApplication::setOrganizationName(QStringLiteral("aicp"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("aicp.example"));
    QCoreApplication::setApplicationName(QStringLiteral("aicp"));

    CliContext context{out, err, {}};
    auto line = parseGlobalLine(arguments);
    if (!line)
        return context.usageError(line.error().message());
    const auto printGlobalHelp = [&out] {
        out << globalHelp();
        out.flush();
        return cli::kExitSuccess;
    };
    if (line->help)
        return printGlobalHelp();
    if (line->version) {
        out << "aicp " << AICP_VERSION << '\n';
        out.flush();
        return cli::kExitSuccess;
    }
    context.globalDbPath = line->dbPath;

    QStringList rest = line->rest;
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
    const TopLevel* command = takeCommand(name, rest);
    if (!command)
        return context.usageError(
            QStringLiteral("unknown command '%1' (one of: %2). Try 'aicp --help'.")
                .arg(name, commandNames()));
    const int status = command->group ? command->group().run(context, rest)
                                      : command->command().run(context, rest);
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

#include "cli/clicommands.h"
#include "customers/customer.h"
#include "demo/demodefinition.h"
#include "demo/demoworkspace.h"

#include <QDir>

namespace aicp::cli {

int runDemoCommand(const CliContext& context, const QStringList& arguments) {
    CommandHelp help;
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("The new workspace file (same as the global --db)."),
                                QStringLiteral("FILE"));
    help.usage = {QStringLiteral("demo [--db FILE]"), QStringLiteral("--db FILE demo")};
    help.summary = QStringLiteral(
        "Creates the deterministic demo workspace: the same file contents every time, the one "
        "the console opens on a first start. Refuses a file that already exists.");
    help.options = {db, helpOption()};
    help.details = QStringLiteral(
        "The demo's signing key is protected by a published passphrase, printed when the "
        "workspace is made, so licenses can be issued and verified with it.\n\n"
        "Exit status: 0 created, 1 the file exists or could not be written, 2 a mistake in the "
        "command line.");

    QCommandLineParser parser;
    if (auto finished = parseOrFinish(context, parser, help, QStringLiteral("demo"), arguments, 0))
        return *finished;
    auto dbValue = singleValue(parser, db);
    if (!dbValue)
        return context.usageError(QStringLiteral("demo: ") + dbValue.error().message());
    if (parser.isSet(db) && dbValue->isEmpty())
        return context.usageError(QStringLiteral("demo: --db needs a file name"));
    auto path = context.workspacePath(*dbValue);
    if (!path)
        return context.reportError(path.error().withContext(QStringLiteral("demo")));

    const Status created = createDemoWorkspace(*path);
    if (!created.ok())
        return context.failure(created.error());

    // Read back what was made, so the message reports the file as it is.
    auto workspace = Workspace::open(*path, Workspace::OpenMode::OpenExisting);
    if (!workspace)
        return context.failure(workspace.error());
    auto customers = CustomerStore(**workspace).list();
    if (!customers)
        return context.failure(customers.error());
    context.out << QStringLiteral("Created the demo workspace %1 with %2 customers.\n")
                       .arg(QDir::toNativeSeparators(*path))
                       .arg(customers->size());
    // The demo's signing key is protected by a published passphrase, so
    // anyone trying the demo can issue licenses with it.
    auto definition = DemoDefinition::loadDefault();
    if (definition && !definition->passphrase.isEmpty()) {
        QString shown = QDir::toNativeSeparators(*path);
        if (shown.contains(u' ') || shown.contains(u'\'') || shown.contains(u'"'))
            shown = u'"' + shown + u'"';
        context.out << QStringLiteral(
                           "The demo signing key's passphrase is '%1'. Try:\n"
                           "  AICP_KEY_PASSPHRASE=%1 aicp --db %2 license issue --customer "
                           "demo-trial --name \"Demo Trial\" --tier starter\n")
                           .arg(definition->passphrase, shown);
    }
    return kExitSuccess;
}

}  // namespace aicp::cli

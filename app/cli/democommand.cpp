#include "cli/clicommands.h"
#include "customers/customer.h"
#include "demo/demodefinition.h"
#include "demo/demoworkspace.h"

#include <QDir>

namespace aicp::cli {

namespace {

class DemoCommand final : public Command {
public:
    DemoCommand() : Command(QStringLiteral("demo")) { ownOptions_ = {db_}; }

private:
    const QCommandLineOption db_{
        QStringLiteral("db"), QStringLiteral("The new workspace file (same as the global --db)."),
        QStringLiteral("FILE")};

    int execute(Invocation& call) const override;
};

int DemoCommand::execute(Invocation& call) const {
    AICP_CLI_TRY(dbValue, singleValue(call.parser(), db_), fail);
    if (call.isSet(db_) && dbValue->isEmpty())
        return call.usage(QStringLiteral("--db needs a file name"));
    AICP_CLI_TRY(path, call.context().workspacePath(*dbValue), fail);

    const Status created = createDemoWorkspace(*path);
    if (!created.ok())
        return call.context().failure(created.error());

    // Read back what was made, so the message reports the file as it is.
    auto workspace = Workspace::open(*path, Workspace::OpenMode::OpenExisting);
    if (!workspace)
        return call.context().failure(workspace.error());
    auto customers = CustomerStore(**workspace).list();
    if (!customers)
        return call.context().failure(customers.error());
    call.out() << QStringLiteral("Created the demo workspace %1 with %2 customers.\n")
                      .arg(QDir::toNativeSeparators(*path))
                      .arg(customers->size());
    // The demo's signing key is protected by a published passphrase, so
    // anyone trying the demo can issue licenses with it.
    auto definition = DemoDefinition::loadDefault();
    if (definition && !definition->passphrase.isEmpty()) {
        QString shown = QDir::toNativeSeparators(*path);
        if (shown.contains(u' ') || shown.contains(u'\'') || shown.contains(u'"'))
            shown = u'"' + shown + u'"';
        call.out() << QStringLiteral(
                          "The demo signing key's passphrase is '%1'. Try:\n"
                          "  AICP_KEY_PASSPHRASE=%1 aicp --db %2 license issue --customer "
                          "demo-trial --name \"Demo Trial\" --tier starter\n")
                          .arg(definition->passphrase, shown);
    }
    return kExitSuccess;
}

}  // namespace

const Command& demoCommand() {
    static const DemoCommand command;
    return command;
}

}  // namespace aicp::cli

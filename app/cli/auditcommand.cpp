#include "audit/auditlog.h"
#include "cli/clicommands.h"
#include "cli/licensingtext.h"
#include "common/texttable.h"

namespace aicp::cli {
namespace {

QJsonObject entryJson(const AuditEntry& entry) {
    return {{QStringLiteral("sequence"), static_cast<double>(entry.sequence)},
            {QStringLiteral("at"), timeJson(entry.at)},
            {QStringLiteral("actor"), entry.actor},
            {QStringLiteral("action"), entry.action},
            {QStringLiteral("subject"), entry.subject},
            {QStringLiteral("details"), entry.details},
            {QStringLiteral("previous_hash"), QString::fromLatin1(entry.previousHash)},
            {QStringLiteral("hash"), QString::fromLatin1(entry.hash)}};
}

class AuditVerifyCommand final : public Command {
public:
    AuditVerifyCommand()
        : Command(QStringLiteral("audit verify"),
                  QStringLiteral("Check the audit log's hash chain")) {
        CommandHelp help;
        help.usage = {QStringLiteral("[--db FILE] audit verify [--json]")};
        help.summary = QStringLiteral(
            "Checks the audit log's hash chain from the first entry to the last: every entry must "
            "carry the hash of the one before and a hash of its own fields. An entry edited, "
            "removed "
            "or reordered after it was recorded breaks the chain; the first entry that no longer "
            "fits is named. The first line is 'intact' or 'broken'.");
        help.options = {json};
        help.details = QStringLiteral(
            "JSON: {\"intact\" (true or false), \"entries_checked\", \"first_bad_entry\" (its "
            "sequence number, or null), \"reason\" (empty when intact)}.\n\n"
            "Exit status: 0 the chain is intact, 1 it is broken (or the workspace could not be "
            "read), 2 a mistake in the command line.");
        describe(help);
        workspaceUse_ = WorkspaceUse::Existing;
    }

private:
    const QCommandLineOption json = jsonOption(QStringLiteral("the outcome"));

    int execute(Invocation& call) const override;
};

int AuditVerifyCommand::execute(Invocation& call) const {
    const CliContext& context = call.context();
    const QString& command = name();
    auto verification =
        call.read([](Workspace& workspace) { return AuditLog(workspace).verify(); });
    if (!verification)
        return call.failure(verification.error());
    if (call.isSet(json)) {
        call.out() << printedJson(
            {{QStringLiteral("intact"), verification->isIntact()},
             {QStringLiteral("entries_checked"), static_cast<double>(verification->entriesChecked)},
             {QStringLiteral("first_bad_entry"), countOrNull(verification->firstBadSequence)},
             {QStringLiteral("reason"), verification->reason}});
    } else if (verification->isIntact()) {
        call.out() << QStringLiteral("intact\n%1 entries checked; the chain is unbroken.\n")
                          .arg(verification->entriesChecked);
    } else {
        call.out() << QStringLiteral("broken\nFirst bad entry: %1\n%2\n")
                          .arg(*verification->firstBadSequence)
                          .arg(verification->reason);
    }
    if (verification->isIntact())
        return kExitSuccess;
    call.out().flush();
    return context.failure(QStringLiteral("%1: the audit log is broken at entry %2: %3")
                               .arg(command)
                               .arg(*verification->firstBadSequence)
                               .arg(verification->reason));
}

class AuditListCommand final : public Command {
public:
    AuditListCommand()
        : Command(QStringLiteral("audit list"), QStringLiteral("List the audit log's entries")) {
        CommandHelp help;
        help.usage = {QStringLiteral("[--db FILE] audit list [--json]")};
        help.summary = QStringLiteral(
            "Lists the audit log, oldest first: every license issued, renewed, upgraded or "
            "revoked and every key generated, rotated or imported, with who and when. It does "
            "not check the chain; 'aicp audit verify' does.");
        help.options = {json};
        help.details = QStringLiteral(
            "JSON: {\"entries\": [{\"sequence\", \"at\", \"actor\", \"action\", \"subject\", "
            "\"details\" (an object), \"previous_hash\", \"hash\"}, …]}.\n\n"
            "Exit status: 0 listed, 1 the workspace could not be read, 2 a mistake in the command "
            "line.");
        describe(help);
        workspaceUse_ = WorkspaceUse::Existing;
    }

private:
    const QCommandLineOption json = jsonOption(QStringLiteral("the entries"));

    int execute(Invocation& call) const override;
};

int AuditListCommand::execute(Invocation& call) const {
    auto entries = call.read([](Workspace& workspace) { return AuditLog(workspace).entries(); });
    if (!entries)
        return call.failure(entries.error());
    return printListing(
        call, call.isSet(json), QStringLiteral("entries"), *entries, entryJson,
        QStringLiteral("The audit log is empty.\n"),
        TextTable({QStringLiteral("SEQ"), QStringLiteral("AT"), QStringLiteral("ACTOR"),
                   QStringLiteral("ACTION"), QStringLiteral("SUBJECT")},
                  {TextTable::Align::Right}),
        [](const AuditEntry& entry) {
            return QStringList{QString::number(entry.sequence), timeJson(entry.at).toString(),
                               entry.actor, entry.action, entry.subject};
        });
}

}  // namespace

const CommandGroup& auditCommands() {
    static const AuditVerifyCommand cVerify;
    static const AuditListCommand cList;
    static const CommandGroup group{
        QStringLiteral("audit"),
        QStringLiteral("Reads and checks the workspace's tamper-evident audit "
                       "log."),
        {&cVerify, &cList}};
    return group;
}

}  // namespace aicp::cli

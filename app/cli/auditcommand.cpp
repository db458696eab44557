#include "audit/auditlog.h"
#include "cli/clicommands.h"
#include "cli/licensingtext.h"
#include "common/jsonfields.h"
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

int verifyAudit(Invocation& call) {
    auto verification =
        call.read([](Workspace& workspace) { return AuditLog(workspace).verify(); });
    if (!verification)
        return call.failure(verification.error());
    if (call.asJson()) {
        call.out() << printedJson(
            {{QStringLiteral("intact"), verification->isIntact()},
             {QStringLiteral("entries_checked"), static_cast<double>(verification->entriesChecked)},
             {QStringLiteral("first_bad_entry"), jsonCountOrNull(verification->firstBadSequence)},
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
    return call.failure(QStringLiteral("the audit log is broken at entry %1: %2")
                            .arg(*verification->firstBadSequence)
                            .arg(verification->reason));
}

int listAudit(Invocation& call) {
    auto entries = call.read([](Workspace& workspace) { return AuditLog(workspace).entries(); });
    if (!entries)
        return call.failure(entries.error());
    return printListing(
        call, QStringLiteral("entries"), *entries, entryJson,
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
    static const PlainCommand cVerify(QStringLiteral("audit verify"), &verifyAudit);
    static const PlainCommand cList(QStringLiteral("audit list"), &listAudit);
    static const CommandGroup group{
        QStringLiteral("audit"),
        QStringLiteral("Reads and checks the workspace's tamper-evident audit "
                       "log."),
        {&cVerify, &cList}};
    return group;
}

}  // namespace aicp::cli

#include "cli/clicommands.h"
#include "cli/licensingtext.h"
#include "common/texttable.h"
#include "licensing/licensefile.h"
#include "licensing/licenseregistry.h"

namespace aicp::cli {
namespace {

const QStringList kStates = [] {
    QStringList words;
    for (const LicenseState state : kLicenseStates)
        words << word(state);
    return words;
}();

const QString kRecordJsonShape = QStringLiteral(
    "{\"id\", \"customer\" {id, name}, \"tier\", \"state\" (active, in-grace, expired, "
    "not-yet-valid, revoked or superseded, now), \"issued_at\", \"issued_by\", \"not_before\", "
    "\"expires_at\", \"grace_ends_at\", \"kid\", \"supersedes\", \"superseded_by\" (ids or "
    "null), \"revocation\" ({at, by, reason} or null)}");

class LicenseListCommand final : public Command {
public:
    LicenseListCommand() : Command(QStringLiteral("license list")) {
        ownOptions_ = {customer, state};
    }

private:
    const QCommandLineOption customer =
        QCommandLineOption(QStringLiteral("customer"),
                           QStringLiteral("Only this customer's licenses."), QStringLiteral("ID"));
    const QCommandLineOption state = QCommandLineOption(
        QStringLiteral("status"),
        QStringLiteral("Only licenses in this state now: %1.").arg(kStates.join(u", ")),
        QStringLiteral("S"));

    int execute(Invocation& call) const override;
};

int LicenseListCommand::execute(Invocation& call) const {
    AICP_CLI_TRY(customerId, call.value(customer), fail);
    AICP_CLI_TRY(stateWanted, call.value(state), fail);
    const auto wanted = fromWord<LicenseState>(stateWanted->trimmed());
    if (call.isSet(state) && !wanted)
        return call.usage(QStringLiteral("unknown --status '%1' (one of: %2)")
                              .arg(*stateWanted, kStates.join(u", ")));
    auto records =
        call.read([](Workspace& workspace) { return LicenseRegistry(workspace).list(); });
    if (!records)
        return call.failure(records.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::vector<const LicenseRecord*> shown;
    for (const LicenseRecord& record : *records) {
        if (call.isSet(customer) && record.license.customerId != customerId->trimmed())
            continue;
        if (call.isSet(state) && record.stateAt(now) != wanted)
            continue;
        shown.push_back(&record);
    }
    if (call.asJson()) {
        call.out() << printedJsonList(
            QStringLiteral("licenses"), shown,
            [&](const LicenseRecord* record) { return licenseRecordJson(*record, now); });
        return kExitSuccess;
    }
    if (shown.empty()) {
        call.out() << (records->empty() ? "No licenses yet.\n" : "No license matches.\n");
        return kExitSuccess;
    }
    TextTable table({QStringLiteral("ID"), QStringLiteral("CUSTOMER"), QStringLiteral("TIER"),
                     QStringLiteral("STATE"), QStringLiteral("EXPIRES")});
    for (const LicenseRecord* record : shown)
        table.addRow({shortIdText(record->license.id), record->license.customerId,
                      record->license.tier, word(record->stateAt(now)),
                      record->license.expiresAt.date().toString(Qt::ISODate)});
    call.out() << table.render();
    return kExitSuccess;
}

class LicenseShowCommand final : public Command {
public:
    LicenseShowCommand() : Command(QStringLiteral("license show")) { ownOptions_ = {output}; }

private:
    const QCommandLineOption output =
        outputOption(QStringLiteral("Also write the license file to FILE again."));

    int execute(Invocation& call) const override;
};

int LicenseShowCommand::execute(Invocation& call) const {
    AICP_CLI_TRY(id, call.argument(QStringLiteral("license id")), fail);
    AICP_CLI_TRY(outputPath, call.value(output), fail);
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(record, LicenseRegistry(**workspace).findByPrefix(*id), fail);
    if (!outputPath->isEmpty()) {
        const Status written =
            writeOutputFile(*outputPath, licenseFileText(record->key, record->license));
        if (!written.ok())
            return call.failure(written.error());
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (call.asJson()) {
        QJsonObject object = licenseRecordJson(*record, now);
        object.insert(QStringLiteral("key"), QString::fromLatin1(record->key));
        object.insert(QStringLiteral("license"), licenseJson(record->license));
        call.out() << printedJson(object);
        return kExitSuccess;
    }
    LabelledRows rows{{QStringLiteral("State"), word(record->stateAt(now))}};
    const LabelledRows details = licenseDetailRows(record->license);
    rows.insert(rows.end(), details.begin(), details.end());
    rows.emplace_back(QStringLiteral("Issued by"), record->issuedBy);
    if (record->supersededBy)
        rows.emplace_back(QStringLiteral("Superseded by"), idText(*record->supersededBy));
    if (record->revocation)
        rows.emplace_back(QStringLiteral("Revoked"),
                          QStringLiteral("%1 by %2: %3")
                              .arg(toRfc3339(record->revocation->at), record->revocation->by,
                                   record->revocation->reason));
    rows.emplace_back(QStringLiteral("Key"), QString::fromLatin1(record->key));
    call.out() << labelledLines(rows);
    return kExitSuccess;
}

}  // namespace

const Command& licenseListCommand() {
    static const LicenseListCommand command;
    return command;
}

const Command& licenseShowCommand() {
    static const LicenseShowCommand command;
    return command;
}

}  // namespace aicp::cli

#include "cli/clicommands.h"
#include "cli/licensingtext.h"
#include "cli/passphrase.h"
#include "common/texttable.h"
#include "licensing/activationfile.h"
#include "licensing/activationregistry.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"

#include <QDir>
#include <QSaveFile>

namespace aicp::cli {
namespace {

// "3 of 10 instances in use" or "3 instances in use (unlimited)".
QString inUseText(std::int64_t inUse, const std::optional<std::int64_t>& limit) {
    if (!limit)
        return QStringLiteral("%1 in use (the license's instances are unlimited)")
            .arg(inUse == 1 ? QStringLiteral("1 instance")
                            : QStringLiteral("%1 instances").arg(inUse));
    return QStringLiteral("%1 of %2 instances in use").arg(inUse).arg(*limit);
}

class ActivationIssueCommand final : public Command {
public:
    ActivationIssueCommand() : Command(QStringLiteral("activation issue")) {
        ownOptions_ = {license_, fingerprint_, hostname_, days_, output_};
    }

private:
    const QCommandLineOption license_{QStringLiteral("license"),
                                      QStringLiteral("The license (its id or first 8 characters)."),
                                      QStringLiteral("ID")};
    const QCommandLineOption fingerprint_{
        QStringLiteral("fingerprint"),
        QStringLiteral("The machine's fingerprint, as its gateway reports it."),
        QStringLiteral("F")};
    const QCommandLineOption hostname_{QStringLiteral("hostname"),
                                       QStringLiteral("The machine's name, for people."),
                                       QStringLiteral("H")};
    const QCommandLineOption days_{
        QStringLiteral("days"),
        QStringLiteral("How long the file is valid (1 to 3660; never past the license's end)."),
        QStringLiteral("N")};
    const QCommandLineOption output_ = outputOption(
        QStringLiteral("Write the activation file to FILE. Default: standard output."));

    int execute(Invocation& call) const override;
};

int ActivationIssueCommand::execute(Invocation& call) const {
    AICP_CLI_TRY(license, call.requiredValue(license_, QStringLiteral("--license ID")), fail);
    AICP_CLI_TRY(fingerprint, call.requiredValue(fingerprint_, QStringLiteral("--fingerprint F")),
                 fail);
    AICP_CLI_TRY(hostname, call.value(hostname_), fail);
    AICP_CLI_TRY(daysText, call.requiredValue(days_, QStringLiteral("--days N")), fail);
    AICP_CLI_TRY(outputPath, call.value(output_), fail);
    if (auto path = call.value(passphraseFileOption()); !path)
        return call.fail(path.error());
    bool isNumber = false;
    const qint64 days = daysText->toLongLong(&isNumber);
    if (!isNumber || days < 1 || days > ActivationRegistry::kMaxDays)
        return call.usage(QStringLiteral("--days must be a whole number from 1 to %1, not '%2'")
                              .arg(ActivationRegistry::kMaxDays)
                              .arg(*daysText));
    const ActivationRequest request{*fingerprint, *hostname, days};
    if (const Status checked = checkFingerprint(request.fingerprint); !checked.ok())
        return call.fail(checked.error());
    if (const Status checked = checkHostname(request.hostname); !checked.ok())
        return call.fail(checked.error());
    if (const Status vendor = call.vendorOnly(QStringLiteral("only the vendor activates licenses"));
        !vendor.ok())
        return call.failure(vendor.error());
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    // The license and the -o file are checked before the passphrase is asked for.
    AICP_CLI_TRY(record, LicenseRegistry(**workspace).findByPrefix(*license), fail);
    std::unique_ptr<QSaveFile> file;
    if (!outputPath->isEmpty() && *outputPath != QLatin1String("-")) {
        file = std::make_unique<QSaveFile>(*outputPath);
        if (!file->open(QIODevice::WriteOnly))
            return call.failure(
                QStringLiteral("cannot write '%1' (%2)")
                    .arg(QDir::toNativeSeparators(*outputPath), file->errorString()));
    }
    AICP_CLI_TRY(passphrase, call.passphrase(PassphraseUse::Unlock), fail);
    AICP_CLI_TRY(granted,
                 ActivationRegistry(**workspace)
                     .activate(idText(record->license.id), request, passphrase->view()),
                 fail);
    if (granted->outcome == ActivationGrant::Outcome::LimitReached)
        return call.failure(granted->limitError());
    const QByteArray line = granted->file + '\n';
    if (file && (file->write(line) != line.size() || !file->commit()))
        return call.failure(
            QStringLiteral("activation %1 was made, but '%2' could not be written (%3); run the "
                           "same command again for a fresh file")
                .arg(idText(granted->record.id), QDir::toNativeSeparators(*outputPath),
                     file->errorString()));
    const ActivationRecord& made = granted->record;
    if (call.asJson())
        return call.print(printedJson({{QStringLiteral("activation_id"), idText(made.id)},
                                       {QStringLiteral("file"), QString::fromLatin1(granted->file)},
                                       {QStringLiteral("expires_at"), timeJson(made.expiresAt)}}));
    if (!file)
        call.out() << line;
    QTextStream& report = file ? call.out() : call.err();
    report << QStringLiteral("%1 activation %2 of license %3 for machine %4 until %5; %6.%7\n")
                  .arg(granted->outcome == ActivationGrant::Outcome::Created
                           ? QStringLiteral("Made")
                           : QStringLiteral("Renewed"),
                       shortIdText(made.id), shortIdText(made.licenseId), made.fingerprint,
                       toRfc3339(made.expiresAt), inUseText(granted->inUse, granted->limit),
                       file
                           ? QStringLiteral(" Wrote %1.").arg(QDir::toNativeSeparators(*outputPath))
                           : QString());
    return kExitSuccess;
}

class ActivationVerifyCommand final : public Command {
public:
    ActivationVerifyCommand() : Command(QStringLiteral("activation verify")) {
        ownOptions_ = {fingerprint_, publicKey_};
    }

private:
    const QCommandLineOption fingerprint_{
        QStringLiteral("fingerprint"),
        QStringLiteral("This machine's fingerprint: the file must have been given to it."),
        QStringLiteral("F")};
    const QCommandLineOption publicKey_{
        QStringLiteral("public-key"),
        QStringLiteral("Trust this public key (PEM file); may be given several times. Default: "
                       "the workspace's keys."),
        QStringLiteral("PEM")};

    int execute(Invocation& call) const override;
};

int ActivationVerifyCommand::execute(Invocation& call) const {
    AICP_CLI_TRY(path, call.argument(QStringLiteral("activation FILE")), fail);
    AICP_CLI_TRY(fingerprint, call.requiredValue(fingerprint_, QStringLiteral("--fingerprint F")),
                 fail);
    AICP_CLI_TRY(text, readInputFile(*path, kMaxLicenseInput), fail);
    AICP_CLI_TRY(ring, givenPublicKeys(call.parser().values(publicKey_)), fail);
    if (ring->isEmpty()) {
        Workspace* workspace = nullptr;
        if (call.context().workspaceExists()) {
            AICP_CLI_TRY(opened, call.workspace(), failure);
            workspace = *opened;
        }
        AICP_CLI_TRY(trusted, workspacePublicKeys(workspace), fail);
        ring = std::move(trusted);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const ActivationVerification outcome = verifyActivation(*text, *fingerprint, *ring, now);
    const QString status = word(outcome.status);
    if (call.asJson()) {
        QJsonValue activation(QJsonValue::Null);
        if (const auto& a = outcome.activation)
            activation = QJsonObject{{QStringLiteral("activation_id"), idText(a->id)},
                                     {QStringLiteral("license_id"), idText(a->licenseId)},
                                     {QStringLiteral("kid"), a->kid},
                                     {QStringLiteral("fingerprint"), a->fingerprint},
                                     {QStringLiteral("hostname"), a->hostname},
                                     {QStringLiteral("issued_at"), timeJson(a->issuedAt)},
                                     {QStringLiteral("expires_at"), timeJson(a->expiresAt)}};
        call.out() << printedJson({{QStringLiteral("status"), status},
                                   {QStringLiteral("usable"), outcome.isUsable()},
                                   {QStringLiteral("reason"), outcome.reason},
                                   {QStringLiteral("checked_at"), toRfc3339(now)},
                                   {QStringLiteral("activation"), activation}});
    } else {
        LabelledRows rows{{QStringLiteral("Reason"), outcome.reason}};
        if (const auto& a = outcome.activation) {
            rows.emplace_back(QStringLiteral("Activation"), idText(a->id));
            rows.emplace_back(QStringLiteral("License"), idText(a->licenseId));
            rows.emplace_back(QStringLiteral("Machine"), a->fingerprint);
            rows.emplace_back(QStringLiteral("Hostname"), orDash(a->hostname));
            rows.emplace_back(QStringLiteral("Issued"), toRfc3339(a->issuedAt));
            rows.emplace_back(QStringLiteral("Expires"), toRfc3339(a->expiresAt));
            rows.emplace_back(QStringLiteral("Signing key"), a->kid);
        }
        call.out() << status << '\n' << labelledLines(rows);
    }
    if (outcome.isUsable())
        return kExitSuccess;
    call.out().flush();
    return call.failure(Error(Error::Code::Crypto,
                              QStringLiteral("not usable (%1): %2").arg(status, outcome.reason)));
}

class ActivationListCommand final : public Command {
public:
    ActivationListCommand() : Command(QStringLiteral("activation list")) {
        ownOptions_ = {license_};
    }

private:
    const QCommandLineOption license_{QStringLiteral("license"),
                                      QStringLiteral("The license (its id or first 8 characters)."),
                                      QStringLiteral("ID")};

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(license, call.requiredValue(license_, QStringLiteral("--license ID")), fail);
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(record, LicenseRegistry(**workspace).findByPrefix(*license), fail);
        const ActivationRegistry registry(**workspace);
        AICP_CLI_TRY(activations, registry.list(record->license.id), failure);
        AICP_CLI_TRY(inUse, registry.activeCount(record->license.id), failure);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto toJson = [&now](const ActivationRecord& a) { return activationToJson(a, now); };
        if (call.asJson())
            return call.print(printedJsonList(QStringLiteral("activations"), *activations, toJson));
        const QString summary = QStringLiteral("License %1: %2.\n")
                                    .arg(shortIdText(record->license.id),
                                         inUseText(*inUse, record->license.activation.instances));
        if (activations->empty())
            return call.print(summary + QStringLiteral("No machine was ever activated.\n"));
        TextTable table({QStringLiteral("ID"), QStringLiteral("STATE"),
                         QStringLiteral("FINGERPRINT"), QStringLiteral("HOSTNAME"),
                         QStringLiteral("LAST HEARTBEAT"), QStringLiteral("EXPIRES")});
        for (const ActivationRecord& a : *activations)
            table.addRow({shortIdText(a.id), word(a.stateAt(now)), a.fingerprint,
                          orDash(a.hostname), toRfc3339(a.lastHeartbeat),
                          toRfc3339(a.releasedAt.value_or(a.expiresAt))});
        return call.print(summary + table.render());
    }
};

int releaseActivation(Invocation& call) {
    AICP_CLI_TRY(id, call.argument(QStringLiteral("activation ID")), fail);
    if (const Status vendor =
            call.vendorOnly(QStringLiteral("only the vendor releases activations"));
        !vendor.ok())
        return call.failure(vendor.error());
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    ActivationRegistry registry(**workspace);
    AICP_CLI_TRY(released, registry.release(*id), fail);
    AICP_CLI_TRY(license, LicenseRegistry(**workspace).find(released->licenseId), failure);
    AICP_CLI_TRY(inUse, registry.activeCount(released->licenseId), failure);
    return call.print(
        activationToJson(*released, QDateTime::currentDateTimeUtc()),
        QStringLiteral("Released activation %1 of license %2 (machine %3); %4.\n")
            .arg(shortIdText(released->id), shortIdText(released->licenseId), released->fingerprint,
                 inUseText(*inUse, license->license.activation.instances)));
}

}  // namespace

const CommandGroup& activationCommands() {
    static const ActivationIssueCommand cIssue;
    static const ActivationVerifyCommand cVerify;
    static const ActivationListCommand cList;
    static const PlainCommand cRelease(QStringLiteral("activation release"), &releaseActivation);
    static const CommandGroup group{
        QStringLiteral("activation"),
        QStringLiteral("Activates a license on a machine without a network (a signed file), "
                       "verifies such a file, lists a license's machines and releases one."),
        {&cIssue, &cVerify, &cList, &cRelease}};
    return group;
}

}  // namespace aicp::cli

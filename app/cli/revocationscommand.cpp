#include "cli/clicommands.h"
#include "cli/licensingtext.h"
#include "cli/passphrase.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "licensing/revocationlist.h"

#include <QDir>
#include <QJsonArray>

namespace aicp::cli {
namespace {

class RevocationsExportCommand final : public Command {
public:
    RevocationsExportCommand() : Command(QStringLiteral("revocations export")) {
        ownOptions_ = {output};
    }

private:
    const QCommandLineOption output =
        outputOption(QStringLiteral("Write the list to FILE. Default: standard output."));

    int execute(Invocation& call) const override;
};

int RevocationsExportCommand::execute(Invocation& call) const {
    AICP_CLI_TRY(outputPath, call.value(output), fail);
    AICP_CLI_TRY(passphrasePath, call.value(passphraseFileOption()), fail);
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    LicenseRegistry registry(**workspace);
    auto token = registry.latestPublishedRevocationList();
    if (!token && token.error().code() == Error::Code::NotFound) {
        if (const Status vendor = call.vendorOnly(
                QStringLiteral("only the vendor publishes revocation lists; load the vendor's "
                               "with 'aicp revocations import FILE'"));
            !vendor.ok())
            return call.failure(vendor.error());
        auto signingKey = KeyStore(**workspace).find();
        if (!signingKey)
            return call.failure(
                QStringLiteral("no revocation list was published yet and the workspace has "
                               "no signing key to sign one"));
        AICP_CLI_TRY(passphrase, readPassphrase(*passphrasePath, PassphraseUse::Unlock, call.err()),
                     fail);
        token = registry.currentRevocationList(passphrase->view());
    }
    if (!token)
        return call.fail(token.error());

    const QByteArray line = token->trimmed() + '\n';
    if (auto finished = printOrWriteFile(call.context(), name(), *outputPath, line))
        return *finished;
    // Read back through the verifier, so the message describes what was written.
    auto ring = KeyStore(**workspace).publicKeyRing();
    AICP_CLI_TRY(
        list, ring ? RevocationList::verify(*token, *ring) : Result<RevocationList>(ring.error()),
        failure);
    call.out() << QStringLiteral("Wrote revocation list %1 (%2 revoked) to %3.\n")
                      .arg(list->sequence)
                      .arg(list->revoked.size())
                      .arg(QDir::toNativeSeparators(*outputPath));
    return kExitSuccess;
}

QJsonObject importJson(const RevocationImport& loaded) {
    QJsonArray revoked;
    for (const QUuid& id : loaded.newlyRevoked)
        revoked.append(idText(id));
    return {{QStringLiteral("sequence"), static_cast<qint64>(loaded.sequence)},
            {QStringLiteral("listed"), static_cast<qint64>(loaded.listed)},
            {QStringLiteral("newly_revoked"), revoked},
            {QStringLiteral("already_known"), loaded.alreadyKnown}};
}

QString importText(const RevocationImport& loaded) {
    QString text = QStringLiteral("Loaded revocation list %1 (%2 revoked)")
                       .arg(loaded.sequence)
                       .arg(loaded.listed);
    if (loaded.alreadyKnown)
        text += QStringLiteral(", which was loaded before");
    if (loaded.newlyRevoked.empty())
        return text + QStringLiteral("; no license held here is newly revoked.\n");
    QStringList ids;
    for (const QUuid& id : loaded.newlyRevoked)
        ids.append(idText(id));
    return text +
           QStringLiteral("; %1 %2 held here %3 now revoked: %4\n")
               .arg(loaded.newlyRevoked.size())
               .arg(loaded.newlyRevoked.size() == 1 ? QStringLiteral("license")
                                                    : QStringLiteral("licenses"),
                    loaded.newlyRevoked.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"),
                    ids.join(QStringLiteral(", ")));
}

int importRevocations(Invocation& call) {
    AICP_CLI_TRY(path, call.argument(QStringLiteral("revocation list FILE")), fail);
    AICP_CLI_TRY(token, readInputFile(*path, RevocationList::kMaxTokenSize), fail);
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(loaded, LicenseRegistry(**workspace).importRevocationList(*token), failure);
    return call.print(importJson(*loaded), importText(*loaded));
}

}  // namespace

const CommandGroup& revocationsCommands() {
    static const RevocationsExportCommand cExport;
    static const PlainCommand cImport(QStringLiteral("revocations import"), &importRevocations);
    static const CommandGroup group{
        QStringLiteral("revocations"),
        QStringLiteral("Hands out the signed list of revoked licenses, or loads the vendor's."),
        {&cExport, &cImport}};
    return group;
}

}  // namespace aicp::cli

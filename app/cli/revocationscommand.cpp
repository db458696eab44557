#include "cli/clicommands.h"
#include "cli/licensingtext.h"
#include "cli/passphrase.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "licensing/revocationlist.h"

#include <QDir>

namespace aicp::cli {
namespace {

class RevocationsExportCommand final : public Command {
public:
    RevocationsExportCommand()
        : Command(QStringLiteral("revocations export"),
                  QStringLiteral("Write the newest signed revocation list for verifiers")) {
        ownOptions_ = {output, passphraseFile};
        workspaceUse_ = WorkspaceUse::Existing;
    }

private:
    const QCommandLineOption output =
        outputOption(QStringLiteral("Write the list to FILE. Default: standard output."));
    const QCommandLineOption passphraseFile = passphraseFileOption();

    int execute(Invocation& call) const override;
};

int RevocationsExportCommand::execute(Invocation& call) const {
    const CliContext& context = call.context();
    const QString& command = name();
    AICP_CLI_TRY(outputPath, call.value(output), fail);
    AICP_CLI_TRY(passphrasePath, call.value(passphraseFile), fail);
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    LicenseRegistry registry(**workspace);
    auto token = registry.latestPublishedRevocationList();
    if (!token && token.error().code() == Error::Code::NotFound) {
        auto signingKey = KeyStore(**workspace).find();
        if (!signingKey)
            return context.failure(
                QStringLiteral("%1: no revocation list was published yet and the workspace has "
                               "no signing key to sign one")
                    .arg(command));
        AICP_CLI_TRY(passphrase, readPassphrase(*passphrasePath, PassphraseUse::Unlock, call.err()),
                     fail);
        token = registry.currentRevocationList(passphrase->view());
    }
    if (!token)
        return call.fail(token.error());

    const QByteArray line = token->trimmed() + '\n';
    if (auto finished = printOrWriteFile(context, command, *outputPath, line))
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

}  // namespace

const CommandGroup& revocationsCommands() {
    static const RevocationsExportCommand cExport;
    static const CommandGroup group{
        QStringLiteral("revocations"),
        QStringLiteral("Hands out the signed list of revoked licenses."),
        {&cExport}};
    return group;
}

}  // namespace aicp::cli

#include "audit/auditedsettings.h"
#include "cli/clicommands.h"
#include "cli/licensingtext.h"
#include "cli/passphrase.h"
#include "common/texttable.h"
#include "licensing/keystore.h"

#include <QDir>

namespace aicp::cli {
namespace {

QJsonObject keyJson(const SigningKeyInfo& key) {
    return {{QStringLiteral("kid"), key.kid},
            {QStringLiteral("state"), key.stateWord()},
            {QStringLiteral("has_private_key"), key.hasPrivateKey},
            {QStringLiteral("created_at"), timeJson(key.createdAt)},
            {QStringLiteral("retired_at"), timeJson(key.retiredAt)},
            {QStringLiteral("public_key_pem"), QString::fromLatin1(key.publicKeyPem)}};
}

// generate and rotate differ only in the store call and the message.
class AddKeyCommand final : public Command {
public:
    explicit AddKeyCommand(bool rotating)
        : Command(rotating ? QStringLiteral("keys rotate") : QStringLiteral("keys generate")),
          rotating_(rotating) {}

private:
    bool rotating_;

    // The key being replaced (rotate) or none (generate). A key that exists
    // already is refused before a passphrase is asked for nothing, and a
    // missing passphrase leaves no new empty workspace behind.
    Result<std::optional<SigningKeyInfo>> previousKey(Invocation& call) const {
        if (!rotating_ && !call.context().workspaceExists())
            return std::optional<SigningKeyInfo>();
        AICP_TRY(
            call.vendorOnly(QStringLiteral("only the vendor signs, so it holds public keys "
                                           "only; trust the vendor's with 'aicp keys "
                                           "import-public PEM'")));
        auto workspace = call.workspace();
        if (!workspace)
            return workspace.error();
        auto current = KeyStore(**workspace).find();
        if (rotating_ && !current)
            return current.error();
        if (rotating_)
            return std::optional<SigningKeyInfo>(*current);
        if (current)
            return Error(Error::Code::Conflict,
                         QStringLiteral("the workspace already has signing key %1; use 'aicp "
                                        "keys rotate' to replace it")
                             .arg(current->kid));
        return std::optional<SigningKeyInfo>();
    }

    int print(Invocation& call, const SigningKeyInfo& made,
              const std::optional<SigningKeyInfo>& previous) const {
        if (call.asJson()) {
            QJsonObject object = keyJson(made);
            if (previous)
                object.insert(QStringLiteral("retired_kid"), previous->kid);
            return call.print(printedJson(object));
        }
        if (previous)
            return call.print(
                QStringLiteral(
                    "New signing key %1; key %2 is retired and keeps verifying what it "
                    "signed.\nGive customers the new public key as well (licenses signed "
                    "before still need the old one): aicp keys export-public -o "
                    "vendor-%1.pem\n")
                    .arg(made.kid, previous->kid));
        return call.print(QStringLiteral("Generated signing key %1.\nGive customers its public "
                                         "key: aicp keys export-public -o vendor.pem\n")
                              .arg(made.kid));
    }

    int execute(Invocation& call) const override {
        if (auto path = call.value(passphraseFileOption()); !path)
            return call.fail(path.error());
        AICP_CLI_TRY(previous, previousKey(call), failure);
        AICP_CLI_TRY(passphrase, call.passphrase(PassphraseUse::NewKey), fail);
        const Status strongEnough = KeyStore::checkNewPassphrase(passphrase->view());
        if (!strongEnough.ok())
            return call.fail(strongEnough.error());
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        KeyStore keys(**workspace);
        auto made = rotating_ ? keys.rotate(passphrase->view()) : keys.generate(passphrase->view());
        // Conflict (a key exists, a customer workspace) is the workspace's
        // state, not the command line's mistake: fail() says 1 for it.
        if (!made)
            return call.fail(made.error());
        return print(call, *made, *previous);
    }
};

int listKeys(Invocation& call) {
    auto keys = call.read([](Workspace& workspace) { return KeyStore(workspace).list(); });
    if (!keys)
        return call.failure(keys.error());
    return printListing(call, QStringLiteral("keys"), *keys, keyJson,
                        QStringLiteral("No keys yet; make the first with 'aicp keys generate'.\n"),
                        TextTable({QStringLiteral("KID"), QStringLiteral("STATE"),
                                   QStringLiteral("CREATED"), QStringLiteral("RETIRED")}),
                        [](const SigningKeyInfo& key) {
                            return QStringList{key.kid, key.stateWord(), toRfc3339(key.createdAt),
                                               key.retiredAt.isValid() ? toRfc3339(key.retiredAt)
                                                                       : QStringLiteral("-")};
                        });
}

class KeysExportPublicCommand final : public Command {
public:
    KeysExportPublicCommand() : Command(QStringLiteral("keys export-public")) {
        ownOptions_ = {kid, output};
    }

private:
    const QCommandLineOption kid = QCommandLineOption(
        QStringLiteral("kid"), QStringLiteral("The key to export. Default: the signing key."),
        QStringLiteral("KID"));
    const QCommandLineOption output =
        outputOption(QStringLiteral("Write the PEM to FILE instead of standard output."));

    int execute(Invocation& call) const override;
};

int KeysExportPublicCommand::execute(Invocation& call) const {
    AICP_CLI_TRY(kidValue, call.value(kid), fail);
    AICP_CLI_TRY(outputPath, call.value(output), fail);
    auto key = call.read(
        [&](Workspace& workspace) { return KeyStore(workspace).find(kidValue->trimmed()); });
    if (!key)
        return call.failure(key.error());
    if (auto finished = printOrWriteFile(call.context(), name(), *outputPath, key->publicKeyPem))
        return *finished;
    call.out() << QStringLiteral("Wrote public key %1 to %2.\n")
                      .arg(key->kid, QDir::toNativeSeparators(*outputPath));
    return kExitSuccess;
}

class KeysImportPublicCommand final : public Command {
public:
    KeysImportPublicCommand() : Command(QStringLiteral("keys import-public")) {
        ownOptions_ = {customer};
    }

private:
    const QCommandLineOption customer = QCommandLineOption(
        QStringLiteral("customer"),
        QStringLiteral("Also make this a customer workspace: public keys only, never issuing. "
                       "Refused when the workspace holds a private key."));

    int execute(Invocation& call) const override;
};

int KeysImportPublicCommand::execute(Invocation& call) const {
    AICP_CLI_TRY(path, call.argument(QStringLiteral("PEM file to import")), fail);
    AICP_CLI_TRY(pem, readInputFile(*path, kMaxPemSize), fail);
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    KeyStore keys(**workspace);
    if (call.isSet(customer)) {
        AICP_CLI_TRY(existing, keys.list(), failure);
        for (const SigningKeyInfo& key : *existing)
            if (key.hasPrivateKey)
                return call.failure(
                    QStringLiteral("this workspace holds signing key %1, so it cannot become "
                                   "a customer workspace")
                        .arg(key.kid));
    }
    auto imported = keys.importPublicKey(*pem);
    if (!imported) {
        // A file that is no Ed25519 public key is the caller's to fix.
        const Error error = imported.error().code() == Error::Code::Crypto
                                ? Error::invalidInput(imported.error().message())
                                : imported.error();
        return call.fail(error);
    }
    if (call.isSet(customer)) {
        const Status marked = setWorkspaceMode(**workspace, Workspace::Mode::Customer);
        if (!marked.ok())
            return call.failure(marked.error());
    }
    return call.print(
        keyJson(*imported),
        QStringLiteral("Trusted public key %1 (%2).\n").arg(imported->kid, imported->stateWord()));
}

}  // namespace

const CommandGroup& keysCommands() {
    static const AddKeyCommand cGenerate(false);
    static const AddKeyCommand cRotate(true);
    static const PlainCommand cList(QStringLiteral("keys list"), &listKeys);
    static const KeysExportPublicCommand cExportPublic;
    static const KeysImportPublicCommand cImportPublic;
    static const CommandGroup group{
        QStringLiteral("keys"),
        QStringLiteral("Manages the Ed25519 keys that sign and verify licenses "
                       "and revocation lists."),
        {&cGenerate, &cRotate, &cList, &cExportPublic, &cImportPublic}};
    return group;
}

}  // namespace aicp::cli

#include "audit/auditedsettings.h"
#include "cli/clicommands.h"
#include "cli/licensingtext.h"
#include "cli/passphrase.h"
#include "common/texttable.h"
#include "licensing/keystore.h"

#include <QDir>

namespace aicp::cli {
namespace {

constexpr qsizetype kMaxPemSize = 64 * 1024;

QJsonObject keyJson(const SigningKeyInfo& key) {
    return {{QStringLiteral("kid"), key.kid},
            {QStringLiteral("state"), key.stateWord()},
            {QStringLiteral("has_private_key"), key.hasPrivateKey},
            {QStringLiteral("created_at"), timeJson(key.createdAt)},
            {QStringLiteral("retired_at"), timeJson(key.retiredAt)},
            {QStringLiteral("public_key_pem"), QString::fromLatin1(key.publicKeyPem)}};
}

const QString kKeyJsonShape = QStringLiteral(
    "A key in JSON: {\"kid\", \"state\" (signing, retired or verify-only), "
    "\"has_private_key\", \"created_at\", \"retired_at\" (null while it signs), "
    "\"public_key_pem\"}; times are RFC 3339 UTC.");

const QString kPassphraseDetails = QStringLiteral(
    "The passphrase comes from --passphrase-file, else $AICP_KEY_PASSPHRASE, else a prompt "
    "(without echo, asked twice for a new key) when standard input is a terminal. It is never "
    "an argument: a command line is visible to every user of the machine.");

// generate and rotate differ only in the store call and the message.
int addKey(const CliContext& context, const QStringList& arguments, bool rotating) {
    const QString command =
        rotating ? QStringLiteral("keys rotate") : QStringLiteral("keys generate");
    const QCommandLineOption passphraseFile = passphraseFileOption();
    const QCommandLineOption json = jsonOption(QStringLiteral("the new key"));
    CommandHelp help;
    help.usage = {QStringLiteral("[--db FILE] %1 [--passphrase-file FILE] [--json]").arg(command)};
    help.summary =
        rotating
            ? QStringLiteral(
                  "Makes a new Ed25519 signing key and retires the current one: from now on "
                  "licenses and revocation lists are signed with the new key, while the retired "
                  "key keeps verifying what it signed. The new key is encrypted with the "
                  "passphrase given now (at least %1 characters).")
                  .arg(KeyStore::kMinPassphraseLength)
            : QStringLiteral(
                  "Makes the workspace's first Ed25519 signing key (creating the workspace when "
                  "there is none). The private key is stored only encrypted with the passphrase "
                  "(PKCS#8, scrypt, AES-256), which needs at least %1 characters. A workspace "
                  "that already has a key is refused: rotate it instead.")
                  .arg(KeyStore::kMinPassphraseLength);
    help.options = {passphraseFile, json, helpOption()};
    help.details = kPassphraseDetails + QStringLiteral("\n\n") + kKeyJsonShape +
                   QStringLiteral(
                       "\n\nExit status: 0 the key was made, 1 it could not be (a key exists "
                       "already, a customer workspace), 2 a mistake in the command line or a "
                       "passphrase that is missing or too short.");
    QCommandLineParser parser;
    if (auto finished = parseOrFinish(context, parser, help, command, arguments, 0))
        return *finished;
    int status = kExitSuccess;
    const auto passphrasePath = optionValue(context, parser, passphraseFile, command, status);
    if (!passphrasePath)
        return status;

    // A key that exists already is refused before a passphrase is asked for
    // nothing, and a missing passphrase leaves no new empty workspace behind.
    std::unique_ptr<Workspace> workspace;
    std::optional<SigningKeyInfo> previous;
    if (rotating || context.workspaceExists()) {
        auto opened = context.openExistingWorkspace();
        if (!opened)
            return context.failure(opened.error().withContext(command));
        workspace = std::move(opened).value();
        auto current = KeyStore(*workspace).find();
        if (rotating && !current)
            return context.failure(current.error().withContext(command));
        if (rotating)
            previous = *current;
        else if (current)
            return context.failure(
                QStringLiteral("%1: the workspace already has signing key %2; use 'aicp keys "
                               "rotate' to replace it")
                    .arg(command, current->kid));
    }
    auto passphrase = readPassphrase(*passphrasePath, PassphraseUse::NewKey, context.err);
    if (!passphrase)
        return context.reportError(passphrase.error().withContext(command));
    const Status strongEnough = KeyStore::checkNewPassphrase(passphrase->view());
    if (!strongEnough.ok())
        return context.reportError(strongEnough.error().withContext(command));
    if (!workspace) {
        auto created = context.openWorkspace();
        if (!created)
            return context.failure(created.error().withContext(command));
        workspace = std::move(created).value();
    }
    KeyStore keys(*workspace);
    auto made = rotating ? keys.rotate(passphrase->view()) : keys.generate(passphrase->view());
    if (!made) {
        // Conflict (a key exists, a customer workspace) is the workspace's
        // state, not the command line's mistake.
        if (made.error().code() == Error::Code::Conflict)
            return context.failure(made.error().withContext(command));
        return context.reportError(made.error().withContext(command));
    }
    if (parser.isSet(json)) {
        QJsonObject object = keyJson(*made);
        if (previous)
            object.insert(QStringLiteral("retired_kid"), previous->kid);
        context.out << printedJson(object);
        return kExitSuccess;
    }
    if (previous)
        context.out << QStringLiteral(
                           "New signing key %1; key %2 is retired and keeps verifying what it "
                           "signed.\nGive customers the new public key as well (licenses signed "
                           "before still need the old one): aicp keys export-public -o "
                           "vendor-%1.pem\n")
                           .arg(made->kid, previous->kid);
    else
        context.out << QStringLiteral(
                           "Generated signing key %1.\nGive customers its public key: aicp keys "
                           "export-public -o vendor.pem\n")
                           .arg(made->kid);
    return kExitSuccess;
}

int runGenerate(const CliContext& context, const QStringList& arguments) {
    return addKey(context, arguments, false);
}

int runRotate(const CliContext& context, const QStringList& arguments) {
    return addKey(context, arguments, true);
}

int runList(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("keys list");
    const QCommandLineOption json = jsonOption(QStringLiteral("the keys"));
    CommandHelp help;
    help.usage = {QStringLiteral("[--db FILE] keys list [--json]")};
    help.summary = QStringLiteral(
        "Lists every key the workspace trusts, newest first: the one signing key, retired keys "
        "(they verify, never sign) and imported vendor keys (verify-only). Private keys are never "
        "shown.");
    help.options = {json, helpOption()};
    help.details = QStringLiteral("JSON: {\"keys\": [key, …]}. ") + kKeyJsonShape +
                   QStringLiteral(
                       "\n\nExit status: 0 listed (also when there are none), 1 the workspace "
                       "could not be read, 2 a mistake in the command line.");
    QCommandLineParser parser;
    if (auto finished = parseOrFinish(context, parser, help, command, arguments, 0))
        return *finished;
    auto keys = readWorkspace(context.openExistingWorkspace(),
                              [](Workspace& workspace) { return KeyStore(workspace).list(); });
    if (!keys)
        return context.failure(keys.error().withContext(command));
    if (parser.isSet(json)) {
        context.out << printedJsonList(QStringLiteral("keys"), *keys, keyJson);
        return kExitSuccess;
    }
    if (keys->empty()) {
        context.out << "No keys yet; make the first with 'aicp keys generate'.\n";
        return kExitSuccess;
    }
    TextTable table({QStringLiteral("KID"), QStringLiteral("STATE"), QStringLiteral("CREATED"),
                     QStringLiteral("RETIRED")});
    for (const SigningKeyInfo& key : *keys)
        table.addRow({key.kid, key.stateWord(), toRfc3339(key.createdAt),
                      key.retiredAt.isValid() ? toRfc3339(key.retiredAt) : QStringLiteral("-")});
    context.out << table.render();
    return kExitSuccess;
}

int runExportPublic(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("keys export-public");
    const QCommandLineOption kid(QStringLiteral("kid"),
                                 QStringLiteral("The key to export. Default: the signing key."),
                                 QStringLiteral("KID"));
    const QCommandLineOption output =
        outputOption(QStringLiteral("Write the PEM to FILE instead of standard output."));
    CommandHelp help;
    help.usage = {QStringLiteral("[--db FILE] keys export-public [--kid KID] [-o FILE]")};
    help.summary = QStringLiteral(
        "Prints a public key as PEM (SubjectPublicKeyInfo, \"-----BEGIN PUBLIC KEY-----\"): "
        "what customers need to verify licenses, with aicp or with plain openssl. It holds "
        "nothing secret.");
    help.options = {kid, output, helpOption()};
    help.details = QStringLiteral(
        "Examples:\n"
        "  aicp keys export-public -o vendor.pem\n"
        "  aicp keys export-public --kid 3f9a0c1d2e4b5a68 > old-key.pem\n\n"
        "Exit status: 0 exported, 1 no such key or the file could not be written, 2 a mistake "
        "in the command line.");
    QCommandLineParser parser;
    if (auto finished = parseOrFinish(context, parser, help, command, arguments, 0))
        return *finished;
    int status = kExitSuccess;
    const auto kidValue = optionValue(context, parser, kid, command, status);
    if (!kidValue)
        return status;
    const auto outputPath = optionValue(context, parser, output, command, status);
    if (!outputPath)
        return status;
    auto key = readWorkspace(context.openExistingWorkspace(), [&](Workspace& workspace) {
        return KeyStore(workspace).find(kidValue->trimmed());
    });
    if (!key)
        return context.failure(key.error().withContext(command));
    if (auto finished = printOrWriteFile(context, command, *outputPath, key->publicKeyPem))
        return *finished;
    context.out << QStringLiteral("Wrote public key %1 to %2.\n")
                       .arg(key->kid, QDir::toNativeSeparators(*outputPath));
    return kExitSuccess;
}

int runImportPublic(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("keys import-public");
    const QCommandLineOption customer(
        QStringLiteral("customer"),
        QStringLiteral("Also make this a customer workspace: public keys only, never issuing. "
                       "Refused when the workspace holds a private key."));
    const QCommandLineOption json = jsonOption(QStringLiteral("the imported key"));
    CommandHelp help;
    help.usage = {QStringLiteral("[--db FILE] keys import-public FILE [--customer] [--json]")};
    help.summary = QStringLiteral(
        "Trusts a vendor's public key (PEM, as 'aicp keys export-public' writes it) for "
        "verifying licenses and revocation lists in this workspace, creating the workspace "
        "when there is none. FILE '-' reads standard input. Importing a key twice is harmless.");
    help.options = {customer, json, helpOption()};
    help.details = kKeyJsonShape + QStringLiteral(
                                       "\n\nExit status: 0 the key is trusted, 1 the file or the "
                                       "workspace could not be used, 2 a mistake in the command "
                                       "line or a file that is not an Ed25519 public key.");
    QCommandLineParser parser;
    if (auto finished = parseOrFinish(context, parser, help, command, arguments, 1))
        return *finished;
    int status = kExitSuccess;
    const auto path =
        requiredArgument(context, parser, command, QStringLiteral("PEM file to import"), status);
    if (!path)
        return status;
    auto pem = readInputFile(*path, kMaxPemSize);
    if (!pem)
        return context.reportError(pem.error().withContext(command));
    auto workspace = context.openWorkspace();
    if (!workspace)
        return context.failure(workspace.error().withContext(command));
    KeyStore keys(**workspace);
    if (parser.isSet(customer)) {
        auto existing = keys.list();
        if (!existing)
            return context.failure(existing.error().withContext(command));
        for (const SigningKeyInfo& key : *existing)
            if (key.hasPrivateKey)
                return context.failure(
                    QStringLiteral("%1: this workspace holds signing key %2, so it cannot become "
                                   "a customer workspace")
                        .arg(command, key.kid));
    }
    auto imported = keys.importPublicKey(*pem);
    if (!imported) {
        // A file that is no Ed25519 public key is the caller's to fix.
        const Error error = imported.error().code() == Error::Code::Crypto
                                ? Error::invalidInput(imported.error().message())
                                : imported.error();
        return context.reportError(error.withContext(command));
    }
    if (parser.isSet(customer)) {
        const Status marked = setWorkspaceMode(**workspace, Workspace::Mode::Customer);
        if (!marked.ok())
            return context.failure(marked.error().withContext(command));
    }
    if (parser.isSet(json)) {
        context.out << printedJson(keyJson(*imported));
        return kExitSuccess;
    }
    context.out << QStringLiteral("Trusted public key %1 (%2).\n")
                       .arg(imported->kid, imported->stateWord());
    return kExitSuccess;
}

constexpr Subcommand kKeysSubcommands[] = {
    {"generate", "Make the workspace's first signing key", &runGenerate},
    {"rotate", "Replace the signing key; the old one keeps verifying", &runRotate},
    {"list", "List the keys the workspace trusts", &runList},
    {"export-public", "Print or write a public key (PEM) for customers", &runExportPublic},
    {"import-public", "Trust a vendor's public key (customer workspaces)", &runImportPublic},
};

}  // namespace

int runKeysCommand(const CliContext& context, const QStringList& arguments) {
    return runSubcommand(context, QStringLiteral("keys"),
                         QStringLiteral("Manages the Ed25519 keys that sign and verify licenses "
                                        "and revocation lists."),
                         kKeysSubcommands, arguments);
}

}  // namespace aicp::cli

#include "cli/clicommands.h"
#include "cli/licensingtext.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "licensing/licenseverifier.h"
#include "licensing/revocationlist.h"
#include "licensing/verificationmemory.h"
#include "licensing/workspaceverification.h"

#include <QDir>

namespace aicp::cli {
namespace {

constexpr qsizetype kMaxPemSize = 64 * 1024;
// Larger than any license file; the verifier answers "malformed" for
// anything between its own limit and this.
constexpr qsizetype kMaxLicenseInput = 4 * 1024 * 1024;

CommandHelp verifyHelp(const QList<QCommandLineOption>& options) {
    CommandHelp help;
    help.usage = {QStringLiteral("[--db FILE] license verify FILE [--public-key PEM]... "
                                 "[--revocations FILE] [--json]"),
                  QStringLiteral("[--db FILE] license verify --key KEY [--public-key PEM]... "
                                 "[--revocations FILE] [--json]")};
    help.summary = QStringLiteral(
        "Decides whether a license is good, from a license file (FILE; '-' reads standard "
        "input, which may also hold a bare key) or a license key (--key). The first line is "
        "the outcome: valid, valid-in-grace, expired, not-yet-valid, revoked, bad-signature, "
        "unknown-key, malformed or clock-rollback; then the reason and, once the signature "
        "checked out, every entitlement.");
    help.options = options;
    help.details = QStringLiteral(
        "Keys: the --public-key files given (the vendor's PEM, as 'aicp keys export-public' "
        "writes it); without any, every key the workspace trusts. Nothing in a license is "
        "believed before its signature has been checked.\n\n"
        "Revocations: with the workspace's keys (no --public-key), the newest of the list "
        "from --revocations, the newest list the workspace published itself and the newest it "
        "accepted before, as the console does; a list older than one seen before is reported "
        "(\"Revocation note\", \"revocation_note\") and the newer one applies, so it cannot "
        "un-revoke a license. With --public-key, only the list from --revocations, refused "
        "when older than one this workspace has seen.\n\n"
        "When the workspace exists it remembers the latest time and the newest revocation "
        "list seen, so a clock set back (clock-rollback) or an older list is caught; a "
        "workspace is never created by verify, and with --public-key none is needed.\n\n"
        "JSON: {\"status\" (the outcome word), \"usable\" (true for valid and valid-in-grace), "
        "\"reason\", \"checked_at\", \"revocation_list\" ({sequence, issued_at, kid, "
        "revoked_count} or null), \"revocation_note\" (why the list offered was not the "
        "one applied, or null), \"license\" (the signed payload once the signature checked "
        "out, as 'license issue --json' prints it, else null)}.\n\n"
        "Exit status: 0 valid or valid-in-grace, 1 any other outcome, or the keys or the "
        "revocation list could not be used, 2 a mistake in the command line.\n\n"
        "Examples:\n"
        "  aicp license verify acme.lic --public-key vendor.pem\n"
        "  aicp license verify --key \"$KEY\" --public-key vendor.pem --revocations revoked.rl "
        "--json");
    return help;
}

// The outcome, as text or JSON, and the exit status it means. `note` says
// why a list offered was not the one applied (empty when it was).
int printVerification(const CliContext& context, bool asJson, const LicenseVerification& outcome,
                      const QDateTime& now, const std::optional<RevocationList>& list,
                      const QString& note) {
    const QString command = QStringLiteral("license verify");
    const QString word = licenseStatusWord(outcome.status);
    if (asJson) {
        QJsonObject listJson;
        if (list)
            listJson = {
                {QStringLiteral("sequence"), static_cast<double>(list->sequence)},
                {QStringLiteral("issued_at"), timeJson(list->issuedAt)},
                {QStringLiteral("kid"), list->kid},
                {QStringLiteral("revoked_count"), static_cast<double>(list->revoked.size())}};
        context.out << printedJson(
            {{QStringLiteral("status"), word},
             {QStringLiteral("usable"), outcome.isUsable()},
             {QStringLiteral("reason"), outcome.reason},
             {QStringLiteral("checked_at"), toRfc3339(now)},
             {QStringLiteral("revocation_list"),
              list ? QJsonValue(listJson) : QJsonValue(QJsonValue::Null)},
             {QStringLiteral("revocation_note"),
              note.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(note)},
             {QStringLiteral("license"), outcome.license ? QJsonValue(licenseJson(*outcome.license))
                                                         : QJsonValue(QJsonValue::Null)}});
    } else {
        LabelledRows rows{{QStringLiteral("Reason"), outcome.reason}};
        rows.emplace_back(
            QStringLiteral("Revocations"),
            list ? QStringLiteral("list %1 of %2, %3 revoked")
                       .arg(list->sequence)
                       .arg(toRfc3339(list->issuedAt))
                       .arg(list->revoked.size())
                 : QStringLiteral("no list loaded (a revoked license is not detected)"));
        if (!note.isEmpty())
            rows.emplace_back(QStringLiteral("Revocation note"), note);
        if (outcome.license) {
            const LabelledRows details = licenseDetailRows(*outcome.license);
            rows.insert(rows.end(), details.begin(), details.end());
        }
        context.out << word << '\n' << labelledLines(rows);
    }
    if (outcome.isUsable())
        return kExitSuccess;
    context.out.flush();
    return context.failure(
        QStringLiteral("%1: not usable (%2): %3").arg(command, word, outcome.reason));
}

}  // namespace

int runLicenseVerify(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("license verify");
    const QCommandLineOption key(QStringLiteral("key"),
                                 QStringLiteral("The license key (AICP1.…) instead of a file."),
                                 QStringLiteral("KEY"));
    const QCommandLineOption publicKey(
        QStringLiteral("public-key"),
        QStringLiteral("Trust this public key (PEM file); may be given several times. Default: "
                       "the workspace's keys."),
        QStringLiteral("PEM"));
    const QCommandLineOption revocations(
        QStringLiteral("revocations"),
        QStringLiteral("Load this signed revocation list ('-': standard input)."),
        QStringLiteral("FILE"));
    const QCommandLineOption json = jsonOption(QStringLiteral("the outcome and the license"));
    const CommandHelp help = verifyHelp({key, publicKey, revocations, json, helpOption()});
    QCommandLineParser parser;
    if (auto finished = parseOrFinish(context, parser, help, command, arguments, 1))
        return *finished;

    // What to verify.
    int status = kExitSuccess;
    const QString file = parser.positionalArguments().value(0);
    const auto keyText = optionValue(context, parser, key, command, status);
    if (!keyText)
        return status;
    if (file.isEmpty() == !parser.isSet(key))
        return context.usageError(
            QStringLiteral("%1: give a license FILE or --key KEY (one of them). Try 'aicp %1 "
                           "--help'.")
                .arg(command));
    const auto revocationsPath = optionValue(context, parser, revocations, command, status);
    if (!revocationsPath)
        return status;
    if (file == QLatin1String("-") && *revocationsPath == QLatin1String("-"))
        return context.usageError(
            QStringLiteral("%1: only one of FILE and --revocations can be standard input ('-')")
                .arg(command));
    QByteArray text;
    if (parser.isSet(key)) {
        text = keyText->trimmed().toUtf8();
    } else {
        auto read = readInputFile(file, kMaxLicenseInput);
        if (!read)
            return context.reportError(read.error().withContext(command));
        text = std::move(read).value();
    }

    // The keys to trust.
    PublicKeyRing ring;
    for (const QString& path : parser.values(publicKey)) {
        if (path.trimmed().isEmpty())
            return context.usageError(QStringLiteral("%1: --public-key needs a file").arg(command));
        auto pem = readInputFile(path, kMaxPemSize);
        if (!pem)
            return context.reportError(pem.error().withContext(command));
        auto parsed = Ed25519PublicKey::fromPem(*pem);
        if (!parsed)
            return context.usageError(
                QStringLiteral("%1: --public-key %2: %3")
                    .arg(command, QDir::toNativeSeparators(path), parsed.error().message()));
        ring.add(*parsed);
    }
    const bool keysGiven = !ring.isEmpty();

    // The workspace, when there is one: its keys (when none were given) and
    // its memory of what it has seen. Never created here.
    std::unique_ptr<Workspace> workspace;
    if (context.workspaceExists()) {
        auto opened = context.openExistingWorkspace();
        if (!opened)
            return context.failure(opened.error().withContext(command));
        workspace = std::move(opened).value();
    }
    if (!keysGiven) {
        if (!workspace)
            return context.usageError(
                QStringLiteral("%1: no public key to verify with: give --public-key PEM (the "
                               "vendor's key), or use a workspace that trusts it (aicp keys "
                               "import-public)")
                    .arg(command));
        auto trusted = KeyStore(*workspace).publicKeyRing();
        if (!trusted)
            return context.failure(trusted.error().withContext(command));
        if (trusted->isEmpty())
            return context.usageError(
                QStringLiteral("%1: the workspace trusts no keys yet: give --public-key PEM, or "
                               "import the vendor's key with 'aicp keys import-public PEM'")
                    .arg(command));
        ring = std::move(trusted).value();
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();

    // A workspace verifying with its own keys does it as the console does
    // (verifyInWorkspace): the newest revocation list it knows applies, so
    // offering an older one can never bring a revoked license back.
    if (workspace && !keysGiven) {
        QByteArray offered;
        if (parser.isSet(revocations)) {
            auto read = readInputFile(*revocationsPath, RevocationList::kMaxTokenSize);
            if (!read)
                return context.reportError(read.error().withContext(command));
            offered = read->trimmed();
            // A list that is not genuine is a mistake to report, not to skip.
            auto list = RevocationList::verify(offered, ring);
            if (!list)
                return context.failure(QStringLiteral("%1: --revocations %2: %3")
                                           .arg(command, *revocationsPath, list.error().message()));
        }
        const WorkspaceVerification verified = verifyInWorkspace(*workspace, text, now, offered);
        std::optional<RevocationList> applied;
        if (verified.revocationSequence) {
            QList<QByteArray> candidates{offered};
            if (auto published = LicenseRegistry(*workspace).latestPublishedRevocationList())
                candidates.append(*published);
            if (auto remembered = VerificationMemory(*workspace).newestRevocationList())
                candidates.append(*remembered);
            for (const QByteArray& token : candidates) {
                if (token.isEmpty())
                    continue;
                auto list = RevocationList::verify(token, ring);
                if (list && list->sequence == *verified.revocationSequence) {
                    applied = std::move(list).value();
                    break;
                }
            }
        }
        // No list could be applied safely: a verdict without one could call
        // a revoked license valid.
        if (!verified.revocationProblem.isEmpty() && !verified.revocationSequence)
            return context.failure(
                QStringLiteral("%1: %2").arg(command, verified.revocationProblem));
        return printVerification(context, parser.isSet(json), verified.result, now, applied,
                                 verified.revocationProblem);
    }

    std::optional<VerificationMemory> memory;
    QDateTime latestSeen;
    std::int64_t highestSequence = 0;
    if (workspace) {
        memory.emplace(*workspace);
        auto latest = memory->latestTimeSeen();
        if (!latest)
            return context.failure(latest.error().withContext(command));
        latestSeen = *latest;
        auto sequence = memory->highestRevocationSequence();
        if (!sequence)
            return context.failure(sequence.error().withContext(command));
        highestSequence = *sequence;
    }

    // Keys given on the command line: the list, if any, comes from
    // --revocations only.
    LicenseVerifier verifier(ring);
    std::optional<QByteArray> listToken;
    QString listSource;
    if (parser.isSet(revocations)) {
        auto read = readInputFile(*revocationsPath, RevocationList::kMaxTokenSize);
        if (!read)
            return context.reportError(read.error().withContext(command));
        listToken = read->trimmed();
        listSource = QStringLiteral("--revocations %1").arg(*revocationsPath);
    }
    if (listToken) {
        auto list = RevocationList::verify(*listToken, ring);
        if (!list)
            return context.failure(
                QStringLiteral("%1: %2: %3").arg(command, listSource, list.error().message()));
        const Status used = verifier.useRevocationList(std::move(list).value(), highestSequence);
        if (!used.ok())
            return context.failure(used.error().withContext(command));
    }

    const LicenseVerification outcome = verifier.verify(text, now, latestSeen);

    // Remember what was seen; both only ever move forward.
    if (memory) {
        Status remembered = memory->rememberTime(now);
        if (remembered.ok() && verifier.revocationList() && listToken)
            remembered =
                memory->rememberRevocationList(verifier.revocationList()->sequence, *listToken);
        if (!remembered.ok())
            return context.failure(remembered.error().withContext(
                QStringLiteral("%1: the outcome (%2) could not be recorded in the workspace")
                    .arg(command, licenseStatusWord(outcome.status))));
    }

    return printVerification(context, parser.isSet(json), outcome, now, verifier.revocationList(),
                             {});
}

}  // namespace aicp::cli

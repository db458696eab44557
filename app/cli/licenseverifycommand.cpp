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

// The outcome, as text or JSON, and the exit status it means. `note` says
// why a list offered was not the one applied (empty when it was).
int printVerification(const Invocation& call, bool asJson, const LicenseVerification& outcome,
                      const QDateTime& now, const std::optional<RevocationList>& list,
                      const QString& note) {
    const QString word = licenseStatusWord(outcome.status);
    if (asJson) {
        QJsonObject listJson;
        if (list)
            listJson = {
                {QStringLiteral("sequence"), static_cast<double>(list->sequence)},
                {QStringLiteral("issued_at"), timeJson(list->issuedAt)},
                {QStringLiteral("kid"), list->kid},
                {QStringLiteral("revoked_count"), static_cast<double>(list->revoked.size())}};
        call.out() << printedJson(
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
        call.out() << word << '\n' << labelledLines(rows);
    }
    if (outcome.isUsable())
        return kExitSuccess;
    call.out().flush();
    return call.failure(Error(Error::Code::Crypto,
                              QStringLiteral("not usable (%1): %2").arg(word, outcome.reason)));
}

// The newest revocation list among those the workspace knows whose sequence
// is the one the verification applied.
std::optional<RevocationList> appliedList(Workspace& workspace, const QByteArray& offered,
                                          const PublicKeyRing& ring, std::int64_t sequence) {
    QList<QByteArray> candidates{offered};
    if (auto published = LicenseRegistry(workspace).latestPublishedRevocationList())
        candidates.append(*published);
    if (auto remembered = VerificationMemory(workspace).newestRevocationList())
        candidates.append(*remembered);
    for (const QByteArray& token : candidates) {
        if (token.isEmpty())
            continue;
        auto list = RevocationList::verify(token, ring);
        if (list && list->sequence == sequence)
            return std::move(list).value();
    }
    return std::nullopt;
}

class LicenseVerifyCommand final : public Command {
public:
    LicenseVerifyCommand() : Command(QStringLiteral("license verify")) {
        ownOptions_ = {key_, publicKey_, revocations_};
    }

private:
    const QCommandLineOption key_ = licenseKeyOption();
    const QCommandLineOption publicKey_{
        QStringLiteral("public-key"),
        QStringLiteral("Trust this public key (PEM file); may be given several times. Default: "
                       "the workspace's keys."),
        QStringLiteral("PEM")};
    const QCommandLineOption revocations_{
        QStringLiteral("revocations"),
        QStringLiteral("Load this signed revocation list ('-': standard input)."),
        QStringLiteral("FILE")};

    // The license to verify: the FILE's text or --key.
    Result<QByteArray> licenseText(const Invocation& call, const QString& revocationsPath) const {
        return licenseInput(call, key_, [&revocationsPath](const QString& file) -> Status {
            if (file == QLatin1String("-") && revocationsPath == QLatin1String("-"))
                return Error::invalidInput(QStringLiteral(
                    "only one of FILE and --revocations can be standard input ('-')"));
            return {};
        });
    }

    // With the workspace's own keys, as the console does (verifyInWorkspace):
    // the newest revocation list it knows applies, so offering an older one
    // can never bring a revoked license back.
    int verifyAsWorkspace(const Invocation& call, Workspace& workspace, const QByteArray& text,
                          const PublicKeyRing& ring, const QString& revocationsPath) const {
        QByteArray offered;
        if (call.isSet(revocations_)) {
            AICP_CLI_TRY(read, readInputFile(revocationsPath, RevocationList::kMaxTokenSize), fail);
            offered = read->trimmed();
            // A list that is not genuine is a mistake to report, not to skip.
            auto list = RevocationList::verify(offered, ring);
            if (!list)
                return call.failure(stateError(list.error().withContext(
                    QStringLiteral("--revocations %1").arg(revocationsPath))));
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const WorkspaceVerification verified = verifyInWorkspace(workspace, text, now, offered);
        std::optional<RevocationList> applied;
        if (verified.revocationSequence)
            applied = appliedList(workspace, offered, ring, *verified.revocationSequence);
        // No list could be applied safely: a verdict without one could call
        // a revoked license valid.
        if (!verified.revocationProblem.isEmpty() && !verified.revocationSequence)
            return call.failure(Error(Error::Code::Conflict, verified.revocationProblem));
        return printVerification(call, call.asJson(), verified.result, now, applied,
                                 verified.revocationProblem);
    }

    // The revocation list from --revocations, checked against the ring;
    // nullopt when none is given.
    Result<std::optional<QByteArray>> offeredList(const Invocation& call,
                                                  const QString& revocationsPath) const {
        if (!call.isSet(revocations_))
            return std::optional<QByteArray>();
        auto read = readInputFile(revocationsPath, RevocationList::kMaxTokenSize);
        if (!read)
            return read.error();
        return std::optional<QByteArray>(read->trimmed());
    }

    // With keys from the command line: the list, if any, comes from
    // --revocations only; a workspace, when there is one, remembers what it
    // has seen (time, newest list), which only ever moves forward.
    int verifyWithKeys(const Invocation& call, Workspace* workspace, const QByteArray& text,
                       const PublicKeyRing& ring, const QString& revocationsPath) const;

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(revocationsPath, call.value(revocations_), fail);
        AICP_CLI_TRY(text, licenseText(call, *revocationsPath), fail);
        AICP_CLI_TRY(ring, givenPublicKeys(call.parser().values(publicKey_)), fail);
        const bool keysGiven = !ring->isEmpty();
        Workspace* workspace = nullptr;
        if (call.context().workspaceExists()) {
            AICP_CLI_TRY(opened, call.workspace(), failure);
            workspace = *opened;
        }
        if (keysGiven)
            return verifyWithKeys(call, workspace, *text, *ring, *revocationsPath);
        AICP_CLI_TRY(trusted, workspacePublicKeys(workspace), fail);
        return verifyAsWorkspace(call, *workspace, *text, *trusted, *revocationsPath);
    }
};

int LicenseVerifyCommand::verifyWithKeys(const Invocation& call, Workspace* workspace,
                                         const QByteArray& text, const PublicKeyRing& ring,
                                         const QString& revocationsPath) const {
    std::optional<VerificationMemory> memory;
    QDateTime latestSeen;
    std::int64_t highestSequence = 0;
    if (workspace) {
        memory.emplace(*workspace);
        AICP_CLI_TRY(latest, memory->latestTimeSeen(), failure);
        latestSeen = *latest;
        AICP_CLI_TRY(sequence, memory->highestRevocationSequence(), failure);
        highestSequence = *sequence;
    }
    LicenseVerifier verifier(ring);
    AICP_CLI_TRY(listToken, offeredList(call, revocationsPath), fail);
    if (*listToken) {
        auto list = RevocationList::verify(**listToken, ring);
        if (!list)
            return call.failure(
                list.error().withContext(QStringLiteral("--revocations %1").arg(revocationsPath)));
        const Status used = verifier.useRevocationList(std::move(list).value(), highestSequence);
        if (!used.ok())
            return call.failure(used.error());
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const LicenseVerification outcome = verifier.verify(text, now, latestSeen);
    if (memory) {
        Status remembered = memory->rememberTime(now);
        if (remembered.ok() && verifier.revocationList() && *listToken)
            remembered =
                memory->rememberRevocationList(verifier.revocationList()->sequence, **listToken);
        if (!remembered.ok())
            return call.failure(remembered.error().withContext(
                QStringLiteral("the outcome (%1) could not be recorded in the workspace")
                    .arg(licenseStatusWord(outcome.status))));
    }
    return printVerification(call, call.asJson(), outcome, now, verifier.revocationList(), {});
}

}  // namespace

const Command& licenseVerifyCommand() {
    static const LicenseVerifyCommand command;
    return command;
}

}  // namespace aicp::cli

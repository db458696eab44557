#include "cli/clicommands.h"
#include "cli/licenseterms.h"
#include "cli/licensingtext.h"
#include "cli/passphrase.h"
#include "common/assignto.h"
#include "common/jsonfields.h"
#include "common/texttable.h"
#include "common/wholeseconds.h"
#include "licensing/keystore.h"
#include "licensing/licensefile.h"
#include "licensing/licenseregistry.h"
#include "licensing/revocationlist.h"
#include "recommend/upgraderequest.h"

#include <limits>

#include <QDir>
#include <QSaveFile>

namespace aicp::cli {
namespace {

struct Signing {
    Workspace* workspace = nullptr;
    Passphrase passphrase;
    std::optional<LicenseRecord> target;  // the license acted on, when there is one
};

// What a command does to an existing license, for the checks made before the
// passphrase is asked for.
enum class TargetUse { Revoke, Supersede };

// The license `targetId` names, if it may still be revoked or superseded.
Result<LicenseRecord> signingTarget(Workspace& workspace, const QString& targetId, TargetUse use) {
    auto record = LicenseRegistry(workspace).findByPrefix(targetId);
    if (!record)
        return record.error();
    const QString id = idText(record->license.id);
    if (record->revocation)
        return Error(
            Error::Code::Conflict,
            QStringLiteral("license %1 was %2revoked on %3 by %4%5")
                .arg(id, use == TargetUse::Revoke ? QStringLiteral("already ") : QString(),
                     toRfc3339(record->revocation->at), record->revocation->by,
                     use == TargetUse::Revoke ? QString()
                                              : QStringLiteral("; issue a new one instead")));
    if (use == TargetUse::Supersede && record->supersededBy)
        return Error(Error::Code::Conflict,
                     QStringLiteral("license %1 was already superseded by %2; use that one")
                         .arg(id, idText(*record->supersededBy)));
    return record;
}

// Why a customer's workspace cannot run the command: only the vendor signs.
QString vendorOnlyReason(const QString& command) {
    if (command.endsWith(u"issue"))
        return QStringLiteral("only the vendor issues licenses");
    if (command.endsWith(u"renew"))
        return QStringLiteral(
            "only the vendor renews licenses; add the renewal the vendor sends "
            "with 'aicp license add FILE'");
    if (command.endsWith(u"upgrade"))
        return QStringLiteral(
            "only the vendor upgrades licenses; ask for an upgrade with 'aicp "
            "recommend --customer ID --request-upgrade -o FILE'");
    return QStringLiteral("only the vendor revokes licenses");
}

// The workspace, if it can sign: a vendor workspace with a signing key.
// What stands in the way is the workspace's state, never the command line's
// mistake, so every error here exits 1.
Result<Workspace*> signingWorkspace(Invocation& call) {
    AICP_TRY(call.vendorOnly(vendorOnlyReason(call.name())));
    auto workspace = call.workspace();
    if (!workspace)
        return stateError(workspace.error());
    auto key = KeyStore(**workspace).find();
    if (!key && key.error().code() == Error::Code::NotFound)
        return Error(Error::Code::Conflict,
                     QStringLiteral("the workspace has no signing key yet; make one with 'aicp "
                                    "keys generate'"));
    if (!key)
        return stateError(key.error());
    return *workspace;
}

// Opens the workspace, makes sure it can sign and that the target license
// may be acted on (so nobody types a passphrase for nothing), then reads the
// passphrase.
Result<Signing> prepareSigning(Invocation& call, const QString& targetId = {},
                               TargetUse use = TargetUse::Supersede) {
    if (auto path = call.value(passphraseFileOption()); !path)
        return path.error();
    auto workspace = signingWorkspace(call);
    if (!workspace)
        return workspace.error();
    Signing signing;
    signing.workspace = *workspace;
    if (!targetId.isEmpty()) {
        auto target = signingTarget(**workspace, targetId, use);
        if (!target)
            return target.error();
        signing.target = std::move(target).value();
    }
    auto passphrase = call.passphrase(PassphraseUse::Unlock);
    if (!passphrase)
        return passphrase.error();
    signing.passphrase = std::move(passphrase).value();
    return signing;
}

// The -o file is opened before anything is signed, so a path that cannot be
// written fails before a license exists.
struct PendingLicenseFile {
    std::unique_ptr<QSaveFile> file;

    Status open(const QString& path) {
        if (path.isEmpty())
            return {};
        file = std::make_unique<QSaveFile>(path);
        if (!file->open(QIODevice::WriteOnly))
            return Error(Error::Code::Io,
                         QStringLiteral("cannot write '%1' (%2)")
                             .arg(QDir::toNativeSeparators(path), file->errorString()));
        return {};
    }
    Status write(const LicenseRecord& record) {
        if (!file)
            return {};
        const QByteArray text = licenseFileText(record.key, record.license);
        if (file->write(text) != text.size() || !file->commit())
            return Error(Error::Code::Io,
                         QStringLiteral("license %1 was issued, but '%2' could not be written "
                                        "(%3); 'aicp license show %1 -o FILE' writes it again")
                             .arg(idText(record.license.id),
                                  QDir::toNativeSeparators(file->fileName()), file->errorString()));
        return {};
    }
};

// The end of issue, renew and upgrade: `sign` makes the license once the -o
// file is known to be writable.
template <typename Sign>
int signAndPrint(const Invocation& call, const QString& outputPath, bool json, Sign sign) {
    PendingLicenseFile file;
    const Status opened = file.open(outputPath);
    if (!opened.ok())
        return call.failure(opened.error());
    const Result<LicenseRecord> signedRecord = sign();
    if (!signedRecord)
        return call.fail(signedRecord.error());
    const Status written = file.write(*signedRecord);
    if (!written.ok())
        return call.failure(written.error());
    const LicenseRecord& record = *signedRecord;
    if (json)
        return call.print(printedJson(
            {{QStringLiteral("id"), idText(record.license.id)},
             {QStringLiteral("key"), QString::fromLatin1(record.key)},
             {QStringLiteral("file"),
              outputPath.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(outputPath)},
             {QStringLiteral("license"), licenseJson(record.license)}}));
    return call.print(QString::fromLatin1(record.key) + u'\n');
}

// ---------------------------------------------------------------------------
// renew and upgrade

class RenewCommand final : public Command {
public:
    RenewCommand() : Command(QStringLiteral("license renew")) { ownOptions_ = options_.outputs(); }

private:
    const TermOptions options_;

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(id, call.argument(QStringLiteral("license id")), fail);
        AICP_CLI_TRY(outputPath, call.value(options_.output), fail);
        AICP_CLI_TRY(signing, prepareSigning(call, *id), fail);
        return signAndPrint(call, *outputPath, call.isSet(options_.json), [&] {
            return LicenseRegistry(*signing->workspace)
                .renew(signing->target->license.id, signing->passphrase.view());
        });
    }
};

// When an upgrade changes the tier, the terms the old license only had
// because they were its tier's defaults follow the new tier; anything chosen
// on purpose (more seats, a bought audit level, chosen packs) is kept.
void followNewTierDefaults(LicenseRequest& request, const LicensePayload& old,
                           const QCommandLineParser& parser, const TermOptions& options,
                           const PriceBookVersion& prices) {
    const TierDefinition* oldTier = prices.tier(old.tier);
    if (!oldTier || request.tier == old.tier)
        return;
    if (!parser.isSet(options.seats) && old.seats == oldTier->seats.included.value_or(1))
        request.seats.reset();
    if (!parser.isSet(options.agents) && old.agents == oldTier->includedAgents)
        request.agents.reset();
    if (!parser.isSet(options.auditTier) && old.auditTier == oldTier->includedAuditTier)
        request.auditTier.clear();
    if (!parser.isSet(options.instances) &&
        old.activation.instances == oldTier->activation.instances)
        request.instances.reset();
    if (!parser.isSet(options.activation) && old.activation.mode == oldTier->activation.mode)
        request.activationMode.reset();
    if (!parser.isSet(options.heartbeatSeconds) &&
        old.activation.heartbeatSeconds == oldTier->activation.heartbeatSeconds)
        request.heartbeatSeconds.reset();
    const auto sameItems = [](QStringList a, QStringList b) {
        a.sort();
        b.sort();
        return a == b;
    };
    if (!parser.isSet(options.policyPacks) && oldTier->policyPacks.isUnlimited() &&
        sameItems(old.policyPacks, prices.policyPacks))
        request.policyPacks.clear();
    if (!parser.isSet(options.complianceModules) && oldTier->complianceModules.isUnlimited() &&
        sameItems(old.complianceModules, prices.complianceModules))
        request.complianceModules.clear();
}

// ---------------------------------------------------------------------------
// issue

// An upgrade request a customer sent (`aicp recommend --request-upgrade`);
// one edited on its way is refused (its digest no longer matches).
Result<UpgradeRequest> readUpgradeRequest(const QString& path) {
    auto bytes = readInputFile(path, UpgradeRequest::kMaxSize);
    if (!bytes)
        return bytes.error();
    auto request = UpgradeRequest::fromJson(*bytes);
    if (!request)
        return stateError(request.error()).withContext(QDir::toNativeSeparators(path));
    return request;
}

class IssueCommand final : public Command {
public:
    IssueCommand() : Command(QStringLiteral("license issue")) {
        ownOptions_ = QList<QCommandLineOption>{options_.customer, options_.name, fromRequest_} +
                      options_.changes() + options_.outputs();
    }

private:
    const TermOptions options_;
    const QCommandLineOption fromRequest_{
        QStringLiteral("from-request"),
        QStringLiteral("Issue the terms of a customer's upgrade request (JSON, as 'aicp recommend "
                       "--request-upgrade' writes it), superseding their current license; the "
                       "options given override the request's terms."),
        QStringLiteral("FILE")};

    // The terms an upgrade request asks for. When the license it upgrades is
    // held here, what the request does not speak of (contract, grace, agents
    // and audit level chosen on purpose) stays as that license has it.
    Result<LicenseRequest> requestedTerms(const Invocation& call, const Signing& signing,
                                          const UpgradeRequest& asked) const {
        LicenseRequest request = asked.licenseRequest();
        // A --tier given replaces the asked one before the old license's
        // tier defaults are weighed against it.
        if (call.isSet(options_.tier))
            request.tier = call.parser().value(options_.tier).trimmed();
        if (!signing.target) {
            request.supersedes.reset();  // not in this registry: a new license
        } else {
            const LicensePayload& old = signing.target->license;
            auto prices = pricesInForceToday(*signing.workspace);
            if (!prices)
                return stateError(prices.error());
            LicenseRequest kept = LicenseRequest::from(old);
            kept.tier = request.tier;
            followNewTierDefaults(kept, old, call.parser(), options_, *prices);
            request.agents = kept.agents;
            request.auditTier = kept.auditTier;
            request.graceDays = kept.graceDays;
            request.contract = kept.contract;
            if (!request.seats)
                request.seats = kept.seats;
        }
        return applyNamed(call, request);
    }

    // --customer, --name and the terms given, over `request`.
    Result<LicenseRequest> applyNamed(const Invocation& call, LicenseRequest request) const {
        auto customer = call.value(options_.customer);
        if (!customer)
            return customer.error();
        auto name = call.value(options_.name);
        if (!name)
            return name.error();
        if (call.isSet(options_.customer))
            request.customerId = customer->trimmed();
        if (call.isSet(options_.name))
            request.customerName = name->trimmed();
        AICP_TRY(applyTerms(call.parser(), options_, request,
                            request.expiresAt.isValid() ? 0 : kDefaultDays));
        return request;
    }

    int issueFromRequest(Invocation& call, const QString& path, const QString& outputPath) const {
        // A customer's workspace is told so before its request is read.
        if (const Status vendor = call.vendorOnly(vendorOnlyReason(name())); !vendor.ok())
            return call.failure(vendor.error());
        AICP_CLI_TRY(asked, readUpgradeRequest(path), fail);
        LicenseRequest probe;  // the options are checked before the passphrase
        if (const Status wellFormed = applyTerms(call.parser(), options_, probe, 0);
            !wellFormed.ok())
            return call.fail(wellFormed.error());
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        auto held = LicenseRegistry(**workspace).find(asked->currentLicense);
        if (!held && held.error().code() != Error::Code::NotFound)
            return call.failure(held.error());
        AICP_CLI_TRY(signing, prepareSigning(call, held ? idText(held->license.id) : QString()),
                     fail);
        AICP_CLI_TRY(request, requestedTerms(call, *signing, *asked), fail);
        return signAndPrint(call, outputPath, call.isSet(options_.json), [&] {
            LicenseRegistry registry(*signing->workspace);
            const QByteArrayView passphrase = signing->passphrase.view();
            return signing->target
                       ? registry.upgrade(signing->target->license.id, *request, passphrase)
                       : registry.issue(*request, passphrase);
        });
    }

    int execute(Invocation& call) const override {
        const TermOptions& options = options_;
        AICP_CLI_TRY(requestPath, call.value(fromRequest_), fail);
        AICP_CLI_TRY(outputPath, call.value(options.output), fail);
        if (call.isSet(fromRequest_))
            return issueFromRequest(call, *requestPath, *outputPath);
        for (const auto* required : {&options.customer, &options.name, &options.tier})
            if (!call.isSet(*required))
                return call.usage(QStringLiteral("--%1 is required. Try 'aicp %2 --help'.")
                                      .arg(required->names().constLast(), this->name()));
        AICP_CLI_TRY(request, applyNamed(call, LicenseRequest{}), fail);
        AICP_CLI_TRY(signing, prepareSigning(call), fail);
        return signAndPrint(call, *outputPath, call.isSet(options.json), [&] {
            return LicenseRegistry(*signing->workspace).issue(*request, signing->passphrase.view());
        });
    }
};

class UpgradeCommand final : public Command {
public:
    UpgradeCommand() : Command(QStringLiteral("license upgrade")) {
        ownOptions_ = options_.changes() + options_.outputs();
    }

private:
    const TermOptions options_;

    // The old license's terms with the changes given; InvalidInput for a
    // malformed change.
    Result<LicenseRequest> upgraded(const QCommandLineParser& parser, const Signing& signing,
                                    const LicenseRequest& probe) const {
        const LicensePayload& old = signing.target->license;
        LicenseRequest request = LicenseRequest::from(old);
        // The upgrade starts now unless a later start is given; --days counts
        // from that start, so it is applied after the start is settled.
        request.notBefore = {};
        if (parser.isSet(options_.tier)) {
            auto prices = pricesInForceToday(*signing.workspace);
            if (!prices)
                return stateError(prices.error());
            request.tier = probe.tier;
            followNewTierDefaults(request, old, parser, options_, *prices);
        }
        // Without --days or --expires the old end date (from the old terms) stays.
        AICP_TRY(applyTerms(parser, options_, request, 0));
        return request;
    }

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(id, call.argument(QStringLiteral("license id")), fail);
        bool changing = false;
        for (const QCommandLineOption& option : options_.changes())
            changing = changing || call.isSet(option);
        if (!changing)
            return call.usage(
                QStringLiteral("give at least one change (--tier, --seats, --policy-packs, …); "
                               "'aicp license renew' extends a license unchanged"));
        AICP_CLI_TRY(outputPath, call.value(options_.output), fail);
        // Checked before the passphrase is asked for.
        LicenseRequest probe;
        if (const Status wellFormed = applyTerms(call.parser(), options_, probe, 0);
            !wellFormed.ok())
            return call.fail(wellFormed.error());
        AICP_CLI_TRY(signing, prepareSigning(call, *id), fail);
        AICP_CLI_TRY(request, upgraded(call.parser(), *signing, probe), fail);
        return signAndPrint(call, *outputPath, call.isSet(options_.json), [&] {
            return LicenseRegistry(*signing->workspace)
                .upgrade(signing->target->license.id, *request, signing->passphrase.view());
        });
    }
};

// ---------------------------------------------------------------------------
// revoke

class RevokeCommand final : public Command {
public:
    RevokeCommand() : Command(QStringLiteral("license revoke")) { ownOptions_ = {reason_}; }

private:
    const QCommandLineOption reason_{QStringLiteral("reason"),
                                     QStringLiteral("Why the license is revoked (required; kept "
                                                    "in the registry and the audit log)."),
                                     QStringLiteral("TEXT")};

    int print(const Invocation& call, const LicenseRecord& revoked,
              std::optional<std::int64_t> sequence) const {
        const Revocation& revocation = *revoked.revocation;
        if (call.asJson())
            return call.print(printedJson(
                {{QStringLiteral("id"), idText(revoked.license.id)},
                 {QStringLiteral("customer"), revoked.license.customerId},
                 {QStringLiteral("revoked_at"), toRfc3339(revocation.at)},
                 {QStringLiteral("revoked_by"), revocation.by},
                 {QStringLiteral("reason"), revocation.reason},
                 {QStringLiteral("revocation_list_sequence"), jsonCountOrNull(sequence)}}));
        call.out() << QStringLiteral("Revoked license %1 (%2): %3\n")
                          .arg(idText(revoked.license.id), revoked.license.customerId,
                               revocation.reason);
        if (sequence)
            call.out() << QStringLiteral(
                              "Published revocation list %1; hand it to verifiers with 'aicp "
                              "revocations export -o FILE'.\n")
                              .arg(*sequence);
        return kExitSuccess;
    }

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(id, call.argument(QStringLiteral("license id")), fail);
        AICP_CLI_TRY(reasonText, call.value(reason_), fail);
        if (!call.isSet(reason_))
            return call.usage(
                QStringLiteral("--reason TEXT is required. Try 'aicp %1 --help'.").arg(name()));
        AICP_CLI_TRY(signing, prepareSigning(call, *id, TargetUse::Revoke), fail);
        LicenseRegistry registry(*signing->workspace);
        AICP_CLI_TRY(
            revoked,
            registry.revoke(signing->target->license.id, *reasonText, signing->passphrase.view()),
            fail);
        std::optional<std::int64_t> sequence;
        auto token = registry.latestPublishedRevocationList();
        auto ring = KeyStore(*signing->workspace).publicKeyRing();
        if (token && ring)
            if (auto list = RevocationList::verify(*token, *ring))
                sequence = list->sequence;
        return print(call, *revoked, sequence);
    }
};

}  // namespace

const CommandGroup& licenseCommands() {
    static const IssueCommand issue;
    static const RenewCommand renew;
    static const UpgradeCommand upgrade;
    static const RevokeCommand revoke;
    static const CommandGroup group{
        QStringLiteral("license"),
        QStringLiteral("Issues, verifies and manages licenses; the registry keeps every license "
                       "ever issued."),
        {&issue, &licenseAddCommand(), &licenseVerifyCommand(), &licenseListCommand(),
         &licenseShowCommand(), &renew, &upgrade, &revoke}};
    return group;
}

}  // namespace aicp::cli

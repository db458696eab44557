#include "cli/clicommands.h"
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

constexpr std::int64_t kDefaultDays = 365;
constexpr std::int64_t kMaxDays = 100 * 366;

// ---------------------------------------------------------------------------
// Options shared by issue, renew and upgrade

struct TermOptions {
    QCommandLineOption customer{QStringLiteral("customer"),
                                QStringLiteral("Customer id (lowercase letters, digits, '-'); a "
                                               "customer not yet in the workspace is added."),
                                QStringLiteral("ID")};
    QCommandLineOption name{QStringLiteral("name"), QStringLiteral("The customer's name."),
                            QStringLiteral("NAME")};
    QCommandLineOption tier{QStringLiteral("tier"),
                            QStringLiteral("Tier (see 'aicp pricebook show')."),
                            QStringLiteral("TIER")};
    QCommandLineOption seats{QStringLiteral("seats"),
                             QStringLiteral("Seats; default: the seats the tier includes."),
                             QStringLiteral("N")};
    QCommandLineOption agents{QStringLiteral("agents"),
                              QStringLiteral("Agents; default: the tier's limit."),
                              QStringLiteral("N")};
    QCommandLineOption policyPacks{
        QStringLiteral("policy-packs"),
        QStringLiteral("Policy packs, comma-separated; on a tier with every pack, default: all."),
        QStringLiteral("a,b")};
    QCommandLineOption complianceModules{
        QStringLiteral("compliance-modules"),
        QStringLiteral("Compliance modules, comma-separated (like --policy-packs)."),
        QStringLiteral("x,y")};
    QCommandLineOption auditTier = auditTierOption();
    QCommandLineOption starts{QStringLiteral("starts"),
                              QStringLiteral("First moment of validity: YYYY-MM-DD (midnight "
                                             "UTC) or an RFC 3339 time. Default: now."),
                              QStringLiteral("DATE")};
    QCommandLineOption days{QStringLiteral("days"),
                            QStringLiteral("Valid for N days from the start. Default: %1 when "
                                           "--expires is not given either.")
                                .arg(kDefaultDays),
                            QStringLiteral("N")};
    QCommandLineOption expires{
        QStringLiteral("expires"),
        QStringLiteral("End of validity instead of --days: YYYY-MM-DD (the license ends at "
                       "midnight UTC starting that day) or an RFC 3339 time."),
        QStringLiteral("DATE")};
    QCommandLineOption graceDays{
        QStringLiteral("grace-days"),
        QStringLiteral("Days after expiry the license still works, flagged (0-%1). Default: %2.")
            .arg(LicenseRequest::kMaxGraceDays)
            .arg(LicenseRequest::kDefaultGraceDays),
        QStringLiteral("N")};
    QCommandLineOption discount = discountOption();
    QCommandLineOption termMonths{QStringLiteral("term-months"),
                                  QStringLiteral("Contract term: 12, 24 or 36 (default: monthly)."),
                                  QStringLiteral("N")};
    QCommandLineOption billingPeriod = billingPeriodOption();
    QCommandLineOption commitment = commitmentOption(QStringLiteral("'none' removes it."));
    QCommandLineOption trialUntil{
        QStringLiteral("trial-until"),
        QStringLiteral("No charge before this time: YYYY-MM-DD (midnight UTC) or an RFC 3339 "
                       "time, at most the expiry. 'none' removes it."),
        QStringLiteral("DATE")};
    QCommandLineOption output =
        outputOption(QStringLiteral("Also write the license file (the key wrapped in "
                                    "-----BEGIN AICP LICENSE----- lines) to FILE."));
    QCommandLineOption json{QStringLiteral("json"),
                            QStringLiteral("Print the id, key and license as JSON instead of the "
                                           "bare key.")};

    // The options that change a license's terms (what upgrade may change).
    [[nodiscard]] QList<QCommandLineOption> changes() const {
        return {tier,      seats,      agents,        policyPacks, complianceModules,
                auditTier, starts,     days,          expires,     graceDays,
                discount,  termMonths, billingPeriod, commitment,  trialUntil};
    }
    [[nodiscard]] QList<QCommandLineOption> outputs() const { return {output, json}; }
};

const QString kIssueOutput = QStringLiteral(
    "Prints the license key (AICP1.…) as one line on standard output; --json prints "
    "{\"id\", \"key\", \"file\" (the -o FILE, or null), \"license\" (the signed payload: "
    "v, id, kid, customer {id, name}, tier, features, addons {policy_packs, "
    "compliance_modules}, limits {requests_per_month, seats, agents} (null: unlimited), "
    "audit_tier, contract {discount_percent, term_months, price_overrides, and when set "
    "billing_period, commitment {amount, period, currency}, trial_until}, issued_at, "
    "not_before, expires_at, grace_days, supersedes)}.");

const QString kSigningDetails = QStringLiteral(
    "Signing needs the signing key's passphrase: --passphrase-file FILE, else "
    "$AICP_KEY_PASSPHRASE, else a prompt when standard input is a terminal; never an "
    "argument.");

Result<std::int64_t> countOption(const QCommandLineParser& parser,
                                 const QCommandLineOption& option) {
    auto text = singleValue(parser, option);
    if (!text)
        return text.error();
    return parseCount(QStringLiteral("--") + option.names().constLast(), text->trimmed());
}

Result<int> smallCountOption(const QCommandLineParser& parser, const QCommandLineOption& option) {
    auto value = countOption(parser, option);
    if (!value)
        return value.error();
    if (*value > std::numeric_limits<int>::max())
        return Error::invalidInput(
            QStringLiteral("--%1 is too large").arg(option.names().constLast()));
    return static_cast<int>(*value);
}

// --billing-period, --commitment and --trial-until, where given.
Status applySchedule(const QCommandLineParser& parser, const TermOptions& options,
                     ContractTerms& contract) {
    if (parser.isSet(options.billingPeriod)) {
        auto text = singleValue(parser, options.billingPeriod);
        if (!text)
            return text.error();
        AICP_TRY(assignTo(contract.billingPeriod, parseBillingPeriod(*text)));
    }
    if (parser.isSet(options.commitment)) {
        auto text = singleValue(parser, options.commitment);
        if (!text)
            return text.error();
        if (text->trimmed() == QLatin1String("none")) {
            contract.commitment.reset();
        } else {
            auto commitment = Commitment::parse(text->trimmed());
            if (!commitment)
                return commitment.error().withContext(QStringLiteral("--commitment"));
            contract.commitment = *commitment;
        }
    }
    if (parser.isSet(options.trialUntil)) {
        auto text = singleValue(parser, options.trialUntil);
        if (!text)
            return text.error();
        if (text->trimmed() == QLatin1String("none")) {
            contract.trialUntil = {};
        } else {
            auto until = parseDateOption(QStringLiteral("--trial-until"), text->trimmed());
            if (!until)
                return until.error();
            contract.trialUntil = *until;
        }
    }
    return {};
}

// Applies every term option that was given to `request`; a malformed value
// is InvalidInput naming the option. `defaultDays` fills the validity when
// neither --days nor --expires is given (0: keep the request's).
Status applyTerms(const QCommandLineParser& parser, const TermOptions& options,
                  LicenseRequest& request, std::int64_t defaultDays) {
    const auto text = [&](const QCommandLineOption& option) -> Result<QString> {
        auto value = givenValue(parser, option);
        if (!value)
            return value.error();
        return value->trimmed();
    };
    const auto count = [&](const QCommandLineOption& option) {
        return countOption(parser, option);
    };
    const auto smallCount = [&](const QCommandLineOption& option) {
        return smallCountOption(parser, option);
    };
    const auto list = [&](const QCommandLineOption& option) -> Result<QStringList> {
        auto value = singleValue(parser, option);
        if (!value)
            return value.error();
        return parseList(QStringLiteral("--") + option.names().constLast(), *value);
    };
    const auto date = [&](const QCommandLineOption& option) -> Result<QDateTime> {
        auto value = text(option);
        if (!value)
            return value.error();
        return parseDateOption(QStringLiteral("--") + option.names().constLast(), *value);
    };
    const auto discount = [&](const QCommandLineOption& option) -> Result<Percent> {
        auto value = text(option);
        if (!value)
            return value.error();
        return parseDiscount(*value);
    };
    // An option not given leaves its term as the request has it.
    const auto apply = [&](const QCommandLineOption& option, const auto& parse,
                           auto& term) -> Status {
        if (!parser.isSet(option))
            return {};
        auto value = parse(option);
        if (!value)
            return value.error();
        term = *value;
        return {};
    };
    AICP_TRY(apply(options.tier, text, request.tier));
    AICP_TRY(apply(options.seats, count, request.seats));
    AICP_TRY(apply(options.agents, count, request.agents));
    AICP_TRY(apply(options.policyPacks, list, request.policyPacks));
    AICP_TRY(apply(options.complianceModules, list, request.complianceModules));
    AICP_TRY(apply(options.auditTier, text, request.auditTier));
    AICP_TRY(apply(options.starts, date, request.notBefore));
    if (parser.isSet(options.days) && parser.isSet(options.expires))
        return Error::invalidInput(
            QStringLiteral("give --days or --expires, not both: each sets the end of validity"));
    std::int64_t days = parser.isSet(options.expires) ? 0 : defaultDays;
    if (parser.isSet(options.days)) {
        auto value = count(options.days);
        if (!value)
            return value.error();
        if (*value < 1 || *value > kMaxDays)
            return Error::invalidInput(
                QStringLiteral("--days must be between 1 and %1").arg(kMaxDays));
        days = *value;
    }
    if (days > 0) {
        const QDateTime start =
            request.notBefore.isValid() ? request.notBefore : currentUtcToTheSecond();
        request.expiresAt = start.toUTC().addDays(days);
    }
    AICP_TRY(apply(options.expires, date, request.expiresAt));
    AICP_TRY(apply(options.graceDays, smallCount, request.graceDays));
    AICP_TRY(apply(options.discount, discount, request.contract.discount));
    AICP_TRY(apply(options.termMonths, smallCount, request.contract.termMonths));
    return applySchedule(parser, options, request.contract);
}

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

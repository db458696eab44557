#include "cli/clicommands.h"
#include "cli/licensingtext.h"
#include "cli/passphrase.h"
#include "common/texttable.h"
#include "licensing/keystore.h"
#include "licensing/licensefile.h"
#include "licensing/licenseregistry.h"
#include "licensing/revocationlist.h"

#include <limits>

#include <QDir>
#include <QSaveFile>

namespace aicp::cli {
namespace {

constexpr std::int64_t kDefaultDays = 365;
constexpr std::int64_t kMaxDays = 100 * 366;

const QStringList kStates = [] {
    QStringList words;
    for (const LicenseState state : kLicenseStates)
        words << word(state);
    return words;
}();

QDateTime nowToTheSecond() {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return now.addMSecs(-now.time().msec());
}

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
    QCommandLineOption output =
        outputOption(QStringLiteral("Also write the license file (the key wrapped in "
                                    "-----BEGIN AICP LICENSE----- lines) to FILE."));
    QCommandLineOption passphraseFile = passphraseFileOption();
    QCommandLineOption json{QStringLiteral("json"),
                            QStringLiteral("Print the id, key and license as JSON instead of the "
                                           "bare key.")};

    // The options that change a license's terms (what upgrade may change).
    [[nodiscard]] QList<QCommandLineOption> changes() const {
        return {tier,   seats, agents,  policyPacks, complianceModules, auditTier,
                starts, days,  expires, graceDays,   discount,          termMonths};
    }
    [[nodiscard]] QList<QCommandLineOption> outputs() const {
        return {output, passphraseFile, json, helpOption()};
    }
};

const QString kIssueOutput = QStringLiteral(
    "Prints the license key (AICP1.…) as one line on standard output; --json prints "
    "{\"id\", \"key\", \"file\" (the -o FILE, or null), \"license\" (the signed payload: "
    "v, id, kid, customer {id, name}, tier, features, addons {policy_packs, "
    "compliance_modules}, limits {requests_per_month, seats, agents} (null: unlimited), "
    "audit_tier, contract {discount_percent, term_months, price_overrides}, issued_at, "
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

// Applies every term option that was given to `request`; a malformed value
// is InvalidInput naming the option. `defaultDays` fills the validity when
// neither --days nor --expires is given (0: keep the request's).
Status applyTerms(const QCommandLineParser& parser, const TermOptions& options,
                  LicenseRequest& request, std::int64_t defaultDays) {
    const auto text = [&](const QCommandLineOption& option) -> Result<QString> {
        auto value = singleValue(parser, option);
        if (!value)
            return value.error();
        if (parser.isSet(option) && value->trimmed().isEmpty())
            return Error::invalidInput(
                QStringLiteral("--%1 needs a value").arg(option.names().constLast()));
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
        const QDateTime start = request.notBefore.isValid() ? request.notBefore : nowToTheSecond();
        request.expiresAt = start.toUTC().addDays(days);
    }
    AICP_TRY(apply(options.expires, date, request.expiresAt));
    AICP_TRY(apply(options.graceDays, smallCount, request.graceDays));
    AICP_TRY(apply(options.discount, discount, request.contract.discount));
    AICP_TRY(apply(options.termMonths, smallCount, request.contract.termMonths));
    return {};
}

struct Signing {
    std::unique_ptr<Workspace> workspace;
    Passphrase passphrase;
    std::optional<LicenseRecord> target;  // the license acted on, when there is one
};

// What a command does to an existing license, for the checks made before the
// passphrase is asked for.
enum class TargetUse { Revoke, Supersede };

// Opens the workspace, makes sure it can sign (so nobody types a passphrase
// for nothing) and reads the passphrase. On failure the error is reported
// and its status is in `exitStatus`.
std::optional<Signing> prepareSigning(const CliContext& context, const QCommandLineParser& parser,
                                      const QCommandLineOption& passphraseFile,
                                      const QString& command, int& exitStatus,
                                      const QString& targetId = {},
                                      TargetUse use = TargetUse::Supersede) {
    const auto path = optionValue(context, parser, passphraseFile, command, exitStatus);
    if (!path)
        return std::nullopt;
    auto workspace = context.openExistingWorkspace();
    if (!workspace) {
        exitStatus = context.failure(workspace.error().withContext(command));
        return std::nullopt;
    }
    auto mode = (*workspace)->mode();
    if (!mode) {
        exitStatus = context.failure(mode.error().withContext(command));
        return std::nullopt;
    }
    if (*mode == Workspace::Mode::Customer) {
        exitStatus = context.failure(
            QStringLiteral("%1: this is a customer workspace: it holds public keys only and "
                           "cannot sign")
                .arg(command));
        return std::nullopt;
    }
    auto key = KeyStore(**workspace).find();
    if (!key) {
        exitStatus = context.failure(
            key.error().code() == Error::Code::NotFound
                ? QStringLiteral("%1: the workspace has no signing key yet; make one with 'aicp "
                                 "keys generate'")
                      .arg(command)
                : key.error().withContext(command).message());
        return std::nullopt;
    }
    std::optional<LicenseRecord> target;
    if (!targetId.isEmpty()) {
        auto record = LicenseRegistry(**workspace).findByPrefix(targetId);
        if (!record) {
            exitStatus = context.reportError(record.error().withContext(command));
            return std::nullopt;
        }
        const QString id = idText(record->license.id);
        if (record->revocation) {
            exitStatus = context.failure(
                QStringLiteral("%1: license %2 was %3revoked on %4 by %5%6")
                    .arg(command, id,
                         use == TargetUse::Revoke ? QStringLiteral("already ") : QString(),
                         toRfc3339(record->revocation->at), record->revocation->by,
                         use == TargetUse::Revoke ? QString()
                                                  : QStringLiteral("; issue a new one instead")));
            return std::nullopt;
        }
        if (use == TargetUse::Supersede && record->supersededBy) {
            exitStatus = context.failure(
                QStringLiteral("%1: license %2 was already superseded by %3; use that one")
                    .arg(command, id, idText(*record->supersededBy)));
            return std::nullopt;
        }
        target = std::move(record).value();
    }
    auto passphrase = readPassphrase(*path, PassphraseUse::Unlock, context.err);
    if (!passphrase) {
        exitStatus = context.reportError(passphrase.error().withContext(command));
        return std::nullopt;
    }
    return Signing{std::move(workspace).value(), std::move(passphrase).value(), std::move(target)};
}

// The start of the commands that act on one license (show, renew, upgrade,
// revoke): the ID they take, or nullopt when the command is finished already
// (its help printed, or a mistake reported) with its status in `exitStatus`.
std::optional<QString> parseWithLicenseId(const CliContext& context, QCommandLineParser& parser,
                                          const CommandHelp& help, const QString& command,
                                          const QStringList& arguments, int& exitStatus) {
    if (auto finished = parseOrFinish(context, parser, help, command, arguments, 1)) {
        exitStatus = *finished;
        return std::nullopt;
    }
    return requiredArgument(context, parser, command, QStringLiteral("license id"), exitStatus);
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
int signAndPrint(const CliContext& context, const QString& command, const QString& outputPath,
                 bool json, Sign sign) {
    PendingLicenseFile file;
    const Status opened = file.open(outputPath);
    if (!opened.ok())
        return context.failure(opened.error().withContext(command));
    const Result<LicenseRecord> signedRecord = sign();
    if (!signedRecord)
        return context.reportError(signedRecord.error().withContext(command));
    const Status written = file.write(*signedRecord);
    if (!written.ok())
        return context.failure(written.error().withContext(command));
    const LicenseRecord& record = *signedRecord;
    if (json) {
        context.out << printedJson(
            {{QStringLiteral("id"), idText(record.license.id)},
             {QStringLiteral("key"), QString::fromLatin1(record.key)},
             {QStringLiteral("file"),
              outputPath.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(outputPath)},
             {QStringLiteral("license"), licenseJson(record.license)}});
        return kExitSuccess;
    }
    context.out << QString::fromLatin1(record.key) << '\n';
    return kExitSuccess;
}

// ---------------------------------------------------------------------------
// issue

int runIssue(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("license issue");
    const TermOptions options;
    CommandHelp help;
    help.usage = {QStringLiteral(
        "[--db FILE] license issue --customer ID --name NAME --tier TIER [options]")};
    help.summary = QStringLiteral(
        "Issues a license signed with the workspace's signing key, built from the tier's "
        "defaults in the price book (the version in force at the start date) plus the chosen "
        "add-ons, limits and contract terms, and records it in the registry and the audit log. "
        "A combination the tier cannot have (policy packs on open_source, more packs than "
        "included when no extra ones are sold, …) is refused with the reason.");
    help.options = QList<QCommandLineOption>{options.customer, options.name} + options.changes() +
                   options.outputs();
    help.details =
        kIssueOutput +
        QStringLiteral(
            "\n\nValidity: from --starts (default now) for --days "
            "(default %1) or until --expires. ")
            .arg(kDefaultDays) +
        kSigningDetails +
        QStringLiteral(
            "\n\nExit status: 0 issued, 1 it could not be (no signing key, wrong passphrase, "
            "the file could not be written), 2 a mistake in the command line or terms the tier "
            "cannot have.\n\n"
            "Example:\n"
            "  aicp license issue --customer acme-corp --name \"Acme Corp\" --tier professional "
            "--policy-packs pii-protection,toxicity --days 365 -o acme.lic");
    QCommandLineParser parser;
    if (auto finished = parseOrFinish(context, parser, help, command, arguments, 0))
        return *finished;
    int status = kExitSuccess;
    LicenseRequest request;
    const auto customer = optionValue(context, parser, options.customer, command, status);
    if (!customer)
        return status;
    const auto name = optionValue(context, parser, options.name, command, status);
    if (!name)
        return status;
    for (const auto* required : {&options.customer, &options.name, &options.tier})
        if (!parser.isSet(*required))
            return context.usageError(QStringLiteral("%1: --%2 is required. Try 'aicp %1 --help'.")
                                          .arg(command, required->names().constLast()));
    request.customerId = customer->trimmed();
    request.customerName = name->trimmed();
    const Status terms = applyTerms(parser, options, request, kDefaultDays);
    if (!terms.ok())
        return context.usageError(command + QStringLiteral(": ") + terms.error().message());
    const auto outputPath = optionValue(context, parser, options.output, command, status);
    if (!outputPath)
        return status;

    auto signing = prepareSigning(context, parser, options.passphraseFile, command, status);
    if (!signing)
        return status;
    return signAndPrint(context, command, *outputPath, parser.isSet(options.json), [&] {
        return LicenseRegistry(*signing->workspace).issue(request, signing->passphrase.view());
    });
}

// ---------------------------------------------------------------------------
// renew and upgrade

int runRenew(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("license renew");
    const TermOptions options;
    CommandHelp help;
    help.usage = {
        QStringLiteral("[--db FILE] license renew ID [-o FILE] [--passphrase-file FILE] [--json]")};
    help.summary = QStringLiteral(
        "Issues a new license with the same terms for another period of the same length, "
        "starting when the old one ends (or now, when it has ended already). The new license "
        "names the one it supersedes; the old one stays in the registry, marked superseded. "
        "ID is the full license id or its first 8 or more characters.");
    help.options = options.outputs();
    help.details = kIssueOutput + QStringLiteral("\n\n") + kSigningDetails +
                   QStringLiteral(
                       "\n\nExit status: 0 renewed, 1 it could not be (a revoked or already "
                       "superseded license, wrong passphrase), 2 a mistake in the command line or "
                       "an unknown id.");
    QCommandLineParser parser;
    int status = kExitSuccess;
    const auto id = parseWithLicenseId(context, parser, help, command, arguments, status);
    if (!id)
        return status;
    const auto outputPath = optionValue(context, parser, options.output, command, status);
    if (!outputPath)
        return status;
    auto signing = prepareSigning(context, parser, options.passphraseFile, command, status, *id);
    if (!signing)
        return status;
    return signAndPrint(context, command, *outputPath, parser.isSet(options.json), [&] {
        return LicenseRegistry(*signing->workspace)
            .renew(signing->target->license.id, signing->passphrase.view());
    });
}

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

int runUpgrade(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("license upgrade");
    const TermOptions options;
    CommandHelp help;
    help.usage = {QStringLiteral("[--db FILE] license upgrade ID [--tier TIER] [options]")};
    help.summary = QStringLiteral(
        "Issues a new license with changed terms that supersedes license ID (its full id or "
        "first 8 or more characters). It starts with the old license's terms; the options "
        "given replace them. It starts now (or at a later --starts) and keeps the old end date "
        "unless --days (counted from the start) or --expires says otherwise. When the tier "
        "changes, seats, agents, the audit level and 'every pack/module' follow the new "
        "tier's defaults where the old license only had its tier's defaults.");
    help.options = options.changes() + options.outputs();
    help.details = kIssueOutput + QStringLiteral("\n\n") + kSigningDetails +
                   QStringLiteral(
                       "\n\nExit status: 0 issued, 1 it could not be (a revoked or already "
                       "superseded license, wrong passphrase), 2 a mistake in the command line, an "
                       "unknown id or "
                       "terms the tier cannot have.\n\n"
                       "Example:\n"
                       "  aicp license upgrade 6f1c2a4e --tier enterprise --compliance-modules "
                       "gdpr,soc2");
    QCommandLineParser parser;
    int status = kExitSuccess;
    const auto id = parseWithLicenseId(context, parser, help, command, arguments, status);
    if (!id)
        return status;
    bool changing = false;
    for (const QCommandLineOption& option : options.changes())
        changing = changing || parser.isSet(option);
    if (!changing)
        return context.usageError(
            QStringLiteral("%1: give at least one change (--tier, --seats, --policy-packs, …); "
                           "'aicp license renew' extends a license unchanged")
                .arg(command));
    const auto outputPath = optionValue(context, parser, options.output, command, status);
    if (!outputPath)
        return status;
    // Checked before the passphrase is asked for.
    LicenseRequest probe;
    const Status wellFormed = applyTerms(parser, options, probe, 0);
    if (!wellFormed.ok())
        return context.usageError(command + QStringLiteral(": ") + wellFormed.error().message());

    auto signing = prepareSigning(context, parser, options.passphraseFile, command, status, *id);
    if (!signing)
        return status;
    const std::optional<LicenseRecord>& old = signing->target;
    LicenseRequest request = LicenseRequest::from(old->license);
    // The upgrade starts now unless a later start is given; --days counts
    // from that start, so it is applied after the start is settled.
    request.notBefore = {};
    if (parser.isSet(options.tier)) {
        auto book = signing->workspace->priceBook();
        if (!book)
            return context.failure(book.error().withContext(command));
        auto prices = pricesInForceToday(*book);
        if (!prices)
            return context.failure(prices.error().withContext(command));
        request.tier = probe.tier;
        followNewTierDefaults(request, old->license, parser, options, *prices);
    }
    // Without --days or --expires the old end date (from the old terms) stays.
    const Status applied = applyTerms(parser, options, request, 0);
    if (!applied.ok())
        return context.usageError(command + QStringLiteral(": ") + applied.error().message());

    return signAndPrint(context, command, *outputPath, parser.isSet(options.json), [&] {
        return LicenseRegistry(*signing->workspace)
            .upgrade(old->license.id, request, signing->passphrase.view());
    });
}

// ---------------------------------------------------------------------------
// revoke

int runRevoke(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("license revoke");
    const QCommandLineOption reason(QStringLiteral("reason"),
                                    QStringLiteral("Why the license is revoked (required; kept "
                                                   "in the registry and the audit log)."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption passphraseFile = passphraseFileOption();
    const QCommandLineOption json = jsonOption(QStringLiteral("the revocation"));
    CommandHelp help;
    help.usage = {QStringLiteral(
        "[--db FILE] license revoke ID --reason TEXT [--passphrase-file FILE] [--json]")};
    help.summary = QStringLiteral(
        "Revokes license ID (its full id or first 8 or more characters): records who, when and "
        "why, and publishes a new signed revocation list (its sequence one higher). Verifiers "
        "refuse the license once they load that list: hand it out with 'aicp revocations "
        "export'. A revocation is never undone.");
    help.options = {reason, passphraseFile, json, helpOption()};
    help.details =
        kSigningDetails +
        QStringLiteral(
            "\n\nJSON: {\"id\", \"customer\", \"revoked_at\", \"revoked_by\", \"reason\", "
            "\"revocation_list_sequence\"}.\n\n"
            "Exit status: 0 revoked, 1 it could not be (already revoked, wrong passphrase), "
            "2 a mistake in the command line or an unknown id.");
    QCommandLineParser parser;
    int status = kExitSuccess;
    const auto id = parseWithLicenseId(context, parser, help, command, arguments, status);
    if (!id)
        return status;
    const auto reasonText = optionValue(context, parser, reason, command, status);
    if (!reasonText)
        return status;
    if (!parser.isSet(reason))
        return context.usageError(
            QStringLiteral("%1: --reason TEXT is required. Try 'aicp %1 --help'.").arg(command));
    auto signing =
        prepareSigning(context, parser, passphraseFile, command, status, *id, TargetUse::Revoke);
    if (!signing)
        return status;
    LicenseRegistry registry(*signing->workspace);
    const LicenseRecord& target = *signing->target;
    auto revoked = registry.revoke(target.license.id, *reasonText, signing->passphrase.view());
    if (!revoked)
        return context.reportError(revoked.error().withContext(command));

    std::optional<std::int64_t> sequence;
    auto token = registry.latestPublishedRevocationList();
    auto ring = KeyStore(*signing->workspace).publicKeyRing();
    if (token && ring)
        if (auto list = RevocationList::verify(*token, *ring))
            sequence = list->sequence;

    const Revocation& revocation = *revoked->revocation;
    if (parser.isSet(json)) {
        context.out << printedJson(
            {{QStringLiteral("id"), idText(revoked->license.id)},
             {QStringLiteral("customer"), revoked->license.customerId},
             {QStringLiteral("revoked_at"), toRfc3339(revocation.at)},
             {QStringLiteral("revoked_by"), revocation.by},
             {QStringLiteral("reason"), revocation.reason},
             {QStringLiteral("revocation_list_sequence"), countOrNull(sequence)}});
        return kExitSuccess;
    }
    context.out << QStringLiteral("Revoked license %1 (%2): %3\n")
                       .arg(idText(revoked->license.id), revoked->license.customerId,
                            revocation.reason);
    if (sequence)
        context.out << QStringLiteral(
                           "Published revocation list %1; hand it to verifiers with 'aicp "
                           "revocations export -o FILE'.\n")
                           .arg(*sequence);
    return kExitSuccess;
}

// ---------------------------------------------------------------------------
// list and show

QJsonObject recordJson(const LicenseRecord& record, const QDateTime& now) {
    const LicensePayload& license = record.license;
    QJsonObject revocation;
    if (record.revocation)
        revocation = {{QStringLiteral("at"), toRfc3339(record.revocation->at)},
                      {QStringLiteral("by"), record.revocation->by},
                      {QStringLiteral("reason"), record.revocation->reason}};
    const auto optionalId = [](const std::optional<QUuid>& id) {
        return id ? QJsonValue(idText(*id)) : QJsonValue(QJsonValue::Null);
    };
    return {
        {QStringLiteral("id"), idText(license.id)},
        {QStringLiteral("customer"), QJsonObject{{QStringLiteral("id"), license.customerId},
                                                 {QStringLiteral("name"), license.customerName}}},
        {QStringLiteral("tier"), license.tier},
        {QStringLiteral("state"), word(record.stateAt(now))},
        {QStringLiteral("issued_at"), toRfc3339(license.issuedAt)},
        {QStringLiteral("issued_by"), record.issuedBy},
        {QStringLiteral("not_before"), toRfc3339(license.notBefore)},
        {QStringLiteral("expires_at"), toRfc3339(license.expiresAt)},
        {QStringLiteral("grace_ends_at"), toRfc3339(license.graceEndsAt())},
        {QStringLiteral("kid"), license.kid},
        {QStringLiteral("supersedes"), optionalId(license.supersedes)},
        {QStringLiteral("superseded_by"), optionalId(record.supersededBy)},
        {QStringLiteral("revocation"),
         record.revocation ? QJsonValue(revocation) : QJsonValue(QJsonValue::Null)}};
}

const QString kRecordJsonShape = QStringLiteral(
    "{\"id\", \"customer\" {id, name}, \"tier\", \"state\" (active, in-grace, expired, "
    "not-yet-valid, revoked or superseded, now), \"issued_at\", \"issued_by\", \"not_before\", "
    "\"expires_at\", \"grace_ends_at\", \"kid\", \"supersedes\", \"superseded_by\" (ids or "
    "null), \"revocation\" ({at, by, reason} or null)}");

int runList(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("license list");
    const QCommandLineOption customer(QStringLiteral("customer"),
                                      QStringLiteral("Only this customer's licenses."),
                                      QStringLiteral("ID"));
    const QCommandLineOption state(
        QStringLiteral("status"),
        QStringLiteral("Only licenses in this state now: %1.").arg(kStates.join(u", ")),
        QStringLiteral("S"));
    const QCommandLineOption json = jsonOption(QStringLiteral("the licenses"));
    CommandHelp help;
    help.usage = {QStringLiteral("[--db FILE] license list [--customer ID] [--status S] [--json]")};
    help.summary = QStringLiteral(
        "Lists every license the workspace ever issued, newest first, with its state now. The "
        "short id (8 characters) is enough for 'license show', 'revoke', 'renew' and "
        "'upgrade'.");
    help.options = {customer, state, json, helpOption()};
    help.details = QStringLiteral("JSON: {\"licenses\": [license, …]}, each license ") +
                   kRecordJsonShape +
                   QStringLiteral(
                       ".\n\nExit status: 0 listed (also when none match), 1 the workspace "
                       "could not be read, 2 a mistake in the command line.");
    QCommandLineParser parser;
    if (auto finished = parseOrFinish(context, parser, help, command, arguments, 0))
        return *finished;
    int status = kExitSuccess;
    const auto customerId = optionValue(context, parser, customer, command, status);
    if (!customerId)
        return status;
    const auto stateWanted = optionValue(context, parser, state, command, status);
    if (!stateWanted)
        return status;
    const auto wanted = fromWord<LicenseState>(stateWanted->trimmed());
    if (parser.isSet(state) && !wanted)
        return context.usageError(QStringLiteral("%1: unknown --status '%2' (one of: %3)")
                                      .arg(command, *stateWanted, kStates.join(u", ")));
    auto records = readWorkspace(context.openExistingWorkspace(), [](Workspace& workspace) {
        return LicenseRegistry(workspace).list();
    });
    if (!records)
        return context.failure(records.error().withContext(command));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::vector<const LicenseRecord*> shown;
    for (const LicenseRecord& record : *records) {
        if (parser.isSet(customer) && record.license.customerId != customerId->trimmed())
            continue;
        if (parser.isSet(state) && record.stateAt(now) != wanted)
            continue;
        shown.push_back(&record);
    }
    if (parser.isSet(json)) {
        context.out << printedJsonList(
            QStringLiteral("licenses"), shown,
            [&](const LicenseRecord* record) { return recordJson(*record, now); });
        return kExitSuccess;
    }
    if (shown.empty()) {
        context.out << (records->empty() ? "No licenses yet.\n" : "No license matches.\n");
        return kExitSuccess;
    }
    TextTable table({QStringLiteral("ID"), QStringLiteral("CUSTOMER"), QStringLiteral("TIER"),
                     QStringLiteral("STATE"), QStringLiteral("EXPIRES")});
    for (const LicenseRecord* record : shown)
        table.addRow({shortIdText(record->license.id), record->license.customerId,
                      record->license.tier, word(record->stateAt(now)),
                      record->license.expiresAt.date().toString(Qt::ISODate)});
    context.out << table.render();
    return kExitSuccess;
}

int runShow(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("license show");
    const QCommandLineOption output =
        outputOption(QStringLiteral("Also write the license file to FILE again."));
    const QCommandLineOption json = jsonOption(QStringLiteral("the license"));
    CommandHelp help;
    help.usage = {QStringLiteral("[--db FILE] license show ID [-o FILE] [--json]")};
    help.summary = QStringLiteral(
        "Shows one license from the registry (ID: the full id or its first 8 or more "
        "characters): its state now, every entitlement, who issued it, its revocation, the "
        "license it supersedes and the one that superseded it, and the key.");
    help.options = {output, json, helpOption()};
    help.details = QStringLiteral("JSON: ") + kRecordJsonShape +
                   QStringLiteral(
                       " plus \"key\" (the license key) and \"license\" (the signed payload, "
                       "as 'license issue --json' prints it).\n\nExit status: 0 shown, 1 the "
                       "workspace could not be read or the file written, 2 a mistake in the "
                       "command line or an unknown id.");
    QCommandLineParser parser;
    int status = kExitSuccess;
    const auto id = parseWithLicenseId(context, parser, help, command, arguments, status);
    if (!id)
        return status;
    const auto outputPath = optionValue(context, parser, output, command, status);
    if (!outputPath)
        return status;
    auto workspace = context.openExistingWorkspace();
    if (!workspace)
        return context.failure(workspace.error().withContext(command));
    auto record = LicenseRegistry(**workspace).findByPrefix(*id);
    if (!record)
        return context.reportError(record.error().withContext(command));
    if (!outputPath->isEmpty()) {
        const Status written =
            writeOutputFile(*outputPath, licenseFileText(record->key, record->license));
        if (!written.ok())
            return context.failure(written.error().withContext(command));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (parser.isSet(json)) {
        QJsonObject object = recordJson(*record, now);
        object.insert(QStringLiteral("key"), QString::fromLatin1(record->key));
        object.insert(QStringLiteral("license"), licenseJson(record->license));
        context.out << printedJson(object);
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
    context.out << labelledLines(rows);
    return kExitSuccess;
}

constexpr Subcommand kLicenseSubcommands[] = {
    {"issue", "Issue and sign a license", &runIssue},
    {"verify", "Check a license key or file: valid, expired, revoked, …", &runLicenseVerify},
    {"list", "List the licenses in the registry", &runList},
    {"show", "Show one license in full", &runShow},
    {"renew", "Issue the same terms for another period", &runRenew},
    {"upgrade", "Issue changed terms that supersede a license", &runUpgrade},
    {"revoke", "Revoke a license and publish a new revocation list", &runRevoke},
};

}  // namespace

int runLicenseCommand(const CliContext& context, const QStringList& arguments) {
    return runSubcommand(context, QStringLiteral("license"),
                         QStringLiteral("Issues, verifies and manages licenses; the registry "
                                        "keeps every license ever issued."),
                         kLicenseSubcommands, arguments);
}

}  // namespace aicp::cli

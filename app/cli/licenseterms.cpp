#include "cli/licenseterms.h"

#include "cli/licensingtext.h"
#include "common/assignto.h"
#include "common/wholeseconds.h"

#include <limits>

namespace aicp::cli {

const QString kIssueOutput = QStringLiteral(
    "Prints the license key (AICP1.…) as one line on standard output; --json prints "
    "{\"id\", \"key\", \"file\" (the -o FILE, or null), \"license\" (the signed payload: "
    "v, id, kid, customer {id, name}, tier, features, addons {policy_packs, "
    "compliance_modules}, limits {requests_per_month, seats, agents, and when set instances} "
    "(null: unlimited), activation {mode, heartbeat_seconds} when not floating every 600 s "
    "with unlimited instances, "
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

namespace {

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

// --instances, --activation and --heartbeat-seconds, where given.
Status applyActivation(const QCommandLineParser& parser, const TermOptions& options,
                       LicenseRequest& request) {
    if (parser.isSet(options.instances)) {
        auto text = singleValue(parser, options.instances);
        if (!text)
            return text.error();
        auto instances = parseInstances(*text);
        if (!instances)
            return instances.error().withContext(QStringLiteral("--instances"));
        request.instances = *instances;
    }
    if (parser.isSet(options.activation)) {
        auto text = singleValue(parser, options.activation);
        if (!text)
            return text.error();
        const auto mode = activationModeFromKey(text->trimmed());
        if (!mode)
            return Error::invalidInput(
                QStringLiteral("--activation must be floating or node-locked, not '%1'")
                    .arg(text->trimmed()));
        request.activationMode = *mode;
    }
    if (parser.isSet(options.heartbeatSeconds)) {
        auto seconds = smallCountOption(parser, options.heartbeatSeconds);
        if (!seconds)
            return seconds.error();
        request.heartbeatSeconds = *seconds;
    }
    return {};
}

}  // namespace

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
    AICP_TRY(applyActivation(parser, options, request));
    return applySchedule(parser, options, request.contract);
}

}  // namespace aicp::cli

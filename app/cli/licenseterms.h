#pragma once

#include "cli/clicontext.h"
#include "common/result.h"
#include "licensing/activationterms.h"
#include "licensing/licenserequest.h"

#include <cstdint>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>

namespace aicp::cli {

// The terms of `license issue`, `renew` and `upgrade`: their options, and
// how the options given change a license request.
inline constexpr std::int64_t kDefaultDays = 365;
inline constexpr std::int64_t kMaxDays = 100 * 366;

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
    QCommandLineOption instances{
        QStringLiteral("instances"),
        QStringLiteral("Gateways that may run the license at once: N or 'unlimited'. Default: "
                       "the tier's."),
        QStringLiteral("N")};
    QCommandLineOption activation{
        QStringLiteral("activation"),
        QStringLiteral("How a gateway keeps its place: floating (freed after two missed "
                       "heartbeats) or node-locked (until released). Default: the tier's."),
        QStringLiteral("MODE")};
    QCommandLineOption heartbeatSeconds{
        QStringLiteral("heartbeat-seconds"),
        QStringLiteral("Seconds between a gateway's heartbeats (%1 to %2). Default: the tier's.")
            .arg(ActivationTerms::kMinHeartbeatSeconds)
            .arg(ActivationTerms::kMaxHeartbeatSeconds),
        QStringLiteral("S")};
    QCommandLineOption output =
        outputOption(QStringLiteral("Also write the license file (the key wrapped in "
                                    "-----BEGIN AICP LICENSE----- lines) to FILE."));
    QCommandLineOption json{QStringLiteral("json"),
                            QStringLiteral("Print the id, key and license as JSON instead of the "
                                           "bare key.")};

    // The options that change a license's terms (what upgrade may change).
    [[nodiscard]] QList<QCommandLineOption> changes() const {
        return {tier,
                seats,
                agents,
                policyPacks,
                complianceModules,
                auditTier,
                starts,
                days,
                expires,
                graceDays,
                discount,
                termMonths,
                billingPeriod,
                commitment,
                trialUntil,
                instances,
                activation,
                heartbeatSeconds};
    }
    [[nodiscard]] QList<QCommandLineOption> outputs() const { return {output, json}; }
};

// What --json prints of a signed license; how signing gets its passphrase.
extern const QString kIssueOutput;
extern const QString kSigningDetails;

// The value of a count option ("--seats 3"), InvalidInput naming it.
[[nodiscard]] Result<std::int64_t> countOption(const QCommandLineParser& parser,
                                               const QCommandLineOption& option);
[[nodiscard]] Result<int> smallCountOption(const QCommandLineParser& parser,
                                           const QCommandLineOption& option);

// Applies every term option that was given to `request`; a malformed value
// is InvalidInput naming the option. `defaultDays` fills the validity when
// neither --days nor --expires is given (0: keep the request's).
[[nodiscard]] Status applyTerms(const QCommandLineParser& parser, const TermOptions& options,
                                LicenseRequest& request, std::int64_t defaultDays);

}  // namespace aicp::cli

#pragma once

#include "common/result.h"
#include "licensing/licensepayload.h"
#include "pricing/pricebook.h"

#include <cstdint>
#include <optional>

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace aicp {

// What an account manager asks for when issuing a license. Anything left
// unset takes the tier's default from the price book.
struct LicenseRequest {
    static constexpr int kDefaultGraceDays = 14;
    static constexpr int kMaxGraceDays = 365;

    QString customerId;
    QString customerName;
    QString tier;
    QStringList policyPacks;             // empty on a tier with all packs: every pack
    QStringList complianceModules;       // likewise
    std::optional<std::int64_t> seats;   // default: the seats the tier includes
    std::optional<std::int64_t> agents;  // default: the agents the tier includes
    // Activation terms, each the tier's unless set; `instances` set to
    // nullopt means unlimited.
    std::optional<std::optional<std::int64_t>> instances;
    std::optional<ActivationMode> activationMode;
    std::optional<int> heartbeatSeconds;
    QString auditTier;    // default: the tier's included level
    QDateTime notBefore;  // UTC; default: the time of issue
    QDateTime expiresAt;  // UTC; required
    int graceDays = kDefaultGraceDays;
    ContractTerms contract;
    std::optional<QUuid> supersedes;
    // Set only to reproduce a license exactly (the demo); a new id otherwise.
    std::optional<QUuid> id;

    // The request that would issue `license` again: the starting point of a
    // renewal or an upgrade.
    [[nodiscard]] static LicenseRequest from(const LicensePayload& license);
};

// Builds the payload to sign, refusing with the reason any combination the
// tier cannot have (packs on a tier that sells none, more packs, modules,
// seats or agents than it includes when it sells no extra, an audit level it
// does not sell) and any malformed term. Times are cut to whole seconds.
[[nodiscard]] Result<LicensePayload> buildLicensePayload(const LicenseRequest& request,
                                                         const PriceBookVersion& prices,
                                                         const QString& kid,
                                                         const QDateTime& issuedAt);

}  // namespace aicp

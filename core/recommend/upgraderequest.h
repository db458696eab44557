#pragma once

#include "common/result.h"
#include "licensing/licenserequest.h"

#include <cstdint>
#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace aicp {

struct Recommendation;

// What a customer asks their vendor for: another tier or more of the
// current one, with the usage that motivates it. Made in the customer's
// workspace (`aicp recommend --request-upgrade`, the Recommendations page),
// opened by the vendor's console in the license issue dialog, prefilled.
//
// As JSON it carries a digest (SHA-256 of the other fields in the compact,
// key-sorted form QJsonDocument writes), so a request edited on its way is
// refused rather than signed.
//
//     auto request = UpgradeRequest::fromRecommendation(*recommendation, now);
//     writeFileAtomically("upgrade.json", request->toJson());
//     // … at the vendor:
//     auto opened = UpgradeRequest::fromJson(bytes);   // refuses an edited one
//     LicenseRequest terms = opened->licenseRequest();
struct UpgradeRequest {
    static constexpr int kFormatVersion = 1;
    static constexpr qsizetype kMaxSize = 256 * 1024;

    QString customerId;
    QString customerName;
    QUuid currentLicense;  // the license in force, which the new one supersedes
    QString currentTier;
    QDateTime currentExpiresAt;  // UTC

    // The terms asked for.
    QString tier;
    QStringList policyPacks;
    QStringList complianceModules;
    std::optional<std::int64_t> seats;  // nullopt: what the tier includes

    // The usage that motivates it: the month observed and what was seen.
    QString month;  // "2026-11"
    std::int64_t requestsSoFar = 0;
    std::int64_t projectedRequests = 0;
    std::optional<std::int64_t> requestLimit;  // the current license's; nullopt: unlimited
    std::int64_t seatsUsed = 0;
    std::int64_t agentsUsed = 0;
    QString reason;  // the recommendation's sentence
    QString note;    // the customer's own words, may be empty

    QDateTime createdAt;  // UTC, whole seconds

    // The request a recommendation calls for: its recommended tier (or, when
    // it suggests no change, the current tier), the packs and modules the
    // usage needs, and the seats seen when the tier charges for more.
    // Conflict when the customer has no license in force to upgrade.
    [[nodiscard]] static Result<UpgradeRequest> fromRecommendation(const Recommendation& r,
                                                                   const QDateTime& now);

    // Compact JSON with sorted keys and its "digest".
    [[nodiscard]] QByteArray toJson() const;
    // Strict reading; refuses malformed JSON, a missing or mistyped field, an
    // unknown format version and a digest that does not match the content
    // ("the upgrade request was changed after it was made").
    [[nodiscard]] static Result<UpgradeRequest> fromJson(const QByteArray& json);

    // The license request that grants it: same customer, the tier, packs,
    // modules and seats asked, superseding the current license and keeping
    // its end date.
    [[nodiscard]] LicenseRequest licenseRequest() const;
};

}  // namespace aicp

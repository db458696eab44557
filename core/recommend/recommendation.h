#pragma once

#include "licensing/entitlements.h"
#include "licensing/licenseregistry.h"
#include "metering/yearmonth.h"
#include "money/money.h"
#include "pricing/bill.h"
#include "recommend/needs.h"
#include "recommend/usageprojection.h"

#include <cstdint>
#include <optional>
#include <vector>

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace aicp {

// How close the license in force is to one of its limits: near from 80 %,
// over from 100 % (all of it used, or more).
enum class AlertLevel { Near, Over };

[[nodiscard]] QString alertLevelWord(AlertLevel level);  // "near", "over"

struct LimitAlert {
    LicenseLimit limit = LicenseLimit::RequestsPerMonth;
    AlertLevel level = AlertLevel::Near;
    std::int64_t used = 0;     // projected requests; seats, agents, packs, modules in use
    std::int64_t allowed = 0;  // the license's limit
    std::optional<std::int64_t> percent;  // whole per cent, rounded down; nullopt when 0 allowed
    bool exceeded = false;                // more than allowed, not just all of it
    QString message;                      // one English sentence
};

// One tier priced for the customer's needs.
struct TierOption {
    Bill bill;  // CostEngine's itemised bill (requests capped at a hard cap)
    bool eligible = false;
    QStringList reasons;  // why not eligible: limits, the safety margin, features
    // Requests a hard-capped tier would refuse (projected beyond its cap).
    std::optional<std::int64_t> refusedRequests;
    QString reason;  // one English sentence for the tier's row

    [[nodiscard]] const QString& tier() const { return bill.tier; }
    [[nodiscard]] Money total() const { return bill.total; }
};

// The tier a customer's observed usage calls for in one month, with every
// tier's cost, the saving or the risk avoided in words, and the alerts of
// the license in force.
struct Recommendation {
    QString customerId;
    QString customerName;
    YearMonth month;
    QString currency;
    QString priceBookVersion;
    int marginPercent = 0;
    UsageProjection projection;
    Needs needs;
    std::optional<LicenseRecord> license;  // in force at the projection's instant
    QString currentTier;                   // the license's tier; empty without one
    std::vector<TierOption> tiers;         // the price book's order, smallest first
    std::optional<std::size_t> current;    // index into tiers
    std::optional<std::size_t> recommended;
    std::optional<Money> saving;  // current total − recommended total, both known
    QString reason;
    std::vector<LimitAlert> alerts;

    [[nodiscard]] const TierOption* recommendedOption() const {
        return recommended ? &tiers[*recommended] : nullptr;
    }
    [[nodiscard]] const TierOption* currentOption() const {
        return current ? &tiers[*current] : nullptr;
    }
    // The price book's name for a tier id ("open_source" → "Open Source"),
    // for every text a person reads; the id itself when no option has it.
    [[nodiscard]] QString tierName(const QString& tierId) const;
    // "Starter → Open Source": the change suggested, in names.
    [[nodiscard]] QString changeInWords() const;
    // True when the recommended tier differs from the license in force.
    [[nodiscard]] bool suggestsChange() const {
        return recommended && tiers[*recommended].tier() != currentTier;
    }
};

// Machine form for `aicp recommend --json` (and the service): amounts are
// decimal strings; see the command's --help for the fields.
[[nodiscard]] QJsonObject recommendationToJson(const Recommendation& recommendation);

}  // namespace aicp

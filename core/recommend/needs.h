#pragma once

#include "licensing/licensepayload.h"
#include "metering/usagequery.h"
#include "money/money.h"
#include "pricing/costengine.h"
#include "pricing/pricebook.h"
#include "recommend/usageprojection.h"

#include <cstdint>
#include <optional>

#include <QString>
#include <QStringList>

namespace aicp {

// What a customer needs from any tier, as observed: the projected requests,
// the distinct seats and agents of the month, the policy packs and
// compliance modules seen in usage or licensed, single sign-on and the audit
// level when the license has them, and the license's contract discount and
// minimum commitment (an upgrade keeps them). Lists are in price book order.
struct Needs {
    std::int64_t requests = 0;
    std::int64_t seats = 0;
    std::int64_t agents = 0;
    std::int64_t instances = 0;     // machines running the license (active activations)
    QStringList policyPacks;        // seen in usage or licensed
    QStringList complianceModules;  // likewise
    QStringList policyPacksInUse;   // seen in usage only
    QStringList complianceModulesInUse;
    bool sso = false;
    QString auditTier;  // empty: the level each tier includes
    Percent discount;
    // In the price book's currency; a floor under every tier's cost.
    std::optional<Commitment> commitment;

    // The engine's terms for pricing these needs on any tier.
    [[nodiscard]] Subscription subscription() const;
    // "48,200 projected requests, 4 seats, 2 agents, 2 policy packs" in English.
    [[nodiscard]] QString summary() const;

    // `license` is the one in force, or null. Names the price book does not
    // know (an old pack) are left out: no tier can price them.
    [[nodiscard]] static Needs gather(const UsageProjection& projection,
                                      const MonthlyUsageSummary& usage,
                                      const LicensePayload* license,
                                      const PriceBookVersion& prices);
};

}  // namespace aicp

#pragma once

#include "licensing/entitlements.h"
#include "recommend/needs.h"
#include "recommend/recommendation.h"

#include <vector>

namespace aicp {

// The alerts of the license in force for the month's needs, in LicenseLimit
// order: requests (projected), seats, agents, policy packs and compliance
// modules (those in use), instances (machines activated). Entitlements::check measures each one; at
// 80 % or more it is near, at 100 % or more over. Unlimited limits never alert.
[[nodiscard]] std::vector<LimitAlert> limitAlerts(const Entitlements& entitlements,
                                                  const Needs& needs);

}  // namespace aicp

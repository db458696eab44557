#pragma once

#include "common/jsonfields.h"

namespace aicp {

// The members a license request and a cost request share: packs, modules,
// seats, agents and the audit tier.
template <typename Request>
[[nodiscard]] Status readPlan(const JsonFields& fields, Request& request) {
    AICP_TRY(fields.read(QStringLiteral("policy_packs"), request.policyPacks));
    AICP_TRY(fields.read(QStringLiteral("compliance_modules"), request.complianceModules));
    AICP_TRY(fields.read(QStringLiteral("seats"), request.seats));
    AICP_TRY(fields.read(QStringLiteral("agents"), request.agents));
    return fields.read(QStringLiteral("audit_tier"), request.auditTier);
}

}  // namespace aicp

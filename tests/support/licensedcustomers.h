#pragma once

#include "common/result.h"
#include "storage/workspace.h"

namespace aicp::test {

// A signing key (under kTestPassphrase) and one license for each of
// `customers` customers, cust-000, cust-001, … as the usage generator names
// them, tiers in turn starter, professional, enterprise, open_source, valid
// through 2026; all in one transaction (thousands of commits would time the
// disk, not aicp). What the cost report benchmarks bill.
[[nodiscard]] Status issueCustomerLicenses(Workspace& workspace, int customers);

}  // namespace aicp::test

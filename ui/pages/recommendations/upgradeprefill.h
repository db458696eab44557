#pragma once

#include "licensing/licenserequest.h"
#include "recommend/recommendation.h"

namespace aicp {

class LicenseIssueDialog;

// Sets an upgrade dialog (already filled from the license in force) to the
// recommended tier, with the policy packs and compliance modules the needs
// name and, where the tier includes fewer, the seats seen. Works through the
// dialog's named inputs, so what the dialog shows is what would be signed.
void prefillUpgrade(LicenseIssueDialog& dialog, const Recommendation& recommendation);

// Sets the issue dialog — an upgrade of the license in force, or a new
// license when that one is not held here — to the terms a customer's
// upgrade request asks (UpgradeRequest::licenseRequest): the customer (a new
// one when the workspace does not know them), the tier, exactly the packs
// and modules asked, the seats asked and, for a new license, the end date of
// the license it replaces. Through the dialog's named inputs, like
// prefillUpgrade.
void prefillRequested(LicenseIssueDialog& dialog, const LicenseRequest& request);

}  // namespace aicp

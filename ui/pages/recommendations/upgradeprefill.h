#pragma once

#include "recommend/recommendation.h"

namespace aicp {

class LicenseIssueDialog;

// Sets an upgrade dialog (already filled from the license in force) to the
// recommended tier, with the policy packs and compliance modules the needs
// name and, where the tier includes fewer, the seats seen. Works through the
// dialog's named inputs, so what the dialog shows is what would be signed.
void prefillUpgrade(LicenseIssueDialog& dialog, const Recommendation& recommendation);

}  // namespace aicp

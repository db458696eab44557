#pragma once

#include "licensing/ed25519.h"
#include "licensing/licensepayload.h"

namespace aicp::test {

// The license the licensing tests sign and take apart, signed by `key`:
// 6f1c2a4e-9b1d-4c3e-8a2f-0d5e7b9c1a3f for acme-corp (Acme Corp), tier
// professional with basic_governance and sso, pii-protection, gdpr,
// 1,000,000 requests a month, 10 seats, 25 agents, basic audit, issued and
// valid from 2026-01-01 to 2027-01-01 (UTC) with 14 days' grace.
[[nodiscard]] LicensePayload sampleLicense(const Ed25519PrivateKey& key);

}  // namespace aicp::test

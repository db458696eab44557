#include "support/samplelicense.h"

#include "support/fakeclock.h"

namespace aicp::test {

LicensePayload sampleLicense(const Ed25519PrivateKey& key) {
    LicensePayload license;
    license.id = QUuid::fromString(QStringLiteral("6f1c2a4e-9b1d-4c3e-8a2f-0d5e7b9c1a3f"));
    license.kid = key.publicKey().kid();
    license.customerId = QStringLiteral("acme-corp");
    license.customerName = QStringLiteral("Acme Corp");
    license.tier = QStringLiteral("professional");
    license.features = {QStringLiteral("basic_governance"), QStringLiteral("sso")};
    license.policyPacks = {QStringLiteral("pii-protection")};
    license.complianceModules = {QStringLiteral("gdpr")};
    license.requestsPerMonth = 1'000'000;
    license.seats = 10;
    license.agents = 25;
    license.auditTier = QStringLiteral("basic");
    license.issuedAt = utcAt("2026-01-01T00:00:00Z");
    license.notBefore = utcAt("2026-01-01T00:00:00Z");
    license.expiresAt = utcAt("2027-01-01T00:00:00Z");
    license.graceDays = 14;
    return license;
}

}  // namespace aicp::test

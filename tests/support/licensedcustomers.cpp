#include "support/licensedcustomers.h"

#include "licensing/licenseregistry.h"
#include "storage/transaction.h"
#include "support/testkeys.h"

namespace aicp::test {

Status issueCustomerLicenses(Workspace& workspace, int customers) {
    if (auto key = addSigningKey(workspace); !key)
        return key.error();
    static const char* const kTiers[] = {"starter", "professional", "enterprise", "open_source"};
    auto transaction = Transaction::begin(workspace.handle());
    if (!transaction)
        return transaction.error();
    LicenseRegistry registry(workspace);
    for (int i = 0; i < customers; ++i) {
        LicenseRequest request;
        request.customerId = QStringLiteral("cust-%1").arg(i, 3, 10, QLatin1Char('0'));
        request.customerName = QStringLiteral("Customer %1").arg(i);
        request.tier = QString::fromLatin1(kTiers[i % 4]);
        request.notBefore = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        request.expiresAt = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
        if (auto issued = registry.issue(request, kTestPassphrase); !issued)
            return issued.error();
    }
    return transaction->commit();
}

}  // namespace aicp::test

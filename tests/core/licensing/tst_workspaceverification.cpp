#include "audit/auditedsettings.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "licensing/workspaceverification.h"
#include "storage/workspace.h"
#include "support/tempworkspace.h"
#include "support/testkeys.h"

#include <QTest>

using namespace aicp;
using aicp::test::kTestPassphrase;
using aicp::test::TempWorkspace;

// A vendor issues and revokes; a customer installation verifies with the
// vendor's public key and the revocation lists it is handed.
class TestWorkspaceVerification : public QObject {
    Q_OBJECT

    TempWorkspace vendor_{TempWorkspace::Content::SigningKey};
    TempWorkspace customer_;

    LicenseRecord issue() {
        LicenseRequest request;
        request.customerId = QStringLiteral("acme-corp");
        request.customerName = QStringLiteral("Acme Corp");
        request.tier = QStringLiteral("starter");
        request.expiresAt = QDateTime::currentDateTimeUtc().addDays(30);
        return LicenseRegistry(*vendor_).issue(request, kTestPassphrase).value();
    }

private slots:
    void init() {
        QVERIFY2(vendor_.renew(), qPrintable(vendor_.error()));
        QVERIFY2(customer_.renew(), qPrintable(customer_.error()));
        QVERIFY(aicp::setWorkspaceMode(*customer_, Workspace::Mode::Customer).ok());
        QVERIFY(KeyStore(*customer_).importPublicKey(KeyStore(*vendor_).find()->publicKeyPem));
    }

    void vendorSeesItsOwnRevocations() {
        const LicenseRecord license = issue();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(verifyInWorkspace(*vendor_, license.key, now).result.status, LicenseStatus::Valid);
        QVERIFY(LicenseRegistry(*vendor_).revoke(license.license.id, QStringLiteral("fraud"),
                                                 kTestPassphrase));
        const WorkspaceVerification after = verifyInWorkspace(*vendor_, license.key, now);
        QCOMPARE(after.result.status, LicenseStatus::Revoked);
        QCOMPARE(after.revocationSequence, std::optional<std::int64_t>(1));
    }

    void anOlderListCannotUnrevoke() {
        const LicenseRecord first = issue();
        const LicenseRecord second = issue();
        LicenseRegistry registry(*vendor_);
        QVERIFY(registry.revoke(first.license.id, QStringLiteral("one"), kTestPassphrase));
        const QByteArray listOne = registry.latestPublishedRevocationList().value();
        QVERIFY(registry.revoke(second.license.id, QStringLiteral("two"), kTestPassphrase));
        const QByteArray listTwo = registry.latestPublishedRevocationList().value();

        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(verifyInWorkspace(*customer_, second.key, now).result.status,
                 LicenseStatus::Valid);  // no list handed over yet
        QCOMPARE(verifyInWorkspace(*customer_, second.key, now, listTwo).result.status,
                 LicenseStatus::Revoked);

        // Later someone offers the older list, which does not name `second`.
        const WorkspaceVerification replay =
            verifyInWorkspace(*customer_, second.key, now, listOne);
        QCOMPARE(replay.result.status, LicenseStatus::Revoked);
        QCOMPARE(replay.revocationSequence, std::optional<std::int64_t>(2));
        QVERIFY2(replay.revocationProblem.contains(QStringLiteral("older")),
                 qPrintable(replay.revocationProblem));

        // And with no list at all, the one accepted before still applies.
        QCOMPARE(verifyInWorkspace(*customer_, second.key, now).result.status,
                 LicenseStatus::Revoked);
    }

    void aForeignListIsReported() {
        const LicenseRecord license = issue();
        const WorkspaceVerification outcome = verifyInWorkspace(
            *customer_, license.key, QDateTime::currentDateTimeUtc(), "AICPRL1.e30.AAAA");
        QCOMPARE(outcome.result.status, LicenseStatus::Valid);
        QVERIFY(!outcome.revocationProblem.isEmpty());
        QCOMPARE(outcome.revocationSequence, std::nullopt);
    }

    void aClockSetBackIsRefused() {
        const LicenseRecord license = issue();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(verifyInWorkspace(*customer_, license.key, now).result.status,
                 LicenseStatus::Valid);
        QCOMPARE(verifyInWorkspace(*customer_, license.key, now.addDays(-2)).result.status,
                 LicenseStatus::ClockRollback);
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceVerification)
#include "tst_workspaceverification.moc"

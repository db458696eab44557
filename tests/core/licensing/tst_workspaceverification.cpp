#include "audit/auditedsettings.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "licensing/workspaceverification.h"
#include "storage/workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

namespace {
const QByteArray kPassphrase("correct horse battery");
}

// A vendor issues and revokes; a customer installation verifies with the
// vendor's public key and the revocation lists it is handed.
class TestWorkspaceVerification : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<Workspace> vendor_;
    std::unique_ptr<Workspace> customer_;

    LicenseRecord issue() {
        LicenseRequest request;
        request.customerId = QStringLiteral("acme-corp");
        request.customerName = QStringLiteral("Acme Corp");
        request.tier = QStringLiteral("starter");
        request.expiresAt = QDateTime::currentDateTimeUtc().addDays(30);
        return LicenseRegistry(*vendor_).issue(request, kPassphrase).value();
    }

private slots:
    void init() {
        static int counter = 0;
        ++counter;
        vendor_ = Workspace::open(dir_.filePath(QStringLiteral("v%1.aicp").arg(counter))).value();
        customer_ = Workspace::open(dir_.filePath(QStringLiteral("c%1.aicp").arg(counter))).value();
        QVERIFY(aicp::setWorkspaceMode(*customer_, Workspace::Mode::Customer).ok());
        const QByteArray pem = KeyStore(*vendor_).generate(kPassphrase)->publicKeyPem;
        QVERIFY(KeyStore(*customer_).importPublicKey(pem));
    }
    void cleanup() {
        vendor_.reset();
        customer_.reset();
    }

    void vendorSeesItsOwnRevocations() {
        const LicenseRecord license = issue();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(verifyInWorkspace(*vendor_, license.key, now).result.status, LicenseStatus::Valid);
        QVERIFY(LicenseRegistry(*vendor_).revoke(license.license.id, QStringLiteral("fraud"),
                                                 kPassphrase));
        const WorkspaceVerification after = verifyInWorkspace(*vendor_, license.key, now);
        QCOMPARE(after.result.status, LicenseStatus::Revoked);
        QCOMPARE(after.revocationSequence, std::optional<std::int64_t>(1));
    }

    void anOlderListCannotUnrevoke() {
        const LicenseRecord first = issue();
        const LicenseRecord second = issue();
        LicenseRegistry registry(*vendor_);
        QVERIFY(registry.revoke(first.license.id, QStringLiteral("one"), kPassphrase));
        const QByteArray listOne = registry.latestPublishedRevocationList().value();
        QVERIFY(registry.revoke(second.license.id, QStringLiteral("two"), kPassphrase));
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

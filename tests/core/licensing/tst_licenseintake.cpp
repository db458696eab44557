// A customer's workspace receives licenses and revocation lists from the
// vendor's: LicenseRegistry::add and importRevocationList, between two real
// workspaces and real signatures.
#include "audit/auditedsettings.h"
#include "audit/auditlog.h"
#include "customers/customer.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "storage/workspace.h"
#include "support/fakeclock.h"
#include "support/tempworkspace.h"
#include "support/testkeys.h"

#include <QTest>

using namespace aicp;
using aicp::test::FakeClock;
using aicp::test::kTestPassphrase;
using aicp::test::TempWorkspace;

namespace {

LicenseRequest request(const QString& customer, const QDateTime& now, int days = 365) {
    LicenseRequest r;
    r.customerId = customer;
    r.customerName = customer.toUpper();
    r.tier = QStringLiteral("starter");
    r.expiresAt = now.addDays(days);
    return r;
}

}  // namespace

class TestLicenseIntake : public QObject {
    Q_OBJECT

    FakeClock clock_{"2026-11-20T10:00:00Z"};
    TempWorkspace vendor_{TempWorkspace::Content::SigningKey};
    TempWorkspace customer_;

    LicenseRegistry vendorRegistry() { return LicenseRegistry(*vendor_, clock_.clock()); }
    LicenseRegistry customerRegistry() { return LicenseRegistry(*customer_, clock_.clock()); }

    QByteArray issue(const QString& customer, int days = 365) {
        auto issued =
            vendorRegistry().issue(request(customer, clock_.now(), days), kTestPassphrase);
        if (!issued)
            qFatal("issue: %s", qPrintable(issued.error().message()));
        return issued->key;
    }

private slots:
    void init() {
        QVERIFY2(vendor_.renew(), qPrintable(vendor_.error()));
        QVERIFY2(customer_.renew(), qPrintable(customer_.error()));
        QVERIFY(setWorkspaceMode(*customer_, Workspace::Mode::Customer).ok());
        auto pem = KeyStore(*vendor_).find();
        QVERIFY(pem);
        QVERIFY(KeyStore(*customer_).importPublicKey(pem->publicKeyPem));
    }

    void addsAReceivedLicenseWithItsCustomer() {
        const QByteArray key = issue(QStringLiteral("acme-corp"));
        auto added = customerRegistry().add(key);
        QVERIFY2(added, added ? "" : qPrintable(added.error().message()));
        QVERIFY(!added->alreadyHeld);
        QCOMPARE(added->status, LicenseStatus::Valid);
        QCOMPARE(added->record.key, key);
        QCOMPARE(added->record.stateAt(clock_.now()), LicenseState::Active);
        QVERIFY(added->record.issuedBy.startsWith(QStringLiteral("vendor key ")));
        QCOMPARE(CustomerStore(*customer_).find(QStringLiteral("acme-corp"))->name,
                 QStringLiteral("ACME-CORP"));
        QCOMPARE(AuditLog(*customer_).entries()->back().action, QStringLiteral("license.add"));

        auto again = customerRegistry().add(key);
        QVERIFY(again);
        QVERIFY(again->alreadyHeld);
        QCOMPARE(customerRegistry().list()->size(), std::size_t{1});
    }

    void aRenewalSupersedesTheHeldLicense() {
        const QByteArray first = issue(QStringLiteral("acme-corp"), 30);
        auto held = customerRegistry().add(first);
        QVERIFY(held);
        auto renewed = vendorRegistry().renew(held->record.license.id, kTestPassphrase);
        QVERIFY(renewed);
        // Not valid before the old one ends, yet kept: it is the next one.
        auto added = customerRegistry().add(renewed->key);
        QVERIFY2(added, added ? "" : qPrintable(added.error().message()));
        QCOMPARE(added->status, LicenseStatus::NotYetValid);
        auto old = customerRegistry().find(held->record.license.id);
        QCOMPARE(old->supersededBy, std::optional(renewed->license.id));
        QCOMPARE(old->stateAt(clock_.now()), LicenseState::Superseded);
    }

    void aRenewalOfALicenseNotHeldIsKeptAlone() {
        const QByteArray first = issue(QStringLiteral("acme-corp"), 30);
        auto firstId = vendorRegistry().list()->front().license.id;
        auto renewed = vendorRegistry().renew(firstId, kTestPassphrase);
        QVERIFY(renewed);
        clock_.advanceDays(31);
        auto added = customerRegistry().add(renewed->key);
        QVERIFY2(added, added ? "" : qPrintable(added.error().message()));
        QCOMPARE(customerRegistry().list()->size(), std::size_t{1});
        Q_UNUSED(first);
    }

    void refusesWhatDoesNotVerifyAndWritesNothing() {
        const QByteArray key = issue(QStringLiteral("acme-corp"));
        QByteArray tampered = key;
        tampered[10] = tampered[10] == 'A' ? 'B' : 'A';
        const auto before = AuditLog(*customer_).entries()->size();

        auto bad = customerRegistry().add(tampered);
        QVERIFY(!bad);
        QVERIFY2(bad.error().message().startsWith(QStringLiteral("the license was not added")),
                 qPrintable(bad.error().message()));

        TempWorkspace stranger(TempWorkspace::Content::SigningKey);
        QVERIFY(stranger.ok());
        auto foreign =
            LicenseRegistry(*stranger, clock_.clock())
                .issue(request(QStringLiteral("acme-corp"), clock_.now()), kTestPassphrase);
        QVERIFY(foreign);
        auto unknown = customerRegistry().add(foreign->key);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code(), Error::Code::Crypto);
        QVERIFY(unknown.error().message().contains(QStringLiteral("does not trust")));

        const QByteArray shortLived = issue(QStringLiteral("acme-corp"), 1);
        clock_.advanceDays(40);
        auto expired = customerRegistry().add(shortLived);
        QVERIFY(!expired);
        QVERIFY2(expired.error().message().contains(QStringLiteral("expired")),
                 qPrintable(expired.error().message()));

        QVERIFY(customerRegistry().list()->empty());
        QCOMPARE(AuditLog(*customer_).entries()->size(), before);
    }

    void refusesAnotherCustomersLicense() {
        QVERIFY(customerRegistry().add(issue(QStringLiteral("acme-corp"))));
        auto other = customerRegistry().add(issue(QStringLiteral("globex")));
        QVERIFY(!other);
        QCOMPARE(other.error().code(), Error::Code::Conflict);
        QVERIFY2(other.error().message().contains(QStringLiteral("'acme-corp'")),
                 qPrintable(other.error().message()));
        QCOMPARE(customerRegistry().list()->size(), std::size_t{1});
        // A vendor's workspace holds every customer's licenses.
        QVERIFY(setWorkspaceMode(*customer_, Workspace::Mode::Vendor).ok());
        QVERIFY(customerRegistry().add(issue(QStringLiteral("globex"))));
    }

    void aRevocationListMarksHeldLicensesAndRefusesTheRevokedOne() {
        const QByteArray kept = issue(QStringLiteral("acme-corp"));
        auto held = customerRegistry().add(kept);
        QVERIFY(held);
        const QUuid id = held->record.license.id;
        auto oldList = vendorRegistry().currentRevocationList(kTestPassphrase);
        QVERIFY(oldList);
        QVERIFY(vendorRegistry().revoke(id, QStringLiteral("contract ended"), kTestPassphrase));
        auto list = vendorRegistry().latestPublishedRevocationList();
        QVERIFY(list);

        auto imported = customerRegistry().importRevocationList(*list);
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        QCOMPARE(imported->sequence, 2);
        QCOMPARE(imported->newlyRevoked, std::vector<QUuid>{id});
        QCOMPARE(customerRegistry().find(id)->stateAt(clock_.now()), LicenseState::Revoked);
        QCOMPARE(AuditLog(*customer_).entries()->back().action,
                 QStringLiteral("revocations.import"));

        auto again = customerRegistry().importRevocationList(*list);
        QVERIFY(again);
        QVERIFY(again->alreadyKnown);
        QVERIFY(again->newlyRevoked.empty());

        auto older = customerRegistry().importRevocationList(*oldList);
        QVERIFY(!older);
        QCOMPARE(older.error().code(), Error::Code::Conflict);
        QVERIFY(older.error().message().contains(QStringLiteral("older")));

        // The list applies to every later addition too.
        TempWorkspace fresh;
        QVERIFY(fresh.ok());
        QVERIFY(setWorkspaceMode(*fresh, Workspace::Mode::Customer).ok());
        QVERIFY(KeyStore(*fresh).importPublicKey(KeyStore(*vendor_).find()->publicKeyPem));
        LicenseRegistry freshRegistry(*fresh, clock_.clock());
        QVERIFY(freshRegistry.importRevocationList(*list));
        auto revoked = freshRegistry.add(kept);
        QVERIFY(!revoked);
        QVERIFY2(revoked.error().message().contains(QStringLiteral("revoked")),
                 qPrintable(revoked.error().message()));
    }

    void refusesAListNotSignedByATrustedKey() {
        TempWorkspace stranger(TempWorkspace::Content::SigningKey);
        QVERIFY(stranger.ok());
        auto list = LicenseRegistry(*stranger).currentRevocationList(kTestPassphrase);
        QVERIFY(list);
        auto imported = customerRegistry().importRevocationList(*list);
        QVERIFY(!imported);
        QVERIFY(customerRegistry()
                    .importRevocationList("not a list")
                    .error()
                    .message()
                    .contains(QStringLiteral("revocation list")));
    }
};

QTEST_GUILESS_MAIN(TestLicenseIntake)
#include "tst_licenseintake.moc"

// The shared fixtures do what tests rely on: a renewed workspace is empty
// again, the demo and key contents are there, an old-schema file upgrades,
// the fake clock is what services read and moves when told, test keys sign
// what their ring verifies.
#include "licensing/keystore.h"
#include "storage/statement.h"
#include "support/fakeclock.h"
#include "support/tempworkspace.h"
#include "support/testkeys.h"

#include <QTest>

using namespace aicp;

namespace {

std::int64_t count(Workspace& workspace, const char* sql) {
    return queryInt64(workspace.handle(), sql).valueOr(-1);
}

}  // namespace

class TstFixtures : public QObject {
    Q_OBJECT

private slots:
    void aRenewedWorkspaceStartsEmptyInANewFolder() {
        test::TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        QVERIFY(executeScript(workspace->handle(),
                              "INSERT INTO customers (id, name, created_at) VALUES "
                              "('acme', 'Acme', '2026-01-05T09:00:00Z')")
                    .ok());
        const QString first = workspace.path();
        QVERIFY(workspace.renew());
        QVERIFY(workspace.path() != first);
        QCOMPARE(count(*workspace, "SELECT count(*) FROM customers"), 0);
    }

    void aClosedWorkspaceReopensWithItsRows() {
        test::TempWorkspace workspace;
        QVERIFY(executeScript(workspace->handle(),
                              "INSERT INTO customers (id, name, created_at) VALUES "
                              "('acme', 'Acme', '2026-01-05T09:00:00Z')")
                    .ok());
        workspace.close();
        QVERIFY(!workspace.ok());
        QVERIFY(workspace.reopen());
        QCOMPARE(count(*workspace, "SELECT count(*) FROM customers"), 1);
    }

    void theDemoWorkspaceHasCustomersAndLicenses() {
        const test::TempWorkspace demo(test::TempWorkspace::Content::Demo);
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QVERIFY(count(*demo, "SELECT count(*) FROM customers") > 0);
        QVERIFY(count(*demo, "SELECT count(*) FROM licenses") > 0);
    }

    void theKeyWorkspaceSignsUnderTheTestPassphrase() {
        const test::TempWorkspace vendor(test::TempWorkspace::Content::SigningKey);
        QVERIFY2(vendor.ok(), qPrintable(vendor.error()));
        QVERIFY(KeyStore(*vendor).unlockSigningKey(test::kTestPassphrase).ok());
        QVERIFY(!KeyStore(*vendor).unlockSigningKey("another passphrase").ok());
    }

    void anOldSchemaFileUpgradesOnOpening() {
        const test::TempWorkspace folder;
        const QString file = folder.file(QStringLiteral("v6.aicp"));
        QVERIFY(test::writeOldWorkspace(file, 6).ok());
        auto opened = Workspace::open(file, Workspace::OpenMode::OpenExisting);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
        QCOMPARE((*opened)->schemaVersion(), Workspace::kSchemaVersion);
        QCOMPARE((*opened)->id(),
                 QUuid::fromString(QStringLiteral("6f1c2a4e-9b1d-4c3e-8a2f-0d5e7b9c1a3f")));
    }

    void servicesReadTheFakeClockAsItMoves() {
        test::FakeClock clock("2026-12-05T10:00:00Z");
        const Clock given = clock.clock();
        QCOMPARE(given(), QDateTime(QDate(2026, 12, 5), QTime(10, 0), Qt::UTC));
        clock.advanceSeconds(90);
        QCOMPARE(given(), QDateTime(QDate(2026, 12, 5), QTime(10, 1, 30), Qt::UTC));
        clock.advanceDays(31);
        QCOMPARE(given(), QDateTime(QDate(2027, 1, 5), QTime(10, 1, 30), Qt::UTC));
        clock.set("2027-02-01T00:00:00Z");
        QCOMPARE(clock.now(), QDateTime(QDate(2027, 2, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(test::fixedClock("2026-01-01T00:00:00Z")(),
                 QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    }

    void aTestKeysRingVerifiesItsSignatures() {
        const test::TestKey signer = test::makeTestKey();
        const test::TestKey stranger = test::makeTestKey();
        const QByteArray signature = signer.key.sign("payload").value();
        const auto* trusted = signer.ring.find(signer.key.publicKey().kid());
        QVERIFY(trusted != nullptr);
        QVERIFY(trusted->isValidSignature("payload", signature));
        QVERIFY(stranger.ring.find(signer.key.publicKey().kid()) == nullptr);
    }
};

QTEST_GUILESS_MAIN(TstFixtures)
#include "tst_fixtures.moc"

#include "audit/auditedsettings.h"
#include "audit/auditlog.h"
#include "licensing/keystore.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/tempworkspace.h"

#include <QTest>

using namespace aicp;

namespace {
const QByteArray kPassphrase("correct horse battery");
}

class TestKeyStore : public QObject {
    Q_OBJECT

    aicp::test::TempWorkspace workspace_;

private slots:
    void init() { QVERIFY2(workspace_.renew(), qPrintable(workspace_.error())); }

    void generatesOneSigningKey() {
        KeyStore keys(*workspace_);
        QCOMPARE(keys.find().error().code(), Error::Code::NotFound);
        auto generated = keys.generate(kPassphrase);
        QVERIFY2(generated, generated ? "" : qPrintable(generated.error().message()));
        QCOMPARE(generated->kid.size(), 16);
        QVERIFY(generated->isSigning);
        QCOMPARE(generated->stateWord(), QStringLiteral("signing"));
        QCOMPARE(keys.find()->kid, generated->kid);

        // A second generate would orphan the first key's licenses' signer.
        auto again = keys.generate(kPassphrase);
        QVERIFY(!again);
        QCOMPARE(again.error().code(), Error::Code::Conflict);
        QVERIFY(again.error().message().contains(QStringLiteral("rotate")));
    }

    void privateKeyIsStoredEncryptedOnly() {
        KeyStore keys(*workspace_);
        QVERIFY(keys.generate(kPassphrase));
        auto query =
            Statement::prepare(workspace_->handle(), "SELECT private_key_pem FROM signing_keys");
        QVERIFY(query && query->step().value());
        const QByteArray stored = query->blob(0);
        QVERIFY(stored.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        QVERIFY(!stored.contains(kPassphrase));
    }

    void unlockNeedsTheRightPassphrase() {
        KeyStore keys(*workspace_);
        const QString kid = keys.generate(kPassphrase)->kid;
        auto unlocked = keys.unlockSigningKey(kPassphrase);
        QVERIFY(unlocked);
        QCOMPARE(unlocked->publicKey().kid(), kid);
        auto wrong = keys.unlockSigningKey("not the passphrase");
        QVERIFY(!wrong);
        QVERIFY2(wrong.error().message().contains(QStringLiteral("wrong passphrase")),
                 qPrintable(wrong.error().message()));
    }

    void refusesAShortPassphrase() {
        auto generated = KeyStore(*workspace_).generate("short");
        QVERIFY(!generated);
        QCOMPARE(generated.error().code(), Error::Code::InvalidInput);
        QVERIFY(KeyStore(*workspace_).list()->empty());
    }

    void rotationRetiresButKeepsVerifying() {
        KeyStore keys(*workspace_);
        QCOMPARE(keys.rotate(kPassphrase).error().code(), Error::Code::NotFound);
        const QString first = keys.generate(kPassphrase)->kid;
        // Rotating proves the current key can be unlocked.
        QVERIFY(!keys.rotate("somebody else's passphrase"));
        QCOMPARE(keys.find()->kid, first);
        const QString second = keys.rotate(kPassphrase)->kid;
        QVERIFY(first != second);
        QCOMPARE(keys.find()->kid, second);
        auto retired = keys.find(first);
        QVERIFY(retired && !retired->isSigning && retired->retiredAt.isValid());
        QCOMPARE(retired->stateWord(), QStringLiteral("retired"));
        QCOMPARE(keys.unlockSigningKey(kPassphrase)->publicKey().kid(), second);

        auto ring = keys.publicKeyRing();
        QVERIFY(ring && ring->find(first) && ring->find(second));

        auto log = AuditLog(*workspace_).entries().value();
        QCOMPARE(log.size(), std::size_t(2));
        QCOMPARE(log[0].action, QStringLiteral("key.generate"));
        QCOMPARE(log[1].action, QStringLiteral("key.rotate"));
        QCOMPARE(log[1].details.value(QStringLiteral("retired_kid")).toString(), first);
    }

    void exportedPublicKeyImportsElsewhere() {
        const QByteArray pem = KeyStore(*workspace_).generate(kPassphrase)->publicKeyPem;
        QVERIFY(pem.startsWith("-----BEGIN PUBLIC KEY-----"));

        auto customer = Workspace::open(workspace_.file(QStringLiteral("customer.aicp"))).value();
        QVERIFY(aicp::setWorkspaceMode(*customer, Workspace::Mode::Customer).ok());
        KeyStore customerKeys(*customer);
        auto imported = customerKeys.importPublicKey(pem);
        QVERIFY(imported);
        QCOMPARE(imported->stateWord(), QStringLiteral("verify-only"));
        QVERIFY(customerKeys.importPublicKey(pem));  // twice is harmless
        QCOMPARE(customerKeys.list()->size(), std::size_t(1));

        // A customer workspace never signs.
        QCOMPARE(customerKeys.generate(kPassphrase).error().code(), Error::Code::Conflict);
        QCOMPARE(customerKeys.unlockSigningKey(kPassphrase).error().code(), Error::Code::Conflict);
    }

    void refusesAPrivateKeyAsPublic() {
        auto key = Ed25519PrivateKey::generate().value();
        auto imported =
            KeyStore(*workspace_).importPublicKey(key.toEncryptedPem(kPassphrase).value());
        QVERIFY(!imported);
    }
};

QTEST_GUILESS_MAIN(TestKeyStore)
#include "tst_keystore.moc"

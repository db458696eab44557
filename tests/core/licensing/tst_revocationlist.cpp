#include "licensing/licensepayload.h"
#include "licensing/publickeyring.h"
#include "licensing/revocationlist.h"
#include "support/fakeclock.h"
#include "support/testkeys.h"

#include <QTest>

using namespace aicp;
using aicp::test::makeTestKey;

namespace {

RevocationList listNumber(std::int64_t sequence) {
    RevocationList list;
    list.sequence = sequence;
    list.issuedAt = aicp::test::utcAt("2026-11-24T10:00:00Z");
    return list;
}

}  // namespace

class TestRevocationList : public QObject {
    Q_OBJECT

private slots:
    void signsAndVerifies() {
        // The vendor's key, and the keys a customer trusts: just that one.
        const auto [key, ring] = makeTestKey();
        RevocationList list = listNumber(7);
        const QUuid first = QUuid::createUuid();
        const QUuid second = QUuid::createUuid();
        list.revoked.push_back({first, list.issuedAt});
        list.revoked.push_back({second, list.issuedAt.addSecs(-3600)});
        const auto token = list.sign(key);
        QVERIFY(token.ok());
        QVERIFY(token->startsWith("AICPRL1."));

        const auto reread = RevocationList::verify(*token, ring);
        QVERIFY2(reread.ok(), qPrintable(reread.ok() ? QString() : reread.error().message()));
        QCOMPARE(reread->sequence, std::int64_t(7));
        QCOMPARE(reread->kid, key.publicKey().kid());
        QVERIFY(reread->find(first));
        QCOMPARE(reread->find(second)->revokedAt, list.issuedAt.addSecs(-3600));
        QVERIFY(!reread->find(QUuid::createUuid()));
        // Signing the same list twice gives the same bytes (entries sorted).
        std::swap(list.revoked[0], list.revoked[1]);
        QCOMPARE(list.sign(key).value(), *token);
    }

    void refusesTamperingAndStrangers() {
        const auto [key, ring] = makeTestKey();
        const Ed25519PrivateKey stranger = makeTestKey().key;
        RevocationList list = listNumber(1);
        list.revoked.push_back({QUuid::createUuid(), list.issuedAt});
        const QByteArray token = list.sign(key).value();

        QVERIFY(!RevocationList::verify(list.sign(stranger).value(), ring).ok());
        for (qsizetype i = 0; i < token.size(); ++i) {
            QByteArray tampered = token;
            tampered[i] = static_cast<char>(tampered[i] ^ 0x04);
            QVERIFY2(!RevocationList::verify(tampered, ring).ok(), qPrintable(QString::number(i)));
        }
        QVERIFY(!RevocationList::verify("", ring).ok());
        QVERIFY(!RevocationList::verify("AICPRL1..", ring).ok());
        QVERIFY(!RevocationList::verify(token.left(token.size() / 2), ring).ok());
    }
};

QTEST_GUILESS_MAIN(TestRevocationList)
#include "tst_revocationlist.moc"

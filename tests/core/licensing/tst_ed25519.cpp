#include "common/base64url.h"
#include "licensing/ed25519.h"
#include "licensing/signedtoken.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using aicp::Ed25519PrivateKey;
using aicp::Ed25519PublicKey;

class TestEd25519 : public QObject {
    Q_OBJECT

    // The stock openssl command line, when installed, and a folder for the
    // files it reads.
    const QString openssl_ = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    QTemporaryDir dir_;

    // The file's path, or empty when it could not be written.
    QString write(const char* name, const QByteArray& bytes) const {
        QFile out(dir_.filePath(QString::fromLatin1(name)));
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
            return QString();
        return out.fileName();
    }

private slots:
    void signsAndVerifies() {
        const auto key = Ed25519PrivateKey::generate();
        QVERIFY(key.ok());
        const auto signature = key->sign("AICP1.payload");
        QVERIFY(signature.ok());
        QCOMPARE(signature->size(), 64);
        QVERIFY(key->publicKey().isValidSignature("AICP1.payload", *signature));
        QVERIFY(!key->publicKey().isValidSignature("AICP1.payloaD", *signature));
        QVERIFY(!key->publicKey().isValidSignature("AICP1.payload", signature->left(63)));
        const auto other = Ed25519PrivateKey::generate();
        QVERIFY(!other->publicKey().isValidSignature("AICP1.payload", *signature));
    }

    void kidIsTheStartOfTheSha256OfTheRawKey() {
        // RFC 8032 test vector 1 public key; kid computed with
        // `printf '\xd7\x5a…' | sha256sum | cut -c1-16`.
        const QByteArray raw =
            QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        const auto key = Ed25519PublicKey::fromRaw(raw);
        QVERIFY(key.ok());
        QCOMPARE(key->kid(), QStringLiteral("21fe31dfa154a261"));
        QCOMPARE(key->raw(), raw);
    }

    void verifiesTheRfc8032TestVector() {
        // RFC 8032 section 7.1, test 1: the empty message.
        const auto key = Ed25519PublicKey::fromRaw(QByteArray::fromHex(
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        const QByteArray signature = QByteArray::fromHex(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39"
            "701cf9b46b"
            "d25bf5f0595bbe24655141438e7a100b");
        QVERIFY(key->isValidSignature("", signature));
    }

    void publicPemRoundTrips() {
        const auto key = Ed25519PrivateKey::generate();
        const QByteArray pem = key->publicKey().toPem();
        QVERIFY(pem.startsWith("-----BEGIN PUBLIC KEY-----"));
        const auto reread = Ed25519PublicKey::fromPem(pem);
        QVERIFY(reread.ok());
        QCOMPARE(reread->kid(), key->publicKey().kid());
        QVERIFY(!Ed25519PublicKey::fromPem(
                     "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
                     .ok());
        QVERIFY(!Ed25519PublicKey::fromRaw(QByteArray(31, 'x')).ok());
    }

    void privateKeyIsStoredOnlyEncrypted() {
        const auto key = Ed25519PrivateKey::generate();
        const auto pem = key->toEncryptedPem("correct horse battery staple");
        QVERIFY(pem.ok());
        QVERIFY(pem->startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        QVERIFY(!pem->contains("BEGIN PRIVATE KEY"));
        // The raw public half must not be readable from the file either.
        QVERIFY(!QByteArray::fromBase64(*pem).contains(key->publicKey().raw()));

        const auto reread =
            Ed25519PrivateKey::fromEncryptedPem(*pem, "correct horse battery staple");
        QVERIFY2(reread.ok(), qPrintable(reread.ok() ? QString() : reread.error().message()));
        QCOMPARE(reread->publicKey().kid(), key->publicKey().kid());

        const auto wrong =
            Ed25519PrivateKey::fromEncryptedPem(*pem, "correct horse battery stapler");
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().message().contains(QStringLiteral("wrong passphrase")),
                 qPrintable(wrong.error().message()));
        QVERIFY(!key->toEncryptedPem("").ok());
    }

    void refusesUnencryptedPrivateKeys() {
        const QByteArray plain =
            "-----BEGIN PRIVATE "
            "KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n"
            "-----END PRIVATE KEY-----\n";
        const auto key = Ed25519PrivateKey::fromEncryptedPem(plain, "anything");
        QVERIFY(!key.ok());
        QVERIFY(key.error().message().contains(QStringLiteral("never reads an unencrypted")));
    }

    void stockOpensslReadsOurFiles() {
        if (openssl_.isEmpty())
            QSKIP("the openssl command line is not installed");
        const auto key = Ed25519PrivateKey::generate();
        const QString keyFile = write("key.pem", key->toEncryptedPem("s3cret").value());
        QVERIFY(!keyFile.isEmpty());

        QProcess process;
        process.start(openssl_, {QStringLiteral("pkey"), QStringLiteral("-in"), keyFile,
                                 QStringLiteral("-passin"), QStringLiteral("pass:s3cret"),
                                 QStringLiteral("-pubout")});
        QVERIFY(process.waitForFinished(30'000));
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(process.readAllStandardOutput(), key->publicKey().toPem());
    }

    // SPEC: anyone holding the public key verifies a license key with stock
    // `openssl pkeyutl -verify -rawin`; this runs the README's recipe.
    void stockOpensslVerifiesALicenseKey() {
        if (openssl_.isEmpty())
            QSKIP("the openssl command line is not installed");
        const auto key = Ed25519PrivateKey::generate();
        const QByteArray token =
            aicp::makeSignedToken("AICP1", R"({"id":"x","tier":"starter"})", *key).value();
        const QString publicKey = write("public.pem", key->publicKey().toPem());
        const qsizetype lastDot = token.lastIndexOf('.');
        const QString signature = write(
            "signature.bin",
            QByteArray::fromBase64(token.mid(lastDot + 1) + "==", QByteArray::Base64UrlEncoding));
        const auto verifies = [&](const QByteArray& signedPart) {
            const QString input = write("signed.txt", signedPart);
            QProcess process;
            process.start(openssl_, {QStringLiteral("pkeyutl"), QStringLiteral("-verify"),
                                     QStringLiteral("-pubin"), QStringLiteral("-inkey"), publicKey,
                                     QStringLiteral("-rawin"), QStringLiteral("-in"), input,
                                     QStringLiteral("-sigfile"), signature});
            return process.waitForFinished(30'000) &&
                   process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
        };
        QVERIFY(verifies(token.left(lastDot)));
        QByteArray altered = token.left(lastDot);
        altered[altered.size() - 2] = altered[altered.size() - 2] == 'A' ? 'B' : 'A';
        QVERIFY(!verifies(altered));
    }

    // RFC 8032 section 7.1, test 1: the seed gives the published public key
    // and signature, so demo keys made from a seed are real Ed25519 keys.
    void seedGivesTheRfc8032Key() {
        const auto key = Ed25519PrivateKey::fromSeed(QByteArray::fromHex(
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        QVERIFY(key);
        QCOMPARE(key->publicKey().raw().toHex(),
                 QByteArray("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        QCOMPARE(key->sign("").value().toHex(),
                 QByteArray("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                            "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"));
        QVERIFY(!Ed25519PrivateKey::fromSeed("short"));
    }

    void base64UrlIsStrict() {
        QCOMPARE(aicp::base64UrlEncode("\xfb\xff"), QByteArray("-_8"));
        QCOMPARE(aicp::base64UrlDecode("-_8").value(), QByteArray("\xfb\xff"));
        QVERIFY(!aicp::base64UrlDecode("-_8=").ok());    // padding
        QVERIFY(!aicp::base64UrlDecode("+/8").ok());     // standard alphabet
        QVERIFY(!aicp::base64UrlDecode("-_9").ok());     // non-zero trailing bits
        QVERIFY(!aicp::base64UrlDecode("QUJD\n").ok());  // whitespace
        QVERIFY(!aicp::base64UrlDecode("Q").ok());       // impossible length
        QCOMPARE(aicp::base64UrlDecode("").value(), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestEd25519)
#include "tst_ed25519.moc"

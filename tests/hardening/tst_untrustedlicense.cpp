// Hostile license files, keys, revocation lists and public keys: every one
// refused with a reason that names the problem, nothing in them believed
// before the signature checks out. Complements tests/licensing (the good
// paths, flipped bytes, every altered field) and tests/fuzz.
#include "licensing/keystore.h"
#include "licensing/licensefile.h"
#include "licensing/licenseverifier.h"
#include "licensing/revocationlist.h"
#include "licensing/signedtoken.h"
#include "licensing/verificationmemory.h"
#include "licensing/workspaceverification.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/fakeclock.h"
#include "support/samplelicense.h"
#include "support/tempworkspace.h"
#include "support/testkeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace aicp;
using namespace aicp::test;

class TestUntrustedLicense : public QObject {
    Q_OBJECT

    const TestKey vendor_ = makeTestKey();
    const TestKey stranger_ = makeTestKey();
    QByteArray payload_;  // the sample license's compact JSON

    LicenseVerification verify(QByteArrayView text) const {
        return LicenseVerifier(vendor_.ring).verify(text, utcAt("2026-06-01T12:00:00Z"));
    }
    QByteArray sign(const QByteArray& payload) const {
        return makeSignedToken("AICP1", payload, vendor_.key).value();
    }
    QByteArray signList(const QJsonObject& payload) const {
        return makeSignedToken("AICPRL1", QJsonDocument(payload).toJson(QJsonDocument::Compact),
                               vendor_.key)
            .value();
    }
    QJsonObject listPayload(std::int64_t sequence) const {
        return {{QStringLiteral("v"), 1},
                {QStringLiteral("kid"), vendor_.key.publicKey().kid()},
                {QStringLiteral("sequence"), double(sequence)},
                {QStringLiteral("issued_at"), QStringLiteral("2026-05-01T00:00:00Z")},
                {QStringLiteral("revoked"), QJsonArray()}};
    }
    const PublicKeyRing& ring() const { return vendor_.ring; }

private slots:
    void initTestCase() {
        // One feature, so the hostile variants below can rewrite its list.
        LicensePayload license = sampleLicense(vendor_.key);
        license.features = {QStringLiteral("basic_governance")};
        payload_ = license.toJson();
        QVERIFY(payload_.contains("\"seats\":10"));
        QCOMPARE(verify(sign(payload_)).status, LicenseStatus::Valid);
    }

    // The license file / pasted key text, before any signature is looked at.
    void hostileLicenseTextIsMalformed_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("reason");
        const QByteArray good = sign(sampleLicense(vendor_.key).toJson());
        const QByteArray file = licenseFileText(good, sampleLicense(vendor_.key));
        QTest::newRow("empty") << QByteArray() << QByteArray("neither a license key");
        QTest::newRow("blank") << QByteArray(" \n\t\r\n") << QByteArray("neither a license key");
        QTest::newRow("over the 1 MiB file limit")
            << (QByteArray("-----BEGIN AICP LICENSE-----\n") + QByteArray(1024 * 1024, 'A'))
            << QByteArray("a license file is a few kilobytes");
        QTest::newRow("key over the 64 KiB key limit")
            << (QByteArray("AICP1.") + QByteArray(70 * 1024, 'A') + ".AAAA")
            << QByteArray("more than the 65536 a valid one can be");
        QTest::newRow("truncated key") << good.left(good.size() / 2) << QByteArray("malformed");
        QTest::newRow("truncated file")
            << file.left(file.size() - 40) << QByteArray("no -----END AICP LICENSE----- line");
        QTest::newRow("NUL inside the key") << QByteArray(good).insert(20, '\0')
                                            << QByteArray("not base64url text (character 0x00)");
        QTest::newRow("invalid UTF-8 inside the key")
            << QByteArray(good).insert(20, "\xc3\x28")
            << QByteArray("not base64url text (character 0xc3)");
        QTest::newRow("NUL inside the file's block")
            << QByteArray(file).replace("-----BEGIN AICP LICENSE-----\n",
                                        QByteArray("-----BEGIN AICP LICENSE-----\n\0", 30))
            << QByteArray("not valid base64");
        QTest::newRow("two licenses in one file")
            << (file + file) << QByteArray("more than one license");
        QTest::newRow("four parts") << (good + ".AAAA") << QByteArray("more than three");
    }
    void hostileLicenseTextIsMalformed() {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, reason);
        const LicenseVerification result = verify(text);
        QCOMPARE(result.status, LicenseStatus::Malformed);
        QVERIFY2(result.reason.contains(QString::fromUtf8(reason)), qPrintable(result.reason));
        QVERIFY(!result.license);
    }

    // Payloads a trusted key really signed, yet not a license: the format
    // checks after the signature must refuse each, naming the field.
    void signedHostilePayloadsAreMalformed_data() {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QByteArray>("reason");
        const QByteArray& p = payload_;
        const auto with = [&p](const char* from, const QByteArray& to) {
            QByteArray copy = p;
            return copy.replace(from, to);
        };
        const std::pair<const char*, const char*> seats[] = {
            {"1e309", "illegal number"},
            {"-1", "limits.seats"},
            {"9223372036854775808", "limits.seats"},  // 2^63
            {"9007199254740994", "limits.seats"},     // 2^53 + 2
            {"1.5", "limits.seats"},
            {"\"10\"", "limits.seats"},
            {"NaN", "not a JSON object"},
            {"Infinity", "not a JSON object"}};
        for (const auto& [value, reason] : seats)
            QTest::newRow(qPrintable(QStringLiteral("seats %1").arg(QLatin1String(value))))
                << with("\"seats\":10", QByteArray("\"seats\":") + value) << QByteArray(reason);
        QTest::newRow("duplicate seats, last one bad")
            << with("\"seats\":10", "\"seats\":10,\"seats\":-5") << QByteArray("limits.seats");
        QTest::newRow("agents 1e309")
            << with("\"agents\":25", "\"agents\":1e309") << QByteArray("illegal number");
        QTest::newRow("grace_days over a year")
            << with("\"grace_days\":14", "\"grace_days\":100000") << QByteArray("grace_days");
        QTest::newRow("v as a string") << with("\"v\":1", "\"v\":\"1\"") << QByteArray("v:");
        QTest::newRow("tier as a number")
            << with("\"tier\":\"professional\"", "\"tier\":7") << QByteArray("tier");
        QTest::newRow("features as a string")
            << with("\"features\":[\"basic_governance\"]", "\"features\":\"basic_governance\"")
            << QByteArray("features");
        QTest::newRow("feature listed twice")
            << with("\"features\":[\"basic_governance\"]",
                    "\"features\":[\"basic_governance\",\"basic_governance\"]")
            << QByteArray("lists 'basic_governance' twice");
        QTest::newRow("negative price override")
            << with("\"price_overrides\":{}", "\"price_overrides\":{\"seats\":\"-1.00\"}")
            << QByteArray("contract.price_overrides.seats");
        QTest::newRow("overflowing price override")
            << with("\"price_overrides\":{}",
                    "\"price_overrides\":{\"seats\":\"99999999999999999999999.00\"}")
            << QByteArray("contract.price_overrides.seats");
        QTest::newRow("price override as a number")
            << with("\"price_overrides\":{}", "\"price_overrides\":{\"seats\":1e309}")
            << QByteArray("illegal number");
        QTest::newRow("expiry before start") << with("\"expires_at\":\"2027-01-01T00:00:00Z\"",
                                                     "\"expires_at\":\"2025-01-01T00:00:00Z\"")
                                             << QByteArray("must be after not_before");
        QTest::newRow("impossible date") << with("\"expires_at\":\"2027-01-01T00:00:00Z\"",
                                                 "\"expires_at\":\"2027-02-30T00:00:00Z\"")
                                         << QByteArray("not a real date");
        QTest::newRow("invalid UTF-8 in a name")
            << with("Acme Corp", "Acme \xff\xfe Corp") << QByteArray("not a JSON object");
        QTest::newRow("truncated JSON") << p.left(p.size() - 10) << QByteArray("not a JSON object");
        QTest::newRow("a JSON array") << QByteArray("[1,2,3]") << QByteArray("not a JSON object");
        QTest::newRow("deeply nested")
            << with("\"tier\":\"professional\"", "\"tier\":\"professional\",\"x\":" +
                                                     QByteArray(5000, '[') + QByteArray(5000, ']'))
            << QByteArray("not a JSON object");
        QTest::newRow("newer format")
            << with("\"v\":1", "\"v\":2") << QByteArray("newer than this aicp");
    }
    void signedHostilePayloadsAreMalformed() {
        QFETCH(QByteArray, payload);
        QFETCH(QByteArray, reason);
        const LicenseVerification result = verify(sign(payload));
        QVERIFY2(result.status == LicenseStatus::Malformed, qPrintable(result.reason));
        QVERIFY2(result.reason.contains(QString::fromUtf8(reason)), qPrintable(result.reason));
        QVERIFY(!result.isUsable());
    }

    void aValidSignatureOverAnotherPayloadIsRefused() {
        // Two genuine licenses; the payload of one with the signature of the other.
        LicensePayload generous = sampleLicense(vendor_.key);
        generous.seats = 10'000;
        const QByteArray small = sign(payload_);
        const QByteArray big = sign(generous.toJson());
        const QByteArray spliced =
            big.left(big.lastIndexOf('.')) + small.mid(small.lastIndexOf('.'));
        const LicenseVerification result = verify(spliced);
        QCOMPARE(result.status, LicenseStatus::BadSignature);
        QVERIFY2(result.reason.contains(QStringLiteral("altered or forged")),
                 qPrintable(result.reason));
        QVERIFY(!result.license);
    }

    void anotherKeyClaimingTheTrustedKidIsRefused() {
        // The payload names our kid but a stranger signed it.
        const QByteArray forged = makeSignedToken("AICP1", payload_, stranger_.key).value();
        const LicenseVerification result = verify(forged);
        QCOMPARE(result.status, LicenseStatus::BadSignature);
        QVERIFY(!result.license);
        // Its own kid: not trusted at all.
        const QByteArray own =
            makeSignedToken("AICP1", sampleLicense(stranger_.key).toJson(), stranger_.key).value();
        QCOMPARE(verify(own).status, LicenseStatus::UnknownKey);
        QVERIFY(verify(own).reason.contains(stranger_.key.publicKey().kid()));
    }

    void hostileRevocationListsAreRefused_data() {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("reason");
        QJsonObject base = listPayload(3);
        const auto signedWith = [this, &base](const QString& key, const QJsonValue& value) {
            QJsonObject copy = base;
            copy.insert(key, value);
            return signList(copy);
        };
        const auto signedRaw = [this](const QByteArray& json) {
            return makeSignedToken("AICPRL1", json, vendor_.key).value();
        };
        const QByteArray good = signList(base);
        const QByteArray compact = QJsonDocument(base).toJson(QJsonDocument::Compact);
        QTest::newRow("empty") << QByteArray() << QByteArray("the text is empty");
        QTest::newRow("over the 16 MiB limit")
            << (QByteArray("AICPRL1.") + QByteArray(16 * 1024 * 1024, 'A') + ".AAAA")
            << QByteArray("more than the 16777216");
        QTest::newRow("truncated") << good.left(good.size() - 5) << QByteArray("signature");
        QTest::newRow("license prefix")
            << sign(payload_) << QByteArray("does not start with \"AICPRL1.\"");
        QTest::newRow("NUL") << QByteArray(good).insert(12, '\0') << QByteArray("character 0x00");
        QTest::newRow("sequence 1e309")
            << signedRaw(QByteArray(compact).replace("\"sequence\":3", "\"sequence\":1e309"))
            << QByteArray("not a JSON object");
        QTest::newRow("sequence negative") << signedWith(QStringLiteral("sequence"), -4)
                                           << QByteArray("sequence must be a whole number");
        QTest::newRow("sequence 2^63") << signedRaw(QByteArray(compact).replace(
                                              "\"sequence\":3", "\"sequence\":9223372036854775808"))
                                       << QByteArray("sequence must be a whole number");
        QTest::newRow("sequence as a string")
            << signedWith(QStringLiteral("sequence"), QStringLiteral("3"))
            << QByteArray("sequence must be a whole number");
        QTest::newRow("revoked as an object")
            << signedWith(QStringLiteral("revoked"), QJsonObject())
            << QByteArray("revoked must be a list");
        QTest::newRow("revoked entry not an id")
            << signedWith(QStringLiteral("revoked"),
                          QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}}})
            << QByteArray("'x' is not a license id");
        QTest::newRow("revoked entry a number")
            << signedWith(QStringLiteral("revoked"), QJsonArray{42})
            << QByteArray("is not a license id");
        QTest::newRow("bad issued_at")
            << signedWith(QStringLiteral("issued_at"), QStringLiteral("yesterday"))
            << QByteArray("issued_at");
        QTest::newRow("newer format")
            << signedWith(QStringLiteral("v"), 2) << QByteArray("newer than");
        QTest::newRow("deeply nested")
            << signedRaw(QByteArray(compact).replace(
                   "\"revoked\":[]",
                   "\"revoked\":" + QByteArray(3000, '[') + QByteArray(3000, ']')))
            << QByteArray("the payload is not a JSON object");
        QTest::newRow("invalid UTF-8") << signedRaw("{\"kid\":\"\xff\xfe\"}")
                                       << QByteArray("the payload is not a JSON object");
        QTest::newRow("signed by a stranger")
            << makeSignedToken("AICPRL1", compact, stranger_.key).value()
            << QByteArray("signature is not valid");
        QTest::newRow("unknown kid") << signedRaw(QByteArray(compact).replace(
                                            vendor_.key.publicKey().kid().toLatin1(), "nokey"))
                                     << QByteArray("unknown key 'nokey'");
        const QByteArray other = signList(listPayload(99));
        QTest::newRow("payload of another list")
            << (other.left(other.lastIndexOf('.')) + good.mid(good.lastIndexOf('.')))
            << QByteArray("signature is not valid");
    }
    void hostileRevocationListsAreRefused() {
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, reason);
        auto list = RevocationList::verify(token, ring());
        QVERIFY(!list);
        QVERIFY2(list.error().message().contains(QString::fromUtf8(reason)),
                 qPrintable(list.error().message()));
    }

    void aReplayedOlderListIsRefused() {
        PublicKeyRing keys = ring();
        LicenseVerifier verifier(keys);
        auto older = RevocationList::verify(signList(listPayload(4)), keys);
        QVERIFY(older);
        const Status refused = verifier.useRevocationList(*older, 5);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), Error::Code::Conflict);
        QVERIFY(refused.error().message().contains(QStringLiteral("older than list 5")));
        QVERIFY(!verifier.revocationList());

        // Through the workspace: list 7 revokes the license; offering list 6
        // afterwards neither un-revokes it nor replaces what was remembered.
        TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        QVERIFY(KeyStore(*workspace).importPublicKey(vendor_.key.publicKey().toPem()));
        QJsonObject revoking = listPayload(7);
        revoking.insert(
            QStringLiteral("revoked"),
            QJsonArray{QJsonObject{
                {QStringLiteral("id"),
                 sampleLicense(vendor_.key).id.toString(QUuid::WithoutBraces)},
                {QStringLiteral("revoked_at"), QStringLiteral("2026-05-01T00:00:00Z")}}});
        const QByteArray list7 = signList(revoking);
        const QByteArray license = sign(payload_);
        const QDateTime now = utcAt("2026-06-01T12:00:00Z");
        QCOMPARE(verifyInWorkspace(*workspace, license, now, list7).result.status,
                 LicenseStatus::Revoked);
        const WorkspaceVerification replay =
            verifyInWorkspace(*workspace, license, now, signList(listPayload(6)));
        QCOMPARE(replay.result.status, LicenseStatus::Revoked);
        QVERIFY2(replay.revocationProblem.contains(QStringLiteral("older than list 7")),
                 qPrintable(replay.revocationProblem));
        QCOMPARE(VerificationMemory(*workspace).newestRevocationList().value(), list7);
    }

    void hostilePublicKeysAreRefusedAndNothingIsStored_data() {
        QTest::addColumn<QByteArray>("pem");
        QTest::addColumn<QByteArray>("reason");
        const QByteArray good = vendor_.key.publicKey().toPem();
        QTest::newRow("empty") << QByteArray() << QByteArray("not a PEM public key");
        QTest::newRow("garbage") << QByteArray("hello\n") << QByteArray("not a PEM public key");
        QTest::newRow("truncated")
            << good.left(good.size() / 2) << QByteArray("not a PEM public key");
        QTest::newRow("NUL in the base64") << QByteArray(good).insert(good.indexOf('\n') + 5, '\0')
                                           << QByteArray("not a PEM public key");
        QTest::newRow("over 64 KiB")
            << (good + QByteArray(70 * 1024, '#')) << QByteArray("too large");
        QTest::newRow("an encrypted private key")
            << vendor_.key.toEncryptedPem("a long passphrase").value()
            << QByteArray("not a PEM public key");
    }
    void hostilePublicKeysAreRefusedAndNothingIsStored() {
        QFETCH(QByteArray, pem);
        QFETCH(QByteArray, reason);
        TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        auto imported = KeyStore(*workspace).importPublicKey(pem);
        QVERIFY(!imported);
        QVERIFY2(imported.error().message().contains(QString::fromUtf8(reason)),
                 qPrintable(imported.error().message()));
        QCOMPARE(KeyStore(*workspace).list().value().size(), std::size_t(0));
    }

    // What the workspace file itself says about keys and verification is
    // not trusted either: damaged entries are reported, not believed.
    void damagedStoredKeysAndMemoryAreReported() {
        TempWorkspace workspace(TempWorkspace::Content::SigningKey);
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        Database* db = workspace->handle();
        QVERIFY(executeScript(db,
                              "UPDATE signing_keys SET public_key_pem = 'garbage', "
                              "private_key_pem = 'garbage'")
                    .ok());
        auto ring = KeyStore(*workspace).publicKeyRing();
        QVERIFY(!ring);
        QVERIFY2(ring.error().message().contains(QStringLiteral("stored key")),
                 qPrintable(ring.error().message()));
        auto unlocked = KeyStore(*workspace).unlockSigningKey(kTestPassphrase);
        QVERIFY(!unlocked);

        QVERIFY(workspace
                    ->setMetaValue(QStringLiteral("verifier_revocation_sequence"),
                                   QStringLiteral("1e309"))
                    .ok());
        auto sequence = VerificationMemory(*workspace).highestRevocationSequence();
        QVERIFY(!sequence);
        QCOMPARE(sequence.error().code(), Error::Code::Corrupt);
        QVERIFY(sequence.error().message().contains(QStringLiteral("'1e309'")));
        QVERIFY(workspace
                    ->setMetaValue(QStringLiteral("verifier_latest_time_seen"),
                                   QStringLiteral("\xff not a time"))
                    .ok());
        auto latest = VerificationMemory(*workspace).latestTimeSeen();
        QVERIFY(!latest);
        QCOMPARE(latest.error().code(), Error::Code::Corrupt);
        QVERIFY(latest.error().message().contains(QStringLiteral("the latest time seen")));

        // A verification in that workspace answers without believing either.
        const WorkspaceVerification outcome =
            verifyInWorkspace(*workspace, sign(payload_), utcAt("2026-06-01T12:00:00Z"));
        QCOMPARE(outcome.result.status, LicenseStatus::UnknownKey);
        QVERIFY(outcome.result.reason.contains(QStringLiteral("stored key")));
    }
};

QTEST_GUILESS_MAIN(TestUntrustedLicense)
#include "tst_untrustedlicense.moc"

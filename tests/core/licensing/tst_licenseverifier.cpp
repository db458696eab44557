#include "common/base64url.h"
#include "licensing/licensefile.h"
#include "licensing/licenseverifier.h"
#include "licensing/signedtoken.h"
#include "support/fakeclock.h"
#include "support/samplelicense.h"
#include "support/testkeys.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace aicp;
using namespace aicp::test;

namespace {

QByteArray signLicense(const LicensePayload& license, const Ed25519PrivateKey& key) {
    return makeSignedToken("AICP1", license.toJson(), key).value();
}

// Re-signs arbitrary payload bytes: a "license" a trusted key really signed.
QByteArray signPayload(const QByteArray& payload, const Ed25519PrivateKey& key) {
    return makeSignedToken("AICP1", payload, key).value();
}

}  // namespace

class TestLicenseVerifier : public QObject {
    Q_OBJECT

    const TestKey vendor_ = makeTestKey();
    const TestKey other_ = makeTestKey();
    QByteArray goodKey_;

    LicenseVerifier verifier() const { return LicenseVerifier(vendor_.ring); }
    LicenseStatus statusOf(QByteArrayView text, const char* now = "2026-06-01T12:00:00Z") const {
        return verifier().verify(text, utcAt(now)).status;
    }

private slots:
    void initTestCase() { goodKey_ = signLicense(sampleLicense(vendor_.key), vendor_.key); }

    void acceptsAGoodLicenseAndReadsEveryField() {
        const auto result = verifier().verify(goodKey_, utcAt("2026-06-01T12:00:00Z"));
        QCOMPARE(result.status, LicenseStatus::Valid);
        QVERIFY(result.isUsable());
        QCOMPARE(result.license->customerId, QStringLiteral("acme-corp"));
        QCOMPARE(result.license->tier, QStringLiteral("professional"));
        QCOMPARE(result.license->seats, std::int64_t(10));
        QCOMPARE(result.license->requestsPerMonth, std::optional<std::int64_t>(1'000'000));
        QVERIFY(result.license->hasFeature(QStringLiteral("sso")));
        QVERIFY(goodKey_.startsWith("AICP1."));
        QVERIFY(!goodKey_.contains('\n'));
    }

    void timeWindowBoundaries_data() {
        QTest::addColumn<QString>("now");
        QTest::addColumn<LicenseStatus>("status");
        QTest::addColumn<QString>("reason");
        QTest::newRow("a second before not_before")
            << "2025-12-31T23:59:59Z" << LicenseStatus::NotYetValid
            << "valid from 2026-01-01T00:00:00Z";
        QTest::newRow("at not_before, midnight UTC")
            << "2026-01-01T00:00:00Z" << LicenseStatus::Valid << "2027-01-01T00:00:00Z";
        QTest::newRow("a second before expiry")
            << "2026-12-31T23:59:59Z" << LicenseStatus::Valid << "2027-01-01T00:00:00Z";
        QTest::newRow("at expiry, grace starts")
            << "2027-01-01T00:00:00Z" << LicenseStatus::ValidInGrace << "2027-01-15T00:00:00Z";
        QTest::newRow("last second of grace")
            << "2027-01-14T23:59:59Z" << LicenseStatus::ValidInGrace << "2027-01-15T00:00:00Z";
        QTest::newRow("grace over")
            << "2027-01-15T00:00:00Z" << LicenseStatus::Expired << "2027-01-01T00:00:00Z";
    }
    void timeWindowBoundaries() {
        QFETCH(QString, now);
        QFETCH(LicenseStatus, status);
        QFETCH(QString, reason);
        const auto result = verifier().verify(goodKey_, utcAt(now.toLatin1().constData()));
        QCOMPARE(result.status, status);
        // The reason names the date that decided it.
        QVERIFY2(result.reason.contains(reason), qPrintable(result.reason));
    }

    void localTimeZonesDoNotShiftTheWindow() {
        // 2025-12-31 20:00 in New York is 2026-01-01 01:00 UTC: already valid.
        const QDateTime newYork(QDate(2025, 12, 31), QTime(20, 0), QTimeZone("America/New_York"));
        QCOMPARE(verifier().verify(goodKey_, newYork).status, LicenseStatus::Valid);
        // 2026-01-01 08:00 in Tokyo is 2025-12-31 23:00 UTC: not yet.
        const QDateTime tokyo(QDate(2026, 1, 1), QTime(8, 0), QTimeZone("Asia/Tokyo"));
        QCOMPARE(verifier().verify(goodKey_, tokyo).status, LicenseStatus::NotYetValid);
    }

    void noGraceMeansExpiredAtExpiry() {
        LicensePayload license = sampleLicense(vendor_.key);
        license.graceDays = 0;
        QCOMPARE(statusOf(signLicense(license, vendor_.key), "2027-01-01T00:00:00Z"),
                 LicenseStatus::Expired);
    }

    void detectsClockRollback() {
        const LicenseVerifier check = verifier();
        const QDateTime seen = utcAt("2026-06-01T12:00:00Z");
        QCOMPARE(check.verify(goodKey_, seen.addSecs(-60), seen).status,
                 LicenseStatus::Valid);  // NTP wobble
        const auto rolledBack = check.verify(goodKey_, seen.addDays(-2), seen);
        QCOMPARE(rolledBack.status, LicenseStatus::ClockRollback);
        QVERIFY(rolledBack.reason.contains(QStringLiteral("2026-06-01T12:00:00Z")));
    }

    void refusesRevokedLicenses() {
        LicenseVerifier check = verifier();
        RevocationList list;
        list.sequence = 3;
        list.issuedAt = utcAt("2026-05-01T00:00:00Z");
        list.revoked.push_back({sampleLicense(vendor_.key).id, utcAt("2026-05-01T00:00:00Z")});
        QVERIFY(check.useRevocationList(list, 2).ok());
        const auto result = check.verify(goodKey_, utcAt("2026-06-01T12:00:00Z"));
        QCOMPARE(result.status, LicenseStatus::Revoked);
        QVERIFY(result.reason.contains(QStringLiteral("2026-05-01")));
        QVERIFY(!check.useRevocationList(list, 4).ok());  // older than one already seen
    }

    void refusesUnknownKeysAndForeignSignatures() {
        QCOMPARE(statusOf(signLicense(sampleLicense(other_.key), other_.key)),
                 LicenseStatus::UnknownKey);
        // Claims our kid but is signed by another key.
        QCOMPARE(statusOf(signLicense(sampleLicense(vendor_.key), other_.key)),
                 LicenseStatus::BadSignature);
    }

    void everyFlippedByteIsRefused() {
        for (qsizetype i = 0; i < goodKey_.size(); ++i) {
            for (const char mask : {char(0x01), char(0x20), char(0x80)}) {
                QByteArray tampered = goodKey_;
                tampered[i] = static_cast<char>(tampered[i] ^ mask);
                const LicenseStatus status = statusOf(tampered);
                if (status == LicenseStatus::Valid || status == LicenseStatus::ValidInGrace)
                    QFAIL(
                        qPrintable(QStringLiteral("byte %1 ^ %2 accepted").arg(i).arg(int(mask))));
            }
        }
    }

    void everyAlteredFieldBreaksTheSignature() {
        const QByteArray original = sampleLicense(vendor_.key).toJson();
        const QByteArray signature = goodKey_.mid(goodKey_.lastIndexOf('.') + 1);
        const QJsonObject fields = QJsonDocument::fromJson(original).object();
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            QJsonObject altered = fields;
            altered.insert(it.key(), it.key() == QStringLiteral("v")
                                         ? QJsonValue(1.0)
                                         : QJsonValue(QStringLiteral("x")));
            if (it.key() == QStringLiteral("v"))
                altered.insert(QStringLiteral("grace_days"), 365);
            const QByteArray forged =
                "AICP1." + base64UrlEncode(QJsonDocument(altered).toJson(QJsonDocument::Compact)) +
                '.' + signature;
            // A changed kid names a key the verifier does not hold, which is
            // refused before the signature is even checked.
            const LicenseStatus expected = it.key() == QStringLiteral("kid")
                                               ? LicenseStatus::UnknownKey
                                               : LicenseStatus::BadSignature;
            QCOMPARE(statusOf(forged), expected);
        }
        // Re-encoding the same JSON differently (spaces) also breaks it.
        const QByteArray spaced = QJsonDocument(fields).toJson(QJsonDocument::Indented);
        QCOMPARE(statusOf("AICP1." + base64UrlEncode(spaced) + '.' + signature),
                 LicenseStatus::BadSignature);
    }

    void malformedTextIsRefusedWithoutCrashing_data() {
        QTest::addColumn<QByteArray>("text");
        const QByteArray head = goodKey_.left(goodKey_.lastIndexOf('.'));
        const QByteArray signature = goodKey_.mid(goodKey_.lastIndexOf('.') + 1);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("prefix only") << QByteArray("AICP1.");
        QTest::newRow("two parts") << head;
        QTest::newRow("four parts") << goodKey_ + ".AAAA";
        QTest::newRow("wrong prefix") << "AICP2" + goodKey_.mid(5);
        QTest::newRow("padding") << goodKey_ + "==";
        QTest::newRow("truncated signature") << goodKey_.left(goodKey_.size() - 2);
        QTest::newRow("truncated payload") << head.left(head.size() - 4) + '.' + signature;
        QTest::newRow("standard base64")
            << QByteArray(goodKey_).replace('-', '+').replace('_', '/') + "+";
        QTest::newRow("huge") << "AICP1." + QByteArray(10 * 1024 * 1024, 'A') + '.' + signature;
        QTest::newRow("nul bytes") << QByteArray("AICP1.\0\0\0.\0", 11);
        QTest::newRow("not json") << "AICP1." + base64UrlEncode("hello") + '.' + signature;
    }
    void malformedTextIsRefusedWithoutCrashing() {
        QFETCH(QByteArray, text);
        const auto result = verifier().verify(text, utcAt("2026-06-01T12:00:00Z"));
        QVERIFY(!result.isUsable());
        QVERIFY(!result.reason.isEmpty());
    }

    void nonCanonicalBase64IsRefused() {
        // Flip the unused low bits of the last payload character: same bytes
        // decoded by a lax decoder, a different text — must not verify.
        const qsizetype dot = goodKey_.lastIndexOf('.');
        const QByteArray payloadText = goodKey_.mid(6, dot - 6);
        if (payloadText.size() % 4 == 0)
            QSKIP("payload length leaves no spare bits");
        QByteArray tampered = goodKey_;
        tampered[dot - 1] = static_cast<char>(tampered[dot - 1] + 1);
        QVERIFY(!verifier().verify(tampered, utcAt("2026-06-01T12:00:00Z")).isUsable());
    }

    void signedButInvalidContentIsMalformed() {
        QJsonObject fields = QJsonDocument::fromJson(sampleLicense(vendor_.key).toJson()).object();
        fields.insert(QStringLiteral("seats"), QStringLiteral("ten"));
        fields.insert(QStringLiteral("limits"), QStringLiteral("lots"));
        QCOMPARE(statusOf(signPayload(QJsonDocument(fields).toJson(QJsonDocument::Compact),
                                      vendor_.key)),
                 LicenseStatus::Malformed);
        fields = QJsonDocument::fromJson(sampleLicense(vendor_.key).toJson()).object();
        fields.insert(QStringLiteral("expires_at"), QStringLiteral("2027-02-30T00:00:00Z"));
        QCOMPARE(statusOf(signPayload(QJsonDocument(fields).toJson(QJsonDocument::Compact),
                                      vendor_.key)),
                 LicenseStatus::Malformed);
    }

    void refusesANewerFormatButKeepsUnknownFields() {
        QJsonObject fields = QJsonDocument::fromJson(sampleLicense(vendor_.key).toJson()).object();
        fields.insert(QStringLiteral("v"), 2);
        const auto newer = verifier().verify(
            signPayload(QJsonDocument(fields).toJson(QJsonDocument::Compact), vendor_.key),
            utcAt("2026-06-01T12:00:00Z"));
        QCOMPARE(newer.status, LicenseStatus::Malformed);
        QVERIFY(newer.reason.contains(QStringLiteral("newer")));

        fields.insert(QStringLiteral("v"), 1);
        fields.insert(QStringLiteral("loyalty_tier"), QStringLiteral("gold"));
        const QByteArray payload = QJsonDocument(fields).toJson(QJsonDocument::Compact);
        const auto result =
            verifier().verify(signPayload(payload, vendor_.key), utcAt("2026-06-01T12:00:00Z"));
        QCOMPARE(result.status, LicenseStatus::Valid);
        QCOMPARE(result.license->unknownFields.value(QStringLiteral("loyalty_tier")).toString(),
                 QStringLiteral("gold"));
        QCOMPARE(result.license->toJson(), payload);
    }

    // limits.instances and activation: read and written when not the
    // defaults; a license from before them has unlimited floating instances
    // and keeps its bytes.
    void carriesActivationTerms() {
        LicensePayload license = sampleLicense(vendor_.key);
        QVERIFY(license.activation.isDefault());
        QVERIFY(!license.toJson().contains("instances"));
        QVERIFY(!license.toJson().contains("activation"));
        license.activation = {10, ActivationMode::NodeLocked, 300};
        const QByteArray payload = license.toJson();
        QVERIFY(payload.contains(R"("instances":10)"));
        QVERIFY(payload.contains(R"("activation":{"heartbeat_seconds":300,"mode":"node-locked"})"));
        const auto read =
            verifier().verify(signPayload(payload, vendor_.key), utcAt("2026-06-01T12:00:00Z"));
        QCOMPARE(read.status, LicenseStatus::Valid);
        QCOMPARE(read.license->activation, license.activation);
        QCOMPARE(read.license->toJson(), payload);

        // Unlimited but node-locked: instances written as null.
        license.activation = {std::nullopt, ActivationMode::NodeLocked, 600};
        QVERIFY(license.toJson().contains(R"("instances":null)"));

        QJsonObject fields = QJsonDocument::fromJson(payload).object();
        fields.insert(QStringLiteral("activation"),
                      QJsonObject{{QStringLiteral("mode"), QStringLiteral("sticky")},
                                  {QStringLiteral("heartbeat_seconds"), 300}});
        QCOMPARE(statusOf(signPayload(QJsonDocument(fields).toJson(QJsonDocument::Compact),
                                      vendor_.key)),
                 LicenseStatus::Malformed);
        fields = QJsonDocument::fromJson(payload).object();
        fields.insert(QStringLiteral("activation"),
                      QJsonObject{{QStringLiteral("mode"), QStringLiteral("floating")},
                                  {QStringLiteral("heartbeat_seconds"), 5}});
        QCOMPARE(statusOf(signPayload(QJsonDocument(fields).toJson(QJsonDocument::Compact),
                                      vendor_.key)),
                 LicenseStatus::Malformed);
        QJsonObject limits =
            QJsonDocument::fromJson(payload).object().value(QStringLiteral("limits")).toObject();
        limits.insert(QStringLiteral("instances"), 0);
        fields = QJsonDocument::fromJson(payload).object();
        fields.insert(QStringLiteral("limits"), limits);
        QCOMPARE(statusOf(signPayload(QJsonDocument(fields).toJson(QJsonDocument::Compact),
                                      vendor_.key)),
                 LicenseStatus::Malformed);
    }

    void licenseFileRoundTripsAndCommentsAreNotTrusted() {
        const LicensePayload license = sampleLicense(vendor_.key);
        QByteArray file = licenseFileText(goodKey_, license);
        QVERIFY(file.contains("-----BEGIN AICP LICENSE-----\n"));
        QVERIFY(file.contains("# Customer: Acme Corp (acme-corp)"));
        QCOMPARE(statusOf(file), LicenseStatus::Valid);
        // Editing the readable lines changes nothing that is trusted.
        file.replace("# Tier: professional", "# Tier: enterprise");
        const auto result = verifier().verify(file, utcAt("2026-06-01T12:00:00Z"));
        QCOMPARE(result.status, LicenseStatus::Valid);
        QCOMPARE(result.license->tier, QStringLiteral("professional"));
        // A damaged block is refused.
        QByteArray damaged = licenseFileText(goodKey_, license);
        damaged.replace(damaged.indexOf("-----BEGIN AICP LICENSE-----\n") + 30, 1, "*");
        QVERIFY(!verifier().verify(damaged, utcAt("2026-06-01T12:00:00Z")).isUsable());
        QVERIFY(!verifier()
                     .verify(QByteArray(licenseFileText(goodKey_, license))
                                 .replace("-----END AICP LICENSE-----", ""),
                             utcAt("2026-06-01T12:00:00Z"))
                     .isUsable());
    }
};

QTEST_GUILESS_MAIN(TestLicenseVerifier)
#include "tst_licenseverifier.moc"

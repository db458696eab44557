// Signing and verification throughput: raw Ed25519 signatures through our
// EVP wrapper, and whole license keys (sign the payload; parse, check and
// read a key), each beside `openssl speed ed25519` run on the same machine
// at the same moment, so the ratios mean something on any box.
#include "licensing/ed25519.h"
#include "licensing/licensepayload.h"
#include "licensing/licenseverifier.h"
#include "licensing/signedtoken.h"
#include "support/benchtiming.h"
#include "support/testkeys.h"

#include <algorithm>

#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextStream>

namespace {

// Signatures and license keys per second.
double perSecond(std::int64_t iterations, const auto& work) {
    return aicp::test::measure(iterations, work).perSecond;
}

struct OpensslFigures {
    double signPerSecond = 0;
    double verifyPerSecond = 0;
};

// The last two numbers of the "253 bits EdDSA (Ed25519)" line.
std::optional<OpensslFigures> runOpensslSpeed(int seconds) {
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return std::nullopt;
    QProcess process;
    process.start(openssl, {QStringLiteral("speed"), QStringLiteral("-seconds"),
                            QString::number(seconds), QStringLiteral("ed25519")});
    if (!process.waitForFinished(120'000) || process.exitCode() != 0)
        return std::nullopt;
    static const QRegularExpression line(
        QStringLiteral(R"(Ed25519\)\s+\S+s\s+\S+s\s+([\d.]+)\s+([\d.]+))"));
    const auto match = line.match(QString::fromLatin1(process.readAllStandardOutput()));
    if (!match.hasMatch())
        return std::nullopt;
    return OpensslFigures{match.captured(1).toDouble(), match.captured(2).toDouble()};
}

aicp::LicensePayload sampleLicense(const QString& kid) {
    aicp::LicensePayload license;
    license.id = QUuid::fromString(QStringLiteral("6f1c2a4e-9b1d-4c3e-8a2f-0d5e7b9c1a3f"));
    license.kid = kid;
    license.customerId = QStringLiteral("acme-corp");
    license.customerName = QStringLiteral("Acme Corp");
    license.tier = QStringLiteral("professional");
    license.features = {QStringLiteral("basic_governance"), QStringLiteral("policy_packs"),
                        QStringLiteral("sso"), QStringLiteral("usage_api")};
    license.policyPacks = {QStringLiteral("pii-protection"), QStringLiteral("toxicity")};
    license.complianceModules = {QStringLiteral("gdpr")};
    license.requestsPerMonth = 1'000'000;
    license.seats = 10;
    license.agents = 25;
    license.auditTier = QStringLiteral("basic");
    license.issuedAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    license.notBefore = license.issuedAt;
    license.expiresAt = license.issuedAt.addYears(1);
    license.graceDays = 14;
    return license;
}

volatile int sink = 0;

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const std::int64_t iterations = quick ? 200 : 20'000;
    QTextStream out(stdout);

    const aicp::test::TestKey testKey = aicp::test::makeTestKey();
    const aicp::Ed25519PrivateKey& key = testKey.key;
    const aicp::Ed25519PublicKey publicKey = key.publicKey();
    const QByteArray message(64, 'x');  // what `openssl speed` signs
    const QByteArray signature = key.sign(message).value();

    const double rawSign = perSecond(iterations, [&](std::int64_t) {
        sink = sink + static_cast<int>(key.sign(message)->size());
    });
    const double rawVerify = perSecond(iterations, [&](std::int64_t) {
        sink = sink + (publicKey.isValidSignature(message, signature) ? 1 : 0);
    });

    const QByteArray payload = sampleLicense(publicKey.kid()).toJson();
    const double licenseSign = perSecond(iterations, [&](std::int64_t) {
        sink = sink + static_cast<int>(aicp::makeSignedToken("AICP1", payload, key)->size());
    });
    const aicp::LicenseVerifier verifier(testKey.ring);
    const QByteArray licenseKey = aicp::makeSignedToken("AICP1", payload, key).value();
    const QDateTime now(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
    const double licenseVerify = perSecond(iterations, [&](std::int64_t) {
        sink = sink + (verifier.verify(licenseKey, now).isUsable() ? 1 : 0);
    });

    out << qSetRealNumberPrecision(6);
    out << "payload " << payload.size() << " bytes, key " << licenseKey.size() << " bytes\n";
    out << "raw Ed25519 sign:    " << qRound64(rawSign) << "/s\n";
    out << "raw Ed25519 verify:  " << qRound64(rawVerify) << "/s\n";
    out << "license key sign:    " << qRound64(licenseSign) << "/s (payload to one-line key)\n";
    out << "license key verify:  " << qRound64(licenseVerify)
        << "/s (parse, signature, payload, time window)\n";

    const auto baseline = runOpensslSpeed(quick ? 1 : 3);
    if (!baseline) {
        out << "openssl speed ed25519: not available, no ratios\n";
        return 0;
    }
    out << "openssl speed ed25519: sign " << qRound64(baseline->signPerSecond) << "/s, verify "
        << qRound64(baseline->verifyPerSecond) << "/s\n";
    out << "ratios to openssl (1.00 = as fast): raw sign "
        << QString::number(rawSign / baseline->signPerSecond, 'f', 2) << ", raw verify "
        << QString::number(rawVerify / baseline->verifyPerSecond, 'f', 2) << ", license sign "
        << QString::number(licenseSign / baseline->signPerSecond, 'f', 2) << ", license verify "
        << QString::number(licenseVerify / baseline->verifyPerSecond, 'f', 2) << '\n';
    return 0;
}

#include "licensing/licensefile.h"

#include "common/idtext.h"

namespace aicp {
namespace {

constexpr QByteArrayView kBegin = "-----BEGIN AICP LICENSE-----";
constexpr QByteArrayView kEnd = "-----END AICP LICENSE-----";
constexpr qsizetype kMaxFileSize = 1024 * 1024;

}  // namespace

QByteArray licenseFileText(QByteArrayView licenseKey, const LicensePayload& license) {
    QByteArray text;
    text += "# AICP license " + idText(license.id).toUtf8() + '\n';
    text +=
        "# Customer: " + license.customerName.toUtf8() + " (" + license.customerId.toUtf8() + ")\n";
    text += "# Tier: " + license.tier.toUtf8() + '\n';
    text += "# Valid: " + toRfc3339(license.notBefore).toLatin1() + " to " +
            toRfc3339(license.expiresAt).toLatin1() + " (+" +
            QByteArray::number(license.graceDays) + " days grace)\n";
    text += "# Only the block below is signed; these lines are informational.\n";
    text += kBegin.toByteArray() + '\n';
    const QByteArray encoded = licenseKey.toByteArray().toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += 64)
        text += encoded.mid(i, 64) + '\n';
    text += kEnd.toByteArray() + '\n';
    return text;
}

Result<QByteArray> licenseKeyFromText(QByteArrayView text) {
    if (text.size() > kMaxFileSize)
        return Error::invalidInput(
            QStringLiteral("a license file is a few kilobytes; this is %1 bytes").arg(text.size()));
    const QByteArrayView trimmed = text.trimmed();
    if (trimmed.startsWith("AICP1."))
        return trimmed.toByteArray();

    const qsizetype begin = text.indexOf(kBegin);
    if (begin < 0)
        return Error::invalidInput(QStringLiteral(
            "neither a license key (AICP1.…) nor a license file (-----BEGIN AICP LICENSE-----)"));
    const qsizetype bodyStart = begin + kBegin.size();
    const qsizetype end = text.indexOf(kEnd, bodyStart);
    if (end < 0)
        return Error::invalidInput(
            QStringLiteral("the license file has no -----END AICP LICENSE----- line"));
    if (text.indexOf(kBegin, bodyStart) >= 0)
        return Error::invalidInput(QStringLiteral("the license file holds more than one license"));

    QByteArray body;
    for (const char c : text.sliced(bodyStart, end - bodyStart)) {
        if (c == '\n' || c == '\r' || c == ' ' || c == '\t')
            continue;
        body += c;
    }
    auto decoded = QByteArray::fromBase64Encoding(body, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64() != body)
        return Error::invalidInput(QStringLiteral("the license block is not valid base64"));
    if (!decoded.decoded.startsWith("AICP1."))
        return Error::invalidInput(
            QStringLiteral("the license block does not hold an AICP1 license key"));
    return decoded.decoded;
}

}  // namespace aicp

#include "common/base64url.h"

#include <QString>

namespace aicp {

QByteArray base64UrlEncode(QByteArrayView bytes) {
    return bytes.toByteArray().toBase64(QByteArray::Base64UrlEncoding |
                                        QByteArray::OmitTrailingEquals);
}

Result<QByteArray> base64UrlDecode(QByteArrayView text) {
    for (const char c : text) {
        const bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                              (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!alphabet)
            return Error::invalidInput(
                QStringLiteral("not base64url text (character 0x%1)")
                    .arg(static_cast<unsigned char>(c), 2, 16, QLatin1Char('0')));
    }
    if (text.size() % 4 == 1)
        return Error::invalidInput(QStringLiteral("base64url text has an impossible length"));
    auto decoded = QByteArray::fromBase64Encoding(
        text.toByteArray(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Error::invalidInput(QStringLiteral("base64url text does not decode"));
    // Re-encoding must give the same text: refuses non-zero padding bits.
    if (base64UrlEncode(decoded.decoded) != text)
        return Error::invalidInput(QStringLiteral("base64url text is not in canonical form"));
    return decoded.decoded;
}

}  // namespace aicp

#include "licensing/signedtoken.h"

#include "common/base64url.h"

namespace aicp {

Result<SignedToken> parseSignedToken(QByteArrayView text, QByteArrayView prefix,
                                     qsizetype maxSize) {
    if (text.isEmpty())
        return Error::invalidInput(QStringLiteral("the text is empty"));
    if (text.size() > maxSize)
        return Error::invalidInput(
            QStringLiteral("the text is %1 bytes, more than the %2 a valid one can be")
                .arg(text.size())
                .arg(maxSize));
    const QByteArray expectedStart = prefix.toByteArray() + '.';
    if (!text.startsWith(expectedStart))
        return Error::invalidInput(QStringLiteral("it does not start with \"%1\"")
                                       .arg(QString::fromLatin1(expectedStart)));

    const QByteArrayView rest = text.sliced(expectedStart.size());
    const qsizetype dot = rest.indexOf('.');
    if (dot < 0)
        return Error::invalidInput(QStringLiteral("the signature part is missing"));
    const QByteArrayView payloadText = rest.first(dot);
    const QByteArrayView signatureText = rest.sliced(dot + 1);
    if (signatureText.contains('.'))
        return Error::invalidInput(QStringLiteral("it has more than three dot-separated parts"));

    auto payload = base64UrlDecode(payloadText);
    if (!payload)
        return payload.error().withContext(QStringLiteral("payload"));
    if (payload->isEmpty())
        return Error::invalidInput(QStringLiteral("the payload is empty"));
    auto signature = base64UrlDecode(signatureText);
    if (!signature)
        return signature.error().withContext(QStringLiteral("signature"));
    if (signature->size() != Ed25519PublicKey::kSignatureSize)
        return Error::invalidInput(QStringLiteral("the signature is %1 bytes, not %2")
                                       .arg(signature->size())
                                       .arg(Ed25519PublicKey::kSignatureSize));

    SignedToken token;
    token.payload = std::move(payload).value();
    token.signature = std::move(signature).value();
    token.signedPart = text.first(expectedStart.size() + dot).toByteArray();
    return token;
}

Result<QByteArray> makeSignedToken(QByteArrayView prefix, QByteArrayView payload,
                                   const Ed25519PrivateKey& key) {
    const QByteArray signedPart = prefix.toByteArray() + '.' + base64UrlEncode(payload);
    auto signature = key.sign(signedPart);
    if (!signature)
        return signature.error();
    return signedPart + '.' + base64UrlEncode(*signature);
}

}  // namespace aicp

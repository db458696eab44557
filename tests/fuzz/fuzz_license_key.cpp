// Everything a verifier does with untrusted license text: unwrap a license
// file or take a bare key, split and decode the envelope, check the
// signature, parse the payload, apply the time window. It must answer, with
// a reason, and never crash or accept what the trusted key did not sign.
// The same text is read as an activation file (AICPA1), whose envelope is
// the key's: the seed valid-activation is one the trusted key signed.
#include "fuzzlicensing.h"
#include "licensing/activationfile.h"
#include "licensing/licensefile.h"
#include "licensing/licenseverifier.h"
#include "licensing/signedtoken.h"

#include <cstdint>
#include <cstdlib>

#include <QDateTime>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArrayView text(reinterpret_cast<const char*>(data), qsizetype(size));
    static const aicp::LicenseVerifier verifier(aicp::fuzz::trustedRing());
    static const QDateTime now(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);

    const aicp::LicenseVerification result = verifier.verify(text, now);
    if (result.reason.isEmpty())
        std::abort();
    if (result.isUsable()) {
        // Usable means signed by the trusted key: the envelope must check out.
        auto key = aicp::licenseKeyFromText(text);
        if (!key)
            std::abort();
        auto token = aicp::parseSignedToken(*key, "AICP1", aicp::LicenseVerifier::kMaxKeySize);
        if (!token || !token->isSignedBy(aicp::fuzz::trustedKey().publicKey()) || !result.license)
            std::abort();
    }
    const aicp::ActivationVerification activation = aicp::verifyActivation(
        text, QStringLiteral("sha256:4be1c0"), aicp::fuzz::trustedRing(), now);
    if (activation.reason.isEmpty())
        std::abort();
    if (activation.isUsable()) {
        auto token = aicp::parseSignedToken(text.trimmed(), aicp::kActivationPrefix,
                                            aicp::ActivationPayload::kMaxFileSize);
        if (!token || !token->isSignedBy(aicp::fuzz::trustedKey().publicKey()) ||
            !activation.activation ||
            activation.activation->fingerprint != QStringLiteral("sha256:4be1c0"))
            std::abort();
    }
    return 0;
}

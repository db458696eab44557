// A revocation list from an untrusted source: only a list the trusted key
// signed may come out, and nothing may crash on the way.
#include "fuzzlicensing.h"
#include "licensing/revocationlist.h"
#include "licensing/signedtoken.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArrayView text(reinterpret_cast<const char*>(data), qsizetype(size));
    auto list = aicp::RevocationList::verify(text, aicp::fuzz::trustedRing());
    if (!list) {
        if (list.error().message().isEmpty())
            std::abort();
        return 0;
    }
    // Lists travel as files: surrounding whitespace is allowed, nothing else.
    const QByteArray tokenText = text.toByteArray().trimmed();
    auto token = aicp::parseSignedToken(tokenText, "AICPRL1", aicp::RevocationList::kMaxTokenSize);
    if (!token || !token->isSignedBy(aicp::fuzz::trustedKey().publicKey()) || list->sequence < 1)
        std::abort();
    return 0;
}

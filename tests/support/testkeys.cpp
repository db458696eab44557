#include "support/testkeys.h"

namespace aicp::test {

Result<SigningKeyInfo> addSigningKey(Workspace& workspace, Clock clock) {
    return KeyStore(workspace, std::move(clock)).generate(kTestPassphrase);
}

TestKey makeTestKey() {
    auto key = Ed25519PrivateKey::generate();
    if (!key)
        qFatal("no Ed25519 key: %s", qPrintable(key.error().message()));
    PublicKeyRing ring;
    ring.add(key->publicKey());
    return TestKey{std::move(*key), std::move(ring)};
}

}  // namespace aicp::test

#pragma once

#include "common/result.h"
#include "common/wholeseconds.h"
#include "licensing/ed25519.h"
#include "licensing/keystore.h"
#include "licensing/publickeyring.h"

#include <QByteArray>

namespace aicp::test {

// The passphrase every test signing key is protected with (long enough for
// KeyStore::checkNewPassphrase).
inline const QByteArray kTestPassphrase = QByteArrayLiteral("test passphrase, long enough");

// The workspace's first signing key, under kTestPassphrase.
[[nodiscard]] Result<SigningKeyInfo> addSigningKey(Workspace& workspace,
                                                   Clock clock = systemClock());

// A signing key outside any workspace and the ring that trusts it, for
// signing and verifying tokens directly.
struct TestKey {
    Ed25519PrivateKey key;
    PublicKeyRing ring;
};
// A new key each call; a test that cannot make one stops here (qFatal).
[[nodiscard]] TestKey makeTestKey();

}  // namespace aicp::test

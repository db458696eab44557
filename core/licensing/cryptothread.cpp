#include "licensing/cryptothread.h"

#include <openssl/crypto.h>

namespace aicp {

void releaseThreadCryptoState() {
    OPENSSL_thread_stop();
}

}  // namespace aicp

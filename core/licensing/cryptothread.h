#pragma once

namespace aicp {

// Frees what OpenSSL keeps for the calling thread (its error queue, about
// 1 KB). OpenSSL frees it itself as the thread ends, but QThread::wait()
// returns before that happens: a serving thread stopped just before the
// process exits would leave it to LeakSanitizer. Called last on a thread
// that signed, verified or hashed.
void releaseThreadCryptoState();

}  // namespace aicp

#include "cli/interruption.h"

#include <csignal>
#include <iterator>

namespace aicp::cli {
namespace {

constexpr int kStoppingSignals[] = {SIGINT, SIGTERM};
struct sigaction previousActions[std::size(kStoppingSignals)] = {};

// Only a lock-free flag may be set from a signal handler; the stop source
// is told on the work's thread.
volatile std::sig_atomic_t signalled = 0;

extern "C" void askToStop(int signal) {
    if (signalled != 0) {
        std::signal(signal, SIG_DFL);
        std::raise(signal);
        return;
    }
    signalled = 1;
}

}  // namespace

Interruption::Interruption() {
    signalled = 0;
    struct sigaction stopping = {};
    stopping.sa_handler = askToStop;
    sigemptyset(&stopping.sa_mask);
    for (std::size_t i = 0; i < std::size(kStoppingSignals); ++i)
        sigaction(kStoppingSignals[i], &stopping, &previousActions[i]);
}

Interruption::~Interruption() {
    for (std::size_t i = 0; i < std::size(kStoppingSignals); ++i)
        sigaction(kStoppingSignals[i], &previousActions[i], nullptr);
}

void Interruption::stopIfAsked() {
    if (signalled != 0)
        stop_.request_stop();
}

}  // namespace aicp::cli

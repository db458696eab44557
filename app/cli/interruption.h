#pragma once

#include <stop_token>

namespace aicp::cli {

// Ctrl-C (SIGINT) or SIGTERM during a long command: while one of these
// lives, the first such signal does not end the process mid-write but asks
// the work to stop at its next step, so it can undo what it did and say so;
// a second one ends the process at once, as usual. The work polls token()
// (through stopIfAsked(), from its progress callback); the signals' earlier
// handlers come back when this goes.
class Interruption {
public:
    Interruption();
    ~Interruption();
    Interruption(const Interruption&) = delete;
    Interruption& operator=(const Interruption&) = delete;

    // For the work's options: stop is requested once a signal came and
    // stopIfAsked() has run since.
    [[nodiscard]] std::stop_token token() const { return stop_.get_token(); }
    // Passes a signal on to token(); called from the work's own thread.
    void stopIfAsked();

private:
    std::stop_source stop_;
};

}  // namespace aicp::cli

#pragma once

#include "common/wholeseconds.h"

#include <memory>

#include <QDateTime>

namespace aicp::test {

// A time written as in a license, "2026-12-05T10:00:00Z" (UTC, with Z);
// anything else stops the test (qFatal).
[[nodiscard]] QDateTime utcAt(const char* rfc3339);

// The injectable clock the services take (aicp::Clock), set and moved by the
// test (KeePassXC's MockClock). Every Clock handed out by clock() follows
// later set() and advance() calls, so a service made once sees time pass.
class FakeClock {
public:
    explicit FakeClock(const char* rfc3339) : now_(std::make_shared<QDateTime>(utcAt(rfc3339))) {}

    [[nodiscard]] Clock clock() const {
        return [now = now_] { return *now; };
    }
    [[nodiscard]] QDateTime now() const { return *now_; }
    void set(const char* rfc3339) { *now_ = utcAt(rfc3339); }
    void advanceSeconds(qint64 seconds) { *now_ = now_->addSecs(seconds); }
    void advanceDays(qint64 days) { *now_ = now_->addDays(days); }

private:
    std::shared_ptr<QDateTime> now_;
};

// A clock that always says `rfc3339`.
[[nodiscard]] Clock fixedClock(const char* rfc3339);

}  // namespace aicp::test

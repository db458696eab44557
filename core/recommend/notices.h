#pragma once

#include "common/result.h"
#include "common/wholeseconds.h"
#include "notify/outbox.h"

#include <vector>

namespace aicp {

class Workspace;

// What a scan told the webhooks, by event.
struct NoticeCount {
    int thresholds = 0;  // usage.threshold
    int expiring = 0;    // license.expiring
    int expired = 0;     // license.expired
    int trials = 0;      // trial.ending
    int overdue = 0;     // invoice.overdue

    [[nodiscard]] int total() const { return thresholds + expiring + expired + trials + overdue; }
};

// The events no single change causes, found by looking (SPEC 12): a
// customer at 80 % or 100 % of a limit of its license this month
// (requests, seats, agents, instances), a license expiring in 30, 7 or 1
// days or expired in the last week (neither renewed nor replaced), a trial
// ending within 3 days, an invoice past its due date. Each is published to
// the outbox once, however often the scan runs, when some webhook
// wants its type (one added later hears it while it is due): the once-key
// names the customer, limit, level and month, or the license or invoice
// and the reminder. A scan that finds a level skipped (usage from 50 % to
// 120 % in one import, a service down for three weeks) tells the furthest
// one only. `aicp serve` scans every minute and seconds after a change;
// `aicp webhooks run` and `aicp usage import` scan once.
class Notices {
public:
    explicit Notices(Workspace& workspace, Clock clock = systemClock())
        : workspace_(workspace), clock_(std::move(clock)) {}

    [[nodiscard]] Result<NoticeCount> publishDue();
    // The same notices, all those due now whether told before or not, for
    // a reader that keeps its own account (the console's desktop
    // notifications); writes nothing, webhooks or not.
    [[nodiscard]] Result<std::vector<WebhookEvent>> due();

    struct Publisher;

private:
    [[nodiscard]] Status scan(Publisher& publisher);

    Workspace& workspace_;
    Clock clock_;
};

}  // namespace aicp

#pragma once

#include "common/result.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include <QByteArray>

namespace aicp {

class Database;

// One usage event as a bulk load takes it: its key (usageEventKey) and its
// text fields source, id, customer, agent, user, policy packs and compliance
// modules, in that order.
struct BulkEvent {
    std::int64_t key = 0;
    std::array<std::string_view, 7> text;
    std::int64_t occurredAt = 0;
    std::int64_t quantity = 0;
    bool late = false;
};

// Whether the database loads events in bulk (PostgreSQL's COPY) rather than
// one INSERT each.
[[nodiscard]] bool loadsEventsInBulk(const Database* db);

// A batch made ready for loadNewEvents without the database, so another
// thread may do it while the previous batch is being stored: the events'
// order by (source, id), the unique key's, and their rows in that order as
// COPY takes them.
struct PreparedEvents {
    std::vector<std::uint32_t> order;
    QByteArray rows;
};
[[nodiscard]] PreparedEvents prepareEvents(std::int64_t importId,
                                           const std::vector<BulkEvent>& events);

// PostgreSQL: stores those of `events` (prepared by prepareEvents with the
// same import) not stored yet by (source, id) — of equal ones, the first —
// inside the caller's transaction: one COPY straight into usage_events, or,
// when one of them is stored already, one COPY into a session-private
// staging table and one INSERT … SELECT of the new ones. Answers the
// indexes (into `events`) of those stored, ascending.
[[nodiscard]] Result<std::vector<std::uint32_t>> loadNewEvents(Database* db, std::int64_t importId,
                                                               const std::vector<BulkEvent>& events,
                                                               const PreparedEvents& prepared);

}  // namespace aicp

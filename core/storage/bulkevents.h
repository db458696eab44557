#pragma once

#include "common/result.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

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

// PostgreSQL: stores those of `events` not stored yet by (source, id) — of
// equal ones, the first — with one COPY into a session-private staging table
// and one INSERT … ON CONFLICT DO NOTHING, inside the caller's transaction.
// Answers the indexes (into `events`) of those stored, ascending.
[[nodiscard]] Result<std::vector<std::uint32_t>> loadNewEvents(
    Database* db, std::int64_t importId, const std::vector<BulkEvent>& events);

}  // namespace aicp

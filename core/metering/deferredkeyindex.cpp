#include "metering/deferredkeyindex.h"

#include "storage/query.h"
#include "storage/usageeventkey.h"

#include <array>
#include <string>

namespace aicp {

namespace {

// Temporary: private to the connection, and gone with a rollback.
constexpr const char* kHeldTable =
    "CREATE TEMP TABLE aicp_held_events (place INTEGER PRIMARY KEY, source TEXT NOT NULL, "
    "event_id TEXT NOT NULL, customer_id TEXT NOT NULL, occurred_at INTEGER NOT NULL, "
    "agent_id TEXT NOT NULL, user_id TEXT NOT NULL, policy_packs TEXT NOT NULL, "
    "compliance_modules TEXT NOT NULL, quantity INTEGER NOT NULL, late INTEGER NOT NULL)";

constexpr int kSortCacheKiB = 16 * 1024;

}  // namespace

Result<std::unique_ptr<DeferredKeyIndex>> DeferredKeyIndex::start(Database* db,
                                                                  std::size_t expectedKeys) {
    // The stored keys, read from the index itself (it holds them all).
    auto stored = Statement::prepare(db,
                                     "SELECT event_key FROM usage_events INDEXED BY "
                                     "usage_events_by_key");
    if (!stored)
        return stored.error();
    AICP_TRY(executeScript(db, kHeldTable));
    auto hold = Statement::prepare(
        db,
        "INSERT INTO temp.aicp_held_events (place, source, event_id, customer_id, occurred_at, "
        "agent_id, user_id, policy_packs, compliance_modules, quantity, late) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        Statement::Lifetime::Reused);
    if (!hold)
        return hold.error();
    std::unique_ptr<DeferredKeyIndex> index(
        new DeferredKeyIndex(db, expectedKeys, std::move(hold).value()));
    AICP_TRY(stored->forEachRow([&index](const Statement& row) -> Status {
        index->filter_.add(row.int64(0));
        return {};
    }));
    AICP_TRY(executeScript(db, kDropUsageEventKeyIndex));
    return index;
}

std::int64_t DeferredKeyIndex::nextPlaces(std::size_t count) {
    const std::int64_t first = places_;
    places_ += std::int64_t(count);
    return first;
}

Status DeferredKeyIndex::hold(std::int64_t place, const UsageEventRecord& event, bool late) {
    AICP_TRY(hold_.bindInt64(1, place));
    AICP_TRY(hold_.bindUtf8View(2, event.source));
    AICP_TRY(hold_.bindUtf8View(3, event.id));
    AICP_TRY(hold_.bindUtf8View(4, event.customer));
    AICP_TRY(hold_.bindInt64(5, event.occurredAt));
    AICP_TRY(hold_.bindUtf8View(6, event.agent));
    AICP_TRY(hold_.bindUtf8View(7, event.user));
    AICP_TRY(hold_.bindUtf8View(8, event.policyPacks));
    AICP_TRY(hold_.bindUtf8View(9, event.complianceModules));
    AICP_TRY(hold_.bindInt64(10, event.quantity));
    AICP_TRY(hold_.bindInt64(11, late ? 1 : 0));
    return hold_.execute();
}

Status DeferredKeyIndex::finishIndex(std::function<bool()> keepGoing) {
    // The sort holds as much as the page cache in memory, twice with its
    // helper thread: a smaller cache for it keeps an import's peak memory
    // where it was, and the sort merges a few more runs instead.
    auto cache = queryInt64(db_, "PRAGMA cache_size");
    if (!cache)
        return cache.error();
    const auto set = [this](const std::string& pragma) -> Status {
        auto answer = queryInt64Or(db_, "PRAGMA " + pragma, 0);
        return answer ? Status() : Status(answer.error());
    };
    AICP_TRY(set("cache_size = -" + std::to_string(kSortCacheKiB)));
    AICP_TRY(set("threads = 1"));
    Status built;
    {
        const std::shared_ptr<void> watch = db_->watchLongStatements(std::move(keepGoing));
        built = executeScript(db_, kCreateUsageEventKeyIndex);
    }
    AICP_TRY(set("threads = 0"));
    AICP_TRY(set("cache_size = " + std::to_string(*cache)));
    return built;
}

Status DeferredKeyIndex::takeHeld(const Take& take) {
    auto held = Statement::prepare(
        db_,
        "SELECT source, event_id, customer_id, occurred_at, agent_id, user_id, policy_packs, "
        "compliance_modules, quantity, late FROM temp.aicp_held_events ORDER BY place");
    if (!held)
        return held.error();
    std::string texts[7];
    AICP_TRY(held->forEachRow([&](const Statement& row) -> Status {
        std::array<std::string_view, 7> fields;
        for (const auto& [column, field] :
             {std::pair{0, 0}, {1, 1}, {2, 2}, {4, 3}, {5, 4}, {6, 5}, {7, 6}}) {
            texts[field] = row.text(column).toStdString();
            fields[std::size_t(field)] = texts[field];
        }
        return take(usageEventRecord(fields, row.int64(3), row.int64(8)), row.int64(9) != 0);
    }));
    return executeScript(db_, "DROP TABLE temp.aicp_held_events");
}

}  // namespace aicp

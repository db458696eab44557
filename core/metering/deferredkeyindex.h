#pragma once

#include "common/result.h"
#include "metering/keyfilter.h"
#include "metering/usageeventvalidator.h"
#include "storage/statement.h"

#include <cstdint>
#include <functional>
#include <memory>

namespace aicp {

class Database;

// The key index of usage_events, set aside while a big import in random
// key order runs (SQLite). Inserting keys one by one at random places costs
// several times what one sort costs, and once the index outgrows the page
// cache every batch rewrites most of it: a 10M-event import took 20 times a
// 1M one. So the import drops the index, appends its events, and builds the
// index again at the end with one sort (CREATE INDEX). All of it is inside
// the import's transaction: a failure or a kill leaves the index as it was.
//
// Exactly once still holds. Before dropping, the stored keys go into a
// KeyFilter, and every event the import stores joins them. An event the
// filter has certainly never seen is new and stored at once; one it may
// have seen (a duplicate, or about one event in a hundred by chance) is
// held in a temporary table at its place in the file. Once the index is
// back, takeHeld() gives the held events back in file order, to be looked
// up and stored one by one like any small import.
class DeferredKeyIndex {
public:
    // Remembers the stored keys, drops the index and makes the table for
    // held events; `expectedKeys`: those stored and the import's likely
    // new ones, to size the filter.
    [[nodiscard]] static Result<std::unique_ptr<DeferredKeyIndex>> start(Database* db,
                                                                         std::size_t expectedKeys);

    [[nodiscard]] KeyFilter& filter() { return filter_; }
    // The first of `count` places in the file for the batch being stored
    // (batches are stored in file order).
    [[nodiscard]] std::int64_t nextPlaces(std::size_t count);
    // Holds an event for takeHeld(), at `place`.
    [[nodiscard]] Status hold(std::int64_t place, const UsageEventRecord& event, bool late);
    // Builds the key index again, asking `keepGoing` about every
    // millisecond; once it answers false the build stops and fails (the
    // transaction's rollback then brings the index back as it was).
    [[nodiscard]] Status finishIndex(std::function<bool()> keepGoing);
    // Calls `take` for each held event in file order, then forgets them.
    using Take = std::function<Status(const UsageEventRecord& event, bool late)>;
    [[nodiscard]] Status takeHeld(const Take& take);

private:
    DeferredKeyIndex(Database* db, std::size_t expected, Statement hold)
        : db_(db), filter_(expected), hold_(std::move(hold)) {}

    Database* db_;
    KeyFilter filter_;
    Statement hold_;
    std::int64_t places_ = 0;
};

}  // namespace aicp

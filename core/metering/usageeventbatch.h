#pragma once

#include "common/result.h"
#include "metering/usageeventvalidator.h"
#include "storage/statement.h"
#include "storage/usageeventkey.h"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

struct sqlite3;

namespace aicp {

// Stores an import's events in batches, exactly once by (source, id).
//
// Events are held until the batch is full, then sorted by their key
// (usageEventKey) and each is looked up and appended in key order: the key
// index is read and written front to back once per batch instead of at a
// random place per event, so the cost does not depend on the ids' order.
// Within a key, events keep their order in the file, so the first of two
// equal events is the one stored. The lookup compares source and id, so two
// events sharing a key are both stored. Runs inside the import's transaction.
class UsageEventBatch {
public:
    // Big enough to make each pass over the key index worth it, small enough
    // (about 25 MiB of held events) to leave the page cache the memory.
    static constexpr std::size_t kDefaultCapacity = 128 * 1024;

    // What a write() found.
    struct Counts {
        std::int64_t stored = 0;
        std::int64_t duplicates = 0;  // stored before, or earlier in this import
        std::int64_t late = 0;        // stored events marked late
    };
    // Called for each event stored, in key order.
    using Stored = std::function<void(const UsageEventRecord& event, bool late)>;

    // `key` is replaceable for tests (to force collisions); stored keys must
    // come from usageEventKey.
    [[nodiscard]] static Result<UsageEventBatch> create(sqlite3* db, std::int64_t importId,
                                                        std::size_t capacity = kDefaultCapacity,
                                                        UsageEventKeyFunction key = &usageEventKey);

    // Copies the event; write() once full() says so.
    void add(const UsageEventRecord& event, bool late);
    [[nodiscard]] bool full() const { return held_.size() >= capacity_; }
    [[nodiscard]] bool empty() const { return held_.empty(); }
    // Stores the held events, adds what it found to `counts` and empties the
    // batch.
    [[nodiscard]] Status write(Counts& counts, const Stored& stored);

private:
    // One held event: its text fields are consecutive in text_ from textAt.
    struct Held {
        std::int64_t key = 0;
        std::uint32_t order = 0;
        std::uint32_t textAt = 0;
        std::array<std::uint16_t, 7> lengths{};
        bool late = false;
        std::int64_t occurredAt = 0;
        std::int64_t quantity = 0;
    };

    UsageEventBatch(Statement probe, Statement insert, std::size_t capacity,
                    UsageEventKeyFunction key)
        : probe_(std::move(probe)), insert_(std::move(insert)), capacity_(capacity), key_(key) {}

    [[nodiscard]] UsageEventRecord record(const Held& held) const;
    [[nodiscard]] Result<bool> isStored(std::int64_t key, const UsageEventRecord& event);
    [[nodiscard]] Status insert(std::int64_t key, const UsageEventRecord& event, bool late);

    Statement probe_;
    Statement insert_;
    std::size_t capacity_;
    UsageEventKeyFunction key_;
    std::vector<Held> held_;
    std::string text_;
};

}  // namespace aicp

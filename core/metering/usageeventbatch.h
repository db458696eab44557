#pragma once

#include "common/result.h"
#include "metering/usageeventvalidator.h"
#include "storage/bulkevents.h"
#include "storage/statement.h"
#include "storage/usageeventkey.h"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace aicp {

class Database;
class DeferredKeyIndex;

// Stores an import's events in batches, exactly once by (source, id).
// On PostgreSQL a batch goes in with one COPY (storage/bulkevents.h: the
// unique key finds the duplicates), its rows made ready by sort() on the
// reading thread; on SQLite as follows.
//
// Events are held until the batch is full, then sorted by their key
// (usageEventKey) and each is looked up and appended in key order: the key
// index is read and written front to back once per batch instead of at a
// random place per event, so the cost does not depend on the ids' order.
// Within a key, events keep their order in the file, so the first of two
// equal events is the one stored. The lookup compares source and id, so two
// events sharing a key are both stored. Runs inside the import's transaction.
//
// The lookup: while the stored keys in the batch's key range are few (up to
// kScanFactor per held event), one scan of the key index reads them all and
// only an event whose key is among them reads a stored row; time-ordered
// ids (UUIDv7) after the stored ones find an empty range and read nothing.
// Once a range holds more, every later batch of the import looks each event
// up in the index instead: a scan reads at most kScanFactor entries per
// event, far cheaper than a lookup each, so the scan that finds a range too
// full costs little and happens once.
class UsageEventBatch {
public:
    // Big enough to make each pass over the key index worth it, small enough
    // (about 25 MiB of held events) to leave the page cache the memory.
    static constexpr std::size_t kDefaultCapacity = 64 * 1024;
    static constexpr std::size_t kScanFactor = 4;

    // What a write() found.
    struct Counts {
        std::int64_t stored = 0;
        std::int64_t duplicates = 0;  // stored before, or earlier in this import
        std::int64_t late = 0;        // stored events marked late
    };
    // Called for each event stored, in the batch's order.
    using Stored = std::function<void(const UsageEventRecord& event, bool late)>;

    // `key` is replaceable for tests (to force collisions); stored keys must
    // come from usageEventKey.
    [[nodiscard]] static Result<UsageEventBatch> create(Database* db, std::int64_t importId,
                                                        std::size_t capacity = kDefaultCapacity,
                                                        UsageEventKeyFunction key = &usageEventKey);

    // Copies the event; write() once full() says so.
    void add(const UsageEventRecord& event, bool late);
    // Puts the held events in the order store() needs (on PostgreSQL, also
    // their COPY rows); touches no database, so another thread may do it.
    void sort();
    [[nodiscard]] bool full() const { return held_.size() >= capacity_; }
    [[nodiscard]] bool empty() const { return held_.empty(); }
    // Whether the keys came mostly in ascending order (UUIDv7 ids in time
    // order), as sort() found them: the key index then takes them at its
    // end, and setting it aside would not pay.
    [[nodiscard]] bool keysAscending() const { return keysAscending_; }
    // Stores the held events and adds what it found to `counts`; report()
    // then tells which were stored, and may run on another thread. With
    // `deferred` (SQLite), the key index is set aside: an event the filter
    // has not seen is stored, one it may have seen is held for later.
    [[nodiscard]] Status store(Counts& counts, DeferredKeyIndex* deferred = nullptr);
    // Calls `stored` for each event store() stored, then empties the batch.
    void report(const Stored& stored);
    // Empties the batch and gives its memory back.
    void release();
    // store() then report().
    [[nodiscard]] Status write(Counts& counts, const Stored& stored);

private:
    // One held event: its text fields are consecutive in text_ from textAt.
    struct Held {
        std::int64_t key = 0;
        std::uint32_t order = 0;
        std::uint32_t textAt = 0;
        std::array<std::uint16_t, 7> lengths{};
        bool late = false;
        bool stored = false;  // by this write()
        std::int64_t occurredAt = 0;
        std::int64_t quantity = 0;
    };

    // A stored event's key and id (its row), from the scan.
    struct StoredKey {
        std::int64_t key = 0;
        std::int64_t id = 0;
    };
    struct Statements {
        Statement probe;  // stored events with a key, source and id
        Statement scan;   // stored keys in a range, in key order
        Statement row;    // a stored event's source and id
    };
    class NewEvents;

    UsageEventBatch(Database* db, std::int64_t importId, Statements statements,
                    std::size_t capacity, UsageEventKeyFunction key)
        : db_(db),
          importId_(importId),
          statements_(std::move(statements)),
          capacity_(capacity),
          key_(key) {}

    [[nodiscard]] UsageEventRecord record(const Held& held) const;
    [[nodiscard]] Status scanStoredKeys();
    // Whether the event at `at` is stored; `runStart`: the first held event
    // with its key.
    [[nodiscard]] Result<bool> isStored(std::size_t runStart, std::size_t at,
                                        const UsageEventRecord& event);
    // Whether an event of this batch before `at` with its key (from
    // `runStart`) is stored and equal.
    [[nodiscard]] bool storedEarlierInRun(std::size_t runStart, std::size_t at,
                                          const UsageEventRecord& event) const;
    // Marks the event at `at` stored, to be inserted by insertStored().
    void markStored(Held& held, Counts& counts);
    // Inserts the events markStored() marked, in the batch's order, with
    // one statement.
    [[nodiscard]] Status insertStored();
    // PostgreSQL: the whole batch through COPY (storage/bulkevents.h).
    [[nodiscard]] Status storeInBulk(Counts& counts);
    void clear();

    Database* db_;
    std::int64_t importId_;
    Statements statements_;
    std::size_t capacity_;
    UsageEventKeyFunction key_;
    bool bulk_ = false;  // PostgreSQL's COPY
    std::vector<Held> held_;
    std::string text_;
    std::vector<BulkEvent> bulkEvents_;  // held_ as the bulk load takes them
    PreparedEvents prepared_;
    bool sorted_ = true;
    bool keysAscending_ = false;
    std::vector<StoredKey> storedKeys_;     // in the batch's range, when scanned
    std::vector<std::uint32_t> newEvents_;  // marked stored, not inserted yet
    bool scanned_ = false;                  // this batch's stored keys are in storedKeys_
    bool probeEach_ = false;                // a range held too many keys to scan
};

}  // namespace aicp

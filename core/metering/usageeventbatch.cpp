#include "metering/usageeventbatch.h"

#include "metering/deferredkeyindex.h"
#include "storage/rowsource.h"

#include <algorithm>

namespace aicp {

Result<UsageEventBatch> UsageEventBatch::create(Database* db, std::int64_t importId,
                                                std::size_t capacity, UsageEventKeyFunction key) {
    const auto prepare = [db](std::string_view sql) {
        return Statement::prepare(db, sql, Statement::Lifetime::Reused);
    };
    // Answers the stored events that share the key; usually none.
    auto probe = prepare(
        "SELECT 1 FROM usage_events WHERE event_key = ?1 AND source = ?2 AND event_id = ?3");
    // Reads the key index alone (it holds the id): no row is read.
    auto scan = prepare(
        "SELECT event_key, id FROM usage_events WHERE event_key BETWEEN ?1 AND ?2 "
        "ORDER BY event_key LIMIT ?3");
    auto row =
        prepare("SELECT 1 FROM usage_events WHERE id = ?1 AND source = ?2 AND event_id = ?3");
    for (const auto* prepared : {&probe, &scan, &row}) {
        if (!*prepared)
            return prepared->error();
    }
    UsageEventBatch batch(
        db, importId, {std::move(probe).value(), std::move(scan).value(), std::move(row).value()},
        std::max<std::size_t>(capacity, 1), key);
    batch.bulk_ = loadsEventsInBulk(db);
    return batch;
}

void UsageEventBatch::add(const UsageEventRecord& event, bool late) {
    Held held;
    held.key = key_(event.source, event.id);
    held.order = static_cast<std::uint32_t>(held_.size());
    held.textAt = static_cast<std::uint32_t>(text_.size());
    held.late = late;
    held.occurredAt = event.occurredAt;
    held.quantity = event.quantity;
    // UsageLimits keeps every field far below 64 KiB.
    const std::string_view fields[] = {
        event.source, event.id,          event.customer,         event.agent,
        event.user,   event.policyPacks, event.complianceModules};
    for (std::size_t i = 0; i < held.lengths.size(); ++i) {
        held.lengths[i] = static_cast<std::uint16_t>(fields[i].size());
        text_.append(fields[i]);
    }
    held_.push_back(held);
    sorted_ = false;
}

void UsageEventBatch::sort() {
    if (sorted_)
        return;
    sorted_ = true;
    if (bulk_) {
        // The file's order; the bulk load sorts by (source, id) itself.
        bulkEvents_.clear();
        bulkEvents_.reserve(held_.size());
        for (const Held& held : held_) {
            const UsageEventRecord event = record(held);
            bulkEvents_.push_back({held.key,
                                   {event.source, event.id, event.customer, event.agent, event.user,
                                    event.policyPacks, event.complianceModules},
                                   event.occurredAt,
                                   event.quantity,
                                   held.late});
        }
        prepared_ = prepareEvents(importId_, bulkEvents_);
        return;
    }
    // Ascending when at most one key in ten is below the one before at a
    // millisecond's grain (a UUIDv7 key's time is above its low 16 bits).
    std::size_t descents = 0;
    for (std::size_t i = 1; i < held_.size(); ++i)
        descents += (held_[i].key >> 16) < (held_[i - 1].key >> 16) ? 1 : 0;
    keysAscending_ = descents * 10 <= held_.size();
    std::sort(held_.begin(), held_.end(), [](const Held& a, const Held& b) {
        return a.key != b.key ? a.key < b.key : a.order < b.order;
    });
}

UsageEventRecord UsageEventBatch::record(const Held& held) const {
    std::array<std::string_view, 7> fields;
    std::size_t at = held.textAt;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        fields[i] = std::string_view(text_).substr(at, held.lengths[i]);
        at += held.lengths[i];
    }
    return usageEventRecord(fields, held.occurredAt, held.quantity);
}

Status UsageEventBatch::scanStoredKeys() {
    scanned_ = false;
    storedKeys_.clear();
    if (probeEach_ || held_.empty())
        return {};
    const std::size_t most = kScanFactor * held_.size();
    Statement& scan = statements_.scan;
    AICP_TRY(scan.bindInt64(1, held_.front().key));
    AICP_TRY(scan.bindInt64(2, held_.back().key));
    AICP_TRY(scan.bindInt64(3, std::int64_t(most) + 1));
    AICP_TRY(scan.forEachRow([this](const Statement& row) -> Status {
        storedKeys_.push_back({row.int64(0), row.int64(1)});
        return {};
    }));
    if (storedKeys_.size() > most) {
        probeEach_ = true;
        storedKeys_ = {};
        return {};
    }
    scanned_ = true;
    return {};
}

Result<bool> UsageEventBatch::isStored(std::size_t runStart, std::size_t at,
                                       const UsageEventRecord& event) {
    const std::int64_t key = held_[at].key;
    // The batch's new events are inserted after the lookups: neither the
    // scan nor the probe sees them.
    if (storedEarlierInRun(runStart, at, event))
        return true;
    if (!scanned_) {
        Statement& probe = statements_.probe;
        AICP_TRY(probe.bindInt64(1, key));
        AICP_TRY(probe.bindUtf8View(2, event.source));
        AICP_TRY(probe.bindUtf8View(3, event.id));
        auto found = probe.step();
        probe.reset();
        return found;
    }
    const auto [first, last] =
        std::equal_range(storedKeys_.begin(), storedKeys_.end(), StoredKey{key, 0},
                         [](const StoredKey& a, const StoredKey& b) { return a.key < b.key; });
    for (auto stored = first; stored != last; ++stored) {
        Statement& row = statements_.row;
        AICP_TRY(row.bindInt64(1, stored->id));
        AICP_TRY(row.bindUtf8View(2, event.source));
        AICP_TRY(row.bindUtf8View(3, event.id));
        auto same = row.step();
        row.reset();
        if (!same || *same)
            return same;
    }
    return false;
}

bool UsageEventBatch::storedEarlierInRun(std::size_t runStart, std::size_t at,
                                         const UsageEventRecord& event) const {
    for (std::size_t earlier = runStart; earlier < at; ++earlier) {
        if (!held_[earlier].stored)
            continue;
        const UsageEventRecord other = record(held_[earlier]);
        if (other.source == event.source && other.id == event.id)
            return true;
    }
    return false;
}

// The events marked stored, as insertStored()'s INSERT … SELECT reads them:
// columns in the order of kInsertNew.
class UsageEventBatch::NewEvents final : public RowSource {
public:
    explicit NewEvents(const UsageEventBatch& batch) : batch_(batch) {}

    [[nodiscard]] std::size_t rowCount() const override { return batch_.newEvents_.size(); }
    [[nodiscard]] bool isText(int column) const override { return textField(column) >= 0; }
    [[nodiscard]] std::int64_t number(std::size_t row, int column) const override {
        const Held& held = heldAt(row);
        switch (column) {
            case 0:
                return held.key;
            case 4:
                return held.occurredAt;
            case 9:
                return held.quantity;
            case 10:
                return batch_.importId_;
            default:
                return held.late ? 1 : 0;
        }
    }
    [[nodiscard]] std::string_view text(std::size_t row, int column) const override {
        const Held& held = heldAt(row);
        const int field = textField(column);
        std::size_t at = held.textAt;
        for (int i = 0; i < field; ++i)
            at += held.lengths[std::size_t(i)];
        return std::string_view(batch_.text_).substr(at, held.lengths[std::size_t(field)]);
    }

private:
    // The held event's text field for an INSERT column, or -1 for a number.
    static int textField(int column) {
        constexpr int kFields[] = {-1, 0, 1, 2, -1, 3, 4, 5, 6, -1, -1, -1};
        return column >= 0 && column < 12 ? kFields[column] : -1;
    }
    const Held& heldAt(std::size_t row) const { return batch_.held_[batch_.newEvents_[row]]; }

    const UsageEventBatch& batch_;
};

void UsageEventBatch::markStored(Held& held, Counts& counts) {
    held.stored = true;
    newEvents_.push_back(static_cast<std::uint32_t>(&held - held_.data()));
    ++counts.stored;
    counts.late += held.late ? 1 : 0;
}

Status UsageEventBatch::insertStored() {
    static constexpr std::string_view kInsertNew =
        "INSERT INTO usage_events (event_key, source, event_id, customer_id, occurred_at, "
        "agent_id, user_id, policy_packs, compliance_modules, quantity, import_id, late) "
        "SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11 FROM aicp_rows(?1)";
    const Status inserted = insertRows(db_, kInsertNew, NewEvents(*this));
    newEvents_.clear();
    return inserted;
}

Status UsageEventBatch::storeInBulk(Counts& counts) {
    auto loaded = loadNewEvents(db_, importId_, bulkEvents_, prepared_);
    if (!loaded)
        return loaded.error();
    counts.duplicates += std::int64_t(held_.size() - loaded->size());
    for (const std::uint32_t at : *loaded) {
        Held& held = held_[at];
        held.stored = true;
        ++counts.stored;
        counts.late += held.late ? 1 : 0;
    }
    return {};
}

void UsageEventBatch::report(const Stored& stored) {
    if (stored) {
        for (const Held& held : held_) {
            if (held.stored)
                stored(record(held), held.late);
        }
    }
    clear();
}

void UsageEventBatch::clear() {
    held_.clear();
    newEvents_.clear();
    text_.clear();
    storedKeys_.clear();
    bulkEvents_.clear();
    prepared_ = {};
    sorted_ = true;
}

void UsageEventBatch::release() {
    clear();
    held_.shrink_to_fit();
    text_.shrink_to_fit();
    storedKeys_.shrink_to_fit();
    bulkEvents_.shrink_to_fit();
}

Status UsageEventBatch::write(Counts& counts, const Stored& stored) {
    AICP_TRY(store(counts));
    report(stored);
    return {};
}

Status UsageEventBatch::store(Counts& counts, DeferredKeyIndex* deferred) {
    sort();
    if (bulk_)
        return storeInBulk(counts);
    if (!deferred)
        AICP_TRY(scanStoredKeys());
    const std::int64_t firstPlace = deferred ? deferred->nextPlaces(held_.size()) : 0;
    // An event equal to an earlier one of the batch finds it stored: the
    // earlier one sorts first and is marked before it is looked up.
    std::size_t runStart = 0;
    for (std::size_t at = 0; at < held_.size(); ++at) {
        Held& held = held_[at];
        if (at > 0 && held_[at - 1].key != held.key)
            runStart = at;
        const UsageEventRecord event = record(held);
        if (deferred) {
            // Without the key index: the filter says what may be stored.
            if (storedEarlierInRun(runStart, at, event)) {
                ++counts.duplicates;
                continue;
            }
            if (!deferred->filter().addIfAbsent(held.key)) {
                AICP_TRY(deferred->hold(firstPlace + held.order, event, held.late));
                continue;
            }
        } else {
            auto found = isStored(runStart, at, event);
            if (!found)
                return found.error();
            if (*found) {
                ++counts.duplicates;
                continue;
            }
        }
        markStored(held, counts);
    }
    return insertStored();
}

}  // namespace aicp

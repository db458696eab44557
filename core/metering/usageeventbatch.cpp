#include "metering/usageeventbatch.h"

#include <algorithm>

namespace aicp {

Result<UsageEventBatch> UsageEventBatch::create(sqlite3* db, std::int64_t importId,
                                                std::size_t capacity, UsageEventKeyFunction key) {
    // Answers the stored events that share the key; usually none.
    auto probe = Statement::prepare(
        db, "SELECT 1 FROM usage_events WHERE event_key = ?1 AND source = ?2 AND event_id = ?3",
        Statement::Lifetime::Reused);
    if (!probe)
        return probe.error();
    auto insert = Statement::prepare(
        db,
        "INSERT INTO usage_events (event_key, source, event_id, customer_id, occurred_at, "
        "agent_id, user_id, policy_packs, compliance_modules, quantity, import_id, late) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        Statement::Lifetime::Reused);
    if (!insert)
        return insert.error();
    // Bindings survive the reset after each run: the import id is bound once.
    AICP_TRY(insert->bindInt64(11, importId));
    return UsageEventBatch(std::move(probe).value(), std::move(insert).value(),
                           std::max<std::size_t>(capacity, 1), key);
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
}

UsageEventRecord UsageEventBatch::record(const Held& held) const {
    std::array<std::string_view, 7> fields;
    std::size_t at = held.textAt;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        fields[i] = std::string_view(text_).substr(at, held.lengths[i]);
        at += held.lengths[i];
    }
    UsageEventRecord event;
    event.source = fields[0];
    event.id = fields[1];
    event.customer = fields[2];
    event.agent = fields[3];
    event.user = fields[4];
    event.policyPacks = fields[5];
    event.complianceModules = fields[6];
    event.occurredAt = held.occurredAt;
    event.quantity = held.quantity;
    return event;
}

Result<bool> UsageEventBatch::isStored(std::int64_t key, const UsageEventRecord& event) {
    AICP_TRY(probe_.bindInt64(1, key));
    AICP_TRY(probe_.bindUtf8View(2, event.source));
    AICP_TRY(probe_.bindUtf8View(3, event.id));
    auto found = probe_.step();
    probe_.reset();
    return found;
}

Status UsageEventBatch::insert(std::int64_t key, const UsageEventRecord& event, bool late) {
    AICP_TRY(insert_.bindInt64(1, key));
    AICP_TRY(insert_.bindUtf8View(2, event.source));
    AICP_TRY(insert_.bindUtf8View(3, event.id));
    AICP_TRY(insert_.bindUtf8View(4, event.customer));
    AICP_TRY(insert_.bindInt64(5, event.occurredAt));
    AICP_TRY(insert_.bindUtf8View(6, event.agent));
    AICP_TRY(insert_.bindUtf8View(7, event.user));
    AICP_TRY(insert_.bindUtf8View(8, event.policyPacks));
    AICP_TRY(insert_.bindUtf8View(9, event.complianceModules));
    AICP_TRY(insert_.bindInt64(10, event.quantity));
    AICP_TRY(insert_.bindInt64(12, late ? 1 : 0));
    return insert_.execute();
}

Status UsageEventBatch::write(Counts& counts, const Stored& stored) {
    std::sort(held_.begin(), held_.end(), [](const Held& a, const Held& b) {
        return a.key != b.key ? a.key < b.key : a.order < b.order;
    });
    // An event equal to an earlier one of the batch finds it stored: the
    // earlier one sorts first and is inserted before it is probed.
    for (const Held& held : held_) {
        const UsageEventRecord event = record(held);
        auto found = isStored(held.key, event);
        if (!found)
            return found.error();
        if (*found) {
            ++counts.duplicates;
            continue;
        }
        AICP_TRY(insert(held.key, event, held.late));
        ++counts.stored;
        counts.late += held.late ? 1 : 0;
        if (stored)
            stored(event, held.late);
    }
    held_.clear();
    text_.clear();
    return {};
}

}  // namespace aicp

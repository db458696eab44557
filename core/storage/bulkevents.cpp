#include "storage/bulkevents.h"

#include "storage/postgrescopyin.h"
#include "storage/postgresdatabase.h"
#include "storage/statement.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace aicp {

namespace {

// Private to the session and emptied at each commit; TRUNCATE between
// batches of one transaction. Its sort needs more than the default work_mem
// to stay in memory.
constexpr const char* kStaging =
    "CREATE TEMP TABLE IF NOT EXISTS aicp_incoming_events (ord integer NOT NULL, "
    "event_key bigint NOT NULL, source text COLLATE \"C\" NOT NULL, "
    "event_id text COLLATE \"C\" NOT NULL, "
    "customer_id text NOT NULL, agent_id text NOT NULL, user_id text NOT NULL, "
    "policy_packs text NOT NULL, compliance_modules text NOT NULL, occurred_at bigint NOT NULL, "
    "quantity bigint NOT NULL, late bigint NOT NULL) ON COMMIT DELETE ROWS; "
    "TRUNCATE aicp_incoming_events; SET LOCAL work_mem = '64MB'";

constexpr const char* kCopyStraight =
    "COPY usage_events (event_key, source, event_id, customer_id, agent_id, user_id, "
    "policy_packs, compliance_modules, occurred_at, quantity, late, import_id) FROM STDIN";

constexpr const char* kCopy =
    "COPY aicp_incoming_events (ord, event_key, source, event_id, customer_id, agent_id, "
    "user_id, policy_packs, compliance_modules, occurred_at, quantity, late) FROM STDIN";

// The first of equal events goes in, unless stored before; the answer is
// which were new. In (source, id) order, the unique index is written front
// to back. A plain INSERT after NOT EXISTS is safe: writers hold the
// workspace's write lock (PostgresDatabase::beginWriteTransaction), and it
// is far cheaper than ON CONFLICT's speculative insertion per row.
constexpr const char* kInsert =
    "WITH fresh AS MATERIALIZED (SELECT DISTINCT ON (i.source, i.event_id) i.* "
    "FROM aicp_incoming_events AS i WHERE NOT EXISTS (SELECT FROM usage_events AS e "
    "WHERE e.source = i.source AND e.event_id = i.event_id) "
    "ORDER BY i.source, i.event_id, i.ord), "
    "stored AS (INSERT INTO usage_events (event_key, source, event_id, customer_id, "
    "occurred_at, agent_id, user_id, policy_packs, compliance_modules, quantity, import_id, late) "
    "SELECT event_key, source, event_id, customer_id, occurred_at, agent_id, user_id, "
    "policy_packs, compliance_modules, quantity, ?1, late FROM fresh) "
    "SELECT ord FROM fresh";

void appendNumber(QByteArray& rows, std::int64_t value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    rows.append(digits, qsizetype(end - digits));
}

// The rows of `events` in `order`, in COPY's text format: with their index
// first for the staging table (`withOrd`), else with the import id last as
// usage_events takes them.
QByteArray copyRows(const std::vector<BulkEvent>& events, const std::vector<std::uint32_t>& order,
                    bool withOrd, std::int64_t importId) {
    QByteArray rows;
    rows.reserve(qsizetype(events.size()) * 180);
    for (const std::uint32_t at : order) {
        const BulkEvent& event = events[at];
        if (withOrd) {
            appendNumber(rows, at);
            rows += '\t';
        }
        appendNumber(rows, event.key);
        for (const std::string_view field : event.text) {
            rows += '\t';
            appendCopyText(rows, QByteArrayView(field.data(), qsizetype(field.size())));
        }
        rows += '\t';
        appendNumber(rows, event.occurredAt);
        rows += '\t';
        appendNumber(rows, event.quantity);
        rows += event.late ? "\t1" : "\t0";
        if (!withOrd) {
            rows += '\t';
            appendNumber(rows, importId);
        }
        rows += '\n';
    }
    return rows;
}

// The first (up to) 8 bytes of `text` as a number that orders as the bytes do.
std::uint64_t prefixOf(std::string_view text) {
    unsigned char bytes[8] = {};
    std::memcpy(bytes, text.data(), std::min<std::size_t>(text.size(), 8));
    std::uint64_t prefix = 0;
    for (const unsigned char byte : bytes)
        prefix = (prefix << 8) | byte;
    return prefix;
}

// The events' indexes in (source, id) order, the unique index's: it is
// then written front to back. Of equal events, the first comes first.
std::vector<std::uint32_t> uniqueKeyOrder(const std::vector<BulkEvent>& events) {
    struct Entry {
        std::uint64_t idPrefix;
        std::uint32_t at;
    };
    std::vector<Entry> entries(events.size());
    for (std::size_t i = 0; i < entries.size(); ++i)
        entries[i] = {prefixOf(events[i].text[1]), static_cast<std::uint32_t>(i)};
    std::sort(entries.begin(), entries.end(), [&events](const Entry& a, const Entry& b) {
        const auto& x = events[a.at].text;
        const auto& y = events[b.at].text;
        if (x[0] != y[0])
            return x[0] < y[0];
        if (a.idPrefix != b.idPrefix)
            return a.idPrefix < b.idPrefix;
        return x[1] != y[1] ? x[1] < y[1] : a.at < b.at;
    });
    std::vector<std::uint32_t> order(entries.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = entries[i].at;
    return order;
}

Result<std::vector<std::uint32_t>> loadThroughStaging(PostgresDatabase& db,
                                                      const std::vector<BulkEvent>& events,
                                                      const std::vector<std::uint32_t>& order,
                                                      std::int64_t importId) {
    AICP_TRY(db.executeScript(kStaging));
    AICP_TRY(copyIn(db, kCopy, copyRows(events, order, true, importId)));
    auto insert = Statement::prepare(&db, kInsert);
    if (!insert)
        return insert.error();
    AICP_TRY(insert->bindInt64(1, importId));
    std::vector<std::uint32_t> stored;
    AICP_TRY(insert->forEachRow([&stored](const Statement& row) -> Status {
        stored.push_back(static_cast<std::uint32_t>(row.int64(0)));
        return {};
    }));
    std::sort(stored.begin(), stored.end());
    return stored;
}

}  // namespace

bool loadsEventsInBulk(const Database* db) {
    return db->engine() == Database::Engine::Postgres;
}

PreparedEvents prepareEvents(std::int64_t importId, const std::vector<BulkEvent>& events) {
    PreparedEvents prepared;
    prepared.order = uniqueKeyOrder(events);
    prepared.rows = copyRows(events, prepared.order, false, importId);
    return prepared;
}

Result<std::vector<std::uint32_t>> loadNewEvents(Database* db, std::int64_t importId,
                                                 const std::vector<BulkEvent>& events,
                                                 const PreparedEvents& prepared) {
    auto* postgres = dynamic_cast<PostgresDatabase*>(db);
    if (!postgres)
        return Error::internal(QStringLiteral("bulk event loading needs PostgreSQL"));
    if (events.empty())
        return std::vector<std::uint32_t>();
    // Most batches are new events only: one COPY straight into
    // usage_events. A duplicate (stored before, or twice in the batch) stops
    // it at the unique key, and the staging path sorts the batch out.
    auto straight = copyInUnlessDuplicate(*postgres, kCopyStraight, prepared.rows);
    if (!straight)
        return straight.error();
    if (!*straight)
        return loadThroughStaging(*postgres, events, prepared.order, importId);
    std::vector<std::uint32_t> all(events.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = static_cast<std::uint32_t>(i);
    return all;
}

}  // namespace aicp

#include "storage/bulkevents.h"

#include "storage/postgrescopyin.h"
#include "storage/postgresdatabase.h"
#include "storage/statement.h"

#include <algorithm>

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

// The rows of `events` in `order`, in COPY's text format: with their index
// first for the staging table (`withOrd`), else with the import id last as
// usage_events takes them.
QByteArray copyRows(const std::vector<BulkEvent>& events, const std::vector<std::uint32_t>& order,
                    bool withOrd, std::int64_t importId) {
    const QByteArray importText = QByteArray::number(qlonglong(importId));
    QByteArray rows;
    rows.reserve(qsizetype(events.size()) * 160);
    for (const std::uint32_t at : order) {
        const BulkEvent& event = events[at];
        if (withOrd) {
            rows += QByteArray::number(at);
            rows += '\t';
        }
        rows += QByteArray::number(qlonglong(event.key));
        for (const std::string_view field : event.text) {
            rows += '\t';
            appendCopyText(rows, QByteArrayView(field.data(), qsizetype(field.size())));
        }
        rows += '\t';
        rows += QByteArray::number(qlonglong(event.occurredAt));
        rows += '\t';
        rows += QByteArray::number(qlonglong(event.quantity));
        rows += event.late ? "\t1" : "\t0";
        if (!withOrd) {
            rows += '\t';
            rows += importText;
        }
        rows += '\n';
    }
    return rows;
}

// The events' indexes in (source, id) order, the unique index's: it is
// then written front to back.
std::vector<std::uint32_t> uniqueKeyOrder(const std::vector<BulkEvent>& events) {
    std::vector<std::uint32_t> order(events.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<std::uint32_t>(i);
    std::stable_sort(order.begin(), order.end(), [&events](std::uint32_t a, std::uint32_t b) {
        const auto& x = events[a].text;
        const auto& y = events[b].text;
        return x[0] != y[0] ? x[0] < y[0] : x[1] < y[1];
    });
    return order;
}

// Most batches are new events only: one COPY straight into usage_events.
// A duplicate (stored before, or twice in the batch) stops it at the unique
// key; the savepoint then undoes it whole, and the staging path sorts the
// batch out. Answers whether the COPY stored everything.
Result<bool> copyStraightIn(PostgresDatabase& db, const std::vector<BulkEvent>& events,
                            const std::vector<std::uint32_t>& order, std::int64_t importId) {
    AICP_TRY(db.executeScript("SAVEPOINT aicp_bulk_events"));
    std::string state;
    const Status copied =
        copyIn(db, kCopyStraight, copyRows(events, order, false, importId), &state);
    if (copied.ok()) {
        AICP_TRY(db.executeScript("RELEASE SAVEPOINT aicp_bulk_events"));
        return true;
    }
    if (state != "23505")
        return copied.error();
    AICP_TRY(db.executeScript("ROLLBACK TO SAVEPOINT aicp_bulk_events"));
    return false;
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

Result<std::vector<std::uint32_t>> loadNewEvents(Database* db, std::int64_t importId,
                                                 const std::vector<BulkEvent>& events) {
    auto* postgres = dynamic_cast<PostgresDatabase*>(db);
    if (!postgres)
        return Error::internal(QStringLiteral("bulk event loading needs PostgreSQL"));
    if (events.empty())
        return std::vector<std::uint32_t>();
    const std::vector<std::uint32_t> order = uniqueKeyOrder(events);
    auto straight = copyStraightIn(*postgres, events, order, importId);
    if (!straight)
        return straight.error();
    if (!*straight)
        return loadThroughStaging(*postgres, events, order, importId);
    std::vector<std::uint32_t> all(events.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = static_cast<std::uint32_t>(i);
    return all;
}

}  // namespace aicp

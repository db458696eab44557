#include "storage/migrations/migrations.h"
#include "storage/sqlitedatabase.h"
#include "storage/statement.h"
#include "storage/usageeventkey.h"

#include <string_view>

#include <sqlite3.h>

namespace aicp {

// Usage events in import order, deduplicated through a fixed-size key.
//
// Until now usage_events was WITHOUT ROWID with the primary key (source,
// event_id): every insert found its place in a B-tree of text keys, which
// costs the same as a random read and write once ids are random (UUIDv4,
// the CloudEvents SDKs' default) and the table outgrows the page cache.
// Now events are appended (id: the position, in import order) and
// deduplicated through event_key, a 64-bit digest of source and id
// (usageEventKey) in a non-unique index: eight bytes per event instead of
// two texts, probed and inserted in key order by the importer. Two events
// may share a key; source and id are compared on every lookup.
//
// The export walks events by id instead of (import, source, event_id): an
// import takes ids above every committed one, so the order is the same
// promise without the index usage_events_by_import (gone with the old
// table). The rows are copied in that old export order, so a cursor given
// out before this step points at the same place afterwards.
//
// Copied through a table in the main database rather than renamed, for the
// reason migration0008 gives; the index is built after the copy, by one
// sort, rather than row by row.
namespace {

constexpr const char* kKeyFunction = "aicp_usage_event_key";

void keyOf(sqlite3_context* context, int, sqlite3_value** values) {
    const auto text = [](sqlite3_value* value) {
        const auto* bytes = reinterpret_cast<const char*>(sqlite3_value_text(value));
        return std::string_view(bytes ? bytes : "",
                                static_cast<std::size_t>(sqlite3_value_bytes(value)));
    };
    sqlite3_result_int64(context, usageEventKey(text(values[0]), text(values[1])));
}

Status setKeyFunction(Database* database, bool present) {
    // The SQLite steps only ever run on a SQLite workspace.
    sqlite3* db = static_cast<SqliteDatabase*>(database)->handle();
    const int rc = sqlite3_create_function_v2(
        db, kKeyFunction, 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, nullptr,
        present ? &keyOf : nullptr, nullptr, nullptr, nullptr);
    return rc == SQLITE_OK ? Status() : Status(databaseError(db, rc));
}

constexpr const char* kMoveEvents = R"sql(
        CREATE TABLE usage_events_v8 AS
            SELECT aicp_usage_event_key(source, event_id) AS event_key, source, event_id,
                   customer_id, occurred_at, agent_id, user_id, policy_packs,
                   compliance_modules, quantity, import_id, late
            FROM usage_events ORDER BY import_id, source, event_id;
        DROP TABLE usage_events;
        CREATE TABLE usage_events (
            id                 INTEGER PRIMARY KEY,
            event_key          INTEGER NOT NULL,
            source             TEXT NOT NULL,
            event_id           TEXT NOT NULL,
            customer_id        TEXT NOT NULL,
            occurred_at        INTEGER NOT NULL,
            agent_id           TEXT NOT NULL,
            user_id            TEXT NOT NULL,
            policy_packs       TEXT NOT NULL,
            compliance_modules TEXT NOT NULL,
            quantity           INTEGER NOT NULL CHECK (quantity > 0),
            import_id          INTEGER NOT NULL REFERENCES usage_imports (id),
            late               INTEGER NOT NULL CHECK (late IN (0, 1))
        );
        INSERT INTO usage_events (event_key, source, event_id, customer_id, occurred_at,
                                  agent_id, user_id, policy_packs, compliance_modules,
                                  quantity, import_id, late)
            SELECT * FROM usage_events_v8 ORDER BY rowid;
        DROP TABLE usage_events_v8;
        CREATE INDEX usage_events_by_key ON usage_events (event_key);
    )sql";

}  // namespace

Status migration0009(Database* db) {
    AICP_TRY(setKeyFunction(db, true));
    const Status moved = executeScript(db, kMoveEvents);
    // Only this step computes keys in SQL; later code computes them itself.
    AICP_TRY(setKeyFunction(db, false));
    return moved;
}

}  // namespace aicp

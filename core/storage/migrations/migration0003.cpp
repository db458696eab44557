#include "storage/migrations/migrations.h"
#include "storage/statement.h"

namespace aicp {

// Usage metering: raw events, the record of every import, the aggregates
// charts and bills read, and the periods that are closed for billing.
//
// usage_imports records each import that committed: the file, its SHA-256,
// when it ran and what it counted. An import is one transaction, so a row
// exists only for an import that finished; finished_at and file_sha256 are
// NULL only while that transaction is still open.
//
// usage_events keeps every event once: the primary key (source, event_id) is
// the deduplication rule, so importing a file again inserts nothing. WITHOUT
// ROWID stores each event once, in key order, instead of a table plus an
// index. Times are integer UTC seconds here, unlike the RFC 3339 text of
// other tables: a million rows are bucketed by hour with arithmetic, and the
// column is half the size. `late` marks an event that arrived for a period
// already closed; it is stored and counted, never folded into the issued bill.
//
// usage_hourly and its two breakdowns hold sums of quantity per customer per
// hour (the hour's first second, UTC); usage_monthly_users and _agents hold
// the distinct users and agents per customer per month (seats). Charts and
// bills read only these, never a scan of usage_events. customer_id is not a
// foreign key: usage may arrive before the customer is entered, and the id's
// syntax is checked on import.
//
// closed_periods lists (customer, month) pairs that have an issued invoice;
// billing fills it, imports read it to mark late events.
Status migration0003(Database* db) {
    return executeScript(db, R"sql(
        CREATE TABLE usage_imports (
            id              INTEGER PRIMARY KEY,
            file_name       TEXT NOT NULL,
            format          TEXT NOT NULL CHECK (format IN ('csv', 'jsonl')),
            file_sha256     TEXT CHECK (file_sha256 IS NULL OR length(file_sha256) = 64),
            file_bytes      INTEGER NOT NULL DEFAULT 0 CHECK (file_bytes >= 0),
            started_at      TEXT NOT NULL,
            finished_at     TEXT,
            new_events      INTEGER NOT NULL DEFAULT 0 CHECK (new_events >= 0),
            duplicate_events INTEGER NOT NULL DEFAULT 0 CHECK (duplicate_events >= 0),
            rejected_rows   INTEGER NOT NULL DEFAULT 0 CHECK (rejected_rows >= 0),
            late_events     INTEGER NOT NULL DEFAULT 0 CHECK (late_events >= 0),
            CHECK ((finished_at IS NULL) = (file_sha256 IS NULL))
        );

        CREATE TABLE usage_events (
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
            late               INTEGER NOT NULL CHECK (late IN (0, 1)),
            PRIMARY KEY (source, event_id)
        ) WITHOUT ROWID;

        CREATE TABLE usage_hourly (
            customer_id   TEXT NOT NULL,
            hour          INTEGER NOT NULL CHECK (hour % 3600 = 0),
            requests      INTEGER NOT NULL CHECK (requests >= 0),
            late_requests INTEGER NOT NULL CHECK (late_requests BETWEEN 0 AND requests),
            PRIMARY KEY (customer_id, hour)
        ) WITHOUT ROWID;

        CREATE TABLE usage_hourly_policy_packs (
            customer_id TEXT NOT NULL,
            hour        INTEGER NOT NULL CHECK (hour % 3600 = 0),
            policy_pack TEXT NOT NULL,
            requests    INTEGER NOT NULL CHECK (requests >= 0),
            PRIMARY KEY (customer_id, hour, policy_pack)
        ) WITHOUT ROWID;

        CREATE TABLE usage_hourly_compliance_modules (
            customer_id       TEXT NOT NULL,
            hour              INTEGER NOT NULL CHECK (hour % 3600 = 0),
            compliance_module TEXT NOT NULL,
            requests          INTEGER NOT NULL CHECK (requests >= 0),
            PRIMARY KEY (customer_id, hour, compliance_module)
        ) WITHOUT ROWID;

        CREATE TABLE usage_monthly_users (
            customer_id TEXT NOT NULL,
            month       TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
            user_id     TEXT NOT NULL,
            PRIMARY KEY (customer_id, month, user_id)
        ) WITHOUT ROWID;

        CREATE TABLE usage_monthly_agents (
            customer_id TEXT NOT NULL,
            month       TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
            agent_id    TEXT NOT NULL,
            PRIMARY KEY (customer_id, month, agent_id)
        ) WITHOUT ROWID;

        CREATE TABLE closed_periods (
            customer_id TEXT NOT NULL
                        CHECK (length(customer_id) BETWEEN 1 AND 64
                               AND customer_id NOT GLOB '*[^a-z0-9-]*'),
            month       TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
            closed_at   TEXT NOT NULL,
            PRIMARY KEY (customer_id, month)
        ) WITHOUT ROWID;
    )sql");
}

}  // namespace aicp

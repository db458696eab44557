#include "storage/migrations/migrations.h"
#include "storage/statement.h"

namespace aicp {

// Live pull from an OpenMeter-compatible meter query API, which answers
// windowed sums rather than events: there is no event id to deduplicate by.
//
// openmeter_windows keeps, per source and per (role, customer, hour, group),
// the value the source answered last and what of it is in the usage_hourly*
// and usage_monthly* aggregates. A pull applies only the difference between
// the two, so pulling a range again adds nothing and a window the source
// revised is corrected. `applied` differs from `value` only where the source
// lowered a window of a month already invoiced: the issued invoice stands.
// The key has the role, not the meter, so naming a different meter for the
// same role replaces the old meter's values instead of adding to them.
//
// openmeter_sources holds each source's high-water mark: the end of the last
// hour a committed page covered, written in that page's transaction.
Status migration0007(Database* db) {
    return executeScript(db, R"sql(
        CREATE TABLE openmeter_sources (
            url          TEXT PRIMARY KEY,
            pulled_until INTEGER NOT NULL CHECK (pulled_until % 3600 = 0),
            last_pull_at TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE openmeter_windows (
            source      TEXT NOT NULL,
            role        TEXT NOT NULL CHECK (role IN ('requests', 'policy_pack',
                                                      'compliance_module', 'user', 'agent')),
            customer_id TEXT NOT NULL,
            hour        INTEGER NOT NULL CHECK (hour % 3600 = 0),
            group_value TEXT NOT NULL,
            meter       TEXT NOT NULL,
            value       INTEGER NOT NULL CHECK (value >= 0),
            applied     INTEGER NOT NULL CHECK (applied >= 0),
            pulled_at   TEXT NOT NULL,
            PRIMARY KEY (source, hour, role, customer_id, group_value)
        ) WITHOUT ROWID;
    )sql");
}

}  // namespace aicp

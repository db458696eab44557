#include "storage/migrations/migrations.h"
#include "storage/statement.h"

namespace aicp {

// Live sources of two kinds: an `aicp serve` (kind 'aicp', as every source
// stored before) and an OpenMeter-compatible meter query API (kind
// 'openmeter'), whose meters-to-aggregates mapping is one JSON object (the
// keys of OpenMeterMapping, in snake case; LiveSources validates it whole
// before storing: the workspace's untrusted-schema mode admits no JSON
// function in a CHECK, so the table checks only its braces). An OpenMeter API may have no
// authentication, so only an aicp source must have a token. SQLite cannot change a CHECK in place:
// the table is rebuilt, its rows and ids copied as they are, through a copy in the main database.
// Not ALTER TABLE RENAME nor a TEMP table: after either, SQLite 3.40 refuses the connection's later
// wal_checkpoint (SQLITE_LOCKED) once it has switched to write-ahead logging, as Workspace::open
// does.
Status migration0008(Database* db) {
    return executeScript(db, R"sql(
        CREATE TABLE live_sources_v7 AS SELECT * FROM live_sources;
        DROP TABLE live_sources;
        CREATE TABLE live_sources (
            id                INTEGER PRIMARY KEY,
            name              TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
            kind              TEXT NOT NULL DEFAULT 'aicp' CHECK (kind IN ('aicp', 'openmeter')),
            url               TEXT NOT NULL,
            token             TEXT NOT NULL DEFAULT ''
                              CHECK (length(token) <= 512 AND
                                     (kind = 'openmeter' OR length(token) >= 1)),
            openmeter_mapping TEXT
                              CHECK (CASE kind
                                         WHEN 'aicp' THEN openmeter_mapping IS NULL
                                         ELSE openmeter_mapping IS NOT NULL AND
                                              substr(openmeter_mapping, 1, 1) = '{' AND
                                              substr(openmeter_mapping, -1, 1) = '}'
                                     END),
            interval_minutes  INTEGER NOT NULL DEFAULT 0
                              CHECK (interval_minutes BETWEEN 0 AND 1440),
            created_at        TEXT NOT NULL,
            last_pull_at      TEXT,
            last_ok           INTEGER CHECK (last_ok IN (0, 1)),
            last_result       TEXT
        );
        INSERT INTO live_sources (id, name, kind, url, token, openmeter_mapping,
                                  interval_minutes, created_at, last_pull_at, last_ok,
                                  last_result)
            SELECT id, name, 'aicp', url, token, NULL, interval_minutes, created_at,
                   last_pull_at, last_ok, last_result
            FROM live_sources_v7;
        DROP TABLE live_sources_v7;
    )sql");
}

}  // namespace aicp

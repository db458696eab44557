#include "storage/migrations/migrations.h"
#include "storage/statement.h"

namespace aicp {

// The console's live sources: the services it pulls usage from, with the
// bearer token it must send (so, unlike api_tokens, the token itself is
// kept: the workspace file is as secret as the token), how often to pull
// and how the last pull went. The pull cursor stays in usage_pull_sources,
// keyed by endpoint, so a source removed and added again resumes.
Status migration0006(Database* db) {
    return executeScript(db, R"sql(
        CREATE TABLE live_sources (
            id               INTEGER PRIMARY KEY,
            name             TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
            url              TEXT NOT NULL,
            token            TEXT NOT NULL CHECK (length(token) BETWEEN 1 AND 512),
            interval_minutes INTEGER NOT NULL DEFAULT 0
                             CHECK (interval_minutes BETWEEN 0 AND 1440),
            created_at       TEXT NOT NULL,
            last_pull_at     TEXT,
            last_ok          INTEGER CHECK (last_ok IN (0, 1)),
            last_result      TEXT
        );
    )sql");
}

}  // namespace aicp

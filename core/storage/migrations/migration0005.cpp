#include "storage/migrations/migrations.h"
#include "storage/statement.h"

namespace aicp {

// The HTTP service and live pull.
//
// api_tokens holds the bearer tokens of `aicp serve`: only the SHA-256 of a
// token is stored, so a copy of the workspace file grants no access. A token
// is never deleted, only revoked, so the list says who could do what, when.
//
// usage_pull_sources remembers, per source URL, the export cursor of the
// last page a pull committed; it is written in the same transaction as that
// page's events, so an interrupted pull resumes exactly where it stopped.
//
// The export's order (usage_events_by_import) is not created here but by
// the service when it starts (UsageEventExport::prepare): that index makes a
// million-event file import about 25 % slower, a cost only a workspace that
// serves the export should pay.
Status migration0005(Database* db) {
    return executeScript(db, R"sql(
        CREATE TABLE api_tokens (
            id           INTEGER PRIMARY KEY,
            name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
            role         TEXT NOT NULL CHECK (role IN ('read', 'ingest', 'admin')),
            token_sha256 BLOB NOT NULL UNIQUE CHECK (length(token_sha256) = 32),
            created_at   TEXT NOT NULL,
            revoked_at   TEXT
        );

        CREATE TABLE usage_pull_sources (
            url           TEXT PRIMARY KEY,
            cursor        TEXT NOT NULL,
            last_pull_at  TEXT NOT NULL,
            pulled_events INTEGER NOT NULL DEFAULT 0 CHECK (pulled_events >= 0)
        ) WITHOUT ROWID;
    )sql");
}

}  // namespace aicp

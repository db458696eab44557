#include "storage/migrations/migrations.h"
#include "storage/statement.h"

namespace aicp {

// Webhooks out (SPEC section 12): the endpoints events are sent to, the
// outbox of messages and each message's delivery to each endpoint.
//
// An endpoint keeps its signing secret (a `whsec_` key; the workspace is as
// secret as it is) and is never deleted: a removed one keeps its
// deliveries' history. A message is written in the same transaction as the
// change it tells of, with a delivery for every endpoint that wants its
// type; `once_key` makes an event that must be told once (a threshold
// crossed, a reminder) a no-op the second time. A delivery is pending with
// its next attempt's time until an endpoint answers 2xx (delivered) or its
// attempts run out (failed); nothing is sent again after a 2xx.
Status migration0014(Database* db) {
    return executeScript(db, R"sql(
        CREATE TABLE webhook_endpoints (
            id         INTEGER PRIMARY KEY,
            url        TEXT NOT NULL CHECK (length(url) BETWEEN 8 AND 2048),
            events     TEXT NOT NULL CHECK (length(events) BETWEEN 1 AND 1000),
            secret     TEXT NOT NULL CHECK (length(secret) BETWEEN 16 AND 200),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            removed_at TEXT
        );
        CREATE TABLE webhook_messages (
            id         TEXT PRIMARY KEY CHECK (length(id) BETWEEN 5 AND 64),
            type       TEXT NOT NULL CHECK (length(type) BETWEEN 1 AND 64),
            once_key   TEXT UNIQUE,
            created_at TEXT NOT NULL,
            body       TEXT NOT NULL
        );
        CREATE TABLE webhook_deliveries (
            id              INTEGER PRIMARY KEY,
            message_id      TEXT NOT NULL REFERENCES webhook_messages (id),
            endpoint_id     INTEGER NOT NULL REFERENCES webhook_endpoints (id),
            state           TEXT NOT NULL DEFAULT 'pending'
                            CHECK (state IN ('pending', 'delivered', 'failed')),
            attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            next_attempt_at TEXT,
            last_attempt_at TEXT,
            last_status     INTEGER,
            last_error      TEXT,
            delivered_at    TEXT,
            UNIQUE (message_id, endpoint_id),
            CHECK ((state = 'pending') = (next_attempt_at IS NOT NULL)),
            CHECK ((state = 'delivered') = (delivered_at IS NOT NULL))
        );
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
            WHERE state = 'pending';
    )sql");
}

}  // namespace aicp

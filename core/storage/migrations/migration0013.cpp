#include "storage/migrations/migrations.h"
#include "storage/statement.h"

namespace aicp {

// Activations: the gateways a license runs on (SPEC section 13).
//
// An activation holds one of a license's instances for one machine (its
// fingerprint) until it is released, or until its signed file expires: a
// floating activation's file lasts two heartbeat intervals and each
// heartbeat renews it (lease_seconds, twice the interval), so a gateway
// that stops heartbeating frees its place; a node-locked one, and one
// issued for an air-gapped site, lasts the days it was issued for
// (lease_seconds 0). An expired activation is marked released ("lapsed")
// by the next write on its license. A machine has at most one unreleased
// activation per license, which makes activating twice the same; a
// released one is kept for the record and never deleted.
Status migration0013(Database* db) {
    return executeScript(db, R"sql(
        CREATE TABLE activations (
            id                TEXT PRIMARY KEY CHECK (length(id) = 36),
            license_id        TEXT NOT NULL REFERENCES licenses (id),
            fingerprint       TEXT NOT NULL CHECK (length(fingerprint) BETWEEN 1 AND 128),
            hostname          TEXT NOT NULL DEFAULT '' CHECK (length(hostname) <= 253),
            mode              TEXT NOT NULL CHECK (mode IN ('floating', 'node-locked')),
            heartbeat_seconds INTEGER NOT NULL CHECK (heartbeat_seconds BETWEEN 60 AND 86400),
            lease_seconds     INTEGER NOT NULL CHECK (lease_seconds >= 0),
            activated_at      TEXT NOT NULL,
            activated_by      TEXT NOT NULL,
            last_heartbeat    TEXT NOT NULL,
            expires_at        TEXT NOT NULL,
            released_at       TEXT,
            released_by       TEXT,
            release_reason    TEXT CHECK (release_reason IN ('released', 'lapsed')),
            CHECK ((released_at IS NULL) = (released_by IS NULL)
                   AND (released_at IS NULL) = (release_reason IS NULL))
        );
        CREATE UNIQUE INDEX one_live_activation_per_machine
            ON activations (license_id, fingerprint) WHERE released_at IS NULL;
        CREATE INDEX activations_by_license ON activations (license_id, activated_at);
        CREATE TRIGGER activations_are_never_deleted BEFORE DELETE ON activations
        BEGIN SELECT RAISE(ABORT, 'activations are never deleted; release one instead'); END;
    )sql");
}

}  // namespace aicp

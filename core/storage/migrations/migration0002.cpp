#include "storage/migrations/migrations.h"
#include "storage/statement.h"

namespace aicp {

// Licensing: signing keys, the license registry, revocations and the audit
// trail.
//
// signing_keys: at most one key signs (the partial unique index); older keys
// stay to verify what they signed. The private half is only ever encrypted
// PKCS#8 text, and is NULL for a key imported as public only.
//
// licenses and revocations are append-only by rule of the product ("nothing
// is ever deleted"); the triggers make that a property of the file, so a bug
// or a hand-written DELETE cannot quietly drop one. A revocation is its own
// row (who, when, why) rather than columns on licenses, which stay immutable.
//
// revocation_lists keeps every signed list published, its sequence strictly
// increasing; verifier_state remembers, per installation, the newest list and
// the latest time seen, for rollback refusals.
//
// audit_log is a hash chain: each entry's hash covers its own fields and the
// previous entry's hash. Updates and deletes are refused by triggers; an
// edit made around them (another tool, a hex editor) breaks the chain, which
// `aicp audit verify` reports.
Status migration0002(Database* db) {
    return executeScript(db, R"sql(
        CREATE TABLE signing_keys (
            kid             TEXT PRIMARY KEY NOT NULL CHECK (length(kid) = 16),
            public_key_pem  TEXT NOT NULL,
            private_key_pem TEXT,
            signing         INTEGER NOT NULL DEFAULT 0 CHECK (signing IN (0, 1)),
            created_at      TEXT NOT NULL,
            retired_at      TEXT,
            CHECK (signing = 0 OR (private_key_pem IS NOT NULL AND retired_at IS NULL))
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX one_signing_key ON signing_keys (signing) WHERE signing = 1;

        CREATE TABLE licenses (
            id          TEXT PRIMARY KEY NOT NULL,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            tier        TEXT NOT NULL,
            kid         TEXT NOT NULL REFERENCES signing_keys (kid),
            license_key TEXT NOT NULL,
            issued_at   TEXT NOT NULL,
            not_before  TEXT NOT NULL,
            expires_at  TEXT NOT NULL,
            supersedes  TEXT REFERENCES licenses (id),
            issued_by   TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX licenses_by_customer ON licenses (customer_id, issued_at);
        CREATE TRIGGER licenses_are_never_deleted BEFORE DELETE ON licenses
        BEGIN SELECT RAISE(ABORT, 'licenses are never deleted'); END;
        CREATE TRIGGER licenses_are_never_changed BEFORE UPDATE ON licenses
        BEGIN SELECT RAISE(ABORT, 'an issued license never changes; issue a new one'); END;

        CREATE TABLE revocations (
            license_id TEXT PRIMARY KEY NOT NULL REFERENCES licenses (id),
            revoked_at TEXT NOT NULL,
            revoked_by TEXT NOT NULL,
            reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0)
        ) WITHOUT ROWID;
        CREATE TRIGGER revocations_are_never_deleted BEFORE DELETE ON revocations
        BEGIN SELECT RAISE(ABORT, 'revocations are never undone'); END;

        CREATE TABLE revocation_lists (
            sequence     INTEGER PRIMARY KEY CHECK (sequence > 0),
            published_at TEXT NOT NULL,
            token        TEXT NOT NULL
        );

        CREATE TABLE audit_log (
            seq       INTEGER PRIMARY KEY,
            at        TEXT NOT NULL,
            actor     TEXT NOT NULL,
            action    TEXT NOT NULL,
            subject   TEXT NOT NULL,
            details   TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash      TEXT NOT NULL
        );
        CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    )sql");
}

}  // namespace aicp

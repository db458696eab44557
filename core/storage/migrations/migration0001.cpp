#include "storage/migrations/migrations.h"
#include "storage/statement.h"

namespace aicp {

// The first workspace schema.
//
// meta holds one value per key for the whole file (workspace id, creation
// time, vendor or customer mode): a table rather than columns so later
// settings need no schema step.
//
// price_books keeps every document ever stored, never updated: a bill must
// stay reproducible with the prices it was computed from. The newest row (by
// id, not by stored_at, which follows a clock that can go backwards) is the
// price book in force.
//
// customers are keyed by the id a person chose ("acme-corp") because licenses
// and usage files name customers by it. The CHECKs repeat the validation of
// CustomerStore, so a row written by another tool cannot break the rules the
// rest of aicp relies on. Times are RFC 3339 UTC text throughout.
Status migration0001(Database* db) {
    return executeScript(db, R"sql(
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE price_books (
            id        INTEGER PRIMARY KEY,
            stored_at TEXT NOT NULL,
            document  TEXT NOT NULL
        );

        CREATE TABLE customers (
            id         TEXT PRIMARY KEY NOT NULL
                       CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9-]*'),
            name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
            email      TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE, id);
    )sql");
}

}  // namespace aicp

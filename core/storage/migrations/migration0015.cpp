#include "storage/migrations/migrations.h"
#include "storage/statement.h"

namespace aicp {

// Payments through Stripe (SPEC section 12): the account's secret key and
// what was pushed.
//
// The key is a secret like the webhooks' signing secrets: the workspace is
// as secret as it is (on PostgreSQL only finance and admins may read it).
// `stripe_objects` maps an aicp document to the Stripe object made for it
// (a customer by its id, an invoice item by "<invoice number>/<step>", a
// credit note by its number), written as soon as Stripe answers, so a push
// that stops halfway goes on where it stopped. `stripe_invoices` holds each
// pushed invoice with the status Stripe last gave it; a draft is one whose
// items are still being added.
Status migration0015(Database* db) {
    return executeScript(db, R"sql(
        CREATE TABLE stripe_account (
            id            INTEGER PRIMARY KEY CHECK (id = 1),
            secret_key    TEXT NOT NULL CHECK (length(secret_key) BETWEEN 8 AND 255),
            api_base      TEXT NOT NULL CHECK (length(api_base) BETWEEN 8 AND 2048),
            configured_at TEXT NOT NULL,
            configured_by TEXT NOT NULL
        );
        CREATE TABLE stripe_objects (
            kind        TEXT NOT NULL CHECK (kind IN ('customer', 'invoice_item', 'credit_note')),
            reference   TEXT NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
            stripe_id   TEXT NOT NULL CHECK (length(stripe_id) BETWEEN 3 AND 255),
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (kind, reference)
        );
        CREATE TABLE stripe_invoices (
            invoice_number TEXT PRIMARY KEY CHECK (length(invoice_number) BETWEEN 1 AND 64),
            stripe_id      TEXT NOT NULL CHECK (length(stripe_id) BETWEEN 3 AND 255),
            status         TEXT NOT NULL
                           CHECK (status IN ('draft', 'open', 'paid', 'void', 'uncollectible')),
            stripe_number  TEXT,
            hosted_url     TEXT,
            amount_due     INTEGER,
            paid_at        TEXT,
            pushed_at      TEXT NOT NULL,
            synced_at      TEXT
        );
    )sql");
}

}  // namespace aicp

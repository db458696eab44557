#include "storage/migrations/migrations.h"
#include "storage/statement.h"

namespace aicp {

// Prepaid credits (SPEC section 10): what a customer has paid for in
// advance, or was given, and which invoices used it.
//
// A grant is in the customer's billing currency, never changes and is never
// deleted; it may expire. A use ties a grant to the invoice that applied it,
// in the invoice's issuing transaction, and never changes either. A credit
// note cancels its invoice, so the uses of a credited invoice no longer count
// and the credit is available again. Nothing stores a forfeit: the credit
// still unused when a grant expires is forfeited at that moment, and the
// balance, the list and the ledger all derive it from the grant and its uses
// the same way. The trigger keeps the uses of the invoices that stand within
// the grant's amount, whatever a writer does (a copy of a workspace brings
// the uses of credited invoices too; those are not counted).
Status migration0011(Database* db) {
    return executeScript(db, R"sql(
        CREATE TABLE credit_grants (
            id            INTEGER PRIMARY KEY,
            customer_id   TEXT NOT NULL REFERENCES customers (id),
            currency      TEXT NOT NULL CHECK (length(currency) = 3
                                               AND currency NOT GLOB '*[^A-Z]*'),
            amount_micros INTEGER NOT NULL CHECK (amount_micros > 0),
            paid_micros   INTEGER NOT NULL
                          CHECK (paid_micros >= 0 AND paid_micros <= amount_micros),
            granted_at    TEXT NOT NULL,
            expires_at    TEXT CHECK (expires_at IS NULL OR expires_at > granted_at),
            reason        TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500),
            granted_by    TEXT NOT NULL
        );
        CREATE INDEX credit_grants_by_customer ON credit_grants (customer_id);
        CREATE TRIGGER credit_grants_are_never_changed BEFORE UPDATE ON credit_grants
        BEGIN SELECT RAISE(ABORT, 'a credit grant never changes'); END;
        CREATE TRIGGER credit_grants_are_never_deleted BEFORE DELETE ON credit_grants
        BEGIN SELECT RAISE(ABORT, 'credit grants are never deleted'); END;

        CREATE TABLE credit_uses (
            grant_id      INTEGER NOT NULL REFERENCES credit_grants (id),
            invoice_id    INTEGER NOT NULL REFERENCES invoices (id),
            amount_micros INTEGER NOT NULL CHECK (amount_micros > 0),
            PRIMARY KEY (grant_id, invoice_id)
        ) WITHOUT ROWID;
        CREATE INDEX credit_uses_by_invoice ON credit_uses (invoice_id);
        CREATE TRIGGER credit_uses_stay_within_the_grant BEFORE INSERT ON credit_uses
        WHEN NEW.amount_micros + (SELECT COALESCE(SUM(u.amount_micros), 0) FROM credit_uses AS u
                                  WHERE u.grant_id = NEW.grant_id
                                    AND NOT EXISTS (SELECT 1 FROM credit_notes AS c
                                                    WHERE c.invoice_id = u.invoice_id))
             > (SELECT amount_micros FROM credit_grants WHERE id = NEW.grant_id)
             AND NOT EXISTS (SELECT 1 FROM credit_notes WHERE invoice_id = NEW.invoice_id)
        BEGIN SELECT RAISE(ABORT, 'a credit is never used beyond its amount'); END;
        CREATE TRIGGER credit_uses_are_never_changed BEFORE UPDATE ON credit_uses
        BEGIN SELECT RAISE(ABORT, 'an issued invoice never changes; issue a credit note'); END;
        CREATE TRIGGER credit_uses_are_never_deleted BEFORE DELETE ON credit_uses
        BEGIN SELECT RAISE(ABORT, 'invoices are never deleted; issue a credit note'); END;
    )sql");
}

}  // namespace aicp

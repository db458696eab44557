#include "storage/migrations/migrations.h"
#include "storage/statement.h"

namespace aicp {

// Taxes and the parties of an invoice (SPEC section 11).
//
// A tax rate belongs to a country, or to one region of it (ISO 3166-2,
// "US-CA"), and is in force from its date until the next rate of the same
// place; a rate never changes and is never deleted, so an issued invoice
// can always be traced to the rate it used. A customer may name its region.
//
// An invoice keeps what it was issued with: the tax of each charge line
// (its rate and amount, rounded once per line), the invoice's tax and how
// it was decided ("standard", "reverse_charge", "exempt", "no_rate", or
// "none" when the workspace has no rates), the tax's name, the due date
// (issue date plus the customer's payment terms), and the seller and buyer
// blocks as JSON. Invoices issued before this step have no tax, no due date
// and no blocks (NULL). total_micros stays the sum of the charges (the
// net).
//
// Credit notes may now credit part of an invoice: several notes per
// invoice (the table is made again without its UNIQUE invoice_id, through
// a copy and not ALTER TABLE RENAME, for the reason migration 8 gives), each
// with its lines (the invoice line credited, the net and the tax taken
// off it), never more in total than the invoice. A note of an older
// workspace has no lines: it credited its whole invoice. An invoice is
// credited (the view credited_invoices) once its notes add up to its
// total; only then is its month free to invoice again and the prepaid
// credit it used given back.
//
// A payment settles what an invoice still asks for, on the day it was paid,
// with the payer's reference; it never changes and is never deleted. (That
// a credited invoice takes no payment is InvoiceBook's rule: an invoice paid
// and later credited has both, and a copy of the workspace writes them in
// either order.)
namespace {

// Tax rates, a customer's region, and what an invoice keeps of its tax,
// its due date and its parties.
Status addTaxesAndParties(Database* db) {
    return executeScript(db, R"sql(
        CREATE TABLE tax_rates (
            id                 INTEGER PRIMARY KEY,
            country            TEXT NOT NULL CHECK (length(country) = 2
                                                    AND country NOT GLOB '*[^A-Z]*'),
            region             TEXT NOT NULL DEFAULT ''
                               CHECK (region = '' OR (substr(region, 1, 3) = country || '-'
                                                      AND length(region) BETWEEN 4 AND 6
                                                      AND substr(region, 4) NOT GLOB '*[^A-Z0-9]*')),
            name               TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 40),
            rate_micro_percent INTEGER NOT NULL
                               CHECK (rate_micro_percent BETWEEN 0 AND 100000000),
            effective_from     TEXT NOT NULL
                               CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
            added_at           TEXT NOT NULL,
            added_by           TEXT NOT NULL,
            UNIQUE (country, region, effective_from)
        );
        CREATE TRIGGER tax_rates_are_never_changed BEFORE UPDATE ON tax_rates
        BEGIN SELECT RAISE(ABORT, 'a tax rate never changes; add a rate from a later date'); END;
        CREATE TRIGGER tax_rates_are_never_deleted BEFORE DELETE ON tax_rates
        BEGIN SELECT RAISE(ABORT, 'tax rates are never deleted; add a rate from a later date'); END;

        ALTER TABLE customers ADD COLUMN region TEXT NOT NULL DEFAULT ''
            CHECK (region = '' OR (substr(region, 1, 3) = country || '-'
                                   AND length(region) BETWEEN 4 AND 6
                                   AND substr(region, 4) NOT GLOB '*[^A-Z0-9]*'));

        ALTER TABLE invoices ADD COLUMN tax_micros INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE invoices ADD COLUMN tax_treatment TEXT NOT NULL DEFAULT 'none'
            CHECK (tax_treatment IN ('none', 'standard', 'reverse_charge', 'exempt', 'no_rate'));
        ALTER TABLE invoices ADD COLUMN tax_name TEXT NOT NULL DEFAULT '';
        ALTER TABLE invoices ADD COLUMN due_date TEXT
            CHECK (due_date IS NULL
                   OR due_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
        ALTER TABLE invoices ADD COLUMN seller TEXT;
        ALTER TABLE invoices ADD COLUMN buyer TEXT;

        ALTER TABLE invoice_lines ADD COLUMN tax_rate_micro_percent INTEGER
            CHECK (tax_rate_micro_percent IS NULL
                   OR tax_rate_micro_percent BETWEEN 0 AND 100000000);
        ALTER TABLE invoice_lines ADD COLUMN tax_micros INTEGER NOT NULL DEFAULT 0;
    )sql");
}

// credit_notes again without its UNIQUE invoice_id, its rows and ids kept.
Status remakeCreditNotes(Database* db) {
    return executeScript(db, R"sql(
        DROP TRIGGER invoices_once_per_month;
        DROP TRIGGER credit_uses_stay_within_the_grant;
        CREATE TABLE credit_notes_v11 AS SELECT * FROM credit_notes;
        DROP TABLE credit_notes;
        CREATE TABLE credit_notes (
            id           INTEGER PRIMARY KEY,
            number       TEXT NOT NULL UNIQUE,
            year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999),
            sequence     INTEGER NOT NULL CHECK (sequence BETWEEN 1 AND 999999),
            invoice_id   INTEGER NOT NULL REFERENCES invoices (id),
            issued_at    TEXT NOT NULL,
            issued_by    TEXT NOT NULL,
            reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            total_micros INTEGER NOT NULL,
            tax_micros   INTEGER NOT NULL DEFAULT 0,
            UNIQUE (year, sequence),
            CHECK (number = printf('AICP-CN-%04d-%06d', year, sequence))
        );
        INSERT INTO credit_notes (id, number, year, sequence, invoice_id, issued_at, issued_by,
                                  reason, total_micros)
            SELECT id, number, year, sequence, invoice_id, issued_at, issued_by, reason,
                   total_micros FROM credit_notes_v11;
        DROP TABLE credit_notes_v11;
        CREATE INDEX credit_notes_by_invoice ON credit_notes (invoice_id);
        CREATE TRIGGER credit_notes_are_numbered_without_gaps BEFORE INSERT ON credit_notes
        WHEN NEW.sequence <> (SELECT COALESCE(MAX(sequence), 0) + 1 FROM credit_notes
                              WHERE year = NEW.year)
        BEGIN SELECT RAISE(ABORT, 'credit note numbers run without gaps'); END;
        CREATE TRIGGER credit_notes_stay_within_the_invoice BEFORE INSERT ON credit_notes
        WHEN (SELECT NEW.total_micros + COALESCE((SELECT SUM(c.total_micros) FROM credit_notes AS c
                                                  WHERE c.invoice_id = NEW.invoice_id), 0)
                     < -(total_micros + tax_micros)
              FROM invoices WHERE id = NEW.invoice_id)
        BEGIN SELECT RAISE(ABORT, 'credit notes never credit more than their invoice'); END;
        CREATE TRIGGER credit_notes_are_never_changed BEFORE UPDATE ON credit_notes
        BEGIN SELECT RAISE(ABORT, 'a credit note never changes'); END;
        CREATE TRIGGER credit_notes_are_never_deleted BEFORE DELETE ON credit_notes
        BEGIN SELECT RAISE(ABORT, 'credit notes are never deleted'); END;
    )sql");
}

// The lines of a credit note, the view of the invoices credited in full,
// and the rules that read it.
Status addCreditNoteLinesAndRules(Database* db) {
    return executeScript(db, R"sql(
        CREATE TABLE credit_note_lines (
            credit_note_id   INTEGER NOT NULL REFERENCES credit_notes (id),
            position         INTEGER NOT NULL CHECK (position >= 1),
            invoice_position INTEGER NOT NULL CHECK (invoice_position >= 1),
            amount_micros    INTEGER NOT NULL,
            tax_micros       INTEGER NOT NULL,
            PRIMARY KEY (credit_note_id, position)
        ) WITHOUT ROWID;
        CREATE TRIGGER credit_note_lines_are_never_changed BEFORE UPDATE ON credit_note_lines
        BEGIN SELECT RAISE(ABORT, 'a credit note never changes'); END;
        CREATE TRIGGER credit_note_lines_are_never_deleted BEFORE DELETE ON credit_note_lines
        BEGIN SELECT RAISE(ABORT, 'credit notes are never deleted'); END;

        CREATE VIEW credited_invoices AS
            SELECT i.id FROM invoices AS i
            WHERE (SELECT COALESCE(SUM(c.total_micros), 1) FROM credit_notes AS c
                   WHERE c.invoice_id = i.id) = -(i.total_micros + i.tax_micros);
        CREATE TRIGGER invoices_once_per_month BEFORE INSERT ON invoices
        WHEN EXISTS (SELECT 1 FROM invoices AS i
                     WHERE i.customer_id = NEW.customer_id AND i.month = NEW.month
                       AND i.id NOT IN (SELECT id FROM credited_invoices))
        BEGIN SELECT RAISE(ABORT, 'the month is already invoiced; credit that invoice first'); END;
        CREATE TRIGGER credit_uses_stay_within_the_grant BEFORE INSERT ON credit_uses
        WHEN NEW.amount_micros + (SELECT COALESCE(SUM(u.amount_micros), 0) FROM credit_uses AS u
                                  WHERE u.grant_id = NEW.grant_id
                                    AND u.invoice_id NOT IN (SELECT id FROM credited_invoices))
             > (SELECT amount_micros FROM credit_grants WHERE id = NEW.grant_id)
             AND NEW.invoice_id NOT IN (SELECT id FROM credited_invoices)
        BEGIN SELECT RAISE(ABORT, 'a credit is never used beyond its amount'); END;
    )sql");
}

// Payments received.
Status addPayments(Database* db) {
    return executeScript(db, R"sql(
        CREATE TABLE invoice_payments (
            id            INTEGER PRIMARY KEY,
            invoice_id    INTEGER NOT NULL REFERENCES invoices (id),
            paid_on       TEXT NOT NULL
                          CHECK (paid_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
            amount_micros INTEGER NOT NULL CHECK (amount_micros > 0),
            reference     TEXT NOT NULL CHECK (length(trim(reference)) BETWEEN 1 AND 200),
            recorded_at   TEXT NOT NULL,
            recorded_by   TEXT NOT NULL
        );
        CREATE INDEX invoice_payments_by_invoice ON invoice_payments (invoice_id);
        CREATE TRIGGER invoice_payments_are_never_changed BEFORE UPDATE ON invoice_payments
        BEGIN SELECT RAISE(ABORT, 'a payment never changes'); END;
        CREATE TRIGGER invoice_payments_are_never_deleted BEFORE DELETE ON invoice_payments
        BEGIN SELECT RAISE(ABORT, 'payments are never deleted'); END;
    )sql");
}

}  // namespace

Status migration0012(Database* db) {
    AICP_TRY(addTaxesAndParties(db));
    AICP_TRY(remakeCreditNotes(db));
    AICP_TRY(addCreditNoteLinesAndRules(db));
    return addPayments(db);
}

}  // namespace aicp

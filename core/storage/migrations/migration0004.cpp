#include "storage/migrations/migrations.h"
#include "storage/statement.h"

namespace aicp {

// Invoicing: issued invoices, their lines, and credit notes.
//
// An issued invoice is a legal document: its number, lines and totals never
// change. The triggers make that a property of the file (as for licenses), so
// neither a bug nor a hand-written UPDATE can alter one; a correction is a
// credit note that names the invoice.
//
// Numbers run without gaps per calendar year of issue, in two series:
// invoices "AICP-2026-000123" and credit notes "AICP-CN-2026-000007". The
// number is not handed out by a counter that could drift from the rows: the
// insert trigger requires sequence = the year's highest + 1, and issuing runs
// in one BEGIN IMMEDIATE transaction, so concurrent issuers queue on the
// write lock and each takes the next number. Rows are never deleted, so a
// number once used is never freed.
//
// invoices.line_count fixes how many lines the invoice has; a line outside
// 1..line_count is refused, so no line can be added after issue either.
// late_requests_at_issue records the late requests of the invoiced month
// already in the aggregates (and charged) when it was issued, so later
// invoices list only the late requests that arrived after it.
//
// invoice_lines.kind: 'charge' (a bill line, the only kind with an amount),
// 'late_usage' (late requests for an earlier invoiced month, information
// only), 'finding' (something the bill shows but never charges).
//
// A credit note credits its invoice in full (one per invoice); the month of
// a credited invoice may be invoiced again, which the insert trigger allows
// only then.
//
// licenses_by_supersedes: billing reads the whole registry for every report,
// and each license's successor is looked up by `supersedes`; without an index
// that is a scan per license, quadratic in the registry (2,000 licenses: 4
// million rows visited per report).
namespace {

constexpr const char* kInvoices = R"sql(
        CREATE INDEX licenses_by_supersedes ON licenses (supersedes, issued_at)
            WHERE supersedes IS NOT NULL;

        CREATE TABLE invoices (
            id                     INTEGER PRIMARY KEY,
            number                 TEXT NOT NULL UNIQUE,
            year                   INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999),
            sequence               INTEGER NOT NULL CHECK (sequence BETWEEN 1 AND 999999),
            customer_id            TEXT NOT NULL REFERENCES customers (id),
            customer_name          TEXT NOT NULL,
            month                  TEXT NOT NULL
                                   CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
            currency               TEXT NOT NULL,
            issued_at              TEXT NOT NULL,
            issued_by              TEXT NOT NULL,
            requests               INTEGER NOT NULL CHECK (requests >= 0),
            active_users           INTEGER NOT NULL CHECK (active_users >= 0),
            active_agents          INTEGER NOT NULL CHECK (active_agents >= 0),
            late_requests_at_issue INTEGER NOT NULL CHECK (late_requests_at_issue >= 0),
            line_count             INTEGER NOT NULL CHECK (line_count >= 0),
            total_micros           INTEGER NOT NULL,
            UNIQUE (year, sequence),
            CHECK (number = printf('AICP-%04d-%06d', year, sequence))
        );
        CREATE INDEX invoices_by_customer ON invoices (customer_id, month);
        CREATE TRIGGER invoices_are_numbered_without_gaps BEFORE INSERT ON invoices
        WHEN NEW.sequence <> (SELECT COALESCE(MAX(sequence), 0) + 1 FROM invoices
                              WHERE year = NEW.year)
        BEGIN SELECT RAISE(ABORT, 'invoice numbers run without gaps'); END;
        CREATE TRIGGER invoices_once_per_month BEFORE INSERT ON invoices
        WHEN EXISTS (SELECT 1 FROM invoices AS i
                     WHERE i.customer_id = NEW.customer_id AND i.month = NEW.month
                       AND NOT EXISTS (SELECT 1 FROM credit_notes AS c
                                       WHERE c.invoice_id = i.id))
        BEGIN SELECT RAISE(ABORT, 'the month is already invoiced; credit that invoice first'); END;
        CREATE TRIGGER invoices_are_never_changed BEFORE UPDATE ON invoices
        BEGIN SELECT RAISE(ABORT, 'an issued invoice never changes; issue a credit note'); END;
        CREATE TRIGGER invoices_are_never_deleted BEFORE DELETE ON invoices
        BEGIN SELECT RAISE(ABORT, 'invoices are never deleted; issue a credit note'); END;
    )sql";

constexpr const char* kInvoiceLines = R"sql(
        CREATE TABLE invoice_lines (
            invoice_id         INTEGER NOT NULL REFERENCES invoices (id),
            position           INTEGER NOT NULL,
            kind               TEXT NOT NULL CHECK (kind IN ('charge', 'late_usage', 'finding')),
            axis               TEXT,
            description        TEXT NOT NULL,
            quantity           INTEGER NOT NULL,
            unit_price_micros  INTEGER,
            amount_micros      INTEGER NOT NULL,
            license_id         TEXT,
            tier               TEXT,
            price_book_version TEXT,
            period_start       TEXT,
            period_end         TEXT,
            late_month         TEXT CHECK (late_month IS NULL
                                           OR late_month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
            PRIMARY KEY (invoice_id, position),
            CHECK (kind = 'charge' OR amount_micros = 0),
            CHECK ((kind = 'charge') = (axis IS NOT NULL)),
            CHECK ((kind = 'late_usage') = (late_month IS NOT NULL))
        ) WITHOUT ROWID;
        CREATE TRIGGER invoice_lines_only_at_issue BEFORE INSERT ON invoice_lines
        WHEN NEW.position NOT BETWEEN 1 AND (SELECT line_count FROM invoices
                                              WHERE id = NEW.invoice_id)
        BEGIN SELECT RAISE(ABORT, 'an issued invoice never gains lines'); END;
        CREATE TRIGGER invoice_lines_are_never_changed BEFORE UPDATE ON invoice_lines
        BEGIN SELECT RAISE(ABORT, 'an issued invoice never changes; issue a credit note'); END;
        CREATE TRIGGER invoice_lines_are_never_deleted BEFORE DELETE ON invoice_lines
        BEGIN SELECT RAISE(ABORT, 'invoices are never deleted; issue a credit note'); END;
    )sql";

constexpr const char* kCreditNotes = R"sql(
        CREATE TABLE credit_notes (
            id           INTEGER PRIMARY KEY,
            number       TEXT NOT NULL UNIQUE,
            year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999),
            sequence     INTEGER NOT NULL CHECK (sequence BETWEEN 1 AND 999999),
            invoice_id   INTEGER NOT NULL UNIQUE REFERENCES invoices (id),
            issued_at    TEXT NOT NULL,
            issued_by    TEXT NOT NULL,
            reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            total_micros INTEGER NOT NULL,
            UNIQUE (year, sequence),
            CHECK (number = printf('AICP-CN-%04d-%06d', year, sequence))
        );
        CREATE TRIGGER credit_notes_are_numbered_without_gaps BEFORE INSERT ON credit_notes
        WHEN NEW.sequence <> (SELECT COALESCE(MAX(sequence), 0) + 1 FROM credit_notes
                              WHERE year = NEW.year)
        BEGIN SELECT RAISE(ABORT, 'credit note numbers run without gaps'); END;
        CREATE TRIGGER credit_notes_credit_the_whole_invoice BEFORE INSERT ON credit_notes
        WHEN NEW.total_micros <> -(SELECT total_micros FROM invoices WHERE id = NEW.invoice_id)
        BEGIN SELECT RAISE(ABORT, 'a credit note credits its invoice in full'); END;
        CREATE TRIGGER credit_notes_are_never_changed BEFORE UPDATE ON credit_notes
        BEGIN SELECT RAISE(ABORT, 'a credit note never changes'); END;
        CREATE TRIGGER credit_notes_are_never_deleted BEFORE DELETE ON credit_notes
        BEGIN SELECT RAISE(ABORT, 'credit notes are never deleted'); END;
    )sql";

}  // namespace

// Each part of the schema in turn, in the migration's one transaction.
Status migration0004(Database* db) {
    AICP_TRY(executeScript(db, kInvoices));
    AICP_TRY(executeScript(db, kInvoiceLines));
    return executeScript(db, kCreditNotes);
}

}  // namespace aicp

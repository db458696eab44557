#include "storage/migrations/migrations.h"
#include "storage/statement.h"

namespace aicp {

// Billing profiles (SPEC section 11): what an invoice a business can send
// says about its buyer and its seller.
//
// Customers gain their billing profile as columns with defaults, so every
// customer stored before keeps its rows and reads as it did: no legal name
// (the name is used), no address, country or tax id, billed in USD, due 30
// days after issue, not tax exempt. The existing email is the billing email.
// The CHECKs repeat what CustomerStore validates that SQL can say: codes of
// two (country) or three (currency) upper-case letters (which codes are
// known is the core's table, common/billingfields.cpp, not the schema's:
// ISO lists change), the tax id in its stored form, terms of 0 to 365 days.
// SQLite adds a column with its CHECK and default in place, no rebuild.
//
// The seller is one row of a table of its own (id = 1) rather than keys in
// meta: its fields are typed and checked like the customer's, it is read
// and written whole, and on PostgreSQL it can be given to the finance role
// as a table (meta's rows are admins' settings, guarded by row-level
// security). Until it is saved the table is empty.
Status migration0010(Database* db) {
    return executeScript(db, R"sql(
        ALTER TABLE customers ADD COLUMN legal_name TEXT NOT NULL DEFAULT ''
            CHECK (length(legal_name) <= 200);
        ALTER TABLE customers ADD COLUMN address TEXT NOT NULL DEFAULT ''
            CHECK (length(address) <= 500);
        ALTER TABLE customers ADD COLUMN country TEXT NOT NULL DEFAULT ''
            CHECK (country = '' OR (length(country) = 2 AND country NOT GLOB '*[^A-Z]*'));
        ALTER TABLE customers ADD COLUMN tax_id TEXT NOT NULL DEFAULT ''
            CHECK (length(tax_id) <= 30 AND tax_id NOT GLOB '*[^A-Z0-9/-]*');
        ALTER TABLE customers ADD COLUMN currency TEXT NOT NULL DEFAULT 'USD'
            CHECK (length(currency) = 3 AND currency NOT GLOB '*[^A-Z]*');
        ALTER TABLE customers ADD COLUMN payment_terms_days INTEGER NOT NULL DEFAULT 30
            CHECK (payment_terms_days BETWEEN 0 AND 365);
        ALTER TABLE customers ADD COLUMN tax_exempt INTEGER NOT NULL DEFAULT 0
            CHECK (tax_exempt IN (0, 1));

        CREATE TABLE seller (
            id                   INTEGER PRIMARY KEY CHECK (id = 1),
            name                 TEXT NOT NULL
                                 CHECK (length(trim(name)) > 0 AND length(name) <= 200),
            address              TEXT NOT NULL DEFAULT '' CHECK (length(address) <= 500),
            country              TEXT NOT NULL DEFAULT ''
                                 CHECK (country = '' OR
                                        (length(country) = 2 AND country NOT GLOB '*[^A-Z]*')),
            tax_id               TEXT NOT NULL DEFAULT ''
                                 CHECK (length(tax_id) <= 30 AND
                                        tax_id NOT GLOB '*[^A-Z0-9/-]*'),
            email                TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 254),
            payment_instructions TEXT NOT NULL DEFAULT ''
                                 CHECK (length(payment_instructions) <= 1000),
            footer               TEXT NOT NULL DEFAULT '' CHECK (length(footer) <= 500),
            updated_at           TEXT NOT NULL
        );
    )sql");
}

}  // namespace aicp

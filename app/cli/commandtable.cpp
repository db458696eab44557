#include "cli/command.h"

#include <limits>

namespace aicp::cli {
namespace {

constexpr WorkspaceUse kNone = WorkspaceUse::None;
constexpr WorkspaceUse kExisting = WorkspaceUse::Existing;
constexpr WorkspaceUse kOpenOrCreate = WorkspaceUse::OpenOrCreate;
constexpr qsizetype kAnyNumber = std::numeric_limits<qsizetype>::max();

// Every command as its group's help lists it, and what it needs, in the
// order of `aicp --help`; a command's class declares only its own options
// and its work. Why a command needs what it does:
// - verify reads the workspace when there is one and never creates it;
//   import, a pull from a service and pricebook may start a new one.
// - serve takes --passphrase-file, but only issuing licenses needs it.
constexpr CommandSpec kCommandSpecs[] = {
    {"workspace create", "Create an empty workspace file (no signing key needed)", kNone, 0,
     nullptr, false},
    {"workspace info", "Describe the workspace: mode, schema, identity, counts", kExisting, 0,
     "the description", false},
    {"workspace copy",
     "Copy the workspace whole into a new file or an empty database, and verify it", kExisting, 0,
     "what was copied and verified", false},
    {"workspace grant", "Give a PostgreSQL login a role in the team workspace", kExisting, 1,
     nullptr, false},
    {"workspace revoke", "Take a PostgreSQL login's role in the team workspace", kExisting, 1,
     nullptr, false},
    {"customer add", "Add a customer (a new id)", kExisting, 1, nullptr, false},
    {"customer edit", "Change a customer's name, email or billing profile", kExisting, 1, nullptr,
     false},
    {"customer show", "Show one customer and its billing profile", kExisting, 1, "the customer",
     false},
    {"customer list", "List the customers", kExisting, 0, "the customers", false},
    {"seller set", "Set the seller's name, address, tax id, payment instructions, footer",
     kExisting, 0, nullptr, false},
    {"seller show", "Show the seller profile", kExisting, 0, "the seller profile", false},
    {"credits grant", "Grant a customer prepaid credit, with an expiry and a reason", kExisting, 0,
     "the grant", false},
    {"credits balance", "A customer's prepaid credit available now", kExisting, 0, "the balance",
     false},
    {"credits list", "List the credit grants with what is used, available and forfeited", kExisting,
     0, "the grants", false},
    {"tax rates add", "Add a country's or region's tax rate from a date", kExisting, 0, "the rate",
     false},
    {"tax rates list", "List the tax rates and the dates they apply from", kExisting, 0,
     "the rates", false},
    {"pricebook versions", "List the price book's versions and when each takes effect",
     kOpenOrCreate, 0, "the versions", false},
    {"pricebook show", "Show a price book version (text or --json)", kOpenOrCreate, 0,
     "the price book document", false},
    {"pricebook export", "Write the price book, or one version, as a document import takes",
     kOpenOrCreate, 0, nullptr, false},
    {"pricebook diff", "Show what changes from one price book version to another", kOpenOrCreate, 2,
     "the changes", false},
    {"pricebook import", "Add the new versions of a price book document (JSON)", kOpenOrCreate, 1,
     "what was imported (or would be) and its impact", false},
    {"quote", "Price a subscription on one tier, or compare every tier", kOpenOrCreate, 0,
     "the bill (or the comparison)", false},
    {"keys generate", "Make the workspace's first signing key", kOpenOrCreate, 0, "the new key",
     true},
    {"keys rotate", "Replace the signing key; the old one keeps verifying", kExisting, 0,
     "the new key", true},
    {"keys list", "List the keys the workspace trusts", kExisting, 0, "the keys", false},
    {"keys export-public", "Print or write a public key (PEM) for customers", kExisting, 0, nullptr,
     false},
    {"keys import-public", "Trust a vendor's public key (customer workspaces)", kOpenOrCreate, 1,
     "the imported key", false},
    {"license issue", "Issue and sign a license", kExisting, 0, nullptr, true},
    {"license add", "Keep a license received from the vendor (file or key)", kExisting, 1,
     "the license added", false},
    {"license verify", "Check a license key or file: valid, expired, revoked, …", kExisting, 1,
     "the outcome and the license", false},
    {"license list", "List the licenses in the registry", kExisting, 0, "the licenses", false},
    {"license show", "Show one license in full", kExisting, 1, "the license", false},
    {"license renew", "Issue the same terms for another period", kExisting, 1, nullptr, true},
    {"license upgrade", "Issue changed terms that supersede a license", kExisting, 1, nullptr,
     true},
    {"license revoke", "Revoke a license and publish a new revocation list", kExisting, 1,
     "the revocation", true},
    {"revocations export", "Write the newest signed revocation list for verifiers", kExisting, 0,
     nullptr, true},
    {"revocations import", "Load the vendor's signed revocation list", kExisting, 1,
     "what the list changed", false},
    {"activation issue", "Sign an activation file for an air-gapped machine", kExisting, 0,
     "the activation", true},
    {"activation verify", "Check an activation file for this machine: valid, expired, …", kExisting,
     1, "the outcome and the activation", false},
    {"activation list", "List a license's machines with their last heartbeat", kExisting, 0,
     "the activations", false},
    {"activation release", "Free a machine's instance of its license", kExisting, 1,
     "the activation released", false},
    {"webhooks add", "Send events to a URL, signed with a whsec_ secret", kExisting, 1,
     "the webhook (with --secret-file)", false},
    {"webhooks list", "List the webhooks and the events each is sent", kExisting, 0, "the webhooks",
     false},
    {"webhooks remove", "Stop sending to a webhook; its history stays", kExisting, 1,
     "the webhook removed", false},
    {"webhooks deliveries", "List the newest deliveries: state, attempts, last answer", kExisting,
     0, "the deliveries", false},
    {"webhooks redeliver", "Send a delivery again (a failed one, or one the receiver lost)",
     kExisting, 1, "the delivery", false},
    {"webhooks run", "Send the deliveries due now, once (aicp serve sends them all along)",
     kExisting, 0, "what was sent", false},
    {"audit verify", "Check the audit log's hash chain", kExisting, 0, "the outcome", false},
    {"audit list", "List the audit log's entries", kExisting, 0, "the entries", false},
    {"usage import", "Import usage events from CSV or JSON Lines files", kOpenOrCreate, kAnyNumber,
     "the counts", false},
    {"usage summary", "One customer's usage in one month", kExisting, 0, "the summary", false},
    {"usage series", "One customer's requests per hour or per day", kExisting, 0, "the series",
     false},
    {"usage pull", "Pull usage from an 'aicp serve' or an OpenMeter API, safe to re-run",
     kOpenOrCreate, 0, "the counts", false},
    {"recommend", "The cheapest tier that serves a customer's projected usage", kExisting, 0,
     "the recommendation", false},
    {"bill", "A customer's computed (not issued) bill for a month", kExisting, 0, "the bill",
     false},
    {"report cost",
     "The finance cost report of a month by customer and pricing axis (CSV, JSON, PDF)", kExisting,
     0, nullptr, false},
    {"invoice issue", "Issue a customer's invoice for an ended month (numbered, immutable)",
     kExisting, 0, "the issued invoice", false},
    {"invoice list", "List issued invoices and their status", kExisting, 0,
     "the invoices, lines included", false},
    {"invoice show", "Show one invoice as stored (text, JSON or PDF)", kExisting, 1, nullptr,
     false},
    {"invoice credit", "Credit an invoice, in full or in part, with a credit note", kExisting, 1,
     "the credit note", false},
    {"invoice mark-paid", "Record that an invoice was paid: the day and the payer's reference",
     kExisting, 1, "the payment", false},
    {"ledger export", "The double-entry postings of a period, for an accounting system", kExisting,
     0, nullptr, false},
    {"demo", "Create the deterministic demo workspace in a new file", kNone, 0, nullptr, false},
    {"serve", "Serve the REST API over HTTP (tokens, ingestion, export, validation)", kNone, 0,
     nullptr, true},
    {"tokens create", "Make a bearer token for the HTTP service (printed once)", kExisting, 0,
     nullptr, false},
    {"tokens list", "List the tokens and their roles", kExisting, 0, "the tokens", false},
    {"tokens revoke", "Revoke a token", kExisting, 1, nullptr, false},
};

}  // namespace

const CommandSpec* findCommandSpec(QStringView name) {
    for (const CommandSpec& spec : kCommandSpecs)
        if (name == QLatin1String(spec.name))
            return &spec;
    return nullptr;
}

}  // namespace aicp::cli

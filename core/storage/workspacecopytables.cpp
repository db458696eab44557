#include "storage/workspacecopytables.h"

#include "storage/database.h"
#include "storage/postgrescopyin.h"
#include "storage/postgresdatabase.h"
#include "storage/query.h"
#include "storage/statement.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <QByteArray>
#include <QString>

namespace aicp {

namespace {

// Referenced tables before the tables that name them; licenses by their
// chain of supersedes; invoices and credit notes (interleaved, see
// copyInvoicesAndCreditNotes) before invoice lines.
constexpr CopiedTable kTables[] = {
    {"meta", "key, value", "tt", "key"},
    {"price_books", "id, stored_at, document", "itt", "id", false, true},
    {"customers",
     "id, name, email, created_at, legal_name, address, country, tax_id, currency, "
     "payment_terms_days, tax_exempt, region",
     "tttttttttiit", "id"},
    {"seller",
     "id, name, address, country, tax_id, email, payment_instructions, footer, updated_at",
     "itttttttt", "id"},
    {"signing_keys", "kid, public_key_pem, private_key_pem, signing, created_at, retired_at",
     "tttitt", "kid"},
    {"licenses",
     "id, customer_id, tier, kid, license_key, issued_at, not_before, expires_at, supersedes, "
     "issued_by",
     "tttttttttt", "id"},
    {"revocations", "license_id, revoked_at, revoked_by, reason", "tttt", "license_id"},
    {"activations",
     "id, license_id, fingerprint, hostname, mode, heartbeat_seconds, lease_seconds, "
     "activated_at, activated_by, last_heartbeat, expires_at, released_at, released_by, "
     "release_reason",
     "tttttiittttttt", "activated_at, id"},
    {"revocation_lists", "sequence, published_at, token", "itt", "sequence"},
    {"audit_log", "seq, at, actor, action, subject, details, prev_hash, hash", "ittttttt", "seq",
     true},
    {"usage_imports",
     "id, file_name, format, file_sha256, file_bytes, started_at, finished_at, new_events, "
     "duplicate_events, rejected_rows, late_events",
     "itttittiiii", "id", true, true},
    {"usage_events",
     "id, event_key, source, event_id, customer_id, occurred_at, agent_id, user_id, policy_packs, "
     "compliance_modules, quantity, import_id, late",
     "iitttittttiii", "id", true, true},
    {"usage_hourly", "customer_id, hour, requests, late_requests", "tiii", "customer_id, hour"},
    {"usage_hourly_policy_packs", "customer_id, hour, policy_pack, requests", "titi",
     "customer_id, hour, policy_pack"},
    {"usage_hourly_compliance_modules", "customer_id, hour, compliance_module, requests", "titi",
     "customer_id, hour, compliance_module"},
    {"usage_monthly_users", "customer_id, month, user_id", "ttt", "customer_id, month, user_id"},
    {"usage_monthly_agents", "customer_id, month, agent_id", "ttt", "customer_id, month, agent_id"},
    {"closed_periods", "customer_id, month, closed_at", "ttt", "customer_id, month"},
    {"invoices",
     "id, number, year, sequence, customer_id, customer_name, month, currency, issued_at, "
     "issued_by, requests, active_users, active_agents, late_requests_at_issue, line_count, "
     "total_micros, tax_micros, tax_treatment, tax_name, due_date, seller, buyer",
     "itiittttttiiiiiiittttt", "id", false, true},
    {"credit_notes",
     "id, number, year, sequence, invoice_id, issued_at, issued_by, reason, total_micros, "
     "tax_micros",
     "itiiitttii", "id", false, true},
    {"invoice_lines",
     "invoice_id, position, kind, axis, description, quantity, unit_price_micros, amount_micros, "
     "license_id, tier, price_book_version, period_start, period_end, late_month, "
     "tax_rate_micro_percent, tax_micros",
     "iitttiiittttttii", "invoice_id, position"},
    {"credit_grants",
     "id, customer_id, currency, amount_micros, paid_micros, granted_at, expires_at, reason, "
     "granted_by",
     "ittiitttt", "id", false, true},
    {"invoice_payments",
     "id, invoice_id, paid_on, amount_micros, reference, recorded_at, recorded_by", "iitittt", "id",
     false, true},
    {"credit_note_lines", "credit_note_id, position, invoice_position, amount_micros, tax_micros",
     "iiiii", "credit_note_id, position"},
    {"tax_rates",
     "id, country, region, name, rate_micro_percent, effective_from, added_at, added_by",
     "itttittt", "id", false, true},
    {"credit_uses", "grant_id, invoice_id, amount_micros", "iii", "grant_id, invoice_id"},
    {"api_tokens", "id, name, role, token_sha256, created_at, revoked_at", "ittbtt", "id", false,
     true},
    {"usage_pull_sources", "url, cursor, last_pull_at, pulled_events", "ttti", "url"},
    {"openmeter_sources", "url, pulled_until, last_pull_at", "tit", "url"},
    {"openmeter_windows",
     "source, role, customer_id, hour, group_value, meter, value, applied, pulled_at", "tttittiit",
     "source, hour, role, customer_id, group_value"},
    {"live_sources",
     "id, name, kind, url, token, openmeter_mapping, interval_minutes, created_at, last_pull_at, "
     "last_ok, last_result",
     "itttttittit", "id", false, true},
    {"webhook_endpoints", "id, url, events, secret, created_at, created_by, removed_at", "itttttt",
     "id", false, true},
    {"webhook_messages", "id, type, once_key, created_at, body", "ttttt", "created_at, id"},
    {"webhook_deliveries",
     "id, message_id, endpoint_id, state, attempts, next_attempt_at, last_attempt_at, "
     "last_status, last_error, delivered_at",
     "ititittitt", "id", false, true},
    {"stripe_account", "id, secret_key, api_base, configured_at, configured_by", "itttt", "id"},
    {"stripe_objects", "kind, reference, stripe_id, recorded_at", "tttt", "kind, reference"},
    {"stripe_invoices",
     "invoice_number, stripe_id, status, stripe_number, hosted_url, amount_due, paid_at, "
     "pushed_at, synced_at",
     "tttttittt", "invoice_number"},
};

// A license names the one it supersedes, which must be there first: each
// license after the chain that leads to it.
constexpr const char* kLicensesInChainOrder =
    "WITH RECURSIVE chain (id, depth) AS ("
    " SELECT id, 0 FROM licenses WHERE supersedes IS NULL"
    " UNION ALL SELECT l.id, c.depth + 1 FROM licenses AS l JOIN chain AS c ON l.supersedes = c.id)"
    " SELECT l.id, l.customer_id, l.tier, l.kid, l.license_key, l.issued_at, l.not_before,"
    " l.expires_at, l.supersedes, l.issued_by FROM licenses AS l JOIN chain AS c ON c.id = l.id"
    " ORDER BY c.depth, l.id";

// The destination was made with its own identity and default price book;
// the source's take their place.
constexpr const char* kMetaConflict = " ON CONFLICT (key) DO UPDATE SET value = excluded.value";

// Batches stay under SQLite's 32,766 parameters.
constexpr std::size_t kMaxParameters = 30000;
constexpr std::size_t kMaxBatchRows = 500;
constexpr std::int64_t kPageRows = 20000;
// PostgreSQL takes rows through COPY, a page at a time.
constexpr std::size_t kCopyRows = 20000;

using Value = std::variant<std::monostate, std::int64_t, QString, QByteArray>;
using Row = std::vector<Value>;

std::string kindsOf(const CopiedTable& table) {
    return table.kinds;
}

// A column without its kind, or a kind without its column, is a bug here.
Status checkTables() {
    for (const CopiedTable& table : copiedTables()) {
        const std::string columns(table.columns);
        const auto count = std::size_t(std::count(columns.begin(), columns.end(), ',')) + 1;
        if (count != std::strlen(table.kinds))
            return Error::internal(QStringLiteral("the copy of %1 names its columns' kinds wrongly")
                                       .arg(QLatin1String(table.name)));
    }
    return {};
}

Row readRow(const Statement& row, const std::string& kinds) {
    Row values;
    values.reserve(kinds.size());
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        const int column = int(i);
        if (row.isNull(column))
            values.emplace_back(std::monostate());
        else if (kinds[i] == 'i')
            values.emplace_back(row.int64(column));
        else if (kinds[i] == 'b')
            values.emplace_back(row.blob(column));
        else
            values.emplace_back(row.text(column));
    }
    return values;
}

Status bindValue(Statement& statement, int index, const Value& value) {
    if (const auto* number = std::get_if<std::int64_t>(&value))
        return statement.bindInt64(index, *number);
    if (const auto* text = std::get_if<QString>(&value))
        return statement.bindText(index, *text);
    if (const auto* bytes = std::get_if<QByteArray>(&value))
        return statement.bindBlob(index, *bytes);
    return statement.bindNull(index);
}

std::string insertSql(const CopiedTable& table, std::size_t rows) {
    const std::size_t columns = kindsOf(table).size();
    std::string sql = std::string("INSERT INTO ") + table.name + " (" + table.columns + ") VALUES ";
    int parameter = 0;
    for (std::size_t row = 0; row < rows; ++row) {
        sql += row == 0 ? "(" : ", (";
        for (std::size_t column = 0; column < columns; ++column)
            sql += (column == 0 ? "?" : ", ?") + std::to_string(++parameter);
        sql += ")";
    }
    if (std::strcmp(table.name, "meta") == 0)
        sql += kMetaConflict;
    return sql;
}

std::size_t batchRows(const CopiedTable& table) {
    return std::min(kMaxBatchRows, kMaxParameters / kindsOf(table).size());
}

std::string selectSql(const CopiedTable& table, const char* where = "") {
    if (std::strcmp(table.name, "licenses") == 0)
        return kLicensesInChainOrder;
    return std::string("SELECT ") + table.columns + " FROM " + table.name + where + " ORDER BY " +
           table.order;
}

const CopiedTable& tableNamed(const char* name) {
    const auto tables = copiedTables();
    return *std::find_if(tables.begin(), tables.end(), [name](const CopiedTable& table) {
        return std::strcmp(table.name, name) == 0;
    });
}

// One row in COPY's text format.
void appendCopyRow(QByteArray& data, const Row& row) {
    bool first = true;
    for (const Value& value : row) {
        if (!std::exchange(first, false))
            data += '\t';
        if (const auto* number = std::get_if<std::int64_t>(&value))
            data += QByteArray::number(qlonglong(*number));
        else if (const auto* text = std::get_if<QString>(&value))
            appendCopyText(data, text->toUtf8());
        else if (const auto* bytes = std::get_if<QByteArray>(&value))
            appendCopyText(data, "\\x" + bytes->toHex());
        else
            data += "\\N";
    }
    data += '\n';
}

// Writes rows into one table, a batch at a time: multi-row INSERTs, or
// COPY into PostgreSQL (but meta, whose rows replace the new database's own).
class BatchWriter {
public:
    BatchWriter(Database* to, const CopiedTable& table)
        : to_(to),
          table_(table),
          copy_(to->engine() == Database::Engine::Postgres && std::strcmp(table.name, "meta") != 0),
          full_(copy_ ? kCopyRows : batchRows(table)) {}

    [[nodiscard]] std::size_t batchSize() const { return full_; }

    [[nodiscard]] Status write(const std::vector<Row>& rows) {
        if (rows.empty())
            return {};
        if (copy_)
            return copyRows(rows);
        Statement* statement = nullptr;
        std::optional<Statement> partial;
        if (rows.size() == full_) {
            if (!fullStatement_) {
                auto prepared =
                    Statement::prepare(to_, insertSql(table_, full_), Statement::Lifetime::Reused);
                if (!prepared)
                    return prepared.error();
                fullStatement_.emplace(std::move(prepared).value());
            }
            statement = &*fullStatement_;
        } else {
            auto prepared = Statement::prepare(to_, insertSql(table_, rows.size()));
            if (!prepared)
                return prepared.error();
            partial.emplace(std::move(prepared).value());
            statement = &*partial;
        }
        return bindAndRun(*statement, rows);
    }

private:
    Status copyRows(const std::vector<Row>& rows) const {
        QByteArray data;
        for (const Row& row : rows)
            appendCopyRow(data, row);
        const std::string sql =
            std::string("COPY ") + table_.name + " (" + table_.columns + ") FROM STDIN";
        // Only a PostgreSQL database copies.
        return copyIn(static_cast<PostgresDatabase&>(*to_), sql, data);
    }

    Status bindAndRun(Statement& statement, const std::vector<Row>& rows) const {
        statement.reset();
        int index = 0;
        for (const Row& row : rows)
            for (const Value& value : row)
                AICP_TRY(bindValue(statement, ++index, value));
        return statement.execute();
    }

    Database* to_;
    const CopiedTable& table_;
    bool copy_;
    std::size_t full_;
    std::optional<Statement> fullStatement_;
};

Result<std::vector<Row>> readAll(Database* from, const CopiedTable& table) {
    const std::string kinds = kindsOf(table);
    return queryRows<Row>(from, selectSql(table),
                          [&kinds](const Statement& row) { return readRow(row, kinds); });
}

}  // namespace

std::span<const CopiedTable> copiedTables() {
    return kTables;
}

Status TableCopier::copyAll() {
    AICP_TRY(checkTables());
    // The destination's own default price book gives way to the source's.
    AICP_TRY(executeScript(to_, "DELETE FROM price_books"));
    for (const CopiedTable& table : copiedTables()) {
        if (std::strcmp(table.name, "credit_notes") == 0)
            continue;
        if (std::strcmp(table.name, "invoices") == 0)
            AICP_TRY(copyInvoicesAndCreditNotes());
        else if (table.paged)
            AICP_TRY(copyPaged(table));
        else
            AICP_TRY(copyTable(table));
    }
    return advanceIdentities();
}

Status TableCopier::advance(std::int64_t rows) {
    copied_ += rows;
    if (options_.progress)
        options_.progress(WorkspaceCopyProgress{copied_, total_});
    if (options_.stop.stop_requested())
        return Error(Error::Code::Cancelled, QStringLiteral("the copy was stopped"));
    return {};
}

Status TableCopier::copyTable(const CopiedTable& table) {
    BatchWriter writer(to_, table);
    const std::string kinds = kindsOf(table);
    std::vector<Row> batch;
    const auto flush = [&]() -> Status {
        AICP_TRY(writer.write(batch));
        const auto written = std::int64_t(batch.size());
        batch.clear();
        return advance(written);
    };
    AICP_TRY(visitRows(from_, selectSql(table), [&](const Statement& row) -> Status {
        batch.push_back(readRow(row, kinds));
        return batch.size() == writer.batchSize() ? flush() : Status();
    }));
    return batch.empty() ? Status() : flush();
}

// Pages by the first column, an integer key, so a million usage events
// never sit in memory at once.
Status TableCopier::copyPaged(const CopiedTable& table) {
    BatchWriter writer(to_, table);
    const std::string kinds = kindsOf(table);
    const std::string firstColumn =
        std::string(table.columns).substr(0, std::string(table.columns).find(','));
    const std::string sql = selectSql(table, (" WHERE " + firstColumn + " > ?1").c_str()) +
                            " LIMIT " + std::to_string(kPageRows);
    std::int64_t after = std::numeric_limits<std::int64_t>::min();
    while (true) {
        auto page = queryRows<Row>(
            from_, sql, [&kinds](const Statement& row) { return readRow(row, kinds); }, after);
        if (!page)
            return page.error();
        for (std::size_t start = 0; start < page->size(); start += writer.batchSize()) {
            const std::size_t end = std::min(page->size(), start + writer.batchSize());
            AICP_TRY(writer.write(std::vector<Row>(page->begin() + std::ptrdiff_t(start),
                                                   page->begin() + std::ptrdiff_t(end))));
            AICP_TRY(advance(std::int64_t(end - start)));
        }
        if (std::int64_t(page->size()) < kPageRows)
            return {};
        after = std::get<std::int64_t>(page->back().front());
    }
}

// Replays issue order: an invoice is numbered after the year's last, and a
// month is invoiced again only once its earlier invoice is credited, so a
// credit note goes in as soon as its invoice is there, and each invoice
// after the credit notes that may free its month.
Status TableCopier::copyInvoicesAndCreditNotes() {
    const CopiedTable& invoiceTable = tableNamed("invoices");
    const CopiedTable& creditTable = tableNamed("credit_notes");
    auto invoices = readAll(from_, invoiceTable);
    if (!invoices)
        return invoices.error();
    auto credits = readAll(from_, creditTable);
    if (!credits)
        return credits.error();
    BatchWriter invoiceWriter(to_, invoiceTable);
    BatchWriter creditWriter(to_, creditTable);
    std::set<std::int64_t> written;
    constexpr std::size_t kInvoiceIdColumn = 4;
    auto invoice = invoices->begin();
    auto credit = credits->begin();
    while (invoice != invoices->end() || credit != credits->end()) {
        if (credit != credits->end() &&
            written.contains(std::get<std::int64_t>((*credit)[kInvoiceIdColumn]))) {
            AICP_TRY(creditWriter.write({*credit++}));
        } else if (invoice != invoices->end()) {
            written.insert(std::get<std::int64_t>(invoice->front()));
            AICP_TRY(invoiceWriter.write({*invoice++}));
        } else {
            return Error(Error::Code::Corrupt,
                         QStringLiteral("a credit note names an invoice that is not there"));
        }
        AICP_TRY(advance(1));
    }
    return {};
}

// PostgreSQL hands out identities from a sequence that knows nothing of
// the ids copied; each starts after the highest.
Status TableCopier::advanceIdentities() {
    if (to_->engine() != Database::Engine::Postgres)
        return {};
    for (const CopiedTable& table : copiedTables()) {
        if (!table.identity)
            continue;
        const std::string name(table.name);
        AICP_TRY(queryInt64(to_, "SELECT setval(pg_get_serial_sequence('" + name +
                                     "', 'id'), coalesce(max(id), 0) + 1, false) FROM " + name));
    }
    return {};
}

}  // namespace aicp

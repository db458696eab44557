#include "storage/postgresroles.h"

#include "storage/query.h"
#include "storage/statement.h"

#include <array>
#include <string>
#include <utility>

namespace aicp {

namespace {

// Which tables each area's role writes. Every writer also appends to the
// audit log and moves its head in meta, and writes to the webhook outbox;
// the other meta rows are settings.
constexpr std::array<std::pair<const char*, WorkspaceArea>, 34> kTables{{
    {"customers", WorkspaceArea::Customers},
    {"signing_keys", WorkspaceArea::Licenses},
    {"licenses", WorkspaceArea::Licenses},
    {"revocations", WorkspaceArea::Licenses},
    {"revocation_lists", WorkspaceArea::Licenses},
    {"activations", WorkspaceArea::Licenses},
    {"usage_imports", WorkspaceArea::Usage},
    {"usage_events", WorkspaceArea::Usage},
    {"usage_hourly", WorkspaceArea::Usage},
    {"usage_hourly_policy_packs", WorkspaceArea::Usage},
    {"usage_hourly_compliance_modules", WorkspaceArea::Usage},
    {"usage_monthly_users", WorkspaceArea::Usage},
    {"usage_monthly_agents", WorkspaceArea::Usage},
    {"usage_pull_sources", WorkspaceArea::Usage},
    {"openmeter_sources", WorkspaceArea::Usage},
    {"openmeter_windows", WorkspaceArea::Usage},
    {"live_sources", WorkspaceArea::Usage},
    {"price_books", WorkspaceArea::PriceBooks},
    {"closed_periods", WorkspaceArea::Invoices},
    {"invoices", WorkspaceArea::Invoices},
    {"invoice_lines", WorkspaceArea::Invoices},
    {"credit_notes", WorkspaceArea::Invoices},
    {"seller", WorkspaceArea::Invoices},
    {"credit_grants", WorkspaceArea::Invoices},
    {"credit_uses", WorkspaceArea::Invoices},
    {"tax_rates", WorkspaceArea::Invoices},
    {"invoice_payments", WorkspaceArea::Invoices},
    {"credit_note_lines", WorkspaceArea::Invoices},
    {"stripe_objects", WorkspaceArea::Invoices},
    {"stripe_invoices", WorkspaceArea::Invoices},
    {"api_tokens", WorkspaceArea::Settings},
    {"webhook_endpoints", WorkspaceArea::Settings},
    {"stripe_account", WorkspaceArea::Settings},
    {"meta", WorkspaceArea::Settings},
}};

// The group's suffix; the CLI's words have hyphens, identifiers do not.
std::string groupSuffix(WorkspaceRole role) {
    std::string name = roleName(role).toStdString();
    for (char& c : name)
        if (c == '-')
            c = '_';
    return name;
}

// `GRANT INSERT, UPDATE, DELETE` on the area tables of every role that
// writes some, as one PL/pgSQL block's body; a table the workspace's schema
// does not have yet (an older one, in a test) is left out.
std::string areaGrants() {
    std::string sql;
    for (const auto& [table, area] : kTables) {
        const WorkspaceRole role = roleNeededFor(area);
        if (role == WorkspaceRole::Admin)
            continue;
        sql += "IF to_regclass('aicp.";
        sql += table;
        sql +=
            "') IS NOT NULL THEN\n    EXECUTE format('GRANT INSERT, UPDATE, DELETE ON aicp.%I TO "
            "%I', '";
        sql += table;
        sql += "', prefix || '" + groupSuffix(role) + "');\nEND IF;\n";
    }
    return sql;
}

// Creates the groups when missing and gives each its privileges again (a
// newer schema's tables get theirs too). Meta is shared: row-level security
// lets the writers move the audit head and the verifier's memory, and only
// admins change settings.
std::string setupScript() {
    return R"sql(DO $$
DECLARE
    prefix text := 'aicp_' || current_database() || '_';
    g text;
    r text;
BEGIN
    IF octet_length(prefix || 'account_manager') > 63 THEN
        RAISE EXCEPTION 'the database name is too long for its role names (at most 42 bytes)';
    END IF;
    FOREACH r IN ARRAY ARRAY['viewer', 'account_manager', 'finance', 'admin'] LOOP
        g := prefix || r;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = g) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', g);
        END IF;
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), g);
        EXECUTE format('GRANT USAGE ON SCHEMA aicp TO %I', g);
        EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA aicp TO %I', g);
        CONTINUE WHEN r = 'viewer';
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA aicp TO %I', g);
        EXECUTE format('GRANT INSERT ON aicp.audit_log TO %I', g);
        EXECUTE format('GRANT INSERT, UPDATE ON aicp.meta TO %I', g);
        -- Every writer's change may tell the webhooks (a license issued, an
        -- invoice paid): the outbox is everyone's, like the audit log.
        IF to_regclass('aicp.webhook_messages') IS NOT NULL THEN
            EXECUTE format('GRANT INSERT ON aicp.webhook_messages TO %I', g);
            EXECUTE format('GRANT INSERT, UPDATE ON aicp.webhook_deliveries TO %I', g);
        END IF;
    END LOOP;
)sql" + areaGrants() +
           R"sql(
    EXECUTE format('GRANT ALL ON ALL TABLES IN SCHEMA aicp TO %I', prefix || 'admin');
    EXECUTE format('GRANT ALL ON ALL SEQUENCES IN SCHEMA aicp TO %I', prefix || 'admin');
    FOREACH r IN ARRAY ARRAY['viewer', 'account_manager', 'finance'] LOOP
        EXECUTE format('GRANT %I TO %I WITH ADMIN OPTION', prefix || r, prefix || 'admin');
    END LOOP;
    -- The Stripe key moves money: only those who push invoices (finance)
    -- and admins may read it.
    IF to_regclass('aicp.stripe_account') IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON aicp.stripe_account FROM %I, %I',
                       prefix || 'viewer', prefix || 'account_manager');
    END IF;
    ALTER TABLE aicp.meta ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS everyone_reads ON aicp.meta;
    DROP POLICY IF EXISTS admins_write ON aicp.meta;
    DROP POLICY IF EXISTS writers_move_the_audit_head ON aicp.meta;
    CREATE POLICY everyone_reads ON aicp.meta FOR SELECT USING (true);
    EXECUTE format('CREATE POLICY admins_write ON aicp.meta TO %I USING (true) WITH CHECK (true)',
                   prefix || 'admin');
    EXECUTE format('CREATE POLICY writers_move_the_audit_head ON aicp.meta TO %I, %I '
                   'USING (key = ''audit_head'' OR key LIKE ''verifier\_%%'') '
                   'WITH CHECK (key = ''audit_head'' OR key LIKE ''verifier\_%%'')',
                   prefix || 'account_manager', prefix || 'finance');
END $$)sql";
}

}  // namespace

// True when the connection may set up the groups: it owns the schema (or is
// a superuser). An admin who is not the owner grants through the groups'
// ADMIN OPTION instead.
Result<bool> ownsPostgresWorkspace(Database* db) {
    auto owns = queryInt64(db,
                           "SELECT (pg_has_role(session_user, n.nspowner, 'MEMBER') OR "
                           "(SELECT rolsuper FROM pg_roles WHERE rolname = session_user))::int "
                           "FROM pg_namespace AS n WHERE n.nspname = 'aicp'");
    if (!owns)
        return owns.error();
    return *owns != 0;
}

Status refreshPostgresGrants(Database* db) {
    auto groups = queryInt64(db,
                             "SELECT count(*) FROM pg_roles WHERE rolname = 'aicp_' || "
                             "current_database() || '_admin'");
    if (!groups)
        return groups.error();
    return *groups == 0 ? Status() : executeScript(db, setupScript());
}

namespace {

// Runs the statement that `sql` (a SELECT of format(…) with ?1 the login and
// ?2 the group suffix) writes: identifiers are quoted by the server.
Status executeFormatted(Database* db, const char* sql, const QString& login,
                        const std::string& suffix) {
    auto statement = queryFirstRow<QString>(
        db, sql, [](const Statement& row) { return row.text(0); }, login,
        QString::fromStdString(suffix));
    if (!statement)
        return statement.error();
    return executeScript(db, statement->value_or(QString()).toStdString());
}

constexpr const char* kGrant =
    "SELECT format('GRANT %I TO %I', 'aicp_' || current_database() || '_' || ?2, ?1)";
constexpr const char* kGrantAdmin =
    "SELECT format('GRANT %I TO %I WITH ADMIN OPTION', "
    "'aicp_' || current_database() || '_' || ?2, ?1)";
constexpr const char* kRevoke =
    "SELECT format('REVOKE %I FROM %I', 'aicp_' || current_database() || '_' || ?2, ?1)";

Status requireLogin(Database* db, const QString& login) {
    auto exists = queryInt64Or(db, "SELECT count(*) FROM pg_roles WHERE rolname = ?1", 0, login);
    if (!exists)
        return exists.error();
    if (*exists == 0)
        return Error::notFound(
            QStringLiteral("there is no PostgreSQL login '%1'; the cluster's administrator "
                           "creates it first (CREATE ROLE \"%1\" LOGIN)")
                .arg(login));
    return {};
}

// Takes every group of the workspace the login is in, leaving the others.
Status revokeGroups(Database* db, const QString& login) {
    for (WorkspaceRole role : {WorkspaceRole::Viewer, WorkspaceRole::AccountManager,
                               WorkspaceRole::Finance, WorkspaceRole::Admin}) {
        const std::string suffix = groupSuffix(role);
        auto member = queryInt64Or(
            db,
            "SELECT count(*) FROM pg_auth_members AS m JOIN pg_roles AS g ON g.oid = m.roleid "
            "JOIN pg_roles AS l ON l.oid = m.member "
            "WHERE g.rolname = 'aicp_' || current_database() || '_' || ?2 AND l.rolname = ?1",
            0, login, QString::fromStdString(suffix));
        if (!member)
            return member.error();
        if (*member != 0)
            AICP_TRY(executeFormatted(db, kRevoke, login, suffix));
    }
    return {};
}

}  // namespace

Result<WorkspaceRole> postgresRole(Database* db) {
    auto owns = ownsPostgresWorkspace(db);
    if (!owns)
        return owns.error();
    if (*owns)
        return WorkspaceRole::Admin;
    auto group = queryFirstRow<QString>(
        db,
        "SELECT u.r FROM unnest(ARRAY['admin', 'finance', 'account_manager', 'viewer']) "
        "WITH ORDINALITY AS u(r, n) WHERE EXISTS (SELECT FROM pg_roles AS g "
        "WHERE g.rolname = 'aicp_' || current_database() || '_' || u.r "
        "AND pg_has_role(session_user, g.oid, 'MEMBER')) ORDER BY u.n LIMIT 1",
        [](const Statement& row) { return row.text(0); });
    if (!group)
        return group.error();
    QString word = group->value_or(QStringLiteral("viewer"));
    word.replace(QLatin1Char('_'), QLatin1Char('-'));
    return parseRole(word).value_or(WorkspaceRole::Viewer);
}

Status grantPostgresRole(Database* db, const QString& login, WorkspaceRole role) {
    AICP_TRY(requireLogin(db, login));
    auto owns = ownsPostgresWorkspace(db);
    if (!owns)
        return owns.error();
    if (*owns) {
        AICP_TRY(executeScript(db, setupScript()));
    } else {
        auto groups = queryInt64(db,
                                 "SELECT count(*) FROM pg_roles WHERE rolname = 'aicp_' || "
                                 "current_database() || '_admin'");
        if (!groups)
            return groups.error();
        if (*groups == 0)
            return Error(Error::Code::Conflict,
                         QStringLiteral("the workspace has no roles yet; its owner grants the "
                                        "first one"));
    }
    AICP_TRY(revokeGroups(db, login));
    return executeFormatted(db, role == WorkspaceRole::Admin ? kGrantAdmin : kGrant, login,
                            groupSuffix(role));
}

Status revokePostgresRoles(Database* db, const QString& login) {
    AICP_TRY(requireLogin(db, login));
    return revokeGroups(db, login);
}

std::optional<WorkspaceArea> areaOfTable(const QString& table) {
    for (const auto& [name, area] : kTables)
        if (table == QLatin1String(name))
            return area;
    return std::nullopt;
}

}  // namespace aicp

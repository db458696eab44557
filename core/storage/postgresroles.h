#pragma once

#include "common/result.h"
#include "storage/workspacerole.h"

#include <optional>

#include <QString>

namespace aicp {

class Database;

// SPEC section 8's roles as PostgreSQL privileges. Each role is a group
// role of the database, aicp_<database>_<role> (viewer, account_manager,
// finance, admin), holding exactly the privileges on the schema aicp that
// the role needs, so that a login with psql can do no more than the console
// lets it. Logins are the cluster's own (CREATE ROLE … LOGIN, by its
// administrator); these functions only make them members.

// The role of the connection's login: admin for the workspace's owner and
// superusers, else its group; viewer when it is in none (it then cannot
// read either, and opening says so).
[[nodiscard]] Result<WorkspaceRole> postgresRole(Database* db);

// Makes `login` a member of `role`'s group and of no other (an admin may
// grant the other roles; only the owner grants admin). The first grant
// creates the groups and their privileges, which needs the owner.
[[nodiscard]] Status grantPostgresRole(Database* db, const QString& login, WorkspaceRole role);
// Takes every role of the workspace from `login`.
[[nodiscard]] Status revokePostgresRoles(Database* db, const QString& login);

// Whether the connection's login owns the workspace's schema (or is a
// superuser): only it may change the schema (an upgrade) or set up roles.
[[nodiscard]] Result<bool> ownsPostgresWorkspace(Database* db);
// After an upgrade by the owner: gives the groups, when the workspace has
// them, their privileges again, so a newer schema's tables (and columns)
// get theirs; nothing when no role was ever granted.
[[nodiscard]] Status refreshPostgresGrants(Database* db);

// The area a table belongs to, for saying which role a refused write
// needs; nullopt for tables every writer writes (audit_log) or none.
[[nodiscard]] std::optional<WorkspaceArea> areaOfTable(const QString& table);

}  // namespace aicp

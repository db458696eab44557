#pragma once

#include <optional>

#include <QString>

namespace aicp {

// What a login may do in a team workspace (SPEC section 8). PostgreSQL
// enforces it with privileges; the programs ask it only to say so first (a
// console disables what the role cannot do). A SQLite file has one user,
// who may do everything: its role is Admin.
enum class WorkspaceRole {
    Viewer,          // reads everything
    AccountManager,  // also customers, licenses, keys, activations, usage
    Finance,         // also price books, invoices, credit notes, payments
    Admin,           // everything, including roles, tokens and settings
};

// The parts of a workspace a role may or may not change.
enum class WorkspaceArea {
    Customers,
    Licenses,  // licenses, revocations, signing keys, activations
    Usage,     // imports, pulls, live sources
    PriceBooks,
    Invoices,  // invoices, credit notes, closed periods, payments
    Settings,  // workspace settings, API tokens, roles
};

// "viewer", "account-manager", "finance", "admin": the words of the CLI.
[[nodiscard]] QString roleName(WorkspaceRole role);
[[nodiscard]] std::optional<WorkspaceRole> parseRole(const QString& name);

// The least role that may change `area`.
[[nodiscard]] WorkspaceRole roleNeededFor(WorkspaceArea area);
[[nodiscard]] bool roleMayChange(WorkspaceRole role, WorkspaceArea area);

// "changing invoices and credit notes needs the finance role"
[[nodiscard]] QString roleRequirement(WorkspaceArea area);
// Why `role` may not change `area`, as the console and the CLI say it:
// "Changing invoices needs the finance role; you are a viewer."
[[nodiscard]] QString refusalReason(WorkspaceRole role, WorkspaceArea area);

}  // namespace aicp

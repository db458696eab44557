#include "audit/auditlog.h"
#include "cli/clicommands.h"
#include "storage/postgresroles.h"
#include "storage/transaction.h"

namespace aicp::cli {
namespace {

// Roles are PostgreSQL's: a workspace file has one user, who may do all.
Status requireTeamWorkspace(const Workspace& workspace) {
    if (workspace.isOnServer())
        return {};
    return Error::invalidInput(
        QStringLiteral("roles are for team workspaces in PostgreSQL; a workspace file's user "
                       "may do everything"));
}

// Changes a login's role and records who did it, in one transaction.
Status changeRole(Workspace& workspace, const QString& login,
                  const std::optional<WorkspaceRole>& role) {
    AICP_TRY(requireTeamWorkspace(workspace));
    auto transaction = Transaction::begin(workspace.handle());
    if (!transaction)
        return transaction.error();
    AICP_TRY(role ? grantPostgresRole(workspace.handle(), login, *role)
                  : revokePostgresRoles(workspace.handle(), login));
    QJsonObject details;
    if (role)
        details.insert(QStringLiteral("role"), roleName(*role));
    auto entry = AuditLog(workspace).append(
        role ? QStringLiteral("role.grant") : QStringLiteral("role.revoke"), login, details);
    if (!entry)
        return entry.error();
    return transaction->commit();
}

class GrantRole final : public Command {
public:
    GrantRole() : Command(QStringLiteral("workspace grant")) { ownOptions_ = {role_}; }

private:
    const QCommandLineOption role_{QStringLiteral("role"),
                                   QStringLiteral("viewer, account-manager, finance or admin."),
                                   QStringLiteral("ROLE")};

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(login, call.argument(QStringLiteral("PostgreSQL login")), fail);
        AICP_CLI_TRY(roleText, call.value(role_), fail);
        const std::optional<WorkspaceRole> role = parseRole(*roleText);
        if (!role)
            return call.usage(
                QStringLiteral("--role must be viewer, account-manager, finance or admin (got "
                               "'%1')")
                    .arg(*roleText));
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        if (const Status changed = changeRole(**workspace, *login, role); !changed.ok())
            return call.failure(changed.error());
        return call.print(QStringLiteral("%1 now has the %2 role in %3.\n")
                              .arg(*login, roleName(*role), (*workspace)->path()));
    }
};

int revokeRole(Invocation& call) {
    AICP_CLI_TRY(login, call.argument(QStringLiteral("PostgreSQL login")), fail);
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    if (const Status changed = changeRole(**workspace, *login, std::nullopt); !changed.ok())
        return call.failure(changed.error());
    return call.print(
        QStringLiteral("%1 has no role in %2 any more.\n").arg(*login, (*workspace)->path()));
}

}  // namespace

const Command& grantRoleCommand() {
    static const GrantRole command;
    return command;
}

const Command& revokeRoleCommand() {
    static const PlainCommand command(QStringLiteral("workspace revoke"), &revokeRole);
    return command;
}

}  // namespace aicp::cli

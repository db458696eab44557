#include "cli/clicommands.h"
#include "common/texttable.h"
#include "licensing/licensepayload.h"
#include "server/apitokenstore.h"

namespace aicp::cli {
namespace {

QJsonObject tokenJson(const ApiTokenInfo& token) {
    return {{QStringLiteral("id"), static_cast<double>(token.id)},
            {QStringLiteral("name"), token.name},
            {QStringLiteral("role"), apiRoleName(token.role)},
            {QStringLiteral("created_at"), toRfc3339(token.createdAt)},
            {QStringLiteral("revoked_at"), token.revokedAt.isValid()
                                               ? QJsonValue(toRfc3339(token.revokedAt))
                                               : QJsonValue(QJsonValue::Null)}};
}

class CreateToken final : public Command {
public:
    CreateToken() : Command(QStringLiteral("tokens create")) { ownOptions_ = {role_, name_}; }

private:
    const QCommandLineOption role_{QStringLiteral("role"),
                                   QStringLiteral("What the token may do: read, ingest or admin."),
                                   QStringLiteral("ROLE")};
    const QCommandLineOption name_{QStringLiteral("name"),
                                   QStringLiteral("A name to tell tokens apart (who holds it)."),
                                   QStringLiteral("N")};

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(roleText, call.value(role_), fail);
        AICP_CLI_TRY(nameText, call.value(name_), fail);
        if (roleText->isEmpty())
            return call.usage(QStringLiteral("give --role read, ingest or admin"));
        const auto parsedRole = apiRoleFromName(*roleText);
        if (!parsedRole)
            return call.usage(
                QStringLiteral("unknown role '%1' (read, ingest or admin)").arg(*roleText));
        // A token is random bytes of which the workspace keeps the hash: it
        // needs no signing key, only a workspace ('aicp workspace create').
        if (*parsedRole == ApiRole::Admin)
            if (const Status vendor = call.vendorOnly(QStringLiteral(
                    "an admin token issues licenses, which only the vendor does; a gateway "
                    "needs an ingest token, a reader a read token"));
                !vendor.ok())
                return call.failure(vendor.error());
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(made, ApiTokenStore(**workspace).create(*parsedRole, *nameText), fail);
        call.out() << QString::fromLatin1(made->token) << '\n';
        call.out().flush();
        call.err() << QStringLiteral(
                          "Created %1 token %2 '%3'. Keep it now: it is not shown again.\n")
                          .arg(apiRoleName(made->info.role))
                          .arg(made->info.id)
                          .arg(made->info.name);
        return kExitSuccess;
    }
};

int listTokens(Invocation& call) {
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(tokens, ApiTokenStore(**workspace).list(), failure);
    return printListing(
        call, QStringLiteral("tokens"), *tokens, &tokenJson,
        QStringLiteral("No API tokens; make one with 'aicp tokens create --role read'.\n"),
        TextTable({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("ROLE"),
                   QStringLiteral("CREATED"), QStringLiteral("REVOKED")},
                  {TextTable::Align::Right}),
        [](const ApiTokenInfo& token) {
            return QStringList{
                QString::number(token.id), token.name, apiRoleName(token.role),
                toRfc3339(token.createdAt),
                token.revokedAt.isValid() ? toRfc3339(token.revokedAt) : QStringLiteral("-")};
        });
}

int revokeToken(Invocation& call) {
    AICP_CLI_TRY(which, call.argument(QStringLiteral("the token's id or name")), fail);
    AICP_CLI_TRY(workspace, call.workspace(), fail);
    AICP_CLI_TRY(revoked, ApiTokenStore(**workspace).revoke(*which), fail);
    return call.print(QStringLiteral("Revoked %1 token %2 '%3'.\n")
                          .arg(apiRoleName(revoked->role))
                          .arg(revoked->id)
                          .arg(revoked->name));
}

}  // namespace

const CommandGroup& tokensCommands() {
    static const CreateToken create;
    static const PlainCommand list(QStringLiteral("tokens list"), &listTokens);
    static const PlainCommand revoke(QStringLiteral("tokens revoke"), &revokeToken);
    static const CommandGroup group{
        QStringLiteral("tokens"),
        QStringLiteral("Manages the bearer tokens of the HTTP service."),
        {&create, &list, &revoke}};
    return group;
}

}  // namespace aicp::cli

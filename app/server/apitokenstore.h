#pragma once

#include "common/result.h"

#include <cstdint>
#include <optional>
#include <vector>

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace aicp {

class Workspace;

// What a bearer token may do. The roles are ordered: each one includes the
// ones below it (read < ingest < admin), so an admin token also reads.
enum class ApiRole { Read = 0, Ingest = 1, Admin = 2 };

[[nodiscard]] QString apiRoleName(ApiRole role);  // "read", "ingest", "admin"
[[nodiscard]] std::optional<ApiRole> apiRoleFromName(const QString& name);
// Whether a token holding `granted` may call an endpoint that needs `needed`.
[[nodiscard]] constexpr bool apiRoleAllows(ApiRole granted, ApiRole needed) {
    return static_cast<int>(granted) >= static_cast<int>(needed);
}

// One token as listed; the token itself is never kept.
struct ApiTokenInfo {
    std::int64_t id = 0;
    QString name;
    ApiRole role = ApiRole::Read;
    QDateTime createdAt;  // UTC
    QDateTime revokedAt;  // UTC; invalid while the token works
    QByteArray sha256;    // of the token text, 32 bytes
};

// A token just made: the only time its text exists outside the caller.
struct NewApiToken {
    ApiTokenInfo info;
    QByteArray token;
};

// The bearer tokens of the HTTP service. A token is "aicp_" and the
// base64url of 32 random bytes (OpenSSL's RAND_bytes); only its SHA-256 is
// stored, so the workspace file grants no access. Revoked tokens stay listed.
class ApiTokenStore {
public:
    static constexpr qsizetype kMaxNameLength = 100;

    explicit ApiTokenStore(Workspace& workspace) : workspace_(workspace) {}

    // `name` defaults to "<role> token <n>".
    [[nodiscard]] Result<NewApiToken> create(ApiRole role, const QString& name = {});
    // Oldest first, revoked ones included.
    [[nodiscard]] Result<std::vector<ApiTokenInfo>> list() const;
    // By id ("3") or by name; revoking a revoked token is refused.
    [[nodiscard]] Result<ApiTokenInfo> revoke(const QString& idOrName);

    [[nodiscard]] static QByteArray hash(QByteArrayView token);
    // The token among `tokens` (not revoked) whose hash matches, compared in
    // constant time so the answer's timing says nothing about the hashes.
    [[nodiscard]] static std::optional<ApiTokenInfo> match(const std::vector<ApiTokenInfo>& tokens,
                                                           QByteArrayView token);

private:
    Workspace& workspace_;
};

}  // namespace aicp

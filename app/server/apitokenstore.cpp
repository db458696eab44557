#include "server/apitokenstore.h"

#include "audit/auditlog.h"
#include "common/base64url.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "storage/workspace.h"

#include <array>
#include <iterator>

#include <QCryptographicHash>
#include <QJsonObject>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace aicp {

namespace {

constexpr char kTokenPrefix[] = "aicp_";
constexpr int kTokenBytes = 32;

ApiTokenInfo readToken(const Statement& row) {
    ApiTokenInfo info;
    info.id = row.int64(0);
    info.name = row.text(1);
    info.role = apiRoleFromName(row.text(2)).value_or(ApiRole::Read);
    info.createdAt = row.time(3);
    info.revokedAt = row.time(4);
    info.sha256 = row.blob(5);
    return info;
}

// Who could do what, when: the audit trail names the token, never its text.
Status auditEvent(Workspace& workspace, const QString& action, const ApiTokenInfo& token) {
    auto logged = AuditLog(workspace).append(
        action, QStringLiteral("api-token-%1").arg(token.id),
        {{QStringLiteral("name"), token.name}, {QStringLiteral("role"), apiRoleName(token.role)}});
    if (!logged)
        return logged.error();
    return {};
}

}  // namespace

QString apiRoleName(ApiRole role) {
    static const char* const kNames[] = {"read", "ingest", "admin"};  // in ApiRole's order
    const auto index = std::size_t(role);
    return index < std::size(kNames) ? QString::fromLatin1(kNames[index]) : QString();
}

std::optional<ApiRole> apiRoleFromName(const QString& name) {
    for (ApiRole role : {ApiRole::Read, ApiRole::Ingest, ApiRole::Admin})
        if (name == apiRoleName(role))
            return role;
    return std::nullopt;
}

QByteArray ApiTokenStore::hash(QByteArrayView token) {
    // OpenSSL's SHA-256, fetched once: every request hashes the token it
    // presents, and this is a third of QCryptographicHash's time.
    static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int size = 0;
    if (sha256 == nullptr ||
        EVP_Digest(token.data(), std::size_t(token.size()),
                   reinterpret_cast<unsigned char*>(digest.data()), &size, sha256, nullptr) != 1 ||
        size != 32)
        return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
    return digest;
}

std::optional<ApiTokenInfo> ApiTokenStore::match(const std::vector<ApiTokenInfo>& tokens,
                                                 QByteArrayView token) {
    const QByteArray wanted = hash(token);
    std::optional<ApiTokenInfo> found;
    // Every stored hash is compared, whatever matched first.
    for (const ApiTokenInfo& info : tokens) {
        if (info.revokedAt.isValid() || info.sha256.size() != wanted.size())
            continue;
        if (CRYPTO_memcmp(info.sha256.constData(), wanted.constData(),
                          std::size_t(wanted.size())) == 0)
            found = info;
    }
    return found;
}

Result<NewApiToken> ApiTokenStore::create(ApiRole role, const QString& name) {
    if (name.size() > kMaxNameLength)
        return Error::invalidInput(
            QStringLiteral("a token name has at most %1 characters").arg(kMaxNameLength));
    std::array<unsigned char, kTokenBytes> random{};
    if (RAND_bytes(random.data(), kTokenBytes) != 1)
        return Error(Error::Code::Crypto,
                     QStringLiteral("the system's random generator failed; no token was made"));
    NewApiToken made;
    made.token = QByteArray(kTokenPrefix) +
                 base64UrlEncode(QByteArrayView(random.data(), qsizetype(random.size())));
    OPENSSL_cleanse(random.data(), random.size());
    made.info.role = role;
    made.info.sha256 = hash(made.token);
    made.info.createdAt = QDateTime::currentDateTimeUtc();
    made.info.createdAt.setTime(
        made.info.createdAt.time().addMSecs(-made.info.createdAt.time().msec()));

    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto next = queryInt64(db, "SELECT coalesce(max(id), 0) + 1 FROM api_tokens");
    if (!next)
        return next.error();
    made.info.name = name.trimmed().isEmpty()
                         ? QStringLiteral("%1 token %2").arg(apiRoleName(role)).arg(*next)
                         : name.trimmed();
    auto insert = Statement::prepare(
        db,
        "INSERT INTO api_tokens (name, role, token_sha256, created_at) VALUES (?1, ?2, ?3, ?4)");
    if (!insert)
        return insert.error();
    AICP_TRY(
        insert->bindAll(made.info.name, apiRoleName(role), made.info.sha256, made.info.createdAt));
    AICP_TRY(insert->execute());
    auto id = db->lastInsertId();
    if (!id)
        return id.error();
    made.info.id = *id;
    AICP_TRY(auditEvent(workspace_, QStringLiteral("api_token.create"), made.info));
    AICP_TRY(transaction->commit());
    return made;
}

Result<std::vector<ApiTokenInfo>> ApiTokenStore::list() const {
    auto query = Statement::prepare(workspace_.handle(),
                                    "SELECT id, name, role, created_at, revoked_at, token_sha256 "
                                    "FROM api_tokens ORDER BY id");
    if (!query)
        return query.error();
    return query->collect<ApiTokenInfo>(&readToken);
}

Result<ApiTokenInfo> ApiTokenStore::revoke(const QString& idOrName) {
    auto tokens = list();
    if (!tokens)
        return tokens.error();
    bool isNumber = false;
    const std::int64_t id = idOrName.toLongLong(&isNumber);
    std::vector<ApiTokenInfo> matches;
    for (const ApiTokenInfo& info : *tokens)
        if ((isNumber && info.id == id) || info.name == idOrName)
            matches.push_back(info);
    if (matches.empty())
        return Error::notFound(
            QStringLiteral("no API token '%1' (see 'aicp tokens list')").arg(idOrName));
    if (matches.size() > 1)
        return Error::invalidInput(
            QStringLiteral("several API tokens are named '%1'; give the id").arg(idOrName));
    ApiTokenInfo token = matches.front();
    if (token.revokedAt.isValid())
        return Error(Error::Code::Conflict,
                     QStringLiteral("API token %1 was already revoked").arg(token.id));
    token.revokedAt = QDateTime::currentDateTimeUtc();
    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto update = Statement::prepare(db, "UPDATE api_tokens SET revoked_at = ?2 WHERE id = ?1");
    if (!update)
        return update.error();
    AICP_TRY(update->bindAll(token.id, token.revokedAt));
    AICP_TRY(update->execute());
    AICP_TRY(auditEvent(workspace_, QStringLiteral("api_token.revoke"), token));
    AICP_TRY(transaction->commit());
    return token;
}

}  // namespace aicp

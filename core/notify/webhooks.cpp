#include "notify/webhooks.h"

#include "audit/auditlog.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/vendoronly.h"
#include "storage/workspace.h"

#include <array>

#include <QJsonArray>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace aicp {

namespace {

constexpr std::array<const char*, 9> kEventTypes{
    "usage.threshold", "license.issued", "license.expiring", "license.expired", "license.revoked",
    "trial.ending",    "invoice.issued", "invoice.paid",     "invoice.overdue"};

constexpr QLatin1StringView kSecretPrefix("whsec_");
constexpr int kSecretBytes = 32;
constexpr int kMinKeyBytes = 24;
constexpr int kMaxKeyBytes = 64;

constexpr char kEndpointSelect[] =
    "SELECT id, url, events, secret, created_at, created_by, removed_at FROM webhook_endpoints ";

WebhookEndpoint readEndpoint(const Statement& row) {
    WebhookEndpoint endpoint;
    endpoint.id = row.int64(0);
    endpoint.url = QUrl(row.text(1));
    endpoint.events = row.text(2).split(QLatin1Char(','), Qt::SkipEmptyParts);
    endpoint.secret = row.text(3).toLatin1();
    endpoint.createdAt = row.time(4);
    endpoint.createdBy = row.text(5);
    if (!row.isNull(6))
        endpoint.removedAt = row.time(6);
    return endpoint;
}

QJsonObject auditDetails(const WebhookEndpoint& endpoint) {
    return {{QStringLiteral("url"), endpoint.url.toString(QUrl::RemoveUserInfo)},
            {QStringLiteral("events"), QJsonArray::fromStringList(endpoint.events)}};
}

}  // namespace

std::span<const char* const> webhookEventTypes() {
    return kEventTypes;
}

namespace {

// `names` checked against the known types, blanks and repeats left out.
Result<QStringList> checkWebhookEvents(const QStringList& names) {
    QStringList known;
    for (const char* type : kEventTypes)
        known << QLatin1String(type);
    QStringList events;
    for (const QString& name : names) {
        const QString type = name.trimmed();
        if (type.isEmpty())
            continue;
        if (!known.contains(type))
            return Error::invalidInput(QStringLiteral("'%1' is not a webhook event; the events "
                                                      "are %2")
                                           .arg(type, known.join(QStringLiteral(", "))));
        if (!events.contains(type))
            events << type;
    }
    if (events.isEmpty())
        return Error::invalidInput(QStringLiteral("a webhook needs at least one event (%1)")
                                       .arg(known.join(QStringLiteral(", "))));
    return events;
}

}  // namespace

Result<QStringList> parseWebhookEvents(const QString& commaSeparated) {
    return checkWebhookEvents(commaSeparated.split(QLatin1Char(',')));
}

namespace webhooksecret {

QByteArray generate() {
    std::array<unsigned char, kSecretBytes> random{};
    if (RAND_bytes(random.data(), kSecretBytes) != 1)
        return {};
    QByteArray secret =
        QByteArray(kSecretPrefix.data(), kSecretPrefix.size()) +
        QByteArray(reinterpret_cast<const char*>(random.data()), kSecretBytes).toBase64();
    OPENSSL_cleanse(random.data(), random.size());
    return secret;
}

Result<QByteArray> key(QByteArrayView secret) {
    const auto refused = [] {
        return Error::invalidInput(
            QStringLiteral("a webhook secret is 'whsec_' and the base64 of %1 to %2 random bytes")
                .arg(kMinKeyBytes)
                .arg(kMaxKeyBytes));
    };
    if (!secret.startsWith(QByteArrayView(kSecretPrefix.data(), kSecretPrefix.size())))
        return refused();
    const auto decoded = QByteArray::fromBase64Encoding(
        secret.sliced(kSecretPrefix.size()).toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() < kMinKeyBytes || decoded.decoded.size() > kMaxKeyBytes)
        return refused();
    return decoded.decoded;
}

}  // namespace webhooksecret

Result<QByteArray> webhookSignature(QByteArrayView secret, QByteArrayView messageId,
                                    std::int64_t timestamp, QByteArrayView body) {
    auto key = webhooksecret::key(secret);
    if (!key)
        return key.error();
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, *key);
    mac.addData(messageId.data(), messageId.size());
    mac.addData(".");
    mac.addData(QByteArray::number(qint64(timestamp)));
    mac.addData(".");
    mac.addData(body.data(), body.size());
    return "v1," + mac.result().toBase64();
}

Status checkWebhookUrl(const QUrl& url) {
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        url.host().isEmpty())
        return Error::invalidInput(
            QStringLiteral("'%1' is not an http or https address; a webhook is sent to one, such "
                           "as https://hooks.example.com/aicp")
                .arg(url.toString(QUrl::RemoveUserInfo)));
    if (url.toString().size() > 2048)
        return Error::invalidInput(QStringLiteral("a webhook address has at most 2048 characters"));
    return {};
}

Result<WebhookEndpoint> WebhookEndpoints::add(const QUrl& url, const QStringList& events,
                                              const QByteArray& secret) {
    AICP_TRY(refuseInCustomerWorkspace(
        workspace_, QStringLiteral("the vendor's workspace sends the webhooks")));
    AICP_TRY(checkWebhookUrl(url));
    auto checked = checkWebhookEvents(events);
    if (!checked)
        return checked.error();
    WebhookEndpoint endpoint;
    endpoint.url = url;
    endpoint.events = *checked;
    endpoint.secret = secret.isEmpty() ? webhooksecret::generate() : secret;
    if (endpoint.secret.isEmpty())
        return Error(Error::Code::Crypto,
                     QStringLiteral("the system's random generator failed; no webhook was added"));
    if (auto key = webhooksecret::key(endpoint.secret); !key)
        return key.error();
    endpoint.createdAt = toWholeSecondsUtc(clock_());
    endpoint.createdBy = AuditLog::actorOn(workspace_);

    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto id =
        insertWith(db,
                   "INSERT INTO webhook_endpoints (url, events, secret, created_at, "
                   "created_by) VALUES (?1, ?2, ?3, ?4, ?5)",
                   url.toString(), endpoint.events.join(QLatin1Char(',')),
                   QString::fromLatin1(endpoint.secret), endpoint.createdAt, endpoint.createdBy);
    if (!id)
        return id.error();
    endpoint.id = *id;
    auto logged = AuditLog(workspace_, clock_)
                      .append(QStringLiteral("webhook.add"), QString::number(endpoint.id),
                              auditDetails(endpoint));
    if (!logged)
        return logged.error();
    AICP_TRY(transaction->commit());
    return endpoint;
}

Result<std::vector<WebhookEndpoint>> WebhookEndpoints::list(bool removed) const {
    return queryRows<WebhookEndpoint>(
        workspace_.handle(),
        std::string(kEndpointSelect) + (removed ? "" : "WHERE removed_at IS NULL ") + "ORDER BY id",
        &readEndpoint);
}

Result<WebhookEndpoint> WebhookEndpoints::find(std::int64_t id) const {
    return queryOneRow<WebhookEndpoint>(
        workspace_.handle(), std::string(kEndpointSelect) + "WHERE id = ?1", &readEndpoint,
        Error::notFound(
            QStringLiteral("there is no webhook %1 (aicp webhooks list shows them)").arg(id)),
        id);
}

Result<WebhookEndpoint> WebhookEndpoints::remove(std::int64_t id) {
    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto endpoint = find(id);
    if (!endpoint)
        return endpoint.error();
    if (endpoint->removedAt)
        return Error(Error::Code::Conflict, QStringLiteral("webhook %1 was removed on %2")
                                                .arg(id)
                                                .arg(endpoint->removedAt->toString(Qt::ISODate)));
    endpoint->removedAt = toWholeSecondsUtc(clock_());
    AICP_TRY(executeWith(db, "UPDATE webhook_endpoints SET removed_at = ?2 WHERE id = ?1", id,
                         *endpoint->removedAt));
    AICP_TRY(executeWith(db,
                         "UPDATE webhook_deliveries SET state = 'failed', next_attempt_at = NULL, "
                         "last_error = 'the webhook was removed' "
                         "WHERE endpoint_id = ?1 AND state = 'pending'",
                         id));
    auto logged =
        AuditLog(workspace_, clock_)
            .append(QStringLiteral("webhook.remove"), QString::number(id), auditDetails(*endpoint));
    if (!logged)
        return logged.error();
    AICP_TRY(transaction->commit());
    return endpoint;
}

}  // namespace aicp

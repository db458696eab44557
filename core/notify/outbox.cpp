#include "notify/outbox.h"

#include "notify/webhooks.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/workspace.h"

#include <algorithm>

#include <QJsonDocument>
#include <QUuid>

namespace aicp {

Result<std::optional<QString>> Outbox::publish(const WebhookEvent& event) {
    const auto types = webhookEventTypes();
    if (std::find_if(types.begin(), types.end(), [&event](const char* type) {
            return event.type == QLatin1String(type);
        }) == types.end())
        return Error::internal(QStringLiteral("'%1' is not a webhook event").arg(event.type));
    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    if (!event.onceKey.isEmpty()) {
        auto told = queryInt64Or(db, "SELECT count(*) FROM webhook_messages WHERE once_key = ?1", 0,
                                 event.onceKey);
        if (!told)
            return told.error();
        if (*told > 0) {
            AICP_TRY(transaction->commit());
            return std::optional<QString>();
        }
    }
    const QDateTime at = toWholeSecondsUtc(clock_());
    const QString id = QStringLiteral("msg_") + QUuid::createUuid().toString(QUuid::Id128);
    const QJsonObject body{{QStringLiteral("type"), event.type},
                           {QStringLiteral("timestamp"), formatStoredTime(at)},
                           {QStringLiteral("data"), event.data}};
    const std::optional<QString> onceKey =
        event.onceKey.isEmpty() ? std::nullopt : std::optional(event.onceKey);
    AICP_TRY(executeWith(db,
                         "INSERT INTO webhook_messages (id, type, once_key, created_at, body) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)",
                         id, event.type, onceKey, at,
                         QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact))));
    auto endpoints = WebhookEndpoints(workspace_, clock_).list();
    if (!endpoints)
        return endpoints.error();
    for (const WebhookEndpoint& endpoint : *endpoints) {
        if (!endpoint.wants(event.type))
            continue;
        AICP_TRY(executeWith(db,
                             "INSERT INTO webhook_deliveries (message_id, endpoint_id, "
                             "next_attempt_at) VALUES (?1, ?2, ?3)",
                             id, endpoint.id, at));
    }
    AICP_TRY(transaction->commit());
    return std::optional(id);
}

}  // namespace aicp

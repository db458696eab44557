#include "notify/webhookdelivery.h"

#include "notify/webhooks.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/workspace.h"

#include <array>
#include <memory>

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace aicp {

namespace {

// Standard Webhooks' schedule, stretched to three days: 5 s, 5 min, 30 min,
// 2 h, 5 h, 10 h, 14 h, 20 h and 20 h after the attempt before.
constexpr std::array<std::int64_t, 9> kRetryDelays{5,     300,   1800,  7200, 18000,
                                                   36000, 50400, 72000, 72000};

constexpr char kDeliverySelect[] =
    "SELECT d.id, d.message_id, m.type, m.created_at, d.endpoint_id, e.url, d.state, d.attempts, "
    "d.next_attempt_at, d.last_attempt_at, d.last_status, d.last_error, d.delivered_at "
    "FROM webhook_deliveries d JOIN webhook_messages m ON m.id = d.message_id "
    "JOIN webhook_endpoints e ON e.id = d.endpoint_id ";

WebhookDelivery readDelivery(const Statement& row) {
    WebhookDelivery delivery;
    delivery.id = row.int64(0);
    delivery.messageId = row.text(1);
    delivery.type = row.text(2);
    delivery.createdAt = row.time(3);
    delivery.endpointId = row.int64(4);
    delivery.url = QUrl(row.text(5));
    const QString state = row.text(6);  // the table's CHECK admits only these
    delivery.state = state == QLatin1String("delivered") ? DeliveryState::Delivered
                     : state == QLatin1String("failed")  ? DeliveryState::Failed
                                                         : DeliveryState::Pending;
    delivery.attempts = int(row.int64(7));
    delivery.nextAttemptAt = row.optionalTime(8);
    delivery.lastAttemptAt = row.optionalTime(9);
    if (!row.isNull(10))
        delivery.lastStatus = int(row.int64(10));
    delivery.lastError = row.text(11);
    delivery.deliveredAt = row.optionalTime(12);
    return delivery;
}

// What the endpoint said to one POST: its status (0: no answer) and, when
// it was no 2xx, why in words.
struct Attempt {
    int status = 0;
    QString error;
};

Attempt post(const QUrl& url, const QByteArray& body,
             const QList<QPair<QByteArray, QByteArray>>& headers, int timeoutMs) {
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setHeader(
        QNetworkRequest::UserAgentHeader,
        QByteArray("aicp-webhooks/") + QCoreApplication::applicationVersion().toUtf8());
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    // A redirect is an answer that is not a 2xx, not a second address.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(timeoutMs);
    std::unique_ptr<QNetworkReply> reply(network.post(request, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // The answer's body is not read: only its status counts.
    reply->setReadBufferSize(64 * 1024);
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop,
                     [&reply] { reply->skip(reply->bytesAvailable()); });
    loop.exec();
    Attempt attempt;
    attempt.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (attempt.status >= 200 && attempt.status <= 299)
        return attempt;
    if (reply->error() == QNetworkReply::OperationCanceledError ||
        reply->error() == QNetworkReply::TimeoutError)
        attempt.error = QStringLiteral("no answer within %1 s").arg(double(timeoutMs) / 1000.0);
    else if (attempt.status != 0)
        attempt.error = QStringLiteral("answered %1").arg(attempt.status);
    else
        attempt.error = reply->errorString();
    return attempt;
}

}  // namespace

QString deliveryStateWord(DeliveryState state) {
    switch (state) {
        case DeliveryState::Pending:
            return QStringLiteral("pending");
        case DeliveryState::Delivered:
            return QStringLiteral("delivered");
        case DeliveryState::Failed:
            return QStringLiteral("failed");
    }
    return {};
}

std::span<const std::int64_t> WebhookDeliveries::retryDelays() {
    return kRetryDelays;
}

struct WebhookDeliveries::Claimed {
    std::int64_t id = 0;
    int attempts = 0;  // with this one
    QString messageId;
    QByteArray body;
    QUrl url;
    QByteArray secret;
};

Result<std::vector<WebhookDelivery>> WebhookDeliveries::list(int limit) const {
    return queryRows<WebhookDelivery>(workspace_.handle(),
                                      std::string(kDeliverySelect) + "ORDER BY d.id DESC LIMIT ?1",
                                      &readDelivery, std::int64_t(limit));
}

Result<WebhookDelivery> WebhookDeliveries::find(std::int64_t id) const {
    return queryOneRow<WebhookDelivery>(
        workspace_.handle(), std::string(kDeliverySelect) + "WHERE d.id = ?1", &readDelivery,
        Error::notFound(
            QStringLiteral("there is no delivery %1 (aicp webhooks deliveries lists them)")
                .arg(id)),
        id);
}

Result<WebhookDelivery> WebhookDeliveries::redeliver(std::int64_t id) {
    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto delivery = find(id);
    if (!delivery)
        return delivery.error();
    auto endpoint = WebhookEndpoints(workspace_, clock_).find(delivery->endpointId);
    if (!endpoint)
        return endpoint.error();
    if (endpoint->removedAt)
        return Error(Error::Code::Conflict,
                     QStringLiteral("webhook %1 was removed; its deliveries are not sent again")
                         .arg(endpoint->id));
    AICP_TRY(executeWith(db,
                         "UPDATE webhook_deliveries SET state = 'pending', attempts = 0, "
                         "next_attempt_at = ?2, delivered_at = NULL WHERE id = ?1",
                         id, toWholeSecondsUtc(clock_())));
    AICP_TRY(transaction->commit());
    return find(id);
}

Result<std::optional<QDateTime>> WebhookDeliveries::nextDue() const {
    return queryFirstRow<QDateTime>(
        workspace_.handle(),
        "SELECT min(next_attempt_at) FROM webhook_deliveries WHERE state = 'pending' "
        "HAVING count(*) > 0",
        [](const Statement& row) { return row.time(0); });
}

Result<std::vector<WebhookDeliveries::Claimed>> WebhookDeliveries::claim(const QDateTime& at,
                                                                         int max) {
    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto due = queryRows<Claimed>(
        db,
        "SELECT d.id, d.attempts, m.id, m.body, e.url, e.secret FROM webhook_deliveries d "
        "JOIN webhook_messages m ON m.id = d.message_id "
        "JOIN webhook_endpoints e ON e.id = d.endpoint_id "
        "WHERE d.state = 'pending' AND d.next_attempt_at <= ?1 "
        "ORDER BY d.next_attempt_at, d.id LIMIT ?2",
        [](const Statement& row) {
            return Claimed{row.int64(0),         int(row.int64(1)) + 1, row.text(2),
                           row.text(3).toUtf8(), QUrl(row.text(4)),     row.text(5).toLatin1()};
        },
        at, std::int64_t(max));
    if (!due)
        return due.error();
    // Held for this sender: another finds it due again only once the claim
    // has run out, which an attempt that was made never lets happen.
    for (const Claimed& claimed : *due)
        AICP_TRY(executeWith(db, "UPDATE webhook_deliveries SET next_attempt_at = ?2 WHERE id = ?1",
                             claimed.id, at.addSecs(kClaimSeconds)));
    AICP_TRY(transaction->commit());
    return due;
}

Status WebhookDeliveries::record(const Claimed& claimed, const QDateTime& at, int status,
                                 const QString& error, DeliveryRound& round) {
    const std::optional<std::int64_t> answered =
        status == 0 ? std::nullopt : std::optional(std::int64_t(status));
    if (error.isEmpty()) {
        ++round.delivered;
        return executeWith(workspace_.handle(),
                           "UPDATE webhook_deliveries SET state = 'delivered', attempts = ?2, "
                           "next_attempt_at = NULL, last_attempt_at = ?3, last_status = ?4, "
                           "last_error = NULL, delivered_at = ?3 WHERE id = ?1",
                           claimed.id, claimed.attempts, at, answered);
    }
    const auto index = std::size_t(claimed.attempts - 1);
    if (index >= kRetryDelays.size()) {
        ++round.failed;
        return executeWith(workspace_.handle(),
                           "UPDATE webhook_deliveries SET state = 'failed', attempts = ?2, "
                           "next_attempt_at = NULL, last_attempt_at = ?3, last_status = ?4, "
                           "last_error = ?5 WHERE id = ?1",
                           claimed.id, claimed.attempts, at, answered, error);
    }
    ++round.retrying;
    return executeWith(workspace_.handle(),
                       "UPDATE webhook_deliveries SET attempts = ?2, next_attempt_at = ?3, "
                       "last_attempt_at = ?4, last_status = ?5, last_error = ?6 WHERE id = ?1",
                       claimed.id, claimed.attempts, at.addSecs(kRetryDelays.at(index)), at,
                       answered, error);
}

Result<DeliveryRound> WebhookDeliveries::deliverDue(int max, int timeoutMs) {
    DeliveryRound round;
    auto due = claim(toWholeSecondsUtc(clock_()), max);
    if (!due)
        return due.error();
    for (const Claimed& claimed : *due) {
        const QDateTime at = toWholeSecondsUtc(clock_());
        const std::int64_t timestamp = at.toSecsSinceEpoch();
        auto signature =
            webhookSignature(claimed.secret, claimed.messageId.toLatin1(), timestamp, claimed.body);
        Attempt attempt;
        if (signature)
            attempt = post(claimed.url, claimed.body,
                           {{"webhook-id", claimed.messageId.toLatin1()},
                            {"webhook-timestamp", QByteArray::number(qint64(timestamp))},
                            {"webhook-signature", *signature}},
                           timeoutMs);
        else
            attempt.error = signature.error().message();
        ++round.attempted;
        AICP_TRY(record(claimed, at, attempt.status, attempt.error, round));
    }
    return round;
}

}  // namespace aicp

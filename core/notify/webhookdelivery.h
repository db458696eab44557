#pragma once

#include "common/result.h"
#include "common/wholeseconds.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <QDateTime>
#include <QString>
#include <QUrl>

namespace aicp {

class Workspace;

enum class DeliveryState { Pending, Delivered, Failed };
[[nodiscard]] QString deliveryStateWord(DeliveryState state);

// One message's delivery to one endpoint.
struct WebhookDelivery {
    std::int64_t id = 0;
    QString messageId;
    QString type;
    QDateTime createdAt;  // the message's
    std::int64_t endpointId = 0;
    QUrl url;
    DeliveryState state = DeliveryState::Pending;
    int attempts = 0;
    std::optional<QDateTime> nextAttemptAt;  // pending only
    std::optional<QDateTime> lastAttemptAt;
    std::optional<int> lastStatus;  // the HTTP status; none: no answer
    QString lastError;              // in words, when the last attempt failed
    std::optional<QDateTime> deliveredAt;
};

// What one round of sending did.
struct DeliveryRound {
    int attempted = 0;
    int delivered = 0;
    int retrying = 0;  // failed this time, another attempt is due later
    int failed = 0;    // failed for good: the attempts ran out
};

// Sends the outbox's due deliveries and keeps their history. An attempt
// POSTs the message's body with the Standard Webhooks headers
// (`webhook-id`, `webhook-timestamp`, `webhook-signature`); any 2xx within
// kTimeoutMs delivers it, and it is never sent again. Anything else is
// tried again after the next of kRetryDelays (about three days in all),
// then it fails. Several services may send from one workspace: a delivery
// is claimed inside the workspace's write lock before it is sent.
class WebhookDeliveries {
public:
    static constexpr int kTimeoutMs = 10'000;
    static constexpr int kClaimSeconds = 60;  // > kTimeoutMs: one sender at a time
    // Seconds after each failed attempt before the next.
    [[nodiscard]] static std::span<const std::int64_t> retryDelays();

    explicit WebhookDeliveries(Workspace& workspace, Clock clock = systemClock())
        : workspace_(workspace), clock_(std::move(clock)) {}

    // Newest first; at most `limit`.
    [[nodiscard]] Result<std::vector<WebhookDelivery>> list(int limit = 100) const;
    [[nodiscard]] Result<WebhookDelivery> find(std::int64_t id) const;
    // Pending again, due now, with a fresh set of attempts (a delivered one
    // too: the receiver asked for it again). Refused for a removed endpoint.
    [[nodiscard]] Result<WebhookDelivery> redeliver(std::int64_t id);
    // Sends at most `max` deliveries due now, one after another, each
    // waiting at most `timeoutMs` for its answer.
    [[nodiscard]] Result<DeliveryRound> deliverDue(int max = 100, int timeoutMs = kTimeoutMs);
    // When the next pending delivery is due; none when nothing is pending.
    [[nodiscard]] Result<std::optional<QDateTime>> nextDue() const;

private:
    struct Claimed;
    [[nodiscard]] Result<std::vector<Claimed>> claim(const QDateTime& at, int max);
    [[nodiscard]] Status record(const Claimed& claimed, const QDateTime& at, int status,
                                const QString& error, DeliveryRound& round);

    Workspace& workspace_;
    Clock clock_;
};

}  // namespace aicp

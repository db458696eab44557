#pragma once

#include "common/result.h"
#include "common/wholeseconds.h"

#include <optional>

#include <QJsonObject>
#include <QString>

namespace aicp {

class Workspace;

// Something to tell the webhooks: its type (webhookEventTypes), its data,
// and for an event told once (a threshold crossed, a reminder) the key
// that makes it once.
struct WebhookEvent {
    QString type;
    QJsonObject data;
    QString onceKey;  // empty: every publish is a message
};

// The webhook outbox. `publish` is called inside the transaction of the
// change it tells of, so the message is written exactly when the change
// is: a rolled-back change sends nothing, a committed one is sent even if
// the process dies the next instant. It writes the message, body
// `{"type", "timestamp", "data"}`, and a pending delivery for each endpoint
// that wants the type; `aicp serve` and `aicp webhooks run` deliver them.
class Outbox {
public:
    explicit Outbox(Workspace& workspace, Clock clock = systemClock())
        : workspace_(workspace), clock_(std::move(clock)) {}

    // The message's id ("msg_…"); nullopt when an event with the same
    // once-key was published before. A workspace without endpoints that
    // want the type still keeps the message (its history is the outbox).
    [[nodiscard]] Result<std::optional<QString>> publish(const WebhookEvent& event);

private:
    Workspace& workspace_;
    Clock clock_;
};

}  // namespace aicp

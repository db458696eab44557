#pragma once

#include "common/result.h"
#include "common/wholeseconds.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace aicp {

class Workspace;

// The events aicp tells webhooks of (SPEC section 12), in the words of the
// messages' `type`.
[[nodiscard]] std::span<const char* const> webhookEventTypes();
// "license.issued,invoice.paid" as a list, each checked against the known
// types; refused by name, with the types there are.
[[nodiscard]] Result<QStringList> parseWebhookEvents(const QString& commaSeparated);

// A Standard Webhooks signing secret: "whsec_" and the base64 of 24 to 64
// random bytes (the HMAC key).
namespace webhooksecret {
[[nodiscard]] QByteArray generate();
// The HMAC key of `secret`, or why it is not one.
[[nodiscard]] Result<QByteArray> key(QByteArrayView secret);
}  // namespace webhooksecret

// `webhook-signature`'s value for one attempt: "v1," and the base64
// HMAC-SHA256, under the secret's key, of "<id>.<timestamp>.<body>".
[[nodiscard]] Result<QByteArray> webhookSignature(QByteArrayView secret, QByteArrayView messageId,
                                                  std::int64_t timestamp, QByteArrayView body);

// Only http and https, with a host: a webhook never goes to a file or
// another scheme.
[[nodiscard]] Status checkWebhookUrl(const QUrl& url);

struct WebhookEndpoint {
    std::int64_t id = 0;
    QUrl url;
    QStringList events;
    QByteArray secret;  // never printed after it is made
    QDateTime createdAt;
    QString createdBy;
    std::optional<QDateTime> removedAt;

    [[nodiscard]] bool wants(const QString& type) const { return events.contains(type); }
};

// The endpoints of a vendor's workspace. Adding and removing are audited
// ("webhook.add", "webhook.remove"), the secret never is.
class WebhookEndpoints {
public:
    explicit WebhookEndpoints(Workspace& workspace, Clock clock = systemClock())
        : workspace_(workspace), clock_(std::move(clock)) {}

    // `secret` empty: a new one is made; the answer holds it, once.
    [[nodiscard]] Result<WebhookEndpoint> add(const QUrl& url, const QStringList& events,
                                              const QByteArray& secret = {});
    // The endpoints not removed (with `removed`, every one), oldest first.
    [[nodiscard]] Result<std::vector<WebhookEndpoint>> list(bool removed = false) const;
    [[nodiscard]] Result<WebhookEndpoint> find(std::int64_t id) const;
    // Nothing more is sent to it; its pending deliveries fail, its history stays.
    [[nodiscard]] Result<WebhookEndpoint> remove(std::int64_t id);

private:
    Workspace& workspace_;
    Clock clock_;
};

}  // namespace aicp

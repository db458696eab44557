#pragma once

#include "common/result.h"
#include "payments/stripeformat.h"

#include <functional>

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace aicp {

// Stripe's API as aicp speaks it (docs.stripe.com/api): form-encoded
// requests with `Authorization: Bearer <key>` and the pinned
// `Stripe-Version`, every POST with an `Idempotency-Key`. A 429, a 5xx or
// a lost connection is tried again with the same key, after the
// `Retry-After` Stripe gives or a doubling pause, unless Stripe says
// `Stripe-Should-Retry: false`; a 4xx is Stripe's `error.message`. The key
// is never part of a message, a URL or a log.
class StripeClient {
public:
    static constexpr const char* kApiVersion = "2024-06-20";
    static constexpr const char* kDefaultApiBase = "https://api.stripe.com";

    struct Options {
        int timeoutMs = 30'000;    // for one attempt
        int attempts = 4;          // in all, for one request
        int firstPauseMs = 500;    // before the second attempt; doubled after
        int maxPauseSeconds = 30;  // a longer Retry-After ends the request
        // Waits between attempts: sleeps, checking `cancelled` every 100 ms,
        // unless a test says otherwise.
        std::function<void(int ms)> pause;
        // Asked before each attempt: true stops with Error::Code::Cancelled.
        std::function<bool()> cancelled;
    };

    StripeClient(QUrl apiBase, QByteArray secretKey);
    StripeClient(QUrl apiBase, QByteArray secretKey, Options options);

    // POST `path` ("/v1/customers") with `form`; the object Stripe answered.
    [[nodiscard]] Result<QJsonObject> post(const QString& path, const StripeForm& form,
                                           const QByteArray& idempotencyKey) const;
    // GET `path`; `query` form-encoded into the URL.
    [[nodiscard]] Result<QJsonObject> get(const QString& path, const StripeForm& query = {}) const;

    // Requests sent so far, retries included (the progress a caller shows).
    [[nodiscard]] int requestsSent() const { return sent_; }

private:
    struct Answer;
    [[nodiscard]] Result<QJsonObject> send(const QByteArray& method, const QString& path,
                                           const QByteArray& body,
                                           const QByteArray& idempotencyKey) const;
    [[nodiscard]] Answer attempt(const QByteArray& method, const QUrl& url, const QByteArray& body,
                                 const QByteArray& idempotencyKey) const;

    QUrl apiBase_;
    QByteArray secretKey_;
    Options options_;
    mutable int sent_ = 0;
};

}  // namespace aicp

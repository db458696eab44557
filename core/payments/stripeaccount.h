#pragma once

#include "common/result.h"
#include "common/wholeseconds.h"
#include "payments/stripeclient.h"

#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace aicp {

class Workspace;

// The Stripe account invoices are pushed to: its secret key (a secret like
// the webhooks' signing secrets, shown only masked) and the API's address.
struct StripeAccount {
    QByteArray secretKey;
    QUrl apiBase;
    QDateTime configuredAt;  // UTC
    QString configuredBy;

    // "sk_test_••••••••4Xz9": the kind of key and its last four characters.
    [[nodiscard]] static QString maskedKey(const QByteArray& key);
    // A test mode key (sk_test_, rk_test_): Stripe moves no real money.
    [[nodiscard]] static bool isTestKey(const QByteArray& key);
};

// The workspace's Stripe settings. Configuring is an admin's (SPEC section
// 8), audited as "stripe.configure" with the masked key, never the key.
class StripeSettings {
public:
    explicit StripeSettings(Workspace& workspace, Clock clock = systemClock())
        : workspace_(workspace), clock_(std::move(clock)) {}

    // nullopt when Stripe was never configured.
    [[nodiscard]] Result<std::optional<StripeAccount>> account() const;
    // Stores the key and the API's address (Stripe's own when empty),
    // replacing what was there.
    [[nodiscard]] Result<StripeAccount> configure(const QByteArray& secretKey,
                                                  const QUrl& apiBase = {});
    // A client for the configured account; NotFound, saying how to
    // configure it, when there is none.
    [[nodiscard]] Result<StripeClient> client(StripeClient::Options options = {}) const;

    // A secret or restricted key as Stripe makes them: "sk_" or "rk_", then
    // letters, digits and '_', 8 to 255 characters in all.
    [[nodiscard]] static Status checkSecretKey(const QByteArray& key);
    // https, or http to this machine only (a stand-in in a test): the key
    // never crosses a network in the clear. No user, query or fragment.
    [[nodiscard]] static Status checkApiBase(const QUrl& url);

private:
    Workspace& workspace_;
    Clock clock_;
};

}  // namespace aicp

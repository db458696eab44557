#include "payments/stripeaccount.h"

#include "audit/auditlog.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/vendoronly.h"
#include "storage/workspace.h"

#include <algorithm>

#include <QHostAddress>
#include <QJsonObject>

namespace aicp {

namespace {

bool isLoopback(const QString& host) {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

}  // namespace

QString StripeAccount::maskedKey(const QByteArray& key) {
    if (key.isEmpty())
        return {};
    // "sk_test_", "rk_live_": what kind of key it is says nothing secret.
    qsizetype prefix = 0;
    for (const char* kind : {"sk_test_", "sk_live_", "rk_test_", "rk_live_", "sk_", "rk_"}) {
        if (key.startsWith(kind)) {
            prefix = qsizetype(qstrlen(kind));
            break;
        }
    }
    if (key.size() - prefix < 12)
        return QString::fromLatin1(key.left(prefix)) + QStringLiteral("••••••••");
    return QString::fromLatin1(key.left(prefix)) + QStringLiteral("••••••••") +
           QString::fromLatin1(key.right(4));
}

bool StripeAccount::isTestKey(const QByteArray& key) {
    return key.startsWith("sk_test_") || key.startsWith("rk_test_");
}

Status StripeSettings::checkSecretKey(const QByteArray& key) {
    if (key.isEmpty())
        return Error::invalidInput(QStringLiteral("the Stripe key file is empty"));
    if (key.startsWith("pk_"))
        return Error::invalidInput(QStringLiteral(
            "that is a publishable key (pk_…); aicp needs the secret key (sk_…) or a restricted "
            "key (rk_…) from Stripe's dashboard, Developers ▸ API keys"));
    if (!key.startsWith("sk_") && !key.startsWith("rk_"))
        return Error::invalidInput(
            QStringLiteral("a Stripe secret key starts with sk_ (or rk_ for a restricted key)"));
    if (key.size() < 8 || key.size() > 255)
        return Error::invalidInput(
            QStringLiteral("a Stripe secret key has 8 to 255 characters; this one has %1")
                .arg(key.size()));
    const bool plain = std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    });
    if (!plain)
        return Error::invalidInput(QStringLiteral(
            "a Stripe secret key has only letters, digits and '_' (is the file more than the "
            "key?)"));
    return {};
}

Status StripeSettings::checkApiBase(const QUrl& url) {
    if (!url.isValid() || url.host().isEmpty())
        return Error::invalidInput(
            QStringLiteral("'%1' is not an address of Stripe's API").arg(url.toString()));
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return Error::invalidInput(QStringLiteral(
            "the API's address takes no user, query or fragment (https://api.stripe.com)"));
    if (url.scheme() == QLatin1String("https"))
        return {};
    if (url.scheme() == QLatin1String("http") && isLoopback(url.host()))
        return {};
    return Error::invalidInput(
        QStringLiteral("the API's address must be https (http only to this machine), so the key "
                       "never crosses a network in the clear: '%1'")
            .arg(url.toString()));
}

Result<std::optional<StripeAccount>> StripeSettings::account() const {
    return queryFirstRow<StripeAccount>(workspace_.handle(),
                                        "SELECT secret_key, api_base, configured_at, configured_by "
                                        "FROM stripe_account WHERE id = 1",
                                        [](const Statement& row) {
                                            StripeAccount account;
                                            account.secretKey = row.text(0).toLatin1();
                                            account.apiBase = QUrl(row.text(1));
                                            account.configuredAt = row.time(2);
                                            account.configuredBy = row.text(3);
                                            return account;
                                        });
}

Result<StripeAccount> StripeSettings::configure(const QByteArray& secretKey, const QUrl& apiBase) {
    AICP_TRY(refuseInCustomerWorkspace(
        workspace_, QStringLiteral("the vendor's workspace sends invoices to Stripe")));
    AICP_TRY(checkSecretKey(secretKey));
    StripeAccount account;
    account.secretKey = secretKey;
    account.apiBase = apiBase.isEmpty() ? QUrl(QString::fromLatin1(StripeClient::kDefaultApiBase))
                                        : apiBase.adjusted(QUrl::StripTrailingSlash);
    AICP_TRY(checkApiBase(account.apiBase));
    account.configuredAt = toWholeSecondsUtc(clock_());
    account.configuredBy = AuditLog::actorOn(workspace_);

    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    AICP_TRY(executeWith(
        db,
        "INSERT INTO stripe_account (id, secret_key, api_base, configured_at, configured_by) "
        "VALUES (1, ?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE SET secret_key = "
        "excluded.secret_key, api_base = excluded.api_base, configured_at = "
        "excluded.configured_at, configured_by = excluded.configured_by",
        QString::fromLatin1(secretKey), account.apiBase.toString(), account.configuredAt,
        account.configuredBy));
    const QJsonObject details{
        {QStringLiteral("key"), StripeAccount::maskedKey(secretKey)},
        {QStringLiteral("mode"),
         StripeAccount::isTestKey(secretKey) ? QStringLiteral("test") : QStringLiteral("live")},
        {QStringLiteral("api_base"), account.apiBase.toString()}};
    auto logged =
        AuditLog(workspace_, clock_)
            .append(QStringLiteral("stripe.configure"), QStringLiteral("stripe"), details);
    if (!logged)
        return logged.error();
    AICP_TRY(transaction->commit());
    return account;
}

Result<StripeClient> StripeSettings::client(StripeClient::Options options) const {
    auto stored = account();
    if (!stored)
        return stored.error();
    if (!*stored)
        return Error::notFound(QStringLiteral(
            "Stripe is not configured here: an admin gives aicp the account's secret key with "
            "`aicp stripe configure --secret-key-file FILE`"));
    return StripeClient((*stored)->apiBase, (*stored)->secretKey, std::move(options));
}

}  // namespace aicp

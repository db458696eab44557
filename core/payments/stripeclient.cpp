#include "payments/stripeclient.h"

#include "common/strictjson.h"

#include <algorithm>
#include <memory>

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>

namespace aicp {

namespace {

constexpr qint64 kMaxAnswerBytes = 8 * 1024 * 1024;

// The object in a body, or an empty one when it is none.
QJsonObject objectIn(const QByteArray& body) {
    auto document = StrictJson::parse(body);
    return document && document->isObject() ? document->object() : QJsonObject();
}

}  // namespace

// What one attempt brought back: a status (0: no answer) and the headers
// that steer a retry.
struct StripeClient::Answer {
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
    QByteArray shouldRetry;
    QByteArray requestId;
    QString failure;         // no answer: why, in words
    bool cancelled = false;  // stopped while waiting for the answer

    [[nodiscard]] bool retryable() const {
        if (shouldRetry == "false")
            return false;
        if (shouldRetry == "true")
            return true;
        // 409: a request with the same key was still running.
        return status == 0 || status == 409 || status == 429 || status >= 500;
    }

    // Stripe's words for a refusal, or ours for no answer.
    [[nodiscard]] Error error(const QString& where) const {
        if (status == 0)
            return Error(Error::Code::Io, failure);
        const QJsonObject error = objectIn(body).value(u"error").toObject();
        QString message = error.value(u"message").toString();
        if (message.isEmpty())
            message = QStringLiteral("Stripe answered %1 without saying why").arg(status);
        QStringList about{QStringLiteral("HTTP %1").arg(status)};
        if (const QString type = error.value(u"type").toString(); !type.isEmpty())
            about << type;
        if (!requestId.isEmpty())
            about << QStringLiteral("request %1").arg(QString::fromLatin1(requestId));
        const QString text = QStringLiteral("Stripe: %1 (%2, %3)")
                                 .arg(message, about.join(QStringLiteral(", ")), where);
        if (status == 401 || status == 403)
            return Error::invalidInput(
                text + QStringLiteral("; give aicp a key Stripe accepts with `aicp stripe "
                                      "configure --secret-key-file FILE`"));
        if (status == 404)
            return Error::notFound(text);
        if (status == 429 || status >= 500)
            return Error(Error::Code::Io, text);
        return Error(Error::Code::Conflict, text);
    }
};

StripeClient::StripeClient(QUrl apiBase, QByteArray secretKey)
    : StripeClient(std::move(apiBase), std::move(secretKey), Options()) {}

StripeClient::StripeClient(QUrl apiBase, QByteArray secretKey, Options options)
    : apiBase_(std::move(apiBase)), secretKey_(std::move(secretKey)), options_(std::move(options)) {
    // A wait Stripe asked for ends early when the caller stops.
    if (!options_.pause)
        options_.pause = [cancelled = options_.cancelled](int ms) {
            for (int waited = 0; waited < ms && !(cancelled && cancelled()); waited += 100)
                QThread::msleep(static_cast<unsigned long>(std::min(100, ms - waited)));
        };
}

Result<QJsonObject> StripeClient::post(const QString& path, const StripeForm& form,
                                       const QByteArray& idempotencyKey) const {
    if (idempotencyKey.isEmpty() || idempotencyKey.size() > 255)
        return Error::internal(
            QStringLiteral("a Stripe POST needs an idempotency key of 1 to 255 "
                           "characters"));
    return send("POST", path, form.encoded(), idempotencyKey);
}

Result<QJsonObject> StripeClient::get(const QString& path, const StripeForm& query) const {
    return send("GET", path, query.encoded(), {});
}

Result<QJsonObject> StripeClient::send(const QByteArray& method, const QString& path,
                                       const QByteArray& body,
                                       const QByteArray& idempotencyKey) const {
    QUrl url = apiBase_;
    url.setPath(apiBase_.path().chopped(apiBase_.path().endsWith(u'/') ? 1 : 0) + path);
    if (method == "GET" && !body.isEmpty())
        url.setQuery(QString::fromLatin1(body), QUrl::StrictMode);
    const QString where = QStringLiteral("%1 %2").arg(QString::fromLatin1(method), path);
    int pauseMs = options_.firstPauseMs;
    for (int attempt = 1;; ++attempt) {
        if (options_.cancelled && options_.cancelled())
            return Error(Error::Code::Cancelled,
                         QStringLiteral("stopped before %1; run it again to go on").arg(where));
        const Answer answer = this->attempt(method, url, body, idempotencyKey);
        if (answer.cancelled)
            return Error(Error::Code::Cancelled,
                         QStringLiteral("stopped during %1; run it again to go on").arg(where));
        if (answer.status >= 200 && answer.status <= 299) {
            const QJsonObject object = objectIn(answer.body);
            if (object.isEmpty())
                return Error(Error::Code::Corrupt,
                             QStringLiteral("Stripe answered %1 without a JSON object").arg(where));
            return object;
        }
        if (!answer.retryable())
            return answer.error(where);
        if (attempt >= options_.attempts)
            return answer.error(where).withContext(
                QStringLiteral("no success after %1 attempts; nothing is sent twice, so run it "
                               "again later")
                    .arg(attempt));
        bool numeric = false;
        const int retryAfter = answer.retryAfter.trimmed().toInt(&numeric);
        if (numeric && retryAfter > options_.maxPauseSeconds)
            return answer.error(where).withContext(
                QStringLiteral("Stripe asked to wait %1 s before trying again; run it again then")
                    .arg(retryAfter));
        options_.pause(numeric && retryAfter >= 0 ? retryAfter * 1000 : pauseMs);
        pauseMs *= 2;
    }
}

StripeClient::Answer StripeClient::attempt(const QByteArray& method, const QUrl& url,
                                           const QByteArray& body,
                                           const QByteArray& idempotencyKey) const {
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + secretKey_);
    request.setRawHeader("Stripe-Version", kApiVersion);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArray("aicp/") + QCoreApplication::applicationVersion().toUtf8());
    if (!idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", idempotencyKey);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(options_.timeoutMs);
    std::unique_ptr<QNetworkReply> reply;
    if (method == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/x-www-form-urlencoded"));
        reply.reset(network.post(request, body));
    } else {
        reply.reset(network.get(request));
    }
    ++sent_;
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QByteArray received;
    bool tooLarge = false;
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, [&] {
        received += reply->readAll();
        if (received.size() > kMaxAnswerBytes) {
            tooLarge = true;
            reply->abort();
        }
    });
    // A stop asked for while Stripe thinks is not kept waiting for its
    // answer: what Stripe did is found again by the same key.
    bool cancelled = false;
    QTimer poll;
    if (options_.cancelled) {
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (options_.cancelled()) {
                cancelled = true;
                reply->abort();
            }
        });
        poll.start(100);
    }
    loop.exec();
    if (reply->isOpen())
        received += reply->readAll();

    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = std::move(received);
    answer.retryAfter = reply->rawHeader("Retry-After");
    answer.shouldRetry = reply->rawHeader("Stripe-Should-Retry");
    answer.requestId = reply->rawHeader("Request-Id");
    answer.cancelled = cancelled;
    const QString base = apiBase_.toString(QUrl::RemoveUserInfo | QUrl::RemovePath);
    if (tooLarge) {
        answer.status = 0;
        answer.failure = QStringLiteral("%1 answered with more than 8 MiB; refused").arg(base);
    } else if (answer.status == 0 && (reply->error() == QNetworkReply::OperationCanceledError ||
                                      reply->error() == QNetworkReply::TimeoutError)) {
        answer.failure = QStringLiteral("Stripe at %1 did not answer within %2 s")
                             .arg(base)
                             .arg(options_.timeoutMs / 1000);
    } else if (answer.status == 0) {
        answer.failure =
            QStringLiteral("cannot reach Stripe at %1 (%2)").arg(base, reply->errorString());
    }
    return answer;
}

}  // namespace aicp

#include "metering/usagepuller.h"

#include "common/strictjson.h"
#include "metering/usageeventexport.h"
#include "metering/usageimporter.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "storage/workspace.h"

#include <memory>

#include <QBuffer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

namespace aicp {

namespace {

constexpr char kEndpointPath[] = "/api/pricing/usage/events";

struct Page {
    QJsonArray events;
    QString next;
    bool hasMore = false;
};

Result<Page> fetchPage(const QUrl& endpoint, const QByteArray& token, const QString& after,
                       int limit, int timeoutMs) {
    QUrl url = endpoint;
    QUrlQuery query;
    if (!after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), after);
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    url.setQuery(query);
    auto answer = UsagePuller::get(url, token, timeoutMs);
    if (!answer)
        return answer.error();
    const QString where = endpoint.toString(QUrl::RemoveUserInfo);
    if (answer->status != 200)
        return answer->refusal(where);
    auto object = answer->object(where);
    if (!object)
        return object.error();
    if (!object->value(u"events").isArray() || !object->value(u"next_cursor").isString())
        return Error(Error::Code::Corrupt,
                     QStringLiteral("%1 did not answer with a page of usage events").arg(where));
    return Page{object->value(u"events").toArray(), object->value(u"next_cursor").toString(),
                object->value(u"has_more").toBool()};
}

// The page as JSON Lines, the import format its events already have.
QByteArray jsonLines(const QJsonArray& events) {
    QByteArray lines;
    for (const QJsonValue& event : events) {
        lines += QJsonDocument(event.toObject()).toJson(QJsonDocument::Compact);
        lines += '\n';
    }
    return lines;
}

}  // namespace

Result<UsagePuller::Answer> UsagePuller::get(const QUrl& url, const QByteArray& token,
                                             int timeoutMs) {
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    // An API without authentication (a self-hosted OpenMeter) gets no header.
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(timeoutMs);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // A source is not trusted to keep its answers small: the reply buffers
    // little, the body is gathered here, and one that says or turns out to
    // be larger than a page can hold is cut off instead of filling memory.
    constexpr qint64 kReadBufferBytes = 1024 * 1024;
    reply->setReadBufferSize(kReadBufferBytes);
    QByteArray body;
    bool tooLarge = false;
    const auto refuse = [&reply, &tooLarge] {
        tooLarge = true;
        reply->abort();
    };
    QObject::connect(reply.get(), &QNetworkReply::metaDataChanged, &loop, [&reply, &refuse] {
        if (reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() > kMaxAnswerBytes)
            refuse();
    });
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, [&reply, &body, &refuse] {
        body += reply->readAll();
        if (body.size() > kMaxAnswerBytes)
            refuse();
    });
    loop.exec();
    if (tooLarge)
        return Error(Error::Code::Corrupt,
                     QStringLiteral("%1 answered with more than %2 MiB; refused")
                         .arg(url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery))
                         .arg(kMaxAnswerBytes / (1024 * 1024)));
    body += reply->readAll();

    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = std::move(body);
    answer.errorString = reply->errorString();
    if (answer.status == 0)
        return Error(
            Error::Code::Io,
            QStringLiteral("cannot reach %1 (%2)")
                .arg(url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), answer.errorString));
    return answer;
}

QString UsagePuller::Answer::problem() const {
    auto document = StrictJson::parse(body);
    const QJsonObject object = document ? document->object() : QJsonObject();
    for (const auto* field : {"detail", "title", "message"}) {
        const QString text = object.value(QLatin1String(field)).toString();
        if (!text.isEmpty())
            return text;
    }
    return object.value(u"error").toObject().value(u"message").toString();
}

Error UsagePuller::Answer::refusal(const QString& where) const {
    QString message = problem();
    if (message.isEmpty())
        message = errorString;
    const Error::Code code = status == 401 || status == 403 ? Error::Code::InvalidInput
                             : status == 404                ? Error::Code::NotFound
                                                            : Error::Code::Io;
    return Error(code, QStringLiteral("%1 answered %2: %3").arg(where).arg(status).arg(message));
}

Result<QJsonObject> UsagePuller::Answer::object(const QString& where) const {
    auto document = StrictJson::parse(body);
    if (!document)
        return Error(Error::Code::Corrupt, QStringLiteral("%1 answered with what is not JSON (%2)")
                                               .arg(where, document.error().message()));
    if (!document->isObject())
        return Error(Error::Code::Corrupt,
                     QStringLiteral("%1 answered with JSON that is not an object").arg(where));
    return document->object();
}

Result<QUrl> UsagePuller::endpointFor(const QUrl& source) {
    if (!source.isValid() || source.host().isEmpty() ||
        (source.scheme() != QLatin1String("http") && source.scheme() != QLatin1String("https")))
        return Error::invalidInput(QStringLiteral("'%1' is not an http(s) URL of an aicp service")
                                       .arg(source.toString(QUrl::RemoveUserInfo)));
    QUrl endpoint = source.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment |
                                    QUrl::StripTrailingSlash | QUrl::RemoveUserInfo);
    if (!endpoint.path().endsWith(QLatin1String(kEndpointPath)))
        endpoint.setPath(endpoint.path() + QLatin1String(kEndpointPath));
    return endpoint;
}

Result<QString> UsagePuller::storedCursor(const QUrl& endpoint) const {
    auto query = Statement::prepare(workspace_.handle(),
                                    "SELECT cursor FROM usage_pull_sources WHERE url = ?1");
    if (!query)
        return query.error();
    AICP_TRY(query->bindAll(endpoint.toString()));
    auto row = query->step();
    if (!row)
        return row.error();
    QString cursor = *row ? query->text(0) : QString();
    query->reset();
    return cursor;
}

Result<UsagePullReport> UsagePuller::pull(const QUrl& source, const QByteArray& token,
                                          const UsagePullOptions& options) {
    auto endpoint = endpointFor(source);
    if (!endpoint)
        return endpoint.error();
    if (options.pageSize < 1 || options.pageSize > UsageEventExport::kMaxLimit)
        return Error::invalidInput(
            QStringLiteral("the page size must be from 1 to %1").arg(UsageEventExport::kMaxLimit));
    auto cursor = storedCursor(*endpoint);
    if (!cursor)
        return cursor.error();

    UsagePullReport report;
    report.source = *endpoint;
    report.cursor = *cursor;
    while (!options.maxPages || report.pages < *options.maxPages) {
        auto page = fetchPage(*endpoint, token, report.cursor, options.pageSize, options.timeoutMs);
        if (!page)
            return page.error();
        if (page->events.isEmpty()) {
            report.complete = true;
            break;
        }
        // The page's events and the cursor past them commit together.
        auto transaction = Transaction::begin(workspace_.handle());
        if (!transaction)
            return transaction.error();
        QByteArray lines = jsonLines(page->events);
        QBuffer buffer(&lines);
        buffer.open(QIODevice::ReadOnly);
        UsageImportOptions importOptions;
        importOptions.format = UsageFormat::Jsonl;
        auto imported =
            UsageImporter(workspace_).importDevice(buffer, endpoint->toString(), importOptions);
        if (!imported)
            return imported.error();
        auto store = Statement::prepare(
            workspace_.handle(),
            "INSERT INTO usage_pull_sources (url, cursor, last_pull_at, pulled_events) "
            "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (url) DO UPDATE SET cursor = excluded.cursor, "
            "last_pull_at = excluded.last_pull_at, "
            "pulled_events = usage_pull_sources.pulled_events + excluded.pulled_events");
        if (!store)
            return store.error();
        AICP_TRY(store->bindAll(endpoint->toString(), page->next, QDateTime::currentDateTimeUtc(),
                                std::int64_t(page->events.size())));
        AICP_TRY(store->execute());
        AICP_TRY(transaction->commit());

        ++report.pages;
        report.received += page->events.size();
        report.newEvents += imported->newEvents;
        report.duplicates += imported->duplicates;
        report.late += imported->late;
        report.cursor = page->next;
        if (options.progress)
            options.progress(report.pages, report.received);
        if (!page->hasMore) {
            report.complete = true;
            break;
        }
    }
    return report;
}

}  // namespace aicp

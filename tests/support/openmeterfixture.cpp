#include "support/openmeterfixture.h"

namespace aicp::openmetertest {

void OpenMeterFixture::setRow(const QString& meter, const QString& subject,
                              const QString& windowStart, double value,
                              const QJsonObject& groupBy) {
    const std::lock_guard lock(mutex_);
    meters_.insert(meter);
    for (Row& row : rows_) {
        if (row.meter == meter && row.subject == subject && row.windowStart == windowStart &&
            row.groupBy == groupBy) {
            row.value = value;
            return;
        }
    }
    rows_.push_back({meter, subject, windowStart, value, groupBy});
}

void OpenMeterFixture::removeRows(const QString& meter, const QString& subject,
                                  const QString& windowStart) {
    const std::lock_guard lock(mutex_);
    std::erase_if(rows_, [&](const Row& row) {
        return row.meter == meter && row.subject == subject && row.windowStart == windowStart;
    });
}

QByteArray OpenMeterFixture::answer(const QJsonArray& data, const QString& windowSize) {
    return QJsonDocument(
               QJsonObject{{QStringLiteral("from"), QStringLiteral("2026-10-01T00:00:00Z")},
                           {QStringLiteral("to"), QStringLiteral("2026-10-02T00:00:00Z")},
                           {QStringLiteral("windowSize"), windowSize},
                           {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

void OpenMeterFixture::take(QTcpSocket* socket, const test::LoopbackHttpServer::Request& request) {
    const QUrl url(QStringLiteral("http://127.0.0.1") + QString::fromLatin1(request.target));
    const auto [status, body] = respond(url, request.header("authorization"));
    int delayMs = 0;
    {
        const std::lock_guard lock(mutex_);
        delayMs = delayMs_;
    }
    test::LoopbackHttpServer::reply(socket, status, body, "application/json", delayMs);
}

QByteArray OpenMeterFixture::problem(int status, const QString& detail) {
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("about:blank")},
                                     {QStringLiteral("title"), QStringLiteral("error")},
                                     {QStringLiteral("status"), status},
                                     {QStringLiteral("detail"), detail}})
        .toJson(QJsonDocument::Compact);
}

std::pair<int, QByteArray> OpenMeterFixture::respond(const QUrl& url,
                                                     const QByteArray& authorization) {
    const std::lock_guard lock(mutex_);
    requests_.push_back(url);
    if (canned_) {
        if (canned_->properAnswers <= 0)
            return {canned_->status, canned_->body};
        --canned_->properAnswers;
    }
    if (!token_.isEmpty() && authorization != "Bearer " + token_)
        return {401, problem(401, QStringLiteral("invalid API token"))};
    const QStringList path = url.path().split(u'/');
    // "", "api", "v1", "meters", meter, "query"
    if (path.size() != 6 || path[1] != u"api" || path[2] != u"v1" || path[3] != u"meters" ||
        path[5] != u"query")
        return {404, problem(404, QStringLiteral("no such route"))};
    const QString meter = path[4];
    if (meters_.count(meter) == 0)
        return {404, problem(404, QStringLiteral("meter not found: %1").arg(meter))};
    return answerQuery(meter, QUrlQuery(url));
}

// The meter's rows in [from, to), summed by hour, subject and the group-by
// keys asked. Called with mutex_ held.
std::pair<int, QByteArray> OpenMeterFixture::answerQuery(const QString& meter,
                                                         const QUrlQuery& query) const {
    if (query.queryItemValue(QStringLiteral("windowSize")) != u"HOUR")
        return {400, problem(400, QStringLiteral("the fixture answers windowSize=HOUR only"))};
    const QDateTime from = QDateTime::fromString(
        query.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded), Qt::ISODate);
    const QDateTime to = QDateTime::fromString(
        query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded), Qt::ISODate);
    if (!from.isValid() || !to.isValid() || to < from)
        return {400, problem(400, QStringLiteral("from and to must be RFC 3339 times"))};
    const QStringList subjects = query.allQueryItemValues(QStringLiteral("subject"));
    QStringList keys = query.allQueryItemValues(QStringLiteral("groupBy"));
    // As OpenMeter: rows are per subject only when grouped by the
    // reserved "subject" (or filtered by subject); else subject is null.
    const bool bySubject = keys.removeAll(QStringLiteral("subject")) > 0 || !subjects.isEmpty();

    // (subject, start, groups) -> sum, in a stable order.
    std::map<std::tuple<QString, QDateTime, QString>, std::pair<QJsonObject, double>> sums;
    for (const Row& row : rows_) {
        const QDateTime start = QDateTime::fromString(row.windowStart, Qt::ISODate);
        if (row.meter != meter || start < from || start >= to ||
            (!subjects.isEmpty() && !subjects.contains(row.subject)))
            continue;
        QJsonObject groups;
        for (const QString& key : keys)
            groups.insert(
                key, row.groupBy.value(key).isUndefined() ? QJsonValue() : row.groupBy.value(key));
        const QString groupText =
            QString::fromUtf8(QJsonDocument(groups).toJson(QJsonDocument::Compact));
        auto& [groupBy, sum] = sums[{bySubject ? row.subject : QString(), start, groupText}];
        groupBy = groups;
        sum += row.value;
    }
    QJsonArray data;
    for (const auto& [key, entry] : sums) {
        const QDateTime start = std::get<1>(key);
        QJsonObject value{
            {QStringLiteral("value"), entry.second},
            {QStringLiteral("windowStart"), start.toString(Qt::ISODate)},
            {QStringLiteral("windowEnd"), start.addSecs(3600).toString(Qt::ISODate)},
            {QStringLiteral("subject"),
             std::get<0>(key).isEmpty() ? QJsonValue() : QJsonValue(std::get<0>(key))}};
        if (!keys.isEmpty())
            value.insert(QStringLiteral("groupBy"), entry.first);
        data.append(value);
    }
    const QJsonObject result{{QStringLiteral("from"), from.toString(Qt::ISODate)},
                             {QStringLiteral("to"), to.toString(Qt::ISODate)},
                             {QStringLiteral("windowSize"), QStringLiteral("HOUR")},
                             {QStringLiteral("data"), data}};
    return {200, QJsonDocument(result).toJson(QJsonDocument::Compact)};
}

}  // namespace aicp::openmetertest

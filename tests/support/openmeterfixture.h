#pragma once

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace aicp::openmetertest {

// A tiny OpenMeter meter query API on 127.0.0.1 for the tests: it answers
// GET /api/v1/meters/{meter}/query?from=&to=&windowSize=HOUR&subject=&groupBy=
// the way OpenMeter documents it ({"from", "to", "windowSize", "data": [{"value",
// "windowStart", "windowEnd", "subject", "groupBy"}]}), summing the rows it
// holds by subject, hour and the group-by keys asked. It runs in a thread of
// its own, so a test may wait for a child process (the real `aicp`) that asks
// it. It counts and keeps the requests, and can be told to answer anything
// else (an error, malformed JSON) after a number of proper answers.
class OpenMeterFixture {
public:
    struct Row {
        QString meter;
        QString subject;
        QString windowStart;  // RFC 3339, on the hour
        double value = 0;
        QJsonObject groupBy;
    };

    OpenMeterFixture() {
        thread_.start();
        server_ = new QTcpServer;
        server_->moveToThread(&thread_);
        QMetaObject::invokeMethod(
            server_,
            [this] {
                QObject::connect(server_, &QTcpServer::newConnection, server_,
                                 [this] { acceptAll(); });
                if (server_->listen(QHostAddress::LocalHost, 0))
                    port_ = server_->serverPort();
            },
            Qt::BlockingQueuedConnection);
    }
    ~OpenMeterFixture() {
        QMetaObject::invokeMethod(
            server_, [this] { delete server_; }, Qt::BlockingQueuedConnection);
        thread_.quit();
        thread_.wait();
    }
    OpenMeterFixture(const OpenMeterFixture&) = delete;
    OpenMeterFixture& operator=(const OpenMeterFixture&) = delete;

    [[nodiscard]] bool isListening() const { return port_ != 0; }
    [[nodiscard]] QUrl url() const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port_));
    }

    // Requests without `Authorization: Bearer <token>` get a 401 when set.
    void requireToken(const QByteArray& token) {
        const std::lock_guard lock(mutex_);
        token_ = token;
    }
    void addRow(const QString& meter, const QString& subject, const QString& windowStart,
                double value, const QJsonObject& groupBy = {}) {
        const std::lock_guard lock(mutex_);
        meters_.insert(meter);
        rows_.push_back({meter, subject, windowStart, value, groupBy});
    }
    // Sets the first row with this meter, subject, hour and groups (a late
    // revision by the pipeline), adding it when there is none.
    void setRow(const QString& meter, const QString& subject, const QString& windowStart,
                double value, const QJsonObject& groupBy = {}) {
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
    void removeRows(const QString& meter, const QString& subject, const QString& windowStart) {
        const std::lock_guard lock(mutex_);
        std::erase_if(rows_, [&](const Row& row) {
            return row.meter == meter && row.subject == subject && row.windowStart == windowStart;
        });
    }
    // After `properAnswers` more proper answers, every request gets this.
    void answerWith(int status, const QByteArray& body, int properAnswers = 0) {
        const std::lock_guard lock(mutex_);
        canned_ = Canned{status, body, properAnswers};
    }
    // Every answer waits this long, so a test can kill a client mid-pull.
    void delayAnswers(int milliseconds) {
        const std::lock_guard lock(mutex_);
        delayMs_ = milliseconds;
    }
    void answerProperly() {
        const std::lock_guard lock(mutex_);
        canned_.reset();
    }
    [[nodiscard]] int requestCount() const {
        const std::lock_guard lock(mutex_);
        return int(requests_.size());
    }
    [[nodiscard]] std::vector<QUrl> requests() const {
        const std::lock_guard lock(mutex_);
        return requests_;
    }
    void clearRequests() {
        const std::lock_guard lock(mutex_);
        requests_.clear();
    }

    // A body as OpenMeter would send it for one hourly row, for tests that
    // hand-craft a broken answer from a proper one.
    static QByteArray answer(const QJsonArray& data,
                             const QString& windowSize = QStringLiteral("HOUR")) {
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("from"), QStringLiteral("2026-10-01T00:00:00Z")},
                               {QStringLiteral("to"), QStringLiteral("2026-10-02T00:00:00Z")},
                               {QStringLiteral("windowSize"), windowSize},
                               {QStringLiteral("data"), data}})
            .toJson(QJsonDocument::Compact);
    }

private:
    struct Canned {
        int status = 500;
        QByteArray body;
        int properAnswers = 0;
    };

    void acceptAll() {
        while (QTcpSocket* socket = server_->nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket,
                             [this, socket] { readRequest(socket); });
        }
    }

    void readRequest(QTcpSocket* socket) {
        QByteArray& buffer = buffers_[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        buffers_.erase(socket);
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        QByteArray authorization;
        for (const QByteArray& line : lines) {
            if (line.toLower().startsWith("authorization:"))
                authorization = line.mid(14).trimmed();
        }
        const QUrl url =
            QUrl(QStringLiteral("http://127.0.0.1") + QString::fromLatin1(requestLine.value(1)));
        const auto [status, body] = respond(url, authorization);
        QByteArray reply =
            "HTTP/1.1 " + QByteArray::number(status) + " Fixture\r\n" +
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\nConnection: close\r\n\r\n" + body;
        int delayMs = 0;
        {
            const std::lock_guard lock(mutex_);
            delayMs = delayMs_;
        }
        // The socket is the timer's context: a client gone first cancels it.
        QTimer::singleShot(delayMs, socket, [socket, reply] {
            socket->write(reply);
            socket->disconnectFromHost();
        });
    }

    static QByteArray problem(int status, const QString& detail) {
        return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("about:blank")},
                                         {QStringLiteral("title"), QStringLiteral("error")},
                                         {QStringLiteral("status"), status},
                                         {QStringLiteral("detail"), detail}})
            .toJson(QJsonDocument::Compact);
    }

    std::pair<int, QByteArray> respond(const QUrl& url, const QByteArray& authorization) {
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
        const QUrlQuery query(url);
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
                groups.insert(key, row.groupBy.value(key).isUndefined() ? QJsonValue()
                                                                        : row.groupBy.value(key));
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

    QThread thread_;
    QTcpServer* server_ = nullptr;  // lives in thread_
    quint16 port_ = 0;
    std::map<QTcpSocket*, QByteArray> buffers_;  // touched in thread_ only

    mutable std::mutex mutex_;  // guards what follows
    QByteArray token_;
    std::vector<Row> rows_;
    std::set<QString> meters_;  // every meter ever given a row stays known
    std::optional<Canned> canned_;
    std::vector<QUrl> requests_;
    int delayMs_ = 0;
};

}  // namespace aicp::openmetertest

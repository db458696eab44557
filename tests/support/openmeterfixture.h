#pragma once

#include "support/loopbackhttpserver.h"

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

    OpenMeterFixture() = default;
    OpenMeterFixture(const OpenMeterFixture&) = delete;
    OpenMeterFixture& operator=(const OpenMeterFixture&) = delete;

    [[nodiscard]] bool isListening() const { return server_.isListening(); }
    [[nodiscard]] QUrl url() const { return server_.url(); }

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
                double value, const QJsonObject& groupBy = {});
    void removeRows(const QString& meter, const QString& subject, const QString& windowStart);
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
    [[nodiscard]] static QByteArray answer(const QJsonArray& data,
                                           const QString& windowSize = QStringLiteral("HOUR"));

private:
    struct Canned {
        int status = 500;
        QByteArray body;
        int properAnswers = 0;
    };

    void take(QTcpSocket* socket, const test::LoopbackHttpServer::Request& request);
    [[nodiscard]] static QByteArray problem(int status, const QString& detail);
    [[nodiscard]] std::pair<int, QByteArray> respond(const QUrl& url,
                                                     const QByteArray& authorization);
    [[nodiscard]] std::pair<int, QByteArray> answerQuery(const QString& meter,
                                                         const QUrlQuery& query) const;

    mutable std::mutex mutex_;  // guards what follows
    QByteArray token_;
    std::vector<Row> rows_;
    std::set<QString> meters_;  // every meter ever given a row stays known
    std::optional<Canned> canned_;
    std::vector<QUrl> requests_;
    int delayMs_ = 0;
    // Last: it stops first.
    test::LoopbackHttpServer server_{
        [this](QTcpSocket* socket, const test::LoopbackHttpServer::Request& request) {
            take(socket, request);
        }};
};

}  // namespace aicp::openmetertest

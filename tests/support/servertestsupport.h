#pragma once

// Includes kept as before the move to servertestsupport.cpp: the tests use them.
#include <QByteArray>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

namespace aicp::apitest {

// One CloudEvents usage event as a gateway posts it, compact JSON.
[[nodiscard]] QByteArray cloudEvent(const QString& source, const QString& subject,
                                    const QString& id, const QString& time, int quantity = 1);

// One HTTP exchange, bounded in time.
struct Reply {
    int status = 0;  // 0: no answer
    QByteArray body;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QString errorCode() const {
        return json().value(u"error").toObject().value(u"code").toString();
    }
};

[[nodiscard]] Reply exchange(const QByteArray& method, const QUrl& url,
                             const QByteArray& token = {}, const QByteArray& body = {},
                             int timeoutMs = 15000);

// A running `aicp serve` on 127.0.0.1 and a free port: the one way tests,
// benchmarks and the soak start it and wait for its "listening on" line.
// Its request log goes to a file, not a pipe: a test blocked waiting for
// another process would not drain a pipe, and a busy service would stall
// once it filled.
class Server {
public:
    Server() = default;
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;
    ~Server();

    // `aicp serve --db db --listen 127.0.0.1:0 extra…` in `environment`;
    // false when it did not say where it listens within 20 s.
    bool start(const QString& program, const QString& db, const QProcessEnvironment& environment,
               const QStringList& extra = {});
    // The same in this process's environment without AICP_DB.
    bool start(const QString& program, const QString& db);

    // `path` may carry a query ("/api/pricing/usage?customer=acme").
    [[nodiscard]] QUrl url(const QString& path) const;
    [[nodiscard]] const QUrl& base() const { return base_; }
    [[nodiscard]] qint64 pid() const { return process_.processId(); }
    // What it printed on standard output up to its "listening on" line.
    [[nodiscard]] QString banner() const { return QString::fromUtf8(out_); }
    // SIGTERM, then the exit code (-1 when it did not stop within `timeoutMs`).
    int terminate(int timeoutMs = 15000);
    // The request log: one line per request, then the shutdown lines.
    [[nodiscard]] QString logPath() const;
    [[nodiscard]] QString log() const;

private:
    QTemporaryDir logDir_;
    QProcess process_;
    QByteArray out_;
    QUrl base_;
};

}  // namespace aicp::apitest

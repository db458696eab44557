#pragma once

#include "common/result.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

class QTextStream;

namespace aicp {

class ApiService;

// Serves an ApiService over HTTP/1.1 with Qt HttpServer, on the thread that
// owns it. Each request is answered by the service and logged as one line
// "<UTC time> <method> <path> <status> <ms>ms" — the path without its query,
// never a header, so no token reaches the log. The log is written once per
// pass of the event loop and when the server stops.
class ApiHttpServer final : public QAbstractHttpServer {
    Q_OBJECT
public:
    ApiHttpServer(ApiService& service, QTextStream& log, QObject* parent = nullptr);
    ~ApiHttpServer() override;

    // Port 0 picks a free one; returns the port listened on.
    [[nodiscard]] Result<quint16> start(const QHostAddress& address, quint16 port);
    // Stops accepting connections and waits (up to `timeoutMs`) until every
    // answer already written has left, so no client is cut off mid-response.
    void stop(int timeoutMs);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    void scheduleLogFlush();
    [[nodiscard]] QString logTime();

    ApiService& service_;
    QTextStream& log_;
    bool logFlushPending_ = false;
    qint64 logSecond_ = -1;
    QString logSecondText_;
};

}  // namespace aicp

#pragma once

#include "common/result.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

namespace aicp {

class ApiService;
class ServiceLog;

// Serves an ApiService over HTTP/1.1 with Qt HttpServer, on the thread that
// owns it. Each request is answered by the service and logged as one line
// "<UTC time> <method> <path> <status> <ms>ms" — the path without its query,
// never a header, so no token reaches the log. The lines go to the log once
// per pass of the event loop and when the server stops.
class ApiHttpServer final : public QAbstractHttpServer {
    Q_OBJECT
public:
    ApiHttpServer(ApiService& service, ServiceLog& log, QObject* parent = nullptr);
    ~ApiHttpServer() override;

    // Accepts connections on `descriptor`, a socket already listening (one
    // of several threads' descriptors for the same socket: whichever thread
    // accepts a connection first answers it). The server owns the
    // descriptor from here on, also when this fails.
    [[nodiscard]] Status adopt(qintptr descriptor);
    // Stops accepting connections and waits (up to `timeoutMs`) until every
    // answer already written has left, so no client is cut off mid-response.
    void stop(int timeoutMs);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    void scheduleLogFlush();
    void flushLog();
    [[nodiscard]] QString logTime();

    ApiService& service_;
    ServiceLog& log_;
    QString logLines_;
    bool logFlushPending_ = false;
    qint64 logSecond_ = -1;
    QString logSecondText_;
};

}  // namespace aicp

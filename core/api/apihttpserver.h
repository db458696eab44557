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
// never a header, so no token reaches the log.
class ApiHttpServer final : public QAbstractHttpServer {
    Q_OBJECT
public:
    ApiHttpServer(ApiService& service, QTextStream& log, QObject* parent = nullptr);

    // Port 0 picks a free one; returns the port listened on.
    [[nodiscard]] Result<quint16> start(const QHostAddress& address, quint16 port);
    // Stops accepting connections and waits (up to `timeoutMs`) until every
    // answer already written has left, so no client is cut off mid-response.
    void stop(int timeoutMs);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    ApiService& service_;
    QTextStream& log_;
};

}  // namespace aicp

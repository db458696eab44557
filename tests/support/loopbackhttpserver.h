#pragma once

#include <functional>
#include <map>

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QThread>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace aicp::test {

// An HTTP/1.1 server on 127.0.0.1 and a free port for the test fixtures, in
// a thread of its own, so a child process (the real `aicp`) can be its
// client while the test waits for it. It gathers each whole request (its
// headers and a Content-Length body) and hands it to `answer` in that
// thread, which replies (reply()), drops the connection or leaves it hanging.
// A fixture holds one as its last member: it stops first, before anything
// its `answer` uses is gone.
class LoopbackHttpServer {
public:
    struct Request {
        QByteArray method;
        QByteArray target;                         // the path and query, as sent
        std::map<QByteArray, QByteArray> headers;  // names in lower case
        QByteArray body;

        [[nodiscard]] QByteArray header(const char* name) const {
            const auto it = headers.find(QByteArray(name));
            return it == headers.end() ? QByteArray() : it->second;
        }
    };
    using Answer = std::function<void(QTcpSocket* socket, const Request& request)>;

    explicit LoopbackHttpServer(Answer answer);
    ~LoopbackHttpServer();
    LoopbackHttpServer(const LoopbackHttpServer&) = delete;
    LoopbackHttpServer& operator=(const LoopbackHttpServer&) = delete;

    [[nodiscard]] bool isListening() const { return port_ != 0; }
    [[nodiscard]] QUrl url(const QString& path = {}) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port_).arg(path));
    }

    using Headers = QList<QPair<QByteArray, QByteArray>>;

    // Writes a whole answer and closes, after `delayMs` (a client gone
    // first cancels it); `headers` go out after Content-Type.
    static void reply(QTcpSocket* socket, int status, const QByteArray& body = {},
                      const QByteArray& contentType = "application/json", int delayMs = 0,
                      const Headers& headers = {});

private:
    void acceptAll();
    void read(QTcpSocket* socket);

    Answer answer_;
    QThread thread_;
    QTcpServer* server_ = nullptr;  // lives in thread_
    quint16 port_ = 0;
    std::map<QTcpSocket*, QByteArray> buffers_;  // touched in thread_ only
};

}  // namespace aicp::test

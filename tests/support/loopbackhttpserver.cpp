#include "support/loopbackhttpserver.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace aicp::test {

LoopbackHttpServer::LoopbackHttpServer(Answer answer) : answer_(std::move(answer)) {
    thread_.start();
    server_ = new QTcpServer;
    server_->moveToThread(&thread_);
    QMetaObject::invokeMethod(
        server_,
        [this] {
            QObject::connect(server_, &QTcpServer::newConnection, server_, [this] { acceptAll(); });
            if (server_->listen(QHostAddress::LocalHost, 0))
                port_ = server_->serverPort();
        },
        Qt::BlockingQueuedConnection);
}

LoopbackHttpServer::~LoopbackHttpServer() {
    QMetaObject::invokeMethod(
        server_, [this] { delete server_; }, Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
}

void LoopbackHttpServer::reply(QTcpSocket* socket, int status, const QByteArray& body,
                               const QByteArray& contentType, int delayMs, const Headers& headers) {
    QByteArray extra;
    for (const auto& [name, value] : headers)
        extra += name + ": " + value + "\r\n";
    const QByteArray answer = "HTTP/1.1 " + QByteArray::number(status) +
                              " Fixture\r\nContent-Type: " + contentType + "\r\n" + extra +
                              "Content-Length: " + QByteArray::number(body.size()) +
                              "\r\nConnection: close\r\n\r\n" + body;
    // The socket is the timer's context: a client gone first cancels it.
    QTimer::singleShot(delayMs, socket, [socket, answer] {
        socket->write(answer);
        socket->disconnectFromHost();
    });
}

void LoopbackHttpServer::acceptAll() {
    while (QTcpSocket* socket = server_->nextPendingConnection()) {
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
            buffers_.erase(socket);
            socket->deleteLater();
        });
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
    }
}

void LoopbackHttpServer::read(QTcpSocket* socket) {
    QByteArray& buffer = buffers_[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    Request request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers[lines[i].left(colon).trimmed().toLower()] =
                lines[i].mid(colon + 1).trimmed();
    }
    const qsizetype length = request.header("content-length").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return;  // the body is still coming
    request.body = buffer.mid(headerEnd + 4, length);
    buffers_.erase(socket);
    answer_(socket, request);
}

}  // namespace aicp::test

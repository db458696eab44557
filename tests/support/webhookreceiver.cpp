#include "support/webhookreceiver.h"

#include <QHostAddress>
#include <QMessageAuthenticationCode>
#include <QTcpSocket>

namespace aicp::test {

WebhookReceiver::WebhookReceiver(QByteArray secret) : secret_(std::move(secret)) {
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

WebhookReceiver::~WebhookReceiver() {
    QMetaObject::invokeMethod(
        server_, [this] { delete server_; }, Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
}

QUrl WebhookReceiver::url(const QString& path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port_).arg(path));
}

void WebhookReceiver::script(std::vector<Reply> replies) {
    const std::lock_guard lock(mutex_);
    script_.assign(replies.begin(), replies.end());
}

std::vector<WebhookReceiver::Received> WebhookReceiver::received() const {
    const std::lock_guard lock(mutex_);
    return received_;
}

std::map<QByteArray, int> WebhookReceiver::accepted() const {
    const std::lock_guard lock(mutex_);
    std::map<QByteArray, int> counts;
    for (const Received& request : received_)
        if (request.answered2xx)
            ++counts[request.id];
    return counts;
}

bool WebhookReceiver::verify(const QByteArray& id, const QByteArray& timestamp,
                             const QByteArray& body, const QByteArray& signature) const {
    if (!secret_.startsWith("whsec_"))
        return false;
    const QByteArray key = QByteArray::fromBase64(secret_.mid(6));
    const QByteArray expected =
        "v1," + QMessageAuthenticationCode::hash(id + '.' + timestamp + '.' + body, key,
                                                 QCryptographicHash::Sha256)
                    .toBase64();
    // The header may carry several space-separated signatures.
    for (const QByteArray& one : signature.split(' '))
        if (one == expected)
            return true;
    return false;
}

void WebhookReceiver::acceptAll() {
    while (QTcpSocket* socket = server_->nextPendingConnection()) {
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
            buffers_.erase(socket);
            socket->deleteLater();
        });
        QObject::connect(socket, &QTcpSocket::readyRead, socket,
                         [this, socket] { readRequest(socket); });
    }
}

void WebhookReceiver::readRequest(QTcpSocket* socket) {
    QByteArray& buffer = buffers_[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    Received request;
    qsizetype length = 0;
    for (const QByteArray& line : buffer.left(headerEnd).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "webhook-id")
            request.id = value;
        else if (name == "webhook-timestamp")
            request.timestamp = value;
        else if (name == "webhook-signature")
            request.signature = value;
        else if (name == "content-type")
            request.contentType = value;
    }
    if (buffer.size() < headerEnd + 4 + length)
        return;  // the body is still coming
    request.body = buffer.mid(headerEnd + 4, length);
    buffers_.erase(socket);
    request.signatureValid = verify(request.id, request.timestamp, request.body, request.signature);
    Reply reply;
    {
        const std::lock_guard lock(mutex_);
        if (!script_.empty()) {
            reply = script_.front();
            script_.pop_front();
        }
        request.answered2xx =
            reply.behaviour == Behaviour::Answer && reply.status >= 200 && reply.status <= 299;
        received_.push_back(request);
    }
    switch (reply.behaviour) {
        case Behaviour::Answer:
            socket->write("HTTP/1.1 " + QByteArray::number(reply.status) +
                          " Receiver\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
            break;
        case Behaviour::Drop:
            socket->abort();
            break;
        case Behaviour::Hang:
            break;  // the client gives up
    }
}

}  // namespace aicp::test

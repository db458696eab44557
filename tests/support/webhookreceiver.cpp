#include "support/webhookreceiver.h"

#include <QMessageAuthenticationCode>
#include <QTcpSocket>

namespace aicp::test {

WebhookReceiver::WebhookReceiver(QByteArray secret) : secret_(std::move(secret)) {}

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

void WebhookReceiver::take(QTcpSocket* socket, const LoopbackHttpServer::Request& request) {
    Received received;
    received.id = request.header("webhook-id");
    received.timestamp = request.header("webhook-timestamp");
    received.signature = request.header("webhook-signature");
    received.contentType = request.header("content-type");
    received.body = request.body;
    received.signatureValid =
        verify(received.id, received.timestamp, received.body, received.signature);
    Reply reply;
    {
        const std::lock_guard lock(mutex_);
        if (!script_.empty()) {
            reply = script_.front();
            script_.pop_front();
        }
        received.answered2xx =
            reply.behaviour == Behaviour::Answer && reply.status >= 200 && reply.status <= 299;
        received_.push_back(received);
    }
    switch (reply.behaviour) {
        case Behaviour::Answer:
            LoopbackHttpServer::reply(socket, reply.status);
            break;
        case Behaviour::Drop:
            socket->abort();
            break;
        case Behaviour::Hang:
            break;  // the client gives up
    }
}

}  // namespace aicp::test

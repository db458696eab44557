#pragma once

#include "support/loopbackhttpserver.h"

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <vector>

#include <QByteArray>
#include <QUrl>

namespace aicp::test {

// A webhook receiver on 127.0.0.1 for the tests, written from the Standard
// Webhooks specification and nothing of aicp's: it checks each POST's
// `webhook-signature` (v1, base64 HMAC-SHA256 over "<id>.<timestamp>.<body>"
// keyed with the base64 after "whsec_") against the secret it is given,
// keeps every request, and answers 204, or what it is told to for the next
// requests: a status, a dropped connection, or no answer at all. It runs in
// a thread of its own, so a child process (`aicp`) can be its client.
class WebhookReceiver {
public:
    enum class Behaviour { Answer, Drop, Hang };
    struct Reply {
        Behaviour behaviour = Behaviour::Answer;
        int status = 204;
    };
    struct Received {
        QByteArray id;
        QByteArray timestamp;
        QByteArray signature;
        QByteArray contentType;
        QByteArray body;
        bool signatureValid = false;
        bool answered2xx = false;
    };

    explicit WebhookReceiver(QByteArray secret);

    [[nodiscard]] bool isListening() const { return server_.isListening(); }
    [[nodiscard]] QUrl url(const QString& path = QStringLiteral("/hooks")) const {
        return server_.url(path);
    }

    // How to answer the next requests, in order; then 204 again.
    void script(std::vector<Reply> replies);
    [[nodiscard]] std::vector<Received> received() const;
    // The messages taken with a 2xx, by webhook-id: how often each was.
    [[nodiscard]] std::map<QByteArray, int> accepted() const;

private:
    void take(QTcpSocket* socket, const LoopbackHttpServer::Request& request);
    [[nodiscard]] bool verify(const QByteArray& id, const QByteArray& timestamp,
                              const QByteArray& body, const QByteArray& signature) const;

    const QByteArray secret_;
    mutable std::mutex mutex_;
    std::deque<Reply> script_;
    std::vector<Received> received_;
    // Last: it stops first.
    LoopbackHttpServer server_{
        [this](QTcpSocket* socket, const LoopbackHttpServer::Request& request) {
            take(socket, request);
        }};
};

}  // namespace aicp::test

#include "server/apihttpserver.h"

#include "server/apiservice.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>

namespace aicp {

namespace {

// "GET", "POST", …: the enum's own key ("Get") in upper case.
QByteArray methodName(QHttpServerRequest::Method method) {
    const char* key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return key ? QByteArray(key).toUpper() : QByteArray("UNKNOWN");
}

}  // namespace

ApiHttpServer::ApiHttpServer(ApiService& service, QTextStream& log, QObject* parent)
    : QAbstractHttpServer(parent), service_(service), log_(log) {}

Result<quint16> ApiHttpServer::start(const QHostAddress& address, quint16 port) {
    auto* server = new QTcpServer(this);
    if (!server->listen(address, port)) {
        const QString why = server->errorString();
        delete server;
        return Error(Error::Code::Io, QStringLiteral("cannot listen on %1:%2 (%3)")
                                          .arg(address.toString())
                                          .arg(port)
                                          .arg(why));
    }
    bind(server);
    return server->serverPort();
}

ApiHttpServer::~ApiHttpServer() {
    log_.flush();
}

void ApiHttpServer::stop(int timeoutMs) {
    for (QTcpServer* server : servers())
        server->close();
    log_.flush();
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        bool pending = false;
        for (QTcpSocket* socket : findChildren<QTcpSocket*>())
            pending = pending || socket->bytesToWrite() > 0;
        if (!pending)
            break;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
}

bool ApiHttpServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) {
    QElapsedTimer clock;
    clock.start();
    ApiRequest api;
    api.method = methodName(request.method());
    api.path = request.url().path(QUrl::FullyDecoded);
    api.query = QUrlQuery(request.url());
    api.authorization = request.value("Authorization");
    api.body = request.body();
    bool lengthOk = false;
    const qint64 length = request.value("Content-Length").toLongLong(&lengthOk);
    api.declaredLength = lengthOk ? length : -1;

    const ApiResponse response = service_.handle(api);

    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    responder.writeHeader("Content-Type", response.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeHeader("Cache-Control", "no-store");
    for (const auto& [name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeBody(response.body);

    log_ << logTime() << ' ' << QString::fromLatin1(api.method) << ' ' << api.path << ' '
         << response.status << ' ' << QString::number(double(clock.nsecsElapsed()) / 1e6, 'f', 1)
         << "ms\n";
    scheduleLogFlush();
    return true;
}

QString ApiHttpServer::logTime() {
    // Qt::ISODateWithMs ("2026-11-26T04:10:50.123Z"), with the part up to
    // the second formatted once a second rather than once a request.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 second = now / 1000;
    if (second != logSecond_ || logSecondText_.isEmpty()) {
        logSecond_ = second;
        logSecondText_ =
            QDateTime::fromSecsSinceEpoch(second, Qt::UTC).toString(Qt::ISODate).chopped(1);
    }
    return logSecondText_ + u'.' + QString::number(now % 1000).rightJustified(3, u'0') + u'Z';
}

void ApiHttpServer::scheduleLogFlush() {
    // One write for all the requests answered in this pass of the event
    // loop, not one per request: under load that is a system call saved per
    // request, and idle the line still appears at once.
    if (logFlushPending_)
        return;
    logFlushPending_ = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            logFlushPending_ = false;
            log_.flush();
        },
        Qt::QueuedConnection);
}

void ApiHttpServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) {
    // handleRequest() answers every request; this is only reached if it
    // ever declines one.
    makeResponder(request, socket)
        .write(QByteArray(R"({"error":{"code":"not_found","message":"no such endpoint"}})"),
               "application/json", QHttpServerResponder::StatusCode::NotFound);
}

}  // namespace aicp

#include "server/apihttpserver.h"

#include "server/apiservice.h"
#include "server/servicelog.h"

#include <unistd.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QTcpServer>
#include <QTcpSocket>

namespace aicp {

namespace {

// "GET", "POST", …: the enum's own key ("Get") in upper case.
QByteArray methodName(QHttpServerRequest::Method method) {
    // The two every client uses, without a lookup.
    if (method == QHttpServerRequest::Method::Get)
        return QByteArrayLiteral("GET");
    if (method == QHttpServerRequest::Method::Post)
        return QByteArrayLiteral("POST");
    const char* key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return key ? QByteArray(key).toUpper() : QByteArray("UNKNOWN");
}

// The reason phrases (RFC 9110) of the statuses the service answers with;
// empty for any other, which QHttpServerResponder then writes.
QByteArrayView reasonPhrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 204:
            return "No Content";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 409:
            return "Conflict";
        case 413:
            return "Content Too Large";
        case 429:
            return "Too Many Requests";
        case 500:
            return "Internal Server Error";
        case 501:
            return "Not Implemented";
        case 503:
            return "Service Unavailable";
        default:
            return {};
    }
}

void appendHeader(QByteArray& out, QByteArrayView name, QByteArrayView value) {
    out.append(name).append(": ").append(value).append("\r\n");
}

}  // namespace

ApiHttpServer::ApiHttpServer(ApiService& service, ServiceLog& log, QObject* parent)
    : QAbstractHttpServer(parent), service_(service), log_(log) {}

Status ApiHttpServer::adopt(qintptr descriptor) {
    auto* server = new QTcpServer(this);
    if (!server->setSocketDescriptor(descriptor)) {
        const QString why = server->errorString();
        delete server;
        ::close(int(descriptor));
        return Error(
            Error::Code::Io,
            QStringLiteral("cannot accept connections on the listening socket (%1)").arg(why));
    }
    bind(server);
    return {};
}

ApiHttpServer::~ApiHttpServer() {
    flushLog();
}

void ApiHttpServer::flushLog() {
    log_.write(logLines_);
    logLines_.clear();
}

void ApiHttpServer::stop(int timeoutMs) {
    for (QTcpServer* server : servers())
        server->close();
    flushLog();
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
    const QUrl url = request.url();
    api.path = url.path(QUrl::FullyDecoded);
    if (url.hasQuery())
        api.query = QUrlQuery(url);
    api.authorization = request.value("Authorization");
    api.body = request.body();
    bool lengthOk = false;
    const qint64 length = request.value("Content-Length").toLongLong(&lengthOk);
    api.declaredLength = lengthOk ? length : -1;

    const ApiResponse response = service_.handle(api);

    // The whole answer in one write to the socket: QHttpServerResponder
    // writes each piece of each line on its own, which under load costs more
    // than answering the request.
    QByteArray out;
    out.reserve(256 + response.body.size());
    if (const QByteArrayView reason = reasonPhrase(response.status); !reason.isEmpty()) {
        out.append("HTTP/1.1 ").append(QByteArray::number(response.status)).append(' ');
        out.append(reason).append("\r\n");
    } else {
        makeResponder(request, socket)
            .writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    }
    appendHeader(out, "Content-Type", response.contentType);
    appendHeader(out, "Content-Length", QByteArray::number(response.body.size()));
    appendHeader(out, "Cache-Control", "no-store");
    for (const auto& [name, value] : response.headers)
        appendHeader(out, name, value);
    out.append("\r\n").append(response.body);
    socket->write(out);

    logLines_ += logTime() + u' ' + QLatin1String(api.method) + u' ' + api.path + u' ' +
                 QString::number(response.status) + u' ' +
                 QString::number(double(clock.nsecsElapsed()) / 1e6, 'f', 1) +
                 QStringLiteral("ms\n");
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
            flushLog();
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

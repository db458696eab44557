#include "support/servertestsupport.h"

#include <QDebug>

namespace aicp::apitest {

namespace {
constexpr qsizetype kLogTailChars = 6000;
}  // namespace

QByteArray cloudEvent(const QString& source, const QString& subject, const QString& id,
                      const QString& time, int quantity) {
    return QJsonDocument(
               QJsonObject{{QStringLiteral("specversion"), QStringLiteral("1.0")},
                           {QStringLiteral("id"), id},
                           {QStringLiteral("source"), source},
                           {QStringLiteral("type"), QStringLiteral("ai.request.governed")},
                           {QStringLiteral("time"), time},
                           {QStringLiteral("subject"), subject},
                           {QStringLiteral("data"),
                            QJsonObject{{QStringLiteral("agent_id"), QStringLiteral("agent-1")},
                                        {QStringLiteral("user_id"), QStringLiteral("user-1")},
                                        {QStringLiteral("policy_packs"), QJsonArray()},
                                        {QStringLiteral("compliance_modules"), QJsonArray()},
                                        {QStringLiteral("quantity"), quantity}}}})
        .toJson(QJsonDocument::Compact);
}

Reply exchange(const QByteArray& method, const QUrl& url, const QByteArray& token,
               const QByteArray& body, int timeoutMs) {
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    if (!body.isEmpty() || method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setTransferTimeout(timeoutMs);
    QNetworkReply* reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs + 1000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    reply->deleteLater();
    return result;
}

Server::~Server() {
    if (process_.state() != QProcess::NotRunning) {
        process_.kill();
        process_.waitForFinished(5000);
    }
}

bool Server::start(const QString& program, const QString& db,
                   const QProcessEnvironment& environment, const QStringList& extra) {
    if (!logDir_.isValid())
        return false;
    process_.setStandardErrorFile(logPath());
    process_.setProcessEnvironment(environment);
    process_.start(program, QStringList{QStringLiteral("serve"), QStringLiteral("--db"), db,
                                        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} +
                                extra);
    if (!process_.waitForStarted(15000))
        return false;
    static const QRegularExpression listening(
        QStringLiteral("listening on (http://127\\.0\\.0\\.1:(\\d+))"));
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 20000) {
        process_.waitForReadyRead(200);
        out_ += process_.readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(out_));
        if (match.hasMatch()) {
            base_ = QUrl(match.captured(1));
            return true;
        }
        if (process_.state() == QProcess::NotRunning)
            return false;
    }
    return false;
}

bool Server::start(const QString& program, const QString& db) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("AICP_DB"));
    return start(program, db, environment);
}

QUrl Server::url(const QString& path) const {
    QUrl url = base_;
    const qsizetype query = path.indexOf(u'?');
    url.setPath(query < 0 ? path : path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    return url;
}

int Server::terminate(int timeoutMs) {
    process_.terminate();
    int code = -1;
    if (process_.waitForFinished(timeoutMs)) {
        code = process_.exitStatus() == QProcess::NormalExit ? process_.exitCode() : -1;
    } else {
        process_.kill();
        process_.waitForFinished();
    }
    if (code != 0)  // a sanitizer's report, a crash, a hang: what the service said last
        qWarning().noquote() << "aicp serve stopped with" << code << "; its log ends:\n"
                             << log().right(kLogTailChars);
    return code;
}

QString Server::logPath() const {
    return logDir_.filePath(QStringLiteral("serve.log"));
}

QString Server::log() const {
    QFile file(logPath());
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

}  // namespace aicp::apitest

// `aicp serve` answering from several threads: a request that reads is not
// held up by a long import on another connection; overlapping batches
// posted at once through every thread store each event once; a bad
// --threads is refused. On PostgreSQL when the tests run there.
#include "support/clirunner.h"
#include "support/servertestsupport.h"

#include <vector>

#include <QTest>

using aicp::apitest::exchange;
using aicp::apitest::Server;
using aicp::clitest::CliRun;
using aicp::clitest::CliSandbox;

namespace {

constexpr int kLongBatch = 20'000;

QByteArray eventAt(int n) {
    return aicp::apitest::cloudEvent(
        QStringLiteral("gw-threads"), QStringLiteral("threads-customer"),
        QStringLiteral("threads-%1").arg(n),
        QStringLiteral("2026-11-03T10:%1:00Z").arg(n % 60, 2, 10, QChar(u'0')));
}

// Events first..last-1 as one JSON array.
QByteArray batch(int first, int last) {
    QByteArray body = "[";
    for (int n = first; n < last; ++n)
        body += (n > first ? "," : "") + eventAt(n);
    return body + "]";
}

QNetworkRequest authorized(const QUrl& url, const QByteArray& token) {
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setTransferTimeout(60'000);
    return request;
}

}  // namespace

class TstServerThreads : public QObject {
    Q_OBJECT

private:
    CliSandbox sandbox_;
    QString db_;
    QByteArray ingestToken_;

    qint64 storedEvents(const Server& server) const {
        const auto reply =
            exchange("GET", server.url(QStringLiteral("/api/pricing/stats")), ingestToken_);
        return reply.status == 200 ? reply.json().value(u"usage_events").toInteger(-1) : -1;
    }

private slots:
    void initTestCase() {
        QVERIFY(sandbox_.isReady());
        db_ = sandbox_.workspace(QStringLiteral("threads.aicp"));
        QCOMPARE(sandbox_
                     .run({QStringLiteral("--db"), db_, QStringLiteral("workspace"),
                           QStringLiteral("create")})
                     .exitCode,
                 0);
        const CliRun made = sandbox_.run({QStringLiteral("--db"), db_, QStringLiteral("tokens"),
                                          QStringLiteral("create"), QStringLiteral("--role"),
                                          QStringLiteral("ingest")});
        QCOMPARE(made.exitCode, 0);
        ingestToken_ = made.firstLine().toUtf8();
    }

    void readsAreAnsweredWhileAnotherThreadImports() {
        Server server;
        QVERIFY(server.start(qEnvironmentVariable("AICP_CLI"), db_, sandbox_.environment(),
                             {QStringLiteral("--threads"), QStringLiteral("2")}));
        QVERIFY(server.banner().contains(QStringLiteral("2 threads")));
        const qint64 before = storedEvents(server);

        // A long import on one connection; once its body has left, a health
        // check every few milliseconds on new connections. The idle thread
        // answers them while the import runs; with one thread they would
        // all wait for it.
        QNetworkAccessManager network;
        QNetworkReply* import = network.post(
            authorized(server.url(QStringLiteral("/api/pricing/usage/events")), ingestToken_),
            batch(0, kLongBatch));
        bool uploaded = false;
        connect(import, &QNetworkReply::uploadProgress, this,
                [&uploaded](qint64 sent, qint64 total) { uploaded = total > 0 && sent == total; });
        int answeredDuringImport = 0;
        std::vector<QNetworkReply*> checks;
        QElapsedTimer clock;
        clock.start();
        while (!import->isFinished() && clock.elapsed() < 60'000) {
            QTest::qWait(5);
            if (!uploaded || checks.size() >= 50)
                continue;
            QNetworkRequest check(server.url(QStringLiteral("/healthz")));
            check.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
            QNetworkReply* reply = network.get(check);
            connect(reply, &QNetworkReply::finished, this, [&answeredDuringImport, import] {
                if (!import->isFinished())
                    ++answeredDuringImport;
            });
            checks.push_back(reply);
        }
        QVERIFY(import->isFinished());
        QCOMPARE(import->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(QJsonDocument::fromJson(import->readAll()).object().value(u"new").toInteger(),
                 kLongBatch);
        QVERIFY2(answeredDuringImport >= 2,
                 qPrintable(QStringLiteral("%1 of %2 health checks answered during the import")
                                .arg(answeredDuringImport)
                                .arg(checks.size())));
        QCOMPARE(storedEvents(server), before + kLongBatch);
        QCOMPARE(server.terminate(), 0);
        QVERIFY(server.log().contains(QStringLiteral("stopped; workspace closed")));
    }

    void overlappingBatchesFromEveryThreadStoreEachEventOnce() {
        Server server;
        QVERIFY(server.start(qEnvironmentVariable("AICP_CLI"), db_, sandbox_.environment(),
                             {QStringLiteral("--threads"), QStringLiteral("3")}));
        const qint64 before = storedEvents(server);
        // Eight batches of 600 events, each sharing 300 with the next: 2,700
        // distinct events, of which 0..19,999 were stored by the test above
        // when it ran first.
        constexpr int kBase = 100'000;
        QNetworkAccessManager network;
        std::vector<QNetworkReply*> replies;
        for (int i = 0; i < 8; ++i)
            replies.push_back(network.post(
                authorized(server.url(QStringLiteral("/api/pricing/usage/events")), ingestToken_),
                batch(kBase + i * 300, kBase + i * 300 + 600)));
        QElapsedTimer clock;
        clock.start();
        const auto finished = [&replies] {
            return std::all_of(replies.begin(), replies.end(),
                               [](QNetworkReply* reply) { return reply->isFinished(); });
        };
        while (!finished() && clock.elapsed() < 60'000)
            QTest::qWait(10);
        QVERIFY(finished());
        qint64 reportedNew = 0;
        qint64 reportedDuplicate = 0;
        for (QNetworkReply* reply : replies) {
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            const QJsonObject counts = QJsonDocument::fromJson(reply->readAll()).object();
            reportedNew += counts.value(u"new").toInteger();
            reportedDuplicate += counts.value(u"duplicate").toInteger();
        }
        QCOMPARE(reportedNew, 2700);
        QCOMPARE(reportedDuplicate, 8 * 600 - 2700);
        QCOMPARE(storedEvents(server), before + 2700);
        QCOMPARE(server.terminate(), 0);
    }

    void refusesABadThreadCount() {
        for (const QString& bad :
             {QStringLiteral("0"), QStringLiteral("17"), QStringLiteral("two")}) {
            const CliRun run = sandbox_.run({QStringLiteral("serve"), QStringLiteral("--db"), db_,
                                             QStringLiteral("--threads"), bad});
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(
                         QStringLiteral("--threads takes a whole number from 1 to 16, not '%1'")
                             .arg(bad)),
                     qPrintable(run.err));
        }
    }
};

QTEST_GUILESS_MAIN(TstServerThreads)
#include "tst_serverthreads.moc"

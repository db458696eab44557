// The real `aicp serve` on 127.0.0.1: tokens made by the CLI, events posted
// over HTTP, a second workspace pulling them with `aicp usage pull`, an
// interrupted pull resumed, and a clean SIGTERM shutdown with its log. Both
// workspaces are PostgreSQL databases when the tests run there.
#include "support/clirunner.h"
#include "support/servertestsupport.h"

#include <QJsonArray>
#include <QTest>

using aicp::apitest::exchange;
using aicp::apitest::Server;
using aicp::clitest::CliRun;
using aicp::clitest::CliSandbox;

namespace {

QByteArray cloudEvent(const QString& id, const QString& time, int quantity = 1) {
    return aicp::apitest::cloudEvent(QStringLiteral("gw-test"),
                                     QStringLiteral("http-test-customer"), id, time, quantity);
}

}  // namespace

class TstApiServer : public QObject {
    Q_OBJECT

private:
    CliSandbox sandbox_;
    QString source_;
    QByteArray readToken_;
    QByteArray ingestToken_;

    CliRun aicp(const QStringList& arguments) const {
        return sandbox_.run(arguments, sandbox_.environment());
    }
    QByteArray token(const QString& role) const {
        const CliRun run = aicp({QStringLiteral("--db"), source_, QStringLiteral("tokens"),
                                 QStringLiteral("create"), QStringLiteral("--role"), role});
        return run.exitCode == 0 ? run.firstLine().toUtf8() : QByteArray();
    }

private slots:
    void initTestCase() {
        QVERIFY(sandbox_.isReady());
        source_ = sandbox_.workspace(QStringLiteral("source.aicp"));
        QCOMPARE(aicp({QStringLiteral("demo"), QStringLiteral("--db"), source_}).exitCode, 0);
        readToken_ = token(QStringLiteral("read"));
        ingestToken_ = token(QStringLiteral("ingest"));
        QVERIFY(readToken_.startsWith("aicp_"));
        QCOMPARE(readToken_.size(), 48);  // "aicp_" and 43 base64url characters
        QVERIFY(ingestToken_.startsWith("aicp_"));
    }

    void tokensAreListedWithoutTheirText() {
        const CliRun run = aicp({QStringLiteral("--db"), source_, QStringLiteral("tokens"),
                                 QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray tokens =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"tokens").toArray();
        QVERIFY(tokens.size() >= 2);
        QCOMPARE(tokens[0].toObject().value(u"role").toString(), QStringLiteral("read"));
        QVERIFY(!run.out.contains(QString::fromLatin1(readToken_)));
    }

    void servesPostsPullsAndStopsCleanly() {
        Server server;
        QVERIFY(server.start(qEnvironmentVariable("AICP_CLI"), source_, sandbox_.environment()));

        auto health = exchange("GET", server.url(QStringLiteral("/healthz")));
        QCOMPARE(health.status, 200);
        QCOMPARE(exchange("GET", server.url(QStringLiteral("/api/pricing/tiers"))).status, 401);
        QCOMPARE(
            exchange("GET", server.url(QStringLiteral("/api/pricing/tiers")), "aicp_wrong").status,
            401);

        // Ingest: a batch of three, one repeated within it.
        const QByteArray batch =
            "[" + cloudEvent(QStringLiteral("e-1"), QStringLiteral("2026-01-05T10:00:00Z")) + "," +
            cloudEvent(QStringLiteral("e-2"), QStringLiteral("2026-01-05T11:00:00Z"), 3) + "," +
            cloudEvent(QStringLiteral("e-1"), QStringLiteral("2026-01-05T10:00:00Z")) + "]";
        const QUrl events = server.url(QStringLiteral("/api/pricing/usage/events"));
        QCOMPARE(exchange("POST", events, readToken_, batch).status, 403);
        auto posted = exchange("POST", events, ingestToken_, batch);
        QCOMPARE(posted.status, 200);
        QCOMPARE(posted.json().value(u"new").toInt(), 2);
        QCOMPARE(posted.json().value(u"duplicate").toInt(), 1);
        QCOMPARE(posted.json().value(u"rejected").toInt(), 0);
        // Again: nothing new.
        posted = exchange("POST", events, ingestToken_, batch);
        QCOMPARE(posted.json().value(u"new").toInt(), 0);
        QCOMPARE(posted.json().value(u"duplicate").toInt(), 3);
        // A bad time refuses the whole batch, naming the event.
        const QByteArray bad =
            "[" + cloudEvent(QStringLiteral("e-3"), QStringLiteral("2026-01-05T10:00:00Z")) + "," +
            cloudEvent(QStringLiteral("e-4"), QStringLiteral("2026-13-05T10:00:00Z")) + "]";
        auto refused = exchange("POST", events, ingestToken_, bad);
        QCOMPARE(refused.status, 400);
        QVERIFY2(refused.json()
                     .value(u"error")
                     .toObject()
                     .value(u"message")
                     .toString()
                     .startsWith(QStringLiteral("event #2: ")),
                 refused.body.constData());

        auto stats = exchange("GET", server.url(QStringLiteral("/api/pricing/stats")), readToken_);
        QCOMPARE(stats.status, 200);
        const qint64 total = stats.json().value(u"usage_events").toInteger();
        QVERIFY(total > 2);

        // A second workspace pulls everything, interrupted after one page.
        QFile tokenFile(sandbox_.file(QStringLiteral("read.token")));
        QVERIFY(tokenFile.open(QIODevice::WriteOnly));
        tokenFile.write(readToken_ + '\n');
        tokenFile.close();
        const QString copy = sandbox_.workspace(QStringLiteral("copy.aicp"));
        const QStringList pull{QStringLiteral("--db"),         copy,
                               QStringLiteral("usage"),        QStringLiteral("pull"),
                               QStringLiteral("--source"),     server.base().toString(),
                               QStringLiteral("--token-file"), tokenFile.fileName(),
                               QStringLiteral("--json")};
        CliRun first =
            aicp(pull + QStringList{QStringLiteral("--max-pages"), QStringLiteral("1"),
                                    QStringLiteral("--page-size"), QStringLiteral("500")});
        QCOMPARE(first.exitCode, 0);
        const QJsonObject firstCounts = QJsonDocument::fromJson(first.out.toUtf8()).object();
        QCOMPARE(firstCounts.value(u"new").toInteger(), qint64(500));
        QCOMPARE(firstCounts.value(u"complete").toBool(), false);
        CliRun rest = aicp(pull);
        QCOMPARE(rest.exitCode, 0);
        const QJsonObject restCounts = QJsonDocument::fromJson(rest.out.toUtf8()).object();
        QCOMPARE(restCounts.value(u"new").toInteger(), total - 500);
        QCOMPARE(restCounts.value(u"duplicate").toInteger(), qint64(0));
        QCOMPARE(restCounts.value(u"complete").toBool(), true);
        // Nothing more: the cursor is stored.
        CliRun again = aicp(pull);
        QCOMPARE(
            QJsonDocument::fromJson(again.out.toUtf8()).object().value(u"received").toInteger(),
            qint64(0));

        // The same usage on both sides.
        const QStringList summary{
            QStringLiteral("usage"),      QStringLiteral("summary"),
            QStringLiteral("--customer"), QStringLiteral("http-test-customer"),
            QStringLiteral("--month"),    QStringLiteral("2026-01"),
            QStringLiteral("--json")};
        const CliRun there = aicp(QStringList{QStringLiteral("--db"), source_} + summary);
        const CliRun here = aicp(QStringList{QStringLiteral("--db"), copy} + summary);
        QCOMPARE(there.exitCode, 0);
        QCOMPARE(here.out, there.out);
        QVERIFY(here.out.contains(QStringLiteral("\"requests\": 4")));

        // SIGTERM: exit 0, one log line per request, no token in the log.
        QCOMPARE(server.terminate(), 0);
        const QString log = server.log();
        QVERIFY2(log.contains(QStringLiteral(" GET /healthz 200 ")), qPrintable(log));
        QVERIFY(log.contains(QStringLiteral(" GET /api/pricing/tiers 401 ")));
        QVERIFY(log.contains(QStringLiteral(" POST /api/pricing/usage/events 403 ")));
        QVERIFY(log.contains(QStringLiteral(" POST /api/pricing/usage/events 400 ")));
        QVERIFY(log.contains(QStringLiteral("stopped; workspace closed")));
        QVERIFY(!log.contains(QString::fromLatin1(readToken_)));
        QVERIFY(!log.contains(QString::fromLatin1(ingestToken_)));
    }

    void revokedTokenIsRefused() {
        const QByteArray doomed = token(QStringLiteral("read"));
        Server server;
        QVERIFY(server.start(qEnvironmentVariable("AICP_CLI"), source_, sandbox_.environment()));
        const QUrl tiers = server.url(QStringLiteral("/api/pricing/tiers"));
        QCOMPARE(exchange("GET", tiers, doomed).status, 200);
        const CliRun list = aicp({QStringLiteral("--db"), source_, QStringLiteral("tokens"),
                                  QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonArray tokens =
            QJsonDocument::fromJson(list.out.toUtf8()).object().value(u"tokens").toArray();
        const QString id = QString::number(tokens.last().toObject().value(u"id").toInt());
        QCOMPARE(aicp({QStringLiteral("--db"), source_, QStringLiteral("tokens"),
                       QStringLiteral("revoke"), id})
                     .exitCode,
                 0);
        QTest::qWait(1200);  // the service rereads tokens once a second
        QCOMPARE(exchange("GET", tiers, doomed).status, 401);
        QCOMPARE(server.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TstApiServer)
#include "tst_apiserver.moc"

// Webhooks sent by the real `aicp serve` on 127.0.0.1 to a receiver that
// verifies every signature: a customer crossing 80 % of its quota is told
// exactly once; crossing 100 % is told once more, and survives the service
// being killed (kill -9) after a failed attempt and started again.
#include "support/clirunner.h"
#include "support/servertestsupport.h"
#include "support/webhookreceiver.h"

#include <csignal>
#include <sys/types.h>

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QTest>

using aicp::apitest::cloudEvent;
using aicp::apitest::exchange;
using aicp::apitest::Server;
using aicp::clitest::CliRun;
using aicp::clitest::CliSandbox;
using aicp::test::WebhookReceiver;

namespace {

const QByteArray kSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

// An hour of this month, so the threshold is this month's.
QString thisMonth(int hour) {
    const QDate today = QDateTime::currentDateTimeUtc().date();
    return QDateTime(QDate(today.year(), today.month(), 1), QTime(hour, 0), Qt::UTC)
        .toString(Qt::ISODate);
}

}  // namespace

class TstWebhookService : public QObject {
    Q_OBJECT

    CliSandbox sandbox_;
    QString db_;
    QByteArray ingest_;

    CliRun aicp(const QStringList& arguments) const {
        QProcessEnvironment environment = sandbox_.environment();
        environment.insert(QStringLiteral("AICP_KEY_PASSPHRASE"), QStringLiteral("passphrase"));
        return sandbox_.run(QStringList{QStringLiteral("--db"), db_} + arguments, environment);
    }
    // The receiver's requests of `type`, once there are `count` of them
    // (waiting at most `seconds`).
    static std::vector<WebhookReceiver::Received> waitFor(const WebhookReceiver& receiver,
                                                          std::size_t count, int seconds = 30) {
        QElapsedTimer waited;
        waited.start();
        while (receiver.received().size() < count && waited.elapsed() < seconds * 1000)
            QTest::qWait(100);
        return receiver.received();
    }
    static QJsonObject data(const WebhookReceiver::Received& received) {
        return QJsonDocument::fromJson(received.body).object().value(u"data").toObject();
    }
    QJsonArray deliveries() const {
        const CliRun run = aicp(
            {QStringLiteral("webhooks"), QStringLiteral("deliveries"), QStringLiteral("--json")});
        return QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"deliveries").toArray();
    }

private slots:
    void initTestCase() {
        QVERIFY(sandbox_.isReady());
        db_ = sandbox_.workspace(QStringLiteral("vendor.aicp"));
        QCOMPARE(aicp({QStringLiteral("keys"), QStringLiteral("generate")}).exitCode, 0);
        // Starter: 100,000 requests a month.
        QCOMPARE(
            aicp({QStringLiteral("license"), QStringLiteral("issue"), QStringLiteral("--customer"),
                  QStringLiteral("acme"), QStringLiteral("--name"), QStringLiteral("Acme"),
                  QStringLiteral("--tier"), QStringLiteral("starter")})
                .exitCode,
            0);
        const CliRun token = aicp({QStringLiteral("tokens"), QStringLiteral("create"),
                                   QStringLiteral("--role"), QStringLiteral("ingest")});
        ingest_ = token.firstLine().toUtf8();
        QVERIFY(ingest_.startsWith("aicp_"));
        QFile secret(sandbox_.file(QStringLiteral("secret.txt")));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write(kSecret);
    }

    void aCustomerCrossingItsQuotaIsToldOnceAcrossAKill() {
        WebhookReceiver receiver(kSecret);
        QVERIFY(receiver.isListening());
        QCOMPARE(
            aicp({QStringLiteral("webhooks"), QStringLiteral("add"), receiver.url().toString(),
                  QStringLiteral("--events"), QStringLiteral("usage.threshold"),
                  QStringLiteral("--secret-file"), sandbox_.file(QStringLiteral("secret.txt"))})
                .exitCode,
            0);
        Server server;
        QVERIFY(server.start(qEnvironmentVariable("AICP_CLI"), db_, sandbox_.environment()));
        const QUrl events = server.url(QStringLiteral("/api/pricing/usage/events"));
        const auto post = [&](const char* id, int hour, int quantity) {
            return exchange("POST", events, ingest_,
                            "[" +
                                cloudEvent(QStringLiteral("gw"), QStringLiteral("acme"),
                                           QString::fromLatin1(id), thisMonth(hour), quantity) +
                                "]")
                .status;
        };

        // 85,000 of 100,000: one webhook, level 80.
        QCOMPARE(post("e-1", 1, 85000), 200);
        auto received = waitFor(receiver, 1);
        QCOMPARE(received.size(), std::size_t(1));
        QVERIFY(received[0].signatureValid);
        QCOMPARE(data(received[0]).value(u"limit").toString(), QStringLiteral("requests"));
        QCOMPARE(data(received[0]).value(u"level").toInt(), 80);
        QCOMPARE(data(received[0]).value(u"used").toInt(), 85000);
        // More usage below 100 %: nothing more, however often the service looks.
        QCOMPARE(post("e-2", 2, 5000), 200);
        QTest::qWait(5000);
        QCOMPARE(receiver.received().size(), std::size_t(1));

        // Past 100 %; the receiver fails the first attempt, and the service
        // is killed before it tries again.
        receiver.script({{WebhookReceiver::Behaviour::Answer, 503}});
        QCOMPARE(post("e-3", 3, 15000), 200);
        received = waitFor(receiver, 2);
        QCOMPARE(received.size(), std::size_t(2));
        QVERIFY(!received[1].answered2xx);
        QCOMPARE(data(received[1]).value(u"level").toInt(), 100);
        // Killed once the failed attempt is recorded, before the retry.
        const auto failedOnce = [this] {
            for (const QJsonValue& delivery : deliveries())
                if (delivery.toObject().value(u"state").toString() == QStringLiteral("pending") &&
                    delivery.toObject().value(u"last_status").toInt() == 503)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(failedOnce(), 10000);
        ::kill(pid_t(server.pid()), SIGKILL);

        // Started again, it delivers the 100 % message: once, with its id.
        Server again;
        QVERIFY(again.start(qEnvironmentVariable("AICP_CLI"), db_, sandbox_.environment()));
        received = waitFor(receiver, 3);
        QCOMPARE(received.size(), std::size_t(3));
        QCOMPARE(received[2].id, received[1].id);
        QVERIFY(received[2].answered2xx && received[2].signatureValid);
        QTest::qWait(3000);
        QCOMPARE(receiver.received().size(), std::size_t(3));
        const auto accepted = receiver.accepted();
        QCOMPARE(accepted.size(), std::size_t(2));
        for (const auto& [id, times] : accepted)
            QCOMPARE(times, 1);
        QCOMPARE(again.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TstWebhookService)
#include "tst_webhookservice.moc"

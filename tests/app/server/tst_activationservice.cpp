// Activations over HTTP against the real `aicp serve` on 127.0.0.1: a fleet
// of gateways on a license of ten instances, the same machine activating
// twice, heartbeats, a release, a gateway that stopped heartbeating, and
// fifty activations racing through two services on one workspace. The
// workspace is a PostgreSQL database when the tests run there.
#include "audit/auditlog.h"
#include "storage/query.h"
#include "storage/workspace.h"
#include "support/clirunner.h"
#include "support/servertestsupport.h"

#include <QJsonArray>
#include <QTest>

using aicp::apitest::exchange;
using aicp::apitest::Reply;
using aicp::apitest::Server;
using aicp::clitest::CliRun;
using aicp::clitest::CliSandbox;

namespace {

QByteArray machine(int n) {
    return QStringLiteral(R"({"fingerprint":"sha256:gw%1","hostname":"gw-%1.example"})")
        .arg(n, 2, 10, QLatin1Char('0'))
        .toUtf8();
}

}  // namespace

class TstActivationService : public QObject {
    Q_OBJECT

private:
    CliSandbox sandbox_;
    QString db_;
    QByteArray ingest_;
    QByteArray read_;

    [[nodiscard]] QProcessEnvironment environment() const {
        QProcessEnvironment environment = sandbox_.environment();
        environment.insert(QStringLiteral("AICP_KEY_PASSPHRASE"),
                           QStringLiteral("demo-passphrase"));
        return environment;
    }
    CliRun aicp(const QStringList& arguments) const {
        return sandbox_.run(QStringList{QStringLiteral("--db"), db_} + arguments, environment());
    }
    QByteArray token(const QString& role) const {
        const CliRun run = aicp(
            {QStringLiteral("tokens"), QStringLiteral("create"), QStringLiteral("--role"), role});
        return run.exitCode == 0 ? run.firstLine().toUtf8() : QByteArray();
    }
    // A new license of `instances` for a customer of the demo; its id.
    QString license(const QString& customer, int instances) const {
        const CliRun run =
            aicp({QStringLiteral("license"), QStringLiteral("issue"), QStringLiteral("--customer"),
                  customer, QStringLiteral("--name"), customer, QStringLiteral("--tier"),
                  QStringLiteral("professional"), QStringLiteral("--instances"),
                  QString::number(instances), QStringLiteral("--json")});
        if (run.exitCode != 0)
            qWarning("license issue: %s", qPrintable(run.err));
        return QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"id").toString();
    }
    // The audit entries of `action` on `subject`.
    qsizetype auditCount(const QString& action, const QString& subject) const {
        auto workspace = aicp::Workspace::open(db_, aicp::Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return -1;
        const auto entries = aicp::AuditLog(**workspace).entries().value();
        return std::count_if(entries.begin(), entries.end(), [&](const aicp::AuditEntry& entry) {
            return entry.action == action && entry.subject == subject;
        });
    }
    static QString activations(const QString& license) {
        return QStringLiteral("/api/pricing/licenses/%1/activations").arg(license);
    }

private slots:
    void initTestCase() {
        QVERIFY(sandbox_.isReady());
        db_ = sandbox_.workspace(QStringLiteral("vendor.aicp"));
        QCOMPARE(
            sandbox_
                .run({QStringLiteral("demo"), QStringLiteral("--db"), db_}, sandbox_.environment())
                .exitCode,
            0);
        ingest_ = token(QStringLiteral("ingest"));
        read_ = token(QStringLiteral("read"));
        QVERIFY(ingest_.startsWith("aicp_") && read_.startsWith("aicp_"));
    }

    void aFleetOfTwelveGetsExactlyTenInstances() {
        const QString id = license(QStringLiteral("fleet-twelve"), 10);
        QVERIFY(!id.isEmpty());
        Server server;
        QVERIFY(server.start(qEnvironmentVariable("AICP_CLI"), db_, environment()));
        const QUrl url = server.url(activations(id));

        QCOMPARE(exchange("POST", url, read_, machine(0)).status, 403);
        QStringList granted;
        for (int n = 0; n < 12; ++n) {
            const Reply reply = exchange("POST", url, ingest_, machine(n));
            if (n < 10) {
                QCOMPARE(reply.status, 201);
                QVERIFY(
                    reply.json().value(u"file").toString().startsWith(QStringLiteral("AICPA1.")));
                QCOMPARE(reply.json().value(u"in_use").toInt(), n + 1);
                granted << reply.json().value(u"activation_id").toString();
            } else {
                QCOMPARE(reply.status, 409);
                QCOMPARE(reply.errorCode(), QStringLiteral("instance_limit"));
                QCOMPARE(reply.json().value(u"in_use").toInt(), 10);
                QCOMPARE(reply.json().value(u"limit").toInt(), 10);
            }
        }
        // The same machine again: its own activation, no second instance.
        const Reply again = exchange("POST", url, ingest_, machine(3));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(u"activation_id").toString(), granted.at(3));

        // A heartbeat renews the file.
        const QUrl beat = server.url(activations(id) + QLatin1Char('/') + granted.at(0) +
                                     QStringLiteral("/heartbeat"));
        const Reply renewed = exchange("POST", beat, ingest_);
        QCOMPARE(renewed.status, 200);
        QCOMPARE(renewed.json().value(u"activation_id").toString(), granted.at(0));

        // Gateway 5 stops heartbeating: two intervals pass for it (its
        // expiry moved back, as the clock moving on would), and gateway 10
        // takes its place; its own heartbeat is then refused.
        {
            auto workspace =
                aicp::Workspace::open(db_, aicp::Workspace::OpenMode::OpenExisting).value();
            QVERIFY(aicp::executeWith(workspace->handle(),
                                      "UPDATE activations SET expires_at = '2026-01-01T00:00:00Z' "
                                      "WHERE id = ?1",
                                      granted.at(5))
                        .ok());
        }
        QCOMPARE(exchange("POST", url, ingest_, machine(10)).status, 201);
        QCOMPARE(exchange("POST", url, ingest_, machine(11)).status, 409);
        const QUrl quiet = server.url(activations(id) + QLatin1Char('/') + granted.at(5) +
                                      QStringLiteral("/heartbeat"));
        const Reply late = exchange("POST", quiet, ingest_);
        QCOMPARE(late.status, 409);
        QVERIFY2(late.body.contains("lapsed"), late.body.constData());

        // A release frees a place for gateway 11.
        const Reply released = exchange(
            "DELETE", server.url(activations(id) + QLatin1Char('/') + granted.at(1)), ingest_);
        QCOMPARE(released.status, 200);
        QCOMPARE(released.json().value(u"state").toString(), QStringLiteral("released"));
        // DELETE again, as a gateway retrying after a lost answer would: the
        // same answer, and one release in the audit log.
        const Reply twice = exchange(
            "DELETE", server.url(activations(id) + QLatin1Char('/') + granted.at(1)), ingest_);
        QCOMPARE(twice.status, 200);
        QCOMPARE(twice.json().value(u"state").toString(), QStringLiteral("released"));
        QCOMPARE(twice.json().value(u"released_at"), released.json().value(u"released_at"));
        QCOMPARE(auditCount(QStringLiteral("activation.release"), granted.at(1)), 1);
        QCOMPARE(exchange("POST", url, ingest_, machine(11)).status, 201);

        const Reply listed = exchange("GET", url, read_);
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.json().value(u"in_use").toInt(), 10);
        QCOMPARE(listed.json().value(u"activations").toArray().size(), 12);
        QCOMPARE(server.terminate(), 0);
    }

    void fiftyRacingActivationsThroughTwoServicesGetTen() {
        const QString id = license(QStringLiteral("fleet-fifty"), 10);
        QVERIFY(!id.isEmpty());
        Server first;
        Server second;
        QVERIFY(first.start(qEnvironmentVariable("AICP_CLI"), db_, environment()));
        QVERIFY(second.start(qEnvironmentVariable("AICP_CLI"), db_, environment()));
        QNetworkAccessManager network;
        std::vector<int> statuses;
        int finished = 0;
        QEventLoop loop;
        for (int n = 0; n < 50; ++n) {
            QNetworkRequest request((n % 2 ? second : first).url(activations(id)));
            request.setRawHeader("Authorization", "Bearer " + ingest_);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            request.setTransferTimeout(120'000);
            QNetworkReply* reply = network.post(request, machine(n));
            connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
                statuses.push_back(
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
                reply->deleteLater();
                if (++finished == 50)
                    loop.quit();
            });
        }
        QTimer::singleShot(150'000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(finished, 50);
        QCOMPARE(std::count(statuses.begin(), statuses.end(), 201), 10);
        QCOMPARE(std::count(statuses.begin(), statuses.end(), 409), 40);
        const Reply listed = exchange("GET", first.url(activations(id)), read_);
        QCOMPARE(listed.json().value(u"in_use").toInt(), 10);
        QCOMPARE(listed.json().value(u"activations").toArray().size(), 10);
        QCOMPARE(first.terminate(), 0);
        QCOMPARE(second.terminate(), 0);
    }

    void withoutThePassphraseActivationAnswers503() {
        const QString id = license(QStringLiteral("fleet-locked"), 2);
        Server server;
        QVERIFY(server.start(qEnvironmentVariable("AICP_CLI"), db_, sandbox_.environment()));
        const Reply locked = exchange("POST", server.url(activations(id)), ingest_, machine(1));
        QCOMPARE(locked.status, 503);
        QCOMPARE(locked.errorCode(), QStringLiteral("signing_unavailable"));
        const Reply bad = exchange("POST", server.url(activations(id)), ingest_,
                                   R"({"fingerprint":"has space"})");
        QCOMPARE(bad.status, 400);
        QCOMPARE(exchange("POST", server.url(activations(QStringLiteral("00000000"))), ingest_,
                          machine(1))
                     .status,
                 404);
        QCOMPARE(server.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TstActivationService)
#include "tst_activationservice.moc"

#include "clitest.h"
#include "support/clirunner.h"
#include "support/webhookreceiver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace aicp;
using namespace aicp::clitest;
using aicp::test::WebhookReceiver;

// `aicp webhooks add|list|remove|deliveries|redeliver|run` end to end
// against a receiver on 127.0.0.1 that verifies every signature itself: a
// license issued is told once, signed with the secret `add` printed once.
class TestWebhooksCli : public CliTest {
    Q_OBJECT

    CliRun webhooks(const QString& verb, const QStringList& arguments = {}) const {
        return runSigning(QStringList{QStringLiteral("webhooks"), verb} + arguments);
    }
    bool issueLicense(const QString& customer) const {
        return warnIfFailed(
            runSigning({QStringLiteral("license"), QStringLiteral("issue"),
                        QStringLiteral("--customer"), customer, QStringLiteral("--name"), customer,
                        QStringLiteral("--tier"), QStringLiteral("starter")}),
            "license issue");
    }

private slots:
    void initTestCase() { QVERIFY2(sandbox_.isReady(), "AICP_CLI must name the built aicp"); }

    void aLicenseIssuedIsToldOnceSignedWithTheSecretShownOnce() {
        QVERIFY(warnIfFailed(runSigning({QStringLiteral("keys"), QStringLiteral("generate")}),
                             "keys generate"));
        // A secret made by aicp, on standard output alone.
        const CliRun added = webhooks(QStringLiteral("add"),
                                      {QStringLiteral("http://127.0.0.1:9/unused"),
                                       QStringLiteral("--events"), QStringLiteral("invoice.paid")});
        QCOMPARE(added.exitCode, 0);
        const QByteArray madeSecret = added.firstLine().toLatin1();
        QVERIFY(madeSecret.startsWith("whsec_"));
        QCOMPARE(added.outLines().size(), 1);
        QVERIFY(added.err.contains(QStringLiteral("not shown again")));
        const CliRun listed = webhooks(QStringLiteral("list"), {QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(!listed.out.contains(QStringLiteral("whsec_")));

        // The receiver's own secret, from a file.
        const QByteArray secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        QVERIFY(writeBytes(file(QStringLiteral("secret.txt")), secret + '\n'));
        WebhookReceiver receiver(secret);
        QVERIFY(receiver.isListening());
        receiver.script({{WebhookReceiver::Behaviour::Answer, 503}});
        const QJsonObject endpoint =
            jsonAnswer(webhooks(QStringLiteral("add"),
                                {receiver.url().toString(), QStringLiteral("--events"),
                                 QStringLiteral("license.issued,license.revoked"),
                                 QStringLiteral("--secret-file"),
                                 file(QStringLiteral("secret.txt")), QStringLiteral("--json")}),
                       "webhooks add");
        QCOMPARE(endpoint.value(u"events").toArray().size(), 2);
        QVERIFY(!endpoint.contains(QStringLiteral("secret")));

        QVERIFY(issueLicense(QStringLiteral("acme")));
        // The first attempt meets a 503 and waits; redeliver makes it due now.
        const QJsonObject first =
            jsonAnswer(webhooks(QStringLiteral("run"), {QStringLiteral("--json")}), "run");
        QCOMPARE(first.value(u"attempted").toInt(), 1);
        QCOMPARE(first.value(u"retrying").toInt(), 1);
        const QJsonArray pending =
            jsonAnswer(webhooks(QStringLiteral("deliveries"), {QStringLiteral("--json")}),
                       "deliveries")
                .value(u"deliveries")
                .toArray();
        QCOMPARE(pending.size(), 1);
        const QJsonObject delivery = pending.at(0).toObject();
        QCOMPARE(delivery.value(u"state").toString(), QStringLiteral("pending"));
        QCOMPARE(delivery.value(u"last_status").toInt(), 503);
        QCOMPARE(
            webhooks(QStringLiteral("redeliver"), {QString::number(delivery.value(u"id").toInt())})
                .exitCode,
            0);
        const QJsonObject second =
            jsonAnswer(webhooks(QStringLiteral("run"), {QStringLiteral("--json")}), "run");
        QCOMPARE(second.value(u"delivered").toInt(), 1);
        QVERIFY(second.value(u"next_due").isNull());
        // Run again: nothing more is sent.
        QCOMPARE(jsonAnswer(webhooks(QStringLiteral("run"), {QStringLiteral("--json")}), "run")
                     .value(u"attempted")
                     .toInt(),
                 0);
        const auto received = receiver.received();
        QCOMPARE(received.size(), std::size_t(2));
        for (const auto& request : received)
            QVERIFY(request.signatureValid);
        QCOMPARE(receiver.accepted().size(), std::size_t(1));
        const QJsonObject body = QJsonDocument::fromJson(received.back().body).object();
        QCOMPARE(body.value(u"type").toString(), QStringLiteral("license.issued"));
        QCOMPARE(body.value(u"data").toObject().value(u"customer_id").toString(),
                 QStringLiteral("acme"));

        // Removed: a license issued afterwards is not sent there.
        QCOMPARE(
            webhooks(QStringLiteral("remove"), {QString::number(endpoint.value(u"id").toInt())})
                .exitCode,
            0);
        QVERIFY(issueLicense(QStringLiteral("globex")));
        QCOMPARE(jsonAnswer(webhooks(QStringLiteral("run"), {QStringLiteral("--json")}), "run")
                     .value(u"attempted")
                     .toInt(),
                 0);
        QCOMPARE(receiver.received().size(), std::size_t(2));
    }

    void mistakesAreRefusedAndNothingIsAdded() {
        const auto refused = [this](const QStringList& arguments, const QString& words) {
            const CliRun attempt = webhooks(QStringLiteral("add"), arguments);
            if (attempt.exitCode != 2 || !attempt.err.contains(words)) {
                qWarning("%s", qPrintable(attempt.err));
                return false;
            }
            return true;
        };
        QVERIFY(warnIfFailed(runSigning({QStringLiteral("keys"), QStringLiteral("generate")}),
                             "keys generate"));
        QVERIFY(refused({QStringLiteral("file:///etc/passwd"), QStringLiteral("--events"),
                         QStringLiteral("license.issued")},
                        QStringLiteral("not an http or https address")));
        QVERIFY(refused({QStringLiteral("https://hooks.example.com/"), QStringLiteral("--events"),
                         QStringLiteral("license.exploded")},
                        QStringLiteral("not a webhook event")));
        QVERIFY(writeBytes(file(QStringLiteral("bad-secret.txt")), "not-a-secret\n"));
        QVERIFY(refused({QStringLiteral("https://hooks.example.com/"), QStringLiteral("--events"),
                         QStringLiteral("license.issued"), QStringLiteral("--secret-file"),
                         file(QStringLiteral("bad-secret.txt"))},
                        QStringLiteral("whsec_")));
        const CliRun listed = webhooks(QStringLiteral("list"));
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.startsWith(QStringLiteral("No webhooks")));
        QCOMPARE(webhooks(QStringLiteral("remove"), {QStringLiteral("7")}).exitCode, 2);
        QCOMPARE(webhooks(QStringLiteral("redeliver"), {QStringLiteral("x")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestWebhooksCli)
#include "tst_webhookscli.moc"

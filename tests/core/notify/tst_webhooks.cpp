// Webhooks out: the Standard Webhooks signature against the specification's
// published vector, endpoints, the outbox written with the change it tells
// of (and not without it), and deliveries to a real receiver on 127.0.0.1
// that verifies every signature itself: retried after an error, a dropped
// connection and a receiver too slow, never again after a 2xx.
#include "audit/auditlog.h"
#include "billing/invoicebook.h"
#include "licensing/licenseregistry.h"
#include "notify/outbox.h"
#include "notify/webhookdelivery.h"
#include "notify/webhooks.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/workspace.h"
#include "support/fakeclock.h"
#include "support/tempworkspace.h"
#include "support/testkeys.h"
#include "support/webhookreceiver.h"
#include "support/why.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace aicp;
using aicp::test::FakeClock;
using aicp::test::kTestPassphrase;
using aicp::test::WebhookReceiver;
using aicp::test::why;

namespace {

const QByteArray kSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

QJsonObject bodyOf(const WebhookReceiver::Received& received) {
    return QJsonDocument::fromJson(received.body).object();
}

}  // namespace

class TestWebhooks : public QObject {
    Q_OBJECT

    aicp::test::TempWorkspace workspace_{aicp::test::TempWorkspace::Content::SigningKey};
    FakeClock clock_{"2026-12-01T09:00:00Z"};

    WebhookEndpoints endpoints() { return WebhookEndpoints(*workspace_, clock_.clock()); }
    WebhookDeliveries deliveries() { return WebhookDeliveries(*workspace_, clock_.clock()); }
    std::int64_t count(const char* sql) {
        return queryInt64Or(workspace_->handle(), sql, -1).valueOr(-1);
    }
    Result<LicenseRecord> issue(const QString& customer) {
        LicenseRequest request;
        request.customerId = customer;
        request.customerName = QStringLiteral("Acme Corp");
        request.tier = QStringLiteral("professional");
        request.expiresAt = clock_.now().addDays(365);
        return LicenseRegistry(*workspace_, clock_.clock()).issue(request, kTestPassphrase);
    }

private slots:
    void init() {
        QVERIFY2(workspace_.renew(), qPrintable(workspace_.error()));
        clock_.set("2026-12-01T09:00:00Z");
    }

    void signatureIsTheSpecificationsVector() {
        auto signature = webhookSignature(kSecret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                                          R"({"test": 2432232314})");
        QVERIFY2(signature, why(signature));
        QCOMPARE(*signature, QByteArray("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
        // A secret that is not whsec_ and base64 of 24 to 64 bytes signs nothing.
        QVERIFY(!webhookSignature("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "m", 1, "{}"));
        QVERIFY(!webhookSignature("whsec_c2hvcnQ=", "m", 1, "{}"));
        QVERIFY(!webhookSignature("whsec_not base64!!", "m", 1, "{}"));
        const QByteArray made = webhooksecret::generate();
        QVERIFY(made.startsWith("whsec_"));
        QCOMPARE(webhooksecret::key(made).value().size(), 32);
        QVERIFY(made != webhooksecret::generate());
    }

    void endpointsAreCheckedAuditedAndKeepTheirHistory() {
        QVERIFY(!endpoints().add(QUrl(QStringLiteral("file:///etc/passwd")),
                                 {QStringLiteral("license.issued")}));
        QVERIFY(!endpoints().add(QUrl(QStringLiteral("ftp://example.com/")),
                                 {QStringLiteral("license.issued")}));
        auto unknown = endpoints().add(QUrl(QStringLiteral("https://hooks.example.com/a")),
                                       {QStringLiteral("license.exploded")});
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().message().contains(QStringLiteral("invoice.overdue")),
                 why(unknown));
        QCOMPARE(count("SELECT count(*) FROM webhook_endpoints"), 0);

        auto added =
            endpoints().add(QUrl(QStringLiteral("https://hooks.example.com/a")),
                            {QStringLiteral("license.issued"), QStringLiteral("invoice.paid"),
                             QStringLiteral("license.issued")});
        QVERIFY2(added, why(added));
        QCOMPARE(added->events,
                 QStringList({QStringLiteral("license.issued"), QStringLiteral("invoice.paid")}));
        QVERIFY(webhooksecret::key(added->secret));
        auto mine = endpoints().add(QUrl(QStringLiteral("http://127.0.0.1:9/b")),
                                    {QStringLiteral("invoice.paid")}, kSecret);
        QVERIFY2(mine, why(mine));
        QCOMPARE(mine->secret, kSecret);
        QCOMPARE(endpoints().list().value().size(), std::size_t(2));

        QVERIFY(endpoints().remove(added->id));
        QVERIFY(!endpoints().remove(added->id));  // already removed
        QCOMPARE(endpoints().list().value().size(), std::size_t(1));
        QCOMPARE(endpoints().list(true).value().size(), std::size_t(2));
        QStringList actions;
        for (const AuditEntry& entry : AuditLog(*workspace_).entries().value())
            actions << entry.action;
        QCOMPARE(actions.count(QStringLiteral("webhook.add")), 2);
        QCOMPARE(actions.count(QStringLiteral("webhook.remove")), 1);
        for (const AuditEntry& entry : AuditLog(*workspace_).entries().value())
            QVERIFY(!QJsonDocument(entry.details).toJson().contains("whsec_"));
    }

    void aChangeAndItsMessageAreWrittenTogether() {
        auto wants = endpoints().add(QUrl(QStringLiteral("https://hooks.example.com/a")),
                                     {QStringLiteral("license.issued")}, kSecret);
        QVERIFY(wants);
        QVERIFY(endpoints().add(QUrl(QStringLiteral("https://hooks.example.com/b")),
                                {QStringLiteral("invoice.paid")}, kSecret));
        auto issued = issue(QStringLiteral("acme-corp"));
        QVERIFY2(issued, why(issued));
        QCOMPARE(count("SELECT count(*) FROM webhook_messages WHERE type = 'license.issued'"), 1);
        // One delivery: the endpoint that wants license.issued.
        const auto pending = deliveries().list().value();
        QCOMPARE(pending.size(), std::size_t(1));
        QCOMPARE(pending[0].endpointId, wants->id);
        QCOMPARE(pending[0].state, DeliveryState::Pending);

        // A change rolled back tells nothing.
        {
            auto transaction = Transaction::begin(workspace_->handle());
            QVERIFY(transaction);
            QVERIFY(Outbox(*workspace_, clock_.clock())
                        .publish({QStringLiteral("license.revoked"), {}, {}}));
            QCOMPARE(count("SELECT count(*) FROM webhook_messages"), 2);
        }
        QCOMPARE(count("SELECT count(*) FROM webhook_messages"), 1);

        // An event told once is told once.
        const WebhookEvent threshold{QStringLiteral("usage.threshold"),
                                     {{QStringLiteral("level"), 80}},
                                     QStringLiteral("acme-corp:requests:80:2026-12")};
        auto first = Outbox(*workspace_, clock_.clock()).publish(threshold);
        QVERIFY(first && first->has_value());
        auto again = Outbox(*workspace_, clock_.clock()).publish(threshold);
        QVERIFY(again && !again->has_value());
        QVERIFY(!Outbox(*workspace_, clock_.clock()).publish({QStringLiteral("made.up"), {}, {}}));
    }

    void deliveredOnceAfterErrorsDropsAndSilence() {
        WebhookReceiver receiver(kSecret);
        QVERIFY(receiver.isListening());
        QVERIFY(endpoints().add(receiver.url(), {QStringLiteral("license.issued")}, kSecret));
        auto issued = issue(QStringLiteral("acme-corp"));
        QVERIFY2(issued, why(issued));
        // Qt's HTTP stack sends a request again itself when a connection
        // closes before any answer: the drops are more than it retries.
        receiver.script({{WebhookReceiver::Behaviour::Answer, 500},
                         {WebhookReceiver::Behaviour::Hang, 0},
                         {WebhookReceiver::Behaviour::Drop, 0},
                         {WebhookReceiver::Behaviour::Drop, 0},
                         {WebhookReceiver::Behaviour::Drop, 0},
                         {WebhookReceiver::Behaviour::Answer, 200}});

        // First attempt: a 500; retried 5 s later, not before.
        auto round = deliveries().deliverDue(100, 500);
        QVERIFY2(round, why(round));
        QCOMPARE(round->attempted, 1);
        QCOMPARE(round->retrying, 1);
        auto after = deliveries().list().value().at(0);
        QCOMPARE(after.lastStatus, std::optional<int>(500));
        QCOMPARE(after.lastError, QStringLiteral("answered 500"));
        QCOMPARE(after.nextAttemptAt, std::optional(clock_.now().addSecs(5)));
        QCOMPARE(deliveries().deliverDue(100, 500)->attempted, 0);

        clock_.advanceSeconds(5);  // no answer in time
        QCOMPARE(deliveries().deliverDue(100, 500)->retrying, 1);
        after = deliveries().list().value().at(0);
        QVERIFY(!after.lastStatus);
        QVERIFY2(after.lastError.contains(QStringLiteral("no answer")),
                 qPrintable(after.lastError));
        QCOMPARE(after.nextAttemptAt, std::optional(clock_.now().addSecs(300)));

        // Dropped connections, then a 200: delivered, once.
        int rounds = 0;
        while (after.state == DeliveryState::Pending && rounds++ < 5) {
            clock_.set(qPrintable(after.nextAttemptAt->toString(Qt::ISODate)));
            QVERIFY(deliveries().deliverDue(100, 500));
            after = deliveries().list().value().at(0);
        }
        QCOMPARE(after.state, DeliveryState::Delivered);
        QCOMPARE(after.lastStatus, std::optional<int>(200));
        QCOMPARE(after.deliveredAt, std::optional(clock_.now()));
        QVERIFY(after.attempts >= 3 && after.attempts <= 5);

        // Never again after a 2xx, however long the senders run.
        clock_.advanceDays(5);
        QCOMPARE(deliveries().deliverDue(100, 500)->attempted, 0);
        const auto received = receiver.received();
        QVERIFY(received.size() >= 4);
        QCOMPARE(received.back().answered2xx, true);
        for (const auto& request : received) {
            QVERIFY(request.signatureValid);
            QCOMPARE(request.id, received.front().id);  // the same message each time
            QCOMPARE(request.contentType, QByteArray("application/json"));
        }
        QCOMPARE(receiver.accepted().size(), std::size_t(1));
        const QJsonObject body = bodyOf(received.back());
        QCOMPARE(body.value(u"type").toString(), QStringLiteral("license.issued"));
        QCOMPARE(body.value(u"timestamp").toString(), QStringLiteral("2026-12-01T09:00:00Z"));
        QCOMPARE(body.value(u"data").toObject().value(u"customer_id").toString(),
                 QStringLiteral("acme-corp"));
        // Each attempt signs its own time.
        QVERIFY(received.front().timestamp != received.back().timestamp);
    }

    void attemptsRunOutAfterAboutThreeDays() {
        WebhookReceiver receiver(kSecret);
        QVERIFY(endpoints().add(receiver.url(), {QStringLiteral("license.issued")}, kSecret));
        QVERIFY(issue(QStringLiteral("acme-corp")));
        std::vector<WebhookReceiver::Reply> refusals(20, {WebhookReceiver::Behaviour::Answer, 503});
        receiver.script(refusals);
        const QDateTime first = clock_.now();
        int attempts = 0;
        for (int step = 0; step < 20; ++step) {
            auto round = deliveries().deliverDue(100, 500);
            QVERIFY2(round, why(round));
            attempts += round->attempted;
            const WebhookDelivery now = deliveries().list().value().at(0);
            if (now.state == DeliveryState::Failed)
                break;
            clock_.set(qPrintable(now.nextAttemptAt->toString(Qt::ISODate)));
        }
        const WebhookDelivery failed = deliveries().list().value().at(0);
        QCOMPARE(failed.state, DeliveryState::Failed);
        QCOMPARE(attempts, int(WebhookDeliveries::retryDelays().size()) + 1);
        const qint64 span = first.secsTo(*failed.lastAttemptAt);
        QVERIFY2(span > 2 * 86400 && span <= 3 * 86400, qPrintable(QString::number(span)));

        // The receiver is back: redeliver sends it again, with the same id.
        receiver.script({});
        auto again = deliveries().redeliver(failed.id);
        QVERIFY2(again, why(again));
        QCOMPARE(again->state, DeliveryState::Pending);
        QCOMPARE(deliveries().deliverDue(100, 500)->delivered, 1);
        QCOMPARE(receiver.received().back().id, receiver.received().front().id);
    }

    void removingAnEndpointFailsItsPendingDeliveries() {
        WebhookReceiver receiver(kSecret);
        auto endpoint =
            endpoints().add(receiver.url(), {QStringLiteral("license.issued")}, kSecret);
        QVERIFY(endpoint);
        QVERIFY(issue(QStringLiteral("acme-corp")));
        QVERIFY(endpoints().remove(endpoint->id));
        const WebhookDelivery removed = deliveries().list().value().at(0);
        QCOMPARE(removed.state, DeliveryState::Failed);
        QCOMPARE(deliveries().deliverDue(100, 500)->attempted, 0);
        QVERIFY(!deliveries().redeliver(removed.id));
        QVERIFY(receiver.received().empty());
    }
};

QTEST_GUILESS_MAIN(TestWebhooks)
#include "tst_webhooks.moc"

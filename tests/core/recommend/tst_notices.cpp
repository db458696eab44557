// The notices no single change causes, told to the webhooks once each:
// usage thresholds per customer, limit, level and month; licenses expiring
// 30, 7 and 1 days ahead and expired; trials ending. Nothing is told in a
// workspace without webhooks.
#include "billing/invoicebook.h"
#include "licensing/licenseregistry.h"
#include "metering/usageimporter.h"
#include "notify/webhookdelivery.h"
#include "notify/webhooks.h"
#include "recommend/notices.h"
#include "storage/query.h"
#include "storage/workspace.h"
#include "support/fakeclock.h"
#include "support/tempworkspace.h"
#include "support/testkeys.h"
#include "support/why.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace aicp;
using aicp::test::FakeClock;
using aicp::test::kTestPassphrase;
using aicp::test::why;

class TestNotices : public QObject {
    Q_OBJECT

    aicp::test::TempWorkspace workspace_{aicp::test::TempWorkspace::Content::SigningKey};
    FakeClock clock_{"2026-12-10T12:00:00Z"};
    int events_ = 0;

    // A scan a minute after the last, so the messages' order is their time's.
    NoticeCount scan() {
        clock_.advanceSeconds(60);
        auto found = Notices(*workspace_, clock_.clock()).publishDue();
        if (!found)
            qFatal("scan: %s", qPrintable(found.error().message()));
        return *found;
    }
    // The bodies' data of the messages of `type`, oldest first.
    QList<QJsonObject> told(const char* type) {
        QList<QJsonObject> data;
        const Status read = visitRows(
            workspace_->handle(),
            "SELECT body FROM webhook_messages WHERE type = ?1 ORDER BY created_at, id",
            [&data](const Statement& row) -> Status {
                data << QJsonDocument::fromJson(row.text(0).toUtf8())
                            .object()
                            .value(u"data")
                            .toObject();
                return {};
            },
            QString::fromLatin1(type));
        if (!read.ok())
            qFatal("%s", qPrintable(read.error().message()));
        return data;
    }
    LicenseRecord issue(const QString& customer, int days, QDateTime trialUntil = {}) {
        LicenseRequest request;
        request.customerId = customer;
        request.customerName = customer;
        request.tier = QStringLiteral("starter");  // 100,000 requests, 3 seats
        request.expiresAt = clock_.now().addDays(days);
        request.notBefore = std::min(clock_.now(), request.expiresAt).addDays(-30);
        request.contract.trialUntil = trialUntil;
        auto issued = LicenseRegistry(*workspace_, clock_.clock()).issue(request, kTestPassphrase);
        if (!issued)
            qFatal("issue: %s", qPrintable(issued.error().message()));
        return *issued;
    }
    void use(const QString& customer, int quantity, const QString& user = QStringLiteral("u1")) {
        QByteArray csv =
            "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,"
            "compliance_modules,quantity\n";
        csv += QStringLiteral("n%1,%2,%3,a1,%4,,,%5\n")
                   .arg(++events_)
                   .arg(clock_.now().addSecs(-3600).toString(Qt::ISODate), customer, user)
                   .arg(quantity)
                   .toUtf8();
        QBuffer buffer(&csv);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        UsageImportOptions options;
        options.format = UsageFormat::Csv;
        auto imported =
            UsageImporter(*workspace_).importDevice(buffer, QStringLiteral("t.csv"), options);
        QVERIFY2(imported, why(imported));
    }
    void listen() {
        QVERIFY(WebhookEndpoints(*workspace_, clock_.clock())
                    .add(QUrl(QStringLiteral("https://hooks.example.com/")),
                         parseWebhookEvents(
                             QStringLiteral("usage.threshold,license.expiring,license.expired,"
                                            "trial.ending,invoice.overdue"))
                             .value()));
    }

private slots:
    void init() {
        QVERIFY2(workspace_.renew(), qPrintable(workspace_.error()));
        clock_.set("2026-12-10T12:00:00Z");
        events_ = 0;
    }

    void nobodyListeningIsToldNothing() {
        issue(QStringLiteral("acme"), 5);
        use(QStringLiteral("acme"), 95000);
        QCOMPARE(scan().total(), 0);
        QVERIFY(told("usage.threshold").isEmpty());
        QVERIFY(told("license.expiring").isEmpty());
        // The console's own look finds them all the same, and writes nothing.
        auto due = Notices(*workspace_, clock_.clock()).due();
        QVERIFY2(due, why(due));
        QCOMPARE(due->size(), std::size_t(2));
        QCOMPARE(due->at(0).type, QStringLiteral("license.expiring"));
        QCOMPARE(due->at(0).onceKey.section(u':', 2), QStringLiteral("7"));
        QCOMPARE(due->at(1).type, QStringLiteral("usage.threshold"));
        QCOMPARE(due->at(1).data.value(u"level").toInt(), 80);
        QVERIFY(told("usage.threshold").isEmpty());
    }

    void aNoticeNoWebhookWantsWaitsForOneThatDoes() {
        QVERIFY(WebhookEndpoints(*workspace_, clock_.clock())
                    .add(QUrl(QStringLiteral("https://hooks.example.com/")),
                         {QStringLiteral("license.issued")}));
        issue(QStringLiteral("acme"), 365);
        use(QStringLiteral("acme"), 90000);
        QCOMPARE(scan().total(), 0);
        QVERIFY(told("usage.threshold").isEmpty());
        listen();
        QCOMPARE(scan().thresholds, 1);
    }

    void eachThresholdIsToldOncePerMonth() {
        listen();
        issue(QStringLiteral("acme"), 365);
        use(QStringLiteral("acme"), 50000);
        QCOMPARE(scan().thresholds, 0);
        use(QStringLiteral("acme"), 35000);  // 85 %
        QCOMPARE(scan().thresholds, 1);
        QCOMPARE(scan().thresholds, 0);
        use(QStringLiteral("acme"), 30000);  // 115 %
        QCOMPARE(scan().thresholds, 1);
        QCOMPARE(scan().thresholds, 0);
        const auto thresholds = told("usage.threshold");
        QCOMPARE(thresholds.size(), 2);
        QCOMPARE(thresholds[0].value(u"level").toInt(), 80);
        QCOMPARE(thresholds[0].value(u"used").toInt(), 85000);
        QCOMPARE(thresholds[0].value(u"allowed").toInt(), 100000);
        QCOMPARE(thresholds[0].value(u"month").toString(), QStringLiteral("2026-12"));
        QCOMPARE(thresholds[1].value(u"level").toInt(), 100);
        // The deliveries are pending for the endpoint.
        QCOMPARE(WebhookDeliveries(*workspace_).list()->size(), std::size_t(2));

        // A new month starts again; a jump past both levels tells 100 only.
        clock_.set("2027-01-05T12:00:00Z");
        QCOMPARE(scan().thresholds, 0);
        use(QStringLiteral("acme"), 120000);
        QCOMPARE(scan().thresholds, 1);
        QCOMPARE(told("usage.threshold").back().value(u"level").toInt(), 100);
        QCOMPARE(told("usage.threshold").back().value(u"month").toString(),
                 QStringLiteral("2027-01"));
        // Seats: 3 users on 3 seats is 100 % of another limit.
        use(QStringLiteral("acme"), 1, QStringLiteral("u2"));
        use(QStringLiteral("acme"), 1, QStringLiteral("u3"));
        QCOMPARE(scan().thresholds, 1);
        QCOMPARE(told("usage.threshold").back().value(u"limit").toString(),
                 QStringLiteral("seats"));
    }

    void expiryIsToldAtThirtySevenAndOneDayAndOnce() {
        listen();
        const LicenseRecord license = issue(QStringLiteral("acme"), 40);
        QCOMPARE(scan().expiring, 0);
        clock_.advanceDays(11);  // 29 days left
        QCOMPARE(scan().expiring, 1);
        QCOMPARE(scan().expiring, 0);
        clock_.advanceDays(23);  // 6 days left
        QCOMPARE(scan().expiring, 1);
        clock_.advanceDays(5);  // 1 day left
        QCOMPARE(scan().expiring, 1);
        clock_.advanceDays(2);  // expired yesterday
        QCOMPARE(scan().expired, 1);
        QCOMPARE(scan().total(), 0);
        const auto expiring = told("license.expiring");
        QCOMPARE(expiring.size(), 3);
        QCOMPARE(expiring[0].value(u"days_before").toInt(), 30);
        QCOMPARE(expiring[1].value(u"days_before").toInt(), 7);
        QCOMPARE(expiring[2].value(u"days_before").toInt(), 1);
        QCOMPARE(told("license.expired").at(0).value(u"license_id").toString(),
                 license.license.id.toString(QUuid::WithoutBraces));
    }

    void aRenewedLicenseIsNotToldAsExpiring() {
        listen();
        const LicenseRecord license = issue(QStringLiteral("acme"), 5);
        QVERIFY(LicenseRegistry(*workspace_, clock_.clock())
                    .renew(license.license.id, kTestPassphrase));
        QCOMPARE(scan().expiring, 0);
        // A license that ended a month ago is old news, not told.
        issue(QStringLiteral("globex"), -40);
        QCOMPARE(scan().expired, 0);
    }

    void anInvoicePastDueIsToldOnce() {
        listen();
        issue(QStringLiteral("acme"), 365);
        auto invoice =
            InvoiceBook(*workspace_, clock_.clock()).issue(QStringLiteral("acme"), {2026, 11});
        QVERIFY2(invoice, why(invoice));
        QCOMPARE(scan().overdue, 0);
        clock_.set(qPrintable(
            QDateTime(invoice->dueDate.addDays(1), QTime(9, 0), Qt::UTC).toString(Qt::ISODate)));
        QCOMPARE(scan().overdue, 1);
        QCOMPARE(scan().overdue, 0);
        QCOMPARE(told("invoice.overdue").at(0).value(u"number").toString(), invoice->number);
    }

    void aTrialEndingIsToldOnce() {
        listen();
        issue(QStringLiteral("acme"), 365, clock_.now().addDays(2));
        QCOMPARE(scan().trials, 1);
        QCOMPARE(scan().trials, 0);
        QCOMPARE(told("trial.ending").at(0).value(u"customer_id").toString(),
                 QStringLiteral("acme"));
    }
};

QTEST_GUILESS_MAIN(TestNotices)
#include "tst_notices.moc"

// The console's desktop notifications of a vendor's workspace: the first
// look shows what is due as one summary, later looks only what is new,
// nothing while they are turned off, and each notice in words.
#include "consoletest.h"
#include "desktopnotices.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "metering/usageimporter.h"
#include "storage/workspace.h"

#include <QApplication>
#include <QBuffer>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

namespace {

const QByteArray kPassphrase("correct horse battery");

}  // namespace

class TestDesktopNotices : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString path_;
    std::unique_ptr<Workspace> workspace_;
    int events_ = 0;

    void issue(const QString& customer, int days) {
        LicenseRequest request;
        request.customerId = customer;
        request.customerName = customer == QStringLiteral("acme") ? QStringLiteral("Acme Corp")
                                                                  : QStringLiteral("Globex");
        request.tier = QStringLiteral("starter");  // 100,000 requests a month
        request.notBefore = QDateTime::currentDateTimeUtc().addDays(-40);
        request.expiresAt = QDateTime::currentDateTimeUtc().addDays(days);
        QVERIFY(LicenseRegistry(*workspace_).issue(request, kPassphrase));
    }
    void use(const QString& customer, int quantity) {
        QByteArray csv =
            "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,"
            "compliance_modules,quantity\n";
        // Early in the month, and already past: this month's usage.
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const QDateTime at(QDate(today.year(), today.month(), 1), QTime(0, 30), Qt::UTC);
        csv += QStringLiteral("n%1,%2,%3,a1,u1,,,%4\n")
                   .arg(++events_)
                   .arg(at.toString(Qt::ISODate), customer)
                   .arg(quantity)
                   .toUtf8();
        QBuffer buffer(&csv);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        UsageImportOptions options;
        options.format = UsageFormat::Csv;
        QVERIFY(UsageImporter(*workspace_).importDevice(buffer, QStringLiteral("t.csv"), options));
    }

private slots:
    void initTestCase() {
        QVERIFY(test::useScratchSettings(dir_, "tst_desktopnotices"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        path_ = dir_.filePath(QStringLiteral("vendor.aicp"));
        workspace_ = Workspace::open(path_).value();
        QVERIFY(KeyStore(*workspace_).generate(kPassphrase));
    }

    void theFirstLookSumsUpAndLaterOnesTellWhatIsNew() {
        issue(QStringLiteral("acme"), 5);
        use(QStringLiteral("acme"), 85000);
        DesktopNotices notices;
        notices.setWorkspace(path_, workspace_->id().toString(QUuid::WithoutBraces));
        QVERIFY(notices.isEnabled());
        notices.lookNowAndWait();
        QCOMPARE(notices.shown().size(), std::size_t(1));
        QCOMPARE(notices.shown()[0].title,
                 QStringLiteral("Acme Corp: the license runs out in 7 days"));
        QVERIFY2(notices.shown()[0].text.endsWith(
                     QStringLiteral("(and 1 more to see on the Dashboard)")),
                 qPrintable(notices.shown()[0].text));

        notices.lookNowAndWait();
        QCOMPARE(notices.shown().size(), std::size_t(1));

        use(QStringLiteral("acme"), 20000);  // 105 %
        notices.lookNowAndWait();
        QCOMPARE(notices.shown().size(), std::size_t(2));
        QCOMPARE(notices.shown()[1].title, QStringLiteral("Acme Corp: 100 % of a limit reached"));
        QCOMPARE(notices.shown()[1].text, QStringLiteral("105,000 of 100,000 requests this month"));
        QCOMPARE(notices.shown()[1].type, QStringLiteral("usage.threshold"));
        QCOMPARE(notices.shown()[1].customerId, QStringLiteral("acme"));

        // Off: nothing is looked at; on again, what came meanwhile shows.
        notices.setEnabled(false);
        QVERIFY(!QSettings().value(QLatin1String(DesktopNotices::kSettingKey)).toBool());
        issue(QStringLiteral("globex"), 2);
        notices.lookNowAndWait();
        QCOMPARE(notices.shown().size(), std::size_t(2));
        notices.setEnabled(true);
        notices.lookNowAndWait();
        QCOMPARE(notices.shown().size(), std::size_t(3));
        QCOMPARE(notices.shown()[2].title,
                 QStringLiteral("Globex: the license runs out in 7 days"));

        // Another window on the same workspace has seen them all already.
        DesktopNotices again;
        again.setWorkspace(path_, workspace_->id().toString(QUuid::WithoutBraces));
        again.lookNowAndWait();
        QVERIFY(again.shown().empty());
    }

    void eachNoticeInWords() {
        const DesktopNotice overdue = DesktopNotices::describe(
            {QStringLiteral("invoice.overdue"),
             {{QStringLiteral("number"), QStringLiteral("AICP-2026-000007")},
              {QStringLiteral("customer_id"), QStringLiteral("acme")},
              {QStringLiteral("currency"), QStringLiteral("USD")},
              {QStringLiteral("balance"), QStringLiteral("1234.50")},
              {QStringLiteral("due_date"), QStringLiteral("2026-12-04")}},
             {}});
        QCOMPARE(overdue.title, QStringLiteral("Invoice AICP-2026-000007 is overdue"));
        QCOMPARE(overdue.text, QStringLiteral("$1,234.50 was due on 12/4/2026."));
        const DesktopNotice trial = DesktopNotices::describe(
            {QStringLiteral("trial.ending"),
             {{QStringLiteral("customer_id"), QStringLiteral("acme")},
              {QStringLiteral("customer_name"), QStringLiteral("Acme Corp")},
              {QStringLiteral("trial_until"), QStringLiteral("2026-12-09T00:00:00Z")}},
             {}});
        QCOMPARE(trial.title, QStringLiteral("Acme Corp: the trial ends soon"));
        QVERIFY(trial.text.contains(QStringLiteral("billing starts then")));
    }
};

QTEST_MAIN(TestDesktopNotices)
#include "tst_desktopnotices.moc"

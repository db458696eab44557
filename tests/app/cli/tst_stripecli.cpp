#include "clitest.h"
#include "support/clirunner.h"
#include "support/stripestandin.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace aicp;
using namespace aicp::clitest;
using aicp::test::StripeStandIn;

namespace {

const QByteArray kKey = "sk_test_51CliStandin9876543210zyxwVUTS";

}  // namespace

// `aicp stripe configure|push|sync|status` end to end against a Stripe
// stand-in on 127.0.0.1: the key only from a file and never shown again, an
// invoice in Stripe once however often it is pushed, Stripe's refusal in
// one line, and the payment read back into aicp.
class TestStripeCli : public CliTest {
    Q_OBJECT

    CliRun aicp(const QStringList& arguments) const {
        return sandbox_.run(QStringList{QStringLiteral("--db"), db_} + arguments,
                            sandbox_.environment());
    }
    CliRun stripe(const QString& verb, const QStringList& arguments = {}) const {
        return aicp(QStringList{QStringLiteral("stripe"), verb} + arguments);
    }
    // No output of any command may carry the key.
    static bool showsKey(const CliRun& run) {
        return run.out.contains(QString::fromLatin1(kKey)) ||
               run.err.contains(QString::fromLatin1(kKey));
    }

private slots:
    void initTestCase() {
        QVERIFY2(sandbox_.isReady(), "AICP_CLI must name the built aicp");
        db_ = sandbox_.testWorkspace();
        QCOMPARE(aicp({QStringLiteral("demo")}).exitCode, 0);
        QVERIFY(warnIfFailed(aicp({QStringLiteral("invoice"), QStringLiteral("issue"),
                                   QStringLiteral("--customer"), QStringLiteral("stark-analytics"),
                                   QStringLiteral("--month"), QStringLiteral("2026-10")}),
                             "invoice issue"));
        QVERIFY(writeBytes(file(QStringLiteral("stripe-key.txt")), kKey + '\n'));
    }

    void theKeyComesFromAFileAndIsShownMasked() {
        const CliRun unconfigured = stripe(QStringLiteral("push"), {QStringLiteral("--open")});
        verifyOneErrorLine(unconfigured, 2, QStringLiteral("aicp stripe configure"));

        QVERIFY(writeBytes(file(QStringLiteral("pk.txt")), "pk_test_abcdefghijklmnop\n"));
        verifyOneErrorLine(stripe(QStringLiteral("configure"), {QStringLiteral("--secret-key-file"),
                                                                file(QStringLiteral("pk.txt"))}),
                           2, QStringLiteral("publishable key"));
        verifyOneErrorLine(
            stripe(QStringLiteral("configure"),
                   {QStringLiteral("--secret-key-file"), file(QStringLiteral("stripe-key.txt")),
                    QStringLiteral("--api-base"), QStringLiteral("http://stripe.example.com")}),
            2, QStringLiteral("https"));

        StripeStandIn server(kKey);
        const CliRun configured =
            stripe(QStringLiteral("configure"),
                   {QStringLiteral("--secret-key-file"), file(QStringLiteral("stripe-key.txt")),
                    QStringLiteral("--api-base"), server.url().toString()});
        QCOMPARE(configured.exitCode, 0);
        QVERIFY2(configured.out.contains(QStringLiteral("sk_test_••••••••VUTS (test mode)")),
                 qPrintable(configured.out));
        QVERIFY(!showsKey(configured));
        const QJsonObject status =
            jsonAnswer(stripe(QStringLiteral("status"), {QStringLiteral("--json")}), "status");
        QCOMPARE(status.value(u"account").toObject().value(u"key").toString(),
                 QStringLiteral("sk_test_••••••••VUTS"));
        QCOMPARE(status.value(u"account").toObject().value(u"mode").toString(),
                 QStringLiteral("test"));
        const CliRun audit = aicp({QStringLiteral("audit"), QStringLiteral("list")});
        QVERIFY(audit.out.contains(QStringLiteral("stripe.configure")));
        QVERIFY(!showsKey(audit));
        QVERIFY(server.requests().empty());  // configuring sends nothing
    }

    void anInvoiceReachesStripeOnceAndItsPaymentComesBack() {
        StripeStandIn server(kKey);
        QVERIFY(warnIfFailed(
            stripe(QStringLiteral("configure"),
                   {QStringLiteral("--secret-key-file"), file(QStringLiteral("stripe-key.txt")),
                    QStringLiteral("--api-base"), server.url().toString()}),
            "configure"));
        verifyOneErrorLine(stripe(QStringLiteral("push")), 2,
                           QStringLiteral("--invoice N or --open"));

        // Stripe refuses the finalize: its words on one line; the next push
        // goes on and makes nothing twice.
        StripeStandIn::Fault declined;
        declined.status = 402;
        declined.message = "Your account cannot send invoices yet.";
        server.failNext("POST", "/v1/invoices/*/finalize", declined);
        verifyOneErrorLine(stripe(QStringLiteral("push"), {QStringLiteral("--open")}), 1,
                           QStringLiteral("Your account cannot send invoices yet."));
        const QJsonObject pushed = jsonAnswer(
            stripe(QStringLiteral("push"), {QStringLiteral("--open"), QStringLiteral("--json")}),
            "push --open");
        const QJsonArray invoices = pushed.value(u"invoices").toArray();
        QCOMPARE(invoices.size(), 1);
        const QJsonObject invoice = invoices.at(0).toObject();
        QCOMPARE(invoice.value(u"invoice").toString(), QStringLiteral("AICP-2026-000001"));
        QCOMPARE(invoice.value(u"status").toString(), QStringLiteral("open"));
        QVERIFY(invoice.value(u"created").toBool());
        QVERIFY(invoice.value(u"stripe_invoice").toString().startsWith(QStringLiteral("in_")));

        const CliRun again = stripe(QStringLiteral("push"), {QStringLiteral("--invoice"),
                                                             QStringLiteral("AICP-2026-000001")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QStringLiteral("already in Stripe")), qPrintable(again.out));
        const CliRun none = stripe(QStringLiteral("push"), {QStringLiteral("--open")});
        QVERIFY(none.out.startsWith(QStringLiteral("Nothing to push")));
        QCOMPARE(server.invoices().size(), 1);
        QCOMPARE(server.customers().size(), 1);
        // The 402 is the one refusal the stand-in was told to give.
        QVERIFY2(server.violations().isEmpty(), qPrintable(server.violations().join(u'\n')));

        QVERIFY(server.markPaid(invoice.value(u"stripe_invoice").toString().toLatin1(),
                                QDateTime::currentSecsSinceEpoch() - 60));
        const CliRun synced = stripe(QStringLiteral("sync"));
        QCOMPARE(synced.exitCode, 0);
        QVERIFY2(synced.out.contains(QStringLiteral("AICP-2026-000001: paid ")) &&
                     synced.out.contains(QStringLiteral("recorded as paid in aicp")),
                 qPrintable(synced.out));
        const CliRun shown = aicp({QStringLiteral("invoice"), QStringLiteral("show"),
                                   QStringLiteral("AICP-2026-000001"), QStringLiteral("--json")});
        QCOMPARE(parseObject(shown.out).value(u"status").toString(), QStringLiteral("paid"));
        const CliRun quiet = stripe(QStringLiteral("sync"));
        QCOMPARE(quiet.out, QStringLiteral("No change in Stripe since the last sync.\n"));
        const CliRun status = stripe(QStringLiteral("status"));
        QVERIFY2(status.out.contains(QStringLiteral("AICP-2026-000001")) &&
                     status.out.contains(QStringLiteral("paid ")),
                 qPrintable(status.out));
        for (const CliRun& run : {again, none, synced, status})
            QVERIFY(!showsKey(run));
    }

private:
    QString db_;
};

QTEST_GUILESS_MAIN(TestStripeCli)
#include "tst_stripecli.moc"

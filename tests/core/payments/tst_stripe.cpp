#include "audit/auditlog.h"
#include "billing/creditbook.h"
#include "billing/invoicebook.h"
#include "customers/customer.h"
#include "licensing/licensepayload.h"
#include "payments/stripeaccount.h"
#include "payments/stripebilling.h"
#include "payments/stripeformat.h"
#include "storage/query.h"
#include "storage/workspace.h"
#include "support/fakeclock.h"
#include "support/stripestandin.h"
#include "support/tempworkspace.h"
#include "support/why.h"
#include "tax/taxrates.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>
#include <QThreadPool>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

using namespace aicp;
using aicp::test::DemoCopies;
using aicp::test::fixedClock;
using aicp::test::StripeStandIn;
using aicp::test::why;
using Fault = StripeStandIn::Fault;

namespace {

const QByteArray kKey = "sk_test_51Standin0123456789abcdefGHIJ";
const YearMonth kOctober{2026, 10};
constexpr const char* kIssued = "2026-12-05T10:00:00Z";  // stark's October: $900.79, due 01-04
constexpr qint64 kDecember10 = 1796904000;               // 2026-12-10T12:00:00Z

int posts(const std::vector<StripeStandIn::Request>& requests, const QByteArray& path) {
    int count = 0;
    for (const auto& request : requests)
        count += request.method == "POST" && request.path.startsWith(path) ? 1 : 0;
    return count;
}

qint64 cents(Money amount) {
    return amount.micros() / Money::kMicrosPerCent;
}

QByteArray field(const StripeStandIn::Fields& form, const QByteArray& name) {
    for (const auto& [key, value] : form)
        if (key == name)
            return value;
    return {};
}

}  // namespace

// Invoices pushed to a Stripe-compatible server on loopback (the stand-in
// is written from Stripe's API reference) and their payments read back:
// each object made once however a push is interrupted, Stripe's refusals in
// its words, the payment recorded in aicp.
class TestStripe : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(demos_.ok(), qPrintable(demos_.error())); }

    void init() {
        stripe_ = std::make_unique<StripeStandIn>(kKey);
        QVERIFY(stripe_->isListening());
        stripe_->setNow(
            QDateTime::fromString(QLatin1String(kIssued), Qt::ISODate).toSecsSinceEpoch());
        pauses_.clear();
        workspace_ = demos_.fresh();
        // $100 of prepaid credit and a 10 % sales tax: an invoice with a
        // tax item and a negative credit item.
        auto granted = CreditBook(*workspace_, fixedClock("2026-12-01T00:00:00Z"))
                           .grant(QStringLiteral("stark-analytics"), Money::fromUnits(100),
                                  Money::fromUnits(100),
                                  fromRfc3339(QStringLiteral("2027-06-01T00:00:00Z")).value(),
                                  QStringLiteral("prepaid"));
        QVERIFY2(granted, why(granted).constData());
        CustomerStore customers(*workspace_);
        auto stark = customers.find(QStringLiteral("stark-analytics"));
        QVERIFY(stark);
        stark->country = QStringLiteral("US");
        QVERIFY(customers.update(*stark));
        QVERIFY(TaxRateStore(*workspace_, fixedClock("2026-12-01T00:00:00Z"))
                    .add(QStringLiteral("US"), {}, QStringLiteral("Sales tax"),
                         Percent::fromWhole(10), {2026, 1, 1}));
        InvoiceBook book(*workspace_, fixedClock(kIssued));
        auto invoice = book.issue(QStringLiteral("stark-analytics"), kOctober);
        QVERIFY2(invoice, why(invoice).constData());
        stark_ = invoice->number;
        auto configured =
            StripeSettings(*workspace_, fixedClock(kIssued)).configure(kKey, stripe_->url());
        QVERIFY2(configured, why(configured).constData());
    }

    void cleanup() {
        // The stand-in counts every refusal it did not fake as a violation;
        // a test that provokes some says how many.
        QVERIFY2(stripe_->violations().size() == refusalsProvoked_,
                 qPrintable(stripe_->violations().join(QLatin1Char('\n'))));
        refusalsProvoked_ = 0;
        workspace_.reset();
        stripe_.reset();
    }

    void amountsGoInTheCurrencysMinorUnits() {
        const auto minor = [](const char* amount, const char* currency) {
            return stripeMinorUnits(Money::parse(QString::fromLatin1(amount)).value(),
                                    QLatin1String(currency));
        };
        QCOMPARE(minor("12.34", "EUR").value(), 1234);
        QCOMPARE(minor("-0.05", "usd").value(), -5);
        QCOMPARE(minor("500", "JPY").value(), 500);
        QCOMPARE(minor("1.23", "BHD").value(), 1230);
        QCOMPARE(minor("10", "ISK").value(), 1000);
        for (const auto& [amount, currency] :
             {std::pair{"0.50", "JPY"}, {"10.50", "ISK"}, {"0.005", "EUR"}}) {
            auto refused = minor(amount, currency);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code(), Error::Code::InvalidInput);
        }
        StripeForm form;
        form.add("metadata[aicp_customer_id]", QStringLiteral("acme corp"))
            .add("description", QStringLiteral("Grüße & 100%"))
            .add("amount", std::int64_t(-42));
        QCOMPARE(form.encoded(), QByteArray("metadata%5Baicp_customer_id%5D=acme%20corp&"
                                            "description=Gr%C3%BC%C3%9Fe%20%26%20100%25&"
                                            "amount=-42"));
    }

    void theKeyIsCheckedStoredAndNeverShown() {
        StripeSettings settings(*workspace_, fixedClock(kIssued));
        for (const QByteArray& bad :
             {QByteArray("pk_test_1234567890abcdef"), QByteArray("sk_test_12345 67890"),
              QByteArray("hello"), QByteArray()}) {
            auto refused = settings.configure(bad);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code(), Error::Code::InvalidInput);
            QVERIFY(!refused.error().message().contains(QString::fromLatin1(bad)) || bad.isEmpty());
        }
        for (const char* address : {"http://api.example.com", "ftp://127.0.0.1",
                                    "https://user:pw@api.stripe.com", "https://x.test/?a=1"}) {
            auto refused = settings.configure(kKey, QUrl(QLatin1String(address)));
            QVERIFY2(!refused, address);
        }
        QVERIFY(StripeSettings::checkApiBase(QUrl(QStringLiteral("http://[::1]:9"))).ok());
        QCOMPARE(StripeAccount::maskedKey(kKey), QStringLiteral("sk_test_••••••••GHIJ"));
        QCOMPARE(StripeAccount::maskedKey("sk_live_short"), QStringLiteral("sk_live_••••••••"));

        auto account = settings.account();
        QVERIFY(account && *account);
        QCOMPARE((*account)->secretKey, kKey);
        QCOMPARE((*account)->apiBase, stripe_->url());
        // The audit log names the masked key, never the key.
        auto entries = AuditLog(*workspace_).entries();
        QVERIFY(entries);
        QCOMPARE(entries->back().action, QStringLiteral("stripe.configure"));
        const QByteArray details = QJsonDocument(entries->back().details).toJson();
        QVERIFY(details.contains("sk_test_••••••••GHIJ"));
        for (const auto& entry : *entries)
            QVERIFY(!QJsonDocument(entry.details).toJson().contains(kKey));
        QVERIFY(AuditLog(*workspace_).verify());
    }

    void aPushMakesEachObjectOnceAndFinalizes() {
        auto pushed = push(stark_);
        QVERIFY2(pushed, why(pushed).constData());
        QVERIFY(pushed->created);
        QCOMPARE(pushed->link.status, QStringLiteral("open"));
        // The month's charges and 10 % tax, less $100 of prepaid credit.
        auto stored = InvoiceBook(*workspace_).find(stark_);
        QVERIFY(stored);
        QVERIFY(stored->tax > Money());
        QCOMPARE(stored->creditsApplied(), Money::fromUnits(100));
        const qint64 due = cents(stored->amountDue());
        QCOMPARE(pushed->link.amountDue, std::optional<std::int64_t>(due));
        QVERIFY(!pushed->link.stripeNumber.isEmpty());
        QVERIFY(pushed->link.hostedUrl.isValid());

        QCOMPARE(stripe_->customers().size(), 1);
        const QJsonObject customer = stripe_->customers().first();
        QCOMPARE(customer.value(u"metadata").toObject().value(u"aicp_customer_id").toString(),
                 QStringLiteral("stark-analytics"));
        QCOMPARE(stripe_->invoices().size(), 1);
        const QJsonObject invoice = stripe_->invoices().first();
        QCOMPARE(invoice.value(u"status").toString(), QStringLiteral("open"));
        QCOMPARE(invoice.value(u"collection_method").toString(), QStringLiteral("send_invoice"));
        QCOMPARE(invoice.value(u"currency").toString(), QStringLiteral("usd"));
        QCOMPARE(invoice.value(u"total").toInteger(), due);
        QCOMPARE(invoice.value(u"metadata").toObject().value(u"aicp_invoice_number").toString(),
                 stark_);
        // Due when aicp's is: 30 days after 2026-12-05.
        QCOMPARE(invoice.value(u"days_until_due").toInteger(), 30);
        int charges = 0;
        for (const InvoiceLine& line : stored->lines)
            charges += line.kind == InvoiceLineKind::Charge ? 1 : 0;
        // A charge line each, the tax, and the credit as a negative item.
        const QList<QJsonObject> items = stripe_->invoiceItems();
        QCOMPARE(items.size(), charges + 2);
        QCOMPARE(items.at(charges).value(u"amount").toInteger(), cents(stored->tax));
        QCOMPARE(items.at(charges).value(u"description").toString(),
                 QStringLiteral("Sales tax 10 %"));
        QCOMPARE(items.last().value(u"amount").toInteger(), -10000);
        QCOMPARE(items.first().value(u"metadata").toObject().value(u"aicp_line").toString(),
                 QStringLiteral("1"));

        // Every POST: the pinned version, and a key of this workspace and step.
        const QByteArray prefix =
            "aicp-" + workspace_->id().toByteArray(QUuid::WithoutBraces) + '-';
        for (const auto& request : stripe_->requests()) {
            QCOMPARE(request.headers.at("stripe-version"), QByteArray("2024-06-20"));
            QCOMPARE(request.headers.at("authorization"), "Bearer " + kKey);
            if (request.method == "POST")
                QVERIFY2(request.headers.at("idempotency-key").startsWith(prefix),
                         request.path.constData());
        }

        // Again: nothing is sent, nothing is made.
        const auto before = stripe_->requests().size();
        auto again = push(stark_);
        QVERIFY2(again, why(again).constData());
        QVERIFY(!again->created);
        QCOMPARE(again->link.stripeId, pushed->link.stripeId);
        QCOMPARE(stripe_->requests().size(), before);

        auto entries = AuditLog(*workspace_).entries();
        QVERIFY(entries);
        QCOMPARE(entries->back().action, QStringLiteral("stripe.push"));
        QCOMPARE(entries->back().subject, stark_);
    }

    void anInterruptedPushGoesOnWithoutMakingAnythingTwice() {
        // Rate limited, a connection lost after Stripe made the item, a 500
        // Stripe did not keep, a lost connection before the finalize.
        Fault limited;
        limited.status = 429;
        limited.retryAfterSeconds = 2;
        stripe_->failNext("POST", "/v1/customers", limited);
        // Qt sends a request again by itself, once, when its connection
        // closes before an answer: a connection lost twice reaches aicp.
        Fault madeThenLost;
        madeThenLost.kind = Fault::Kind::ExecuteThenDrop;
        stripe_->failNext("POST", "/v1/invoiceitems", madeThenLost);
        stripe_->failNext("POST", "/v1/invoiceitems", madeThenLost);
        Fault unsaved500;
        unsaved500.status = 500;
        unsaved500.shouldRetry = true;
        stripe_->failNext("POST", "/v1/invoiceitems", unsaved500);
        Fault lost;
        lost.kind = Fault::Kind::DropBefore;
        stripe_->failNext("POST", "/v1/invoices/*/finalize", lost);
        stripe_->failNext("POST", "/v1/invoices/*/finalize", lost);
        auto pushed = push(stark_);
        QVERIFY2(pushed, why(pushed).constData());
        QCOMPARE(pushed->link.status, QStringLiteral("open"));
        QCOMPARE(pauses_.first(), 2000);  // as Retry-After said
        QCOMPARE(pauses_.size(), 4);
        QCOMPARE(stripe_->customers().size(), 1);
        QCOMPARE(stripe_->invoices().size(), 1);
        qint64 sum = 0;
        for (const QJsonObject& item : stripe_->invoiceItems())
            sum += item.value(u"amount").toInteger();
        QCOMPARE(sum, cents(InvoiceBook(*workspace_).find(stark_)->amountDue()));
        bool replayed = false;
        for (const auto& request : stripe_->requests())
            replayed = replayed || request.replayed;
        QVERIFY(replayed);
    }

    void aPushStoppedHalfwayIsTakenUpWhereItStopped() {
        // Stripe declines the finalize: the items are there, the draft too.
        Fault declined;
        declined.status = 402;
        declined.message = "The invoice cannot be finalized: your account cannot send invoices.";
        stripe_->failNext("POST", "/v1/invoices/*/finalize", declined);
        auto refused = push(stark_);
        QVERIFY(!refused);
        QVERIFY2(
            refused.error().message().contains(QStringLiteral("your account cannot send invoices")),
            qPrintable(refused.error().message()));
        QVERIFY(refused.error().message().contains(QStringLiteral("HTTP 402")));
        QCOMPARE(posts(stripe_->requests(), "/v1/invoices/"), 1);  // not tried again
        auto draft = StripeBilling::link(*workspace_, stark_);
        QVERIFY(draft && *draft);
        QCOMPARE((*draft)->status, QStringLiteral("draft"));
        const auto items = stripe_->invoiceItems().size();

        // Killed before the items were recorded: the next push sends the
        // same keys and Stripe answers with what it made.
        QVERIFY(executeWith(workspace_->handle(),
                            "DELETE FROM stripe_objects WHERE kind = 'invoice_item'")
                    .ok());
        auto resumed = push(stark_);
        QVERIFY2(resumed, why(resumed).constData());
        QCOMPARE(resumed->link.status, QStringLiteral("open"));
        QCOMPARE(stripe_->invoiceItems().size(), items);
        QCOMPARE(stripe_->invoices().size(), 1);
        QCOMPARE(stripe_->customers().size(), 1);

        // A day later Stripe has forgotten the keys; what aicp recorded
        // keeps it from making anything again.
        stripe_->forgetIdempotencyKeys();
        QVERIFY(push(stark_));
        QCOMPARE(stripe_->invoiceItems().size(), items);
    }

    void stripesRefusalsAreShownInItsOwnWords() {
        Fault gone;
        gone.kind = Fault::Kind::Hang;
        stripe_->failNext("POST", "/v1/customers", gone);
        stripe_->failNext("POST", "/v1/customers", gone);
        auto timedOut = push(stark_, 2, 300);
        QVERIFY(!timedOut);
        QCOMPARE(timedOut.error().code(), Error::Code::Io);
        QVERIFY2(timedOut.error().message().contains(QStringLiteral("did not answer")),
                 qPrintable(timedOut.error().message()));
        QVERIFY(timedOut.error().message().contains(QStringLiteral("2 attempts")));

        // A key Stripe does not know: its message, never the key.
        QVERIFY(
            StripeSettings(*workspace_).configure("sk_test_wrongwrongwrong1234", stripe_->url()));
        auto refused = push(stark_);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), Error::Code::InvalidInput);
        QVERIFY2(refused.error().message().contains(QStringLiteral("Invalid API Key")),
                 qPrintable(refused.error().message()));
        QVERIFY(!refused.error().message().contains(QStringLiteral("sk_test_wrongwrongwrong1234")));
        refusalsProvoked_ = 1;
        QVERIFY(StripeSettings(*workspace_).configure(kKey, stripe_->url()));

        // Rate limited for longer than aicp waits: it says so, and stops.
        Fault limited;
        limited.status = 429;
        limited.retryAfterSeconds = 600;
        stripe_->failNext("POST", "/v1/customers", limited);
        auto later = push(stark_);
        QVERIFY(!later);
        QVERIFY2(later.error().message().contains(QStringLiteral("wait 600 s")),
                 qPrintable(later.error().message()));
        QVERIFY(pauses_.isEmpty() || pauses_.last() < 600'000);
    }

    // Stop while Stripe has not answered: the push ends at once, and the
    // next one (on the same worker thread, as the console's) goes on.
    void aStopEndsAPushAtOnce() {
        Fault hang;
        hang.kind = Fault::Kind::Hang;
        stripe_->failNext("POST", "/v1/customers", hang);
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        std::atomic<bool> stop = false;
        const auto pushFromPool = [&] {
            return QtConcurrent::run(&pool, [&] {
                StripeClient::Options options;
                options.cancelled = [&stop] { return stop.load(); };
                auto client = StripeSettings(*workspace_).client(options);
                return StripeBilling(*workspace_, *client, fixedClock(kIssued)).push(stark_);
            });
        };
        QElapsedTimer clock;
        clock.start();
        auto stopped = pushFromPool();
        QTest::qWait(300);
        stop = true;
        stopped.waitForFinished();
        QVERIFY(clock.elapsed() < 5000);
        QVERIFY(!stopped.result());
        QCOMPARE(stopped.result().error().code(), Error::Code::Cancelled);
        stop = false;
        auto resumed = pushFromPool();
        resumed.waitForFinished();
        QVERIFY2(resumed.result(), why(resumed.result()).constData());
        QCOMPARE(stripe_->customers().size(), 1);

        // The same for a sync: a GET that hangs, stopped, then asked again.
        stripe_->failNext("GET", "/v1/invoices/*", hang);
        const auto syncFromPool = [&] {
            return QtConcurrent::run(&pool, [&] {
                StripeClient::Options options;
                options.cancelled = [&stop] { return stop.load(); };
                auto client = StripeSettings(*workspace_).client(options);
                return StripeBilling(*workspace_, *client, fixedClock(kIssued)).sync();
            });
        };
        auto stoppedSync = syncFromPool();
        QTest::qWait(300);
        stop = true;
        stoppedSync.waitForFinished();
        QCOMPARE(stoppedSync.result().error().code(), Error::Code::Cancelled);
        stop = false;
        auto synced = syncFromPool();
        synced.waitForFinished();
        QVERIFY2(synced.result(), why(synced.result()).constData());
    }

    void anInvoiceWithNothingToCollectIsNotPushed() {
        InvoiceBook book(*workspace_, fixedClock("2026-12-06T10:00:00Z"));
        QVERIFY(book.markPaid(stark_, {2026, 12, 6}, QStringLiteral("SEPA 1")));
        auto refused = push(stark_);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), Error::Code::Conflict);
        QVERIFY(
            refused.error().message().contains(QStringLiteral("nothing for Stripe to collect")));
        QVERIFY(stripe_->requests().empty());
    }

    void creditNotesBecomeStripeCreditNotes() {
        QVERIFY(push(stark_));
        InvoiceBook book(*workspace_, fixedClock("2026-12-07T10:00:00Z"));
        CreditRequest part;
        part.amount = Money::parse(u"100").value();
        auto note = book.credit(stark_, QStringLiteral("goodwill"), part);
        QVERIFY2(note, why(note).constData());
        auto pushed = push(stark_);
        QVERIFY2(pushed, why(pushed).constData());
        QCOMPARE(pushed->creditNotes, QStringList{note->number});
        QCOMPARE(stripe_->creditNotes().size(), 1);
        const QJsonObject first = stripe_->creditNotes().first();
        // $100 and its tax, which each line rounds: about $110.
        const qint64 taken = cents(note->total.abs());
        QVERIFY(taken >= 10995 && taken <= 11005);
        QCOMPARE(first.value(u"total").toInteger(), taken);
        QCOMPARE(first.value(u"memo").toString(), QStringLiteral("goodwill"));
        QCOMPARE(first.value(u"metadata").toObject().value(u"aicp_credit_note_number").toString(),
                 note->number);
        QCOMPARE(stripe_->invoices().first().value(u"amount_due").toInteger(),
                 cents(book.find(stark_)->amountDue()) - taken);

        // Paid in Stripe, then credited in aicp: settled outside Stripe.
        const QByteArray id = pushed->link.stripeId.toLatin1();
        QVERIFY(stripe_->markPaid(id, kDecember10));
        part.amount = Money::parse(u"50").value();
        auto second = book.credit(stark_, QStringLiteral("second thoughts"), part);
        QVERIFY(second);
        auto again = push(stark_);
        QVERIFY2(again, why(again).constData());
        QCOMPARE(again->creditNotes, QStringList{second->number});
        QCOMPARE(stripe_->creditNotes().size(), 2);
        const auto requests = stripe_->requests();
        const auto last = std::find_if(requests.rbegin(), requests.rend(),
                                       [](const auto& r) { return r.path == "/v1/credit_notes"; });
        QCOMPARE(field(last->form, "out_of_band_amount"),
                 QByteArray::number(cents(second->total.abs())));
        QVERIFY(push(stark_));
        QCOMPARE(stripe_->creditNotes().size(), 2);
    }

    void syncBringsBackThePaymentAndRecordsIt() {
        auto pushed = push(stark_);
        QVERIFY(pushed);
        auto nothing = sync("2026-12-08T09:00:00Z");
        QVERIFY2(nothing, why(nothing).constData());
        QVERIFY(nothing->empty());

        QVERIFY(stripe_->markPaid(pushed->link.stripeId.toLatin1(), kDecember10));
        auto changes = sync("2026-12-12T09:00:00Z");
        QVERIFY2(changes, why(changes).constData());
        QCOMPARE(changes->size(), std::size_t(1));
        const StripeSyncChange& change = changes->front();
        QCOMPARE(change.before, QStringLiteral("open"));
        QCOMPARE(change.link.status, QStringLiteral("paid"));
        QCOMPARE(change.link.describe(), QStringLiteral("paid 2026-12-10"));
        QVERIFY(change.recordedPayment);
        auto invoice = InvoiceBook(*workspace_).find(stark_);
        QVERIFY(invoice);
        QCOMPARE(invoice->status(), QStringLiteral("paid"));
        QCOMPARE(invoice->payments.size(), std::size_t(1));
        QCOMPARE(invoice->payments.front().paidOn, QDate(2026, 12, 10));
        QCOMPARE(invoice->payments.front().reference,
                 QStringLiteral("Stripe ") + pushed->link.stripeNumber);

        // Nothing more to ask about a paid invoice.
        const auto before = stripe_->requests().size();
        auto again = sync("2026-12-13T09:00:00Z");
        QVERIFY(again && again->empty());
        QCOMPARE(stripe_->requests().size(), before);
    }

    void syncFollowsVoidAndUncollectible() {
        InvoiceBook book(*workspace_, fixedClock(kIssued));
        auto acme = book.issue(QStringLiteral("acme-corp"), kOctober);
        QVERIFY2(acme, why(acme).constData());
        auto all = pushOpen();
        QVERIFY2(all, why(all).constData());
        QCOMPARE(all->size(), std::size_t(2));
        QCOMPARE(stripe_->invoices().size(), 2);
        auto none = pushOpen();
        QVERIFY(none && none->empty());

        QVERIFY(stripe_->markVoid(all->at(0).link.stripeId.toLatin1(), kDecember10));
        QVERIFY(stripe_->markUncollectible(all->at(1).link.stripeId.toLatin1(), kDecember10));
        auto changes = sync("2026-12-12T09:00:00Z");
        QVERIFY2(changes, why(changes).constData());
        QCOMPARE(changes->size(), std::size_t(2));
        QStringList statuses;
        for (const StripeSyncChange& change : *changes) {
            statuses << change.link.status;
            QVERIFY(!change.recordedPayment);
        }
        statuses.sort();
        QCOMPARE(statuses, (QStringList{QStringLiteral("uncollectible"), QStringLiteral("void")}));
        auto invoices = book.list();
        QVERIFY(invoices);
        for (const Invoice& invoice : *invoices)
            QCOMPARE(invoice.status(), QStringLiteral("open"));
        auto entries = AuditLog(*workspace_).entries();
        QVERIFY(entries);
        QCOMPARE(entries->back().action, QStringLiteral("stripe.sync"));
    }

private:
    [[nodiscard]] StripeClient client(int attempts = 4, int timeoutMs = 10'000) {
        StripeClient::Options options;
        options.attempts = attempts;
        options.timeoutMs = timeoutMs;
        options.pause = [this](int ms) { pauses_ << ms; };
        auto made = StripeSettings(*workspace_).client(options);
        if (!made)
            qFatal("%s", qPrintable(made.error().message()));
        return std::move(*made);
    }

    Result<StripePushOutcome> push(const QString& number, int attempts = 4,
                                   int timeoutMs = 10'000) {
        const StripeClient stripe = client(attempts, timeoutMs);
        return StripeBilling(*workspace_, stripe, fixedClock(kIssued)).push(number);
    }

    Result<std::vector<StripePushOutcome>> pushOpen() {
        const StripeClient stripe = client();
        return StripeBilling(*workspace_, stripe, fixedClock(kIssued)).pushOpen();
    }

    Result<std::vector<StripeSyncChange>> sync(const char* at) {
        const StripeClient stripe = client();
        return StripeBilling(*workspace_, stripe, fixedClock(at)).sync();
    }

    DemoCopies demos_;
    std::unique_ptr<StripeStandIn> stripe_;
    std::unique_ptr<Workspace> workspace_;
    QString stark_;
    QList<int> pauses_;
    qsizetype refusalsProvoked_ = 0;
};

QTEST_GUILESS_MAIN(TestStripe)
#include "tst_stripe.moc"

// The shared fixtures do what tests rely on: a renewed workspace is empty
// again, the demo and key contents are there, an old-schema file upgrades,
// the fake clock is what services read and moves when told, test keys sign
// what their ring verifies, and the Stripe stand-in answers and refuses as
// Stripe's API reference says (checked with plain HTTP requests).
#include "licensing/keystore.h"
#include "storage/statement.h"
#include "support/fakeclock.h"
#include "support/stripestandin.h"
#include "support/tempworkspace.h"
#include "support/testkeys.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace aicp;
using namespace Qt::Literals::StringLiterals;

namespace {

std::int64_t count(Workspace& workspace, const char* sql) {
    return queryInt64(workspace.handle(), sql).valueOr(-1);
}

constexpr const char* kSecretKey = "sk_test_51StandInKeyForTheFixtures0042";
constexpr qint64 kJan1st2026 = 1'767'225'600;  // 2026-01-01T00:00:00Z

// What came back from one request: status 0 is no answer at all.
struct Http {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QJsonObject body;
    QList<QNetworkReply::RawHeaderPair> headers;

    [[nodiscard]] QByteArray header(const QByteArray& name) const {
        for (const auto& [key, value] : headers)
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        return {};
    }
    [[nodiscard]] QString text(const char* name) const {
        return body.value(QLatin1String(name)).toString();
    }
    [[nodiscard]] qint64 number(const char* name) const {
        return body.value(QLatin1String(name)).toInteger(-1);
    }
    [[nodiscard]] QString id() const { return text("id"); }
    [[nodiscard]] QString errorText(const char* name) const {
        return body.value(u"error"_s).toObject().value(QLatin1String(name)).toString();
    }
};

// A synchronous client as a Stripe integration talks: Bearer key, pinned
// Stripe-Version, form-encoded POST bodies with an Idempotency-Key.
class StripeCalls {
public:
    explicit StripeCalls(const test::StripeStandIn& stripe) : base_(stripe.url().toString()) {}

    QByteArray key = kSecretKey;
    QByteArray version = test::StripeStandIn::kApiVersion;
    int timeoutMs = 5000;

    Http post(const QByteArray& path, const QByteArray& form, const QByteArray& idempotencyKey) {
        return send("POST", path, form, idempotencyKey);
    }
    Http get(const QByteArray& pathAndQuery) { return send("GET", pathAndQuery, {}, {}); }

private:
    Http send(const QByteArray& method, const QByteArray& path, const QByteArray& form,
              const QByteArray& idempotencyKey) {
        QNetworkRequest request(QUrl(base_ + QString::fromUtf8(path)));
        if (!key.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + key);
        if (!version.isEmpty())
            request.setRawHeader("Stripe-Version", version);
        if (!idempotencyKey.isEmpty())
            request.setRawHeader("Idempotency-Key", idempotencyKey);
        request.setTransferTimeout(timeoutMs);
        QNetworkReply* reply = nullptr;
        if (method == "POST") {
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              u"application/x-www-form-urlencoded"_s);
            reply = net_.post(request, form);
        } else {
            reply = net_.get(request);
        }
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Http http;
        http.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        http.error = reply->error();
        if (reply->isOpen())
            http.body = QJsonDocument::fromJson(reply->readAll()).object();
        http.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return http;
    }

    QString base_;
    QNetworkAccessManager net_;
};

// A customer "ACME" (its invoices ACME-0001, ...) and its finalized
// send_invoice invoice in EUR: 100.00 + 5 x 5.00, due 30 days after issue.
struct OpenInvoice {
    QByteArray customer, invoice, firstLine;
};
OpenInvoice openInvoice(StripeCalls& stripe, const QByteArray& tag) {
    const QByteArray customer =
        stripe.post("/v1/customers", "name=Acme&invoice_prefix=ACME", tag + "-c").id().toUtf8();
    const QByteArray invoice = stripe
                                   .post("/v1/invoices",
                                         "customer=" + customer +
                                             "&currency=eur&collection_method=send_invoice"
                                             "&days_until_due=30",
                                         tag + "-i")
                                   .id()
                                   .toUtf8();
    const QByteArray to = "customer=" + customer + "&invoice=" + invoice;
    stripe.post("/v1/invoiceitems", to + "&amount=10000&description=Pro", tag + "-1");
    stripe.post("/v1/invoiceitems", to + "&unit_amount=500&quantity=5&description=Seats",
                tag + "-2");
    const Http finalized = stripe.post("/v1/invoices/" + invoice + "/finalize", {}, tag + "-f");
    const QJsonArray lines = finalized.body.value(u"lines"_s).toObject().value(u"data"_s).toArray();
    return {customer, invoice, lines.at(0).toObject().value(u"id"_s).toString().toUtf8()};
}

}  // namespace

class TstFixtures : public QObject {
    Q_OBJECT

private slots:
    void aRenewedWorkspaceStartsEmptyInANewFolder() {
        test::TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        QVERIFY(executeScript(workspace->handle(),
                              "INSERT INTO customers (id, name, created_at) VALUES "
                              "('acme', 'Acme', '2026-01-05T09:00:00Z')")
                    .ok());
        const QString first = workspace.path();
        QVERIFY(workspace.renew());
        QVERIFY(workspace.path() != first);
        QCOMPARE(count(*workspace, "SELECT count(*) FROM customers"), 0);
    }

    void aClosedWorkspaceReopensWithItsRows() {
        test::TempWorkspace workspace;
        QVERIFY(executeScript(workspace->handle(),
                              "INSERT INTO customers (id, name, created_at) VALUES "
                              "('acme', 'Acme', '2026-01-05T09:00:00Z')")
                    .ok());
        workspace.close();
        QVERIFY(!workspace.ok());
        QVERIFY(workspace.reopen());
        QCOMPARE(count(*workspace, "SELECT count(*) FROM customers"), 1);
    }

    void theDemoWorkspaceHasCustomersAndLicenses() {
        const test::TempWorkspace demo(test::TempWorkspace::Content::Demo);
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QVERIFY(count(*demo, "SELECT count(*) FROM customers") > 0);
        QVERIFY(count(*demo, "SELECT count(*) FROM licenses") > 0);
    }

    void theKeyWorkspaceSignsUnderTheTestPassphrase() {
        const test::TempWorkspace vendor(test::TempWorkspace::Content::SigningKey);
        QVERIFY2(vendor.ok(), qPrintable(vendor.error()));
        QVERIFY(KeyStore(*vendor).unlockSigningKey(test::kTestPassphrase).ok());
        QVERIFY(!KeyStore(*vendor).unlockSigningKey("another passphrase").ok());
    }

    void anOldSchemaFileUpgradesOnOpening() {
        const test::TempWorkspace folder;
        const QString file = folder.file(QStringLiteral("v6.aicp"));
        QVERIFY(test::writeOldWorkspace(file, 6).ok());
        auto opened = Workspace::open(file, Workspace::OpenMode::OpenExisting);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
        QCOMPARE((*opened)->schemaVersion(), Workspace::kSchemaVersion);
        QCOMPARE((*opened)->id(),
                 QUuid::fromString(QStringLiteral("6f1c2a4e-9b1d-4c3e-8a2f-0d5e7b9c1a3f")));
    }

    void servicesReadTheFakeClockAsItMoves() {
        test::FakeClock clock("2026-12-05T10:00:00Z");
        const Clock given = clock.clock();
        QCOMPARE(given(), QDateTime(QDate(2026, 12, 5), QTime(10, 0), Qt::UTC));
        clock.advanceSeconds(90);
        QCOMPARE(given(), QDateTime(QDate(2026, 12, 5), QTime(10, 1, 30), Qt::UTC));
        clock.advanceDays(31);
        QCOMPARE(given(), QDateTime(QDate(2027, 1, 5), QTime(10, 1, 30), Qt::UTC));
        clock.set("2027-02-01T00:00:00Z");
        QCOMPARE(clock.now(), QDateTime(QDate(2027, 2, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(test::fixedClock("2026-01-01T00:00:00Z")(),
                 QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    }

    void aTestKeysRingVerifiesItsSignatures() {
        const test::TestKey signer = test::makeTestKey();
        const test::TestKey stranger = test::makeTestKey();
        const QByteArray signature = signer.key.sign("payload").value();
        const auto* trusted = signer.ring.find(signer.key.publicKey().kid());
        QVERIFY(trusted != nullptr);
        QVERIFY(trusted->isValidSignature("payload", signature));
        QVERIFY(stranger.ring.find(signer.key.publicKey().kid()) == nullptr);
    }

    void theStripeStandInInvoicesACustomerAsStripeDoes() {
        test::StripeStandIn stripe(kSecretKey);
        QVERIFY(stripe.isListening());
        stripe.setNow(kJan1st2026);
        StripeCalls calls(stripe);
        const Http customer =
            calls.post("/v1/customers",
                       "name=Caf%C3%A9+Acme&email=billing%40acme.test&invoice_prefix=ACME"
                       "&address[line1]=1+Main+St&address[country]=DE&preferred_locales[]=de"
                       "&metadata[aicp_customer_id]=acme",
                       "k-customer");
        QCOMPARE(customer.status, 200);
        QVERIFY(customer.id().startsWith(u"cus_"_s));
        QCOMPARE(customer.text("name"), u"Café Acme"_s);
        QCOMPARE(customer.text("email"), u"billing@acme.test"_s);
        QCOMPARE(customer.body[u"metadata"_s].toObject()[u"aicp_customer_id"_s], u"acme"_s);
        QCOMPARE(customer.body[u"address"_s].toObject()[u"country"_s], u"DE"_s);
        QVERIFY(customer.header("Request-Id").startsWith("req_"));
        QCOMPARE(customer.header("Stripe-Version"), QByteArray("2024-06-20"));
        const QByteArray to = "customer=" + customer.id().toUtf8();
        const Http invoice = calls.post("/v1/invoices",
                                        to + "&currency=EUR&collection_method=send_invoice"
                                             "&days_until_due=30&metadata[period]=2026-01",
                                        "k-invoice");
        QCOMPARE(invoice.text("status"), u"draft"_s);
        QCOMPARE(invoice.text("currency"), u"eur"_s);
        QVERIFY(invoice.body[u"number"_s].isNull());
        const QByteArray in = "&invoice=" + invoice.id().toUtf8();
        QCOMPARE(
            calls.post("/v1/invoiceitems", to + in + "&amount=12000&description=Pro", "k-1").status,
            200);
        QCOMPARE(calls.post("/v1/invoiceitems", to + in + "&unit_amount=250&quantity=4", "k-2")
                     .number("amount"),
                 1000);
        QCOMPARE(calls.post("/v1/invoiceitems", to + in + "&amount=-500&description=Credit", "k-3")
                     .number("amount"),
                 -500);
        const Http open =
            calls.post("/v1/invoices/" + invoice.id().toUtf8() + "/finalize", {}, "k-finalize");
        QCOMPARE(open.status, 200);
        QCOMPARE(open.text("status"), u"open"_s);
        QCOMPARE(open.text("number"), u"ACME-0001"_s);
        QCOMPARE(open.number("subtotal"), 12500);
        QCOMPARE(open.number("total"), 12500);
        QCOMPARE(open.number("amount_due"), 12500);
        QCOMPARE(open.number("amount_remaining"), 12500);
        QCOMPARE(open.body[u"status_transitions"_s].toObject()[u"finalized_at"_s].toInteger(),
                 kJan1st2026);
        QCOMPARE(open.number("due_date"), 1'769'817'600);  // 2026-01-31T00:00:00Z
        QVERIFY(open.text("hosted_invoice_url").startsWith(u"https://"_s));
        QCOMPARE(open.body[u"lines"_s].toObject()[u"data"_s].toArray().size(), 3);
        QCOMPARE(calls.get("/v1/invoices/" + invoice.id().toUtf8()).body, open.body);
        const Http list = calls.get("/v1/invoices?customer=" + customer.id().toUtf8() + "&limit=5");
        QCOMPARE(list.text("object"), u"list"_s);
        QCOMPARE(list.text("url"), u"/v1/invoices"_s);
        QCOMPARE(list.body[u"data"_s].toArray().size(), 1);
        QCOMPARE(list.body[u"has_more"_s], false);
        // Another invoice of the customer takes the next number; one of
        // nothing is paid as soon as it is finalized.
        const Http empty = calls.post("/v1/invoices", to, "k-empty");
        const Http paid =
            calls.post("/v1/invoices/" + empty.id().toUtf8() + "/finalize", {}, "k-empty-f");
        QCOMPARE(paid.text("number"), u"ACME-0002"_s);
        QCOMPARE(paid.text("status"), u"paid"_s);
        QVERIFY(paid.body[u"due_date"_s].isNull());
        QCOMPARE(stripe.invoices().size(), 2);
        QCOMPARE(stripe.invoiceItems().size(), 3);
        QVERIFY2(stripe.violations().isEmpty(), qPrintable(stripe.violations().join(u'\n')));
    }

    void theStripeStandInReplaysARepeatedIdempotencyKey() {
        test::StripeStandIn stripe(kSecretKey);
        StripeCalls calls(stripe);
        const Http first = calls.post("/v1/customers", "name=Acme", "same-key");
        const Http again = calls.post("/v1/customers", "name=Acme", "same-key");
        QCOMPARE(again.status, 200);
        QCOMPARE(again.id(), first.id());
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QVERIFY(first.header("Idempotent-Replayed").isEmpty());
        QCOMPARE(stripe.customers().size(), 1);
        QCOMPARE(stripe.requests().at(1).replayed, true);
        QCOMPARE(stripe.requests().at(1).form.at(0).second, QByteArray("Acme"));
        QVERIFY(stripe.violations().isEmpty());
    }

    void theStripeStandInRefusesAKeyReusedForAnotherRequest() {
        test::StripeStandIn stripe(kSecretKey);
        StripeCalls calls(stripe);
        calls.post("/v1/customers", "name=Acme", "reused");
        const Http changed = calls.post("/v1/customers", "name=Initech", "reused");
        QCOMPARE(changed.status, 400);
        QCOMPARE(changed.errorText("type"), u"idempotency_error"_s);
        QCOMPARE(changed.errorText("message"),
                 u"Keys for idempotent requests can only be used with the same parameters they "
                 "were first used with. Try using a key other than 'reused' if you meant to "
                 "execute a different request."_s);
        const Http elsewhere = calls.post("/v1/invoiceitems", "customer=cus_x&amount=1", "reused");
        QCOMPARE(elsewhere.errorText("type"), u"idempotency_error"_s);
        QVERIFY(
            elsewhere.errorText("message").contains(u"('/v1/invoiceitems' vs '/v1/customers')"_s));
        QCOMPARE(stripe.customers().size(), 1);
        QCOMPARE(stripe.violations().size(), 2);
        // After Stripe's 24 hours the key is free again.
        stripe.forgetIdempotencyKeys();
        QCOMPARE(calls.post("/v1/customers", "name=Initech", "reused").status, 200);
        QCOMPARE(stripe.customers().size(), 2);
    }

    void theStripeStandInRefusesUnknownAndMissingParameters() {
        test::StripeStandIn stripe(kSecretKey);
        StripeCalls calls(stripe);
        const QByteArray customer = calls.post("/v1/customers", {}, "c").id().toUtf8();
        const Http unknown =
            calls.post("/v1/invoices", "customer=" + customer + "&colour=red", "i");
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.errorText("type"), u"invalid_request_error"_s);
        QCOMPARE(unknown.errorText("message"), u"Received unknown parameter: colour"_s);
        QCOMPARE(unknown.errorText("param"), u"colour"_s);
        const Http nested = calls.post("/v1/customers", "address[planet]=Mars", "c2");
        QCOMPARE(nested.errorText("message"), u"Received unknown parameter: address[planet]"_s);
        const Http missing = calls.post("/v1/invoiceitems", "amount=100", "ii");
        QCOMPARE(missing.errorText("message"), u"Missing required param: customer."_s);
        QCOMPARE(missing.errorText("param"), u"customer"_s);
        const Http days =
            calls.post("/v1/invoices", "customer=" + customer + "&days_until_due=30", "days");
        QCOMPARE(days.status, 400);
        QCOMPARE(days.errorText("param"), u"days_until_due"_s);
        // A request that failed validation saved nothing under its key.
        QCOMPARE(calls.post("/v1/invoices", "customer=" + customer, "i").status, 200);
        const Http gone = calls.get("/v1/invoices/in_missing");
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.errorText("code"), u"resource_missing"_s);
        QCOMPARE(gone.errorText("message"), u"No such invoice: 'in_missing'"_s);
        QCOMPARE(gone.errorText("param"), u"id"_s);
        const Http noCustomer = calls.post("/v1/invoices", "customer=cus_nobody", "i2");
        QCOMPARE(noCustomer.status, 400);
        QCOMPARE(noCustomer.errorText("message"), u"No such customer: 'cus_nobody'"_s);
        QCOMPARE(stripe.violations().size(), 5);  // every 4xx but the GET of a missing invoice
    }

    void theStripeStandInRefusesAWrongOrMissingKey() {
        test::StripeStandIn stripe(kSecretKey);
        StripeCalls calls(stripe);
        calls.key = "sk_test_wrong0000000000001234";
        const Http wrong = calls.post("/v1/customers", "name=Acme", "k");
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.errorText("type"), u"invalid_request_error"_s);
        QCOMPARE(wrong.errorText("message"),
                 u"Invalid API Key provided: sk_test_*****************1234"_s);
        calls.key.clear();
        QVERIFY(calls.get("/v1/customers/cus_x")
                    .errorText("message")
                    .startsWith(u"You did not provide an API key."_s));
        QVERIFY(stripe.customers().isEmpty());
        QCOMPARE(stripe.violations().size(), 2);
        // The refused request saved nothing: the right key runs it.
        calls.key = kSecretKey;
        QCOMPARE(calls.post("/v1/customers", "name=Acme", "k").status, 200);
    }

    void theStripeStandInRecordsBrokenPromisesAsViolations() {
        test::StripeStandIn stripe(kSecretKey);
        StripeCalls calls(stripe);
        QCOMPARE(calls.post("/v1/customers", "name=Acme", {}).status, 200);
        calls.version = "2023-10-16";
        calls.get("/v1/customers/" + stripe.customers().at(0)[u"id"_s].toString().toUtf8() +
                  "?api_key=" + kSecretKey);
        const QStringList violations = stripe.violations();
        QVERIFY2(violations.size() == 4, qPrintable(violations.join(u'\n')));
        QCOMPARE(violations.at(0), u"POST /v1/customers: a POST without an Idempotency-Key"_s);
        QVERIFY(violations.at(1).contains(u"Stripe-Version 2023-10-16"_s));
        QVERIFY(violations.at(2).contains(u"an API key in the query string (api_key)"_s));
        QVERIFY(violations.at(3).endsWith(u"400 Received unknown parameter: api_key"_s));
    }

    void theStripeStandInAnswersAStatusFaultWithoutRunning() {
        test::StripeStandIn stripe(kSecretKey);
        StripeCalls calls(stripe);
        test::StripeStandIn::Fault limited;
        limited.status = 429;
        limited.retryAfterSeconds = 2;
        limited.shouldRetry = true;
        stripe.failNext("POST", "/v1/customers", limited);
        const Http refused = calls.post("/v1/customers", "name=Acme", "k");
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.header("Retry-After"), QByteArray("2"));
        QCOMPARE(refused.header("Stripe-Should-Retry"), QByteArray("true"));
        QCOMPARE(refused.errorText("type"), u"invalid_request_error"_s);
        QVERIFY(refused.errorText("message").startsWith(u"Request rate limit exceeded."_s));
        QVERIFY(stripe.customers().isEmpty());
        // Not saved: the same key runs the request.
        QCOMPARE(calls.post("/v1/customers", "name=Acme", "k").status, 200);
        QVERIFY(stripe.violations().isEmpty());
    }

    void theStripeStandInSavesA500UnderTheKeyOnlyWhenTold() {
        test::StripeStandIn stripe(kSecretKey);
        StripeCalls calls(stripe);
        stripe.failNext("POST", "/v1/customers", {});
        const Http lost = calls.post("/v1/customers", "name=Acme", "unsaved");
        QCOMPARE(lost.status, 500);
        QCOMPARE(lost.errorText("type"), u"api_error"_s);
        QCOMPARE(calls.post("/v1/customers", "name=Acme", "unsaved").status, 200);
        test::StripeStandIn::Fault saved;
        saved.saveForKey = true;
        saved.message = "Boom";
        stripe.failNext("POST", "/v1/", saved);
        QCOMPARE(calls.post("/v1/customers", "name=Initech", "saved").status, 500);
        const Http replayed = calls.post("/v1/customers", "name=Initech", "saved");
        QCOMPARE(replayed.status, 500);
        QCOMPARE(replayed.errorText("message"), u"Boom"_s);
        QCOMPARE(replayed.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(stripe.customers().size(), 1);
    }

    void theStripeStandInDropsOrHangsWithoutRunning() {
        test::StripeStandIn stripe(kSecretKey);
        StripeCalls calls(stripe);
        test::StripeStandIn::Fault drop;
        drop.kind = test::StripeStandIn::Fault::Kind::DropBefore;
        // Qt's HTTP client sends a request once more when its connection
        // closes before any answer, so it takes two drops to see one.
        for (int i = 0; i < 2; ++i)
            stripe.failNext("POST", "/v1/customers", drop);
        const Http dropped = calls.post("/v1/customers", "name=Acme", "drop");
        QCOMPARE(dropped.status, 0);
        QCOMPARE(dropped.error, QNetworkReply::RemoteHostClosedError);
        QCOMPARE(stripe.requests().size(), 2);
        QVERIFY(stripe.customers().isEmpty());
        test::StripeStandIn::Fault hang;
        hang.kind = test::StripeStandIn::Fault::Kind::Hang;
        stripe.failNext({}, "/v1/customers/*", hang);
        calls.timeoutMs = 300;
        const Http hung = calls.get("/v1/customers/cus_x");
        QCOMPARE(hung.status, 0);
        QVERIFY(hung.error != QNetworkReply::NoError);
        QCOMPARE(stripe.requests().back().status, 0);
    }

    void theStripeStandInRunsThenDropsAndTheRetryReplays() {
        test::StripeStandIn stripe(kSecretKey);
        StripeCalls calls(stripe);
        test::StripeStandIn::Fault lost;
        lost.kind = test::StripeStandIn::Fault::Kind::ExecuteThenDrop;
        for (int i = 0; i < 2; ++i)  // Qt's one silent resend, as above
            stripe.failNext("POST", "/v1/customers", lost);
        QCOMPARE(calls.post("/v1/customers", "name=Acme", "once").status, 0);
        QCOMPARE(stripe.requests().size(), 2);
        QCOMPARE(stripe.requests().at(1).replayed, true);  // Qt's resend, answered from the store
        QCOMPARE(stripe.customers().size(), 1);
        const Http retried = calls.post("/v1/customers", "name=Acme", "once");
        QCOMPARE(retried.status, 200);
        QCOMPARE(retried.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(retried.id(), stripe.customers().at(0)[u"id"_s].toString());
        QCOMPARE(stripe.customers().size(), 1);
    }

    void theStripeStandInCreditsAnOpenInvoiceBeforePayment() {
        test::StripeStandIn stripe(kSecretKey);
        StripeCalls calls(stripe);
        const OpenInvoice open = openInvoice(calls, "a");
        const Http note =
            calls.post("/v1/credit_notes",
                       "invoice=" + open.invoice +
                           "&lines[0][type]=custom_line_item&lines[0][description]=Goodwill"
                           "&lines[0][quantity]=1&lines[0][unit_amount]=2500&reason=order_change",
                       "cn-1");
        QCOMPARE(note.status, 200);
        QVERIFY(note.id().startsWith(u"cn_"_s));
        QCOMPARE(note.text("type"), u"pre_payment"_s);
        QCOMPARE(note.number("total"), 2500);
        QCOMPARE(note.text("number"), u"ACME-0001-CN-01"_s);
        const Http invoice = calls.get("/v1/invoices/" + open.invoice);
        QCOMPARE(invoice.number("total"), 12500);
        QCOMPARE(invoice.number("amount_due"), 10000);
        QCOMPARE(invoice.number("amount_remaining"), 10000);
        QCOMPARE(invoice.number("pre_payment_credit_notes_amount"), 2500);
        const Http tooMuch =
            calls.post("/v1/credit_notes", "invoice=" + open.invoice + "&amount=10001", "cn-2");
        QCOMPARE(tooMuch.status, 400);
        QCOMPARE(tooMuch.errorText("param"), u"amount"_s);
        const Http draft = calls.post("/v1/invoices", "customer=" + open.customer, "draft");
        const Http onDraft =
            calls.post("/v1/credit_notes", "invoice=" + draft.id().toUtf8() + "&amount=1", "cn-3");
        QCOMPARE(onDraft.status, 400);
        QCOMPARE(onDraft.errorText("param"), u"invoice"_s);
        const Http late = calls.post(
            "/v1/invoiceitems",
            "customer=" + open.customer + "&invoice=" + open.invoice + "&amount=1", "late");
        QCOMPARE(late.status, 400);
        QCOMPARE(
            calls.post("/v1/invoices/" + open.invoice + "/finalize", {}, "again")
                .errorText("message"),
            u"This invoice is already finalized, you can't re-finalize a non-draft invoice."_s);
        QCOMPARE(stripe.creditNotes().size(), 1);
    }

    void theStripeStandInCreditsAPaidInvoiceSplitAsStripeSays() {
        test::StripeStandIn stripe(kSecretKey);
        StripeCalls calls(stripe);
        const OpenInvoice open = openInvoice(calls, "b");
        QVERIFY(stripe.markPaid(open.invoice, kJan1st2026 + 3600));
        const Http paid = calls.get("/v1/invoices/" + open.invoice);
        QCOMPARE(paid.text("status"), u"paid"_s);
        QCOMPARE(paid.number("amount_paid"), 12500);
        QCOMPARE(paid.number("amount_remaining"), 0);
        QCOMPARE(paid.body[u"status_transitions"_s].toObject()[u"paid_at"_s].toInteger(),
                 kJan1st2026 + 3600);
        const QByteArray line =
            "invoice=" + open.invoice +
            "&lines[0][type]=invoice_line_item&lines[0][invoice_line_item]=" + open.firstLine +
            "&lines[0][amount]=3000";
        const Http unsplit = calls.post("/v1/credit_notes", line + "&credit_amount=1000", "p-1");
        QCOMPARE(unsplit.status, 400);
        QVERIFY(unsplit.errorText("message").startsWith(u"For post-payment credit notes"_s));
        const Http note = calls.post("/v1/credit_notes", line + "&out_of_band_amount=3000", "p-2");
        QCOMPARE(note.status, 200);
        QCOMPARE(note.text("type"), u"post_payment"_s);
        QCOMPARE(note.number("out_of_band_amount"), 3000);
        QCOMPARE(calls.get("/v1/credit_notes/" + note.id().toUtf8()).body, note.body);
        const Http after = calls.get("/v1/invoices/" + open.invoice);
        QCOMPARE(after.number("post_payment_credit_notes_amount"), 3000);
        QCOMPARE(after.number("amount_due"), 12500);
    }

    void theStripeStandInShowsVoidAndUncollectibleThroughGet() {
        test::StripeStandIn stripe(kSecretKey);
        StripeCalls calls(stripe);
        const OpenInvoice voided = openInvoice(calls, "v");
        QVERIFY(stripe.markVoid(voided.invoice, kJan1st2026));
        const Http one = calls.get("/v1/invoices/" + voided.invoice);
        QCOMPARE(one.text("status"), u"void"_s);
        QCOMPARE(one.body[u"status_transitions"_s].toObject()[u"voided_at"_s].toInteger(),
                 kJan1st2026);
        QVERIFY(!stripe.markPaid(voided.invoice, kJan1st2026));
        const OpenInvoice lost = openInvoice(calls, "u");
        QVERIFY(stripe.markUncollectible(lost.invoice, kJan1st2026));
        QCOMPARE(calls.get("/v1/invoices/" + lost.invoice).text("status"), u"uncollectible"_s);
        const Http page = calls.get("/v1/invoices?limit=1");
        QCOMPARE(page.body[u"data"_s].toArray().at(0).toObject()[u"id"_s].toString().toUtf8(),
                 lost.invoice);
        QCOMPARE(page.body[u"has_more"_s], true);
        const Http next = calls.get("/v1/invoices?limit=1&starting_after=" + lost.invoice);
        QCOMPARE(next.body[u"data"_s].toArray().at(0).toObject()[u"id"_s].toString().toUtf8(),
                 voided.invoice);
        QCOMPARE(next.body[u"has_more"_s], false);
        QCOMPARE(calls.get("/v1/invoices?status=void").body[u"data"_s].toArray().size(), 1);
        QVERIFY2(stripe.violations().isEmpty(), qPrintable(stripe.violations().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TstFixtures)
#include "tst_fixtures.moc"

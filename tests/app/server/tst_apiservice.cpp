// The REST API in process: every endpoint through ApiService::handle() on a
// demo workspace — its success answer, a missing, unknown and too-weak
// token, a malformed and an oversized body, an unknown path and method —
// the export cursor while imports commit, and license validation answered
// from the validator's cache until expiry or a reread.
#include "licensing/licenseregistry.h"
#include "metering/usageeventexport.h"
#include "server/apiserverpool.h"
#include "server/apiservice.h"
#include "server/apitokenstore.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/tempworkspace.h"

#include <set>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace aicp;

namespace {

const QByteArray kDemoPassphrase = "demo-passphrase";

QByteArray cloudEvent(const QString& id, const QString& time) {
    return QStringLiteral(
               R"({"specversion":"1.0","id":"%1","source":"gw","type":"ai.request.governed",)"
               R"("time":"%2","subject":"acme-corp","data":{"agent_id":"a","user_id":"u",)"
               R"("policy_packs":[],"compliance_modules":[],"quantity":1}})")
        .arg(id, time)
        .toUtf8();
}

QJsonObject json(const ApiResponse& response) {
    return QJsonDocument::fromJson(response.body).object();
}

QString errorCode(const ApiResponse& response) {
    return json(response).value(u"error").toObject().value(u"code").toString();
}

}  // namespace

class TstApiService : public QObject {
    Q_OBJECT

private:
    aicp::test::TempWorkspace workspace_{aicp::test::TempWorkspace::Content::Demo};
    std::unique_ptr<ApiService> service_;
    QByteArray read_;
    QByteArray ingest_;
    QByteArray admin_;
    QByteArray licenseKey_;
    QString licenseId_;

    ApiResponse call(const QByteArray& method, const QString& target, const QByteArray& token,
                     const QByteArray& body = {}) {
        ApiRequest request;
        request.method = method;
        const qsizetype query = target.indexOf(u'?');
        request.path = query < 0 ? target : target.left(query);
        if (query >= 0)
            request.query = QUrlQuery(target.mid(query + 1));
        if (!token.isEmpty())
            request.authorization = "Bearer " + token;
        request.body = body;
        return service_->handle(request);
    }

private slots:
    void initTestCase() {
        QVERIFY2(workspace_.ok(), qPrintable(workspace_.error()));
        ApiTokenStore tokens(*workspace_);
        read_ = tokens.create(ApiRole::Read).value().token;
        ingest_ = tokens.create(ApiRole::Ingest).value().token;
        admin_ = tokens.create(ApiRole::Admin).value().token;
        ApiServiceOptions options;
        options.passphrase = kDemoPassphrase;
        options.maxBodyBytes = 4096;
        service_ = std::make_unique<ApiService>(*workspace_, options);
        const ApiResponse issued =
            call("POST", QStringLiteral("/api/pricing/licenses"), admin_,
                 R"({"customer_id":"api-co","customer_name":"API Co","tier":"starter",)"
                 R"("days":30})");
        QCOMPARE(issued.status, 201);
        licenseKey_ = json(issued).value(u"key").toString().toLatin1();
        licenseId_ = json(issued).value(u"id").toString();
        QVERIFY(licenseKey_.startsWith("AICP1."));
    }

    void theCacheIsSharedOutAcrossThreads() {
        const std::int64_t own = ApiServiceOptions().cacheKiB;
        QCOMPARE(own, 64 * 1024);
        QCOMPARE(ApiServerPool::cachePerThreadKiB(1, own), own);
        QCOMPARE(ApiServerPool::cachePerThreadKiB(2, own), own);
        QCOMPARE(ApiServerPool::cachePerThreadKiB(4, own), own / 2);
        QCOMPARE(ApiServerPool::cachePerThreadKiB(16, own), own / 4);
        if (workspace_->handle()->engine() != aicp::Database::Engine::Sqlite)
            QSKIP("a PostgreSQL connection has no page cache of its own");
        const auto cacheSize = [this] {
            return aicp::queryInt64(workspace_->handle(), "PRAGMA cache_size").value();
        };
        QCOMPARE(cacheSize(), -own);
        {
            ApiServiceOptions options;
            options.cacheKiB = 20'000;
            const ApiService another(*workspace_, options);
            QCOMPARE(cacheSize(), -20'000);
        }
        QCOMPARE(cacheSize(), -own);
    }

    void aBatchJournalsInMemoryNotInATemporaryFile() {
        if (workspace_->handle()->engine() != aicp::Database::Engine::Sqlite)
            QSKIP("a PostgreSQL connection writes no temporary files of its own");
        // 2 is MEMORY: the service's connection undoes a statement from memory.
        QCOMPARE(aicp::queryInt64(workspace_->handle(), "PRAGMA temp_store").value(), 2);
        const ApiResponse stored =
            call("POST", QStringLiteral("/api/pricing/usage/events"), ingest_,
                 cloudEvent(QStringLiteral("t-1"), QStringLiteral("2026-11-20T10:00:00Z")));
        QCOMPARE(stored.status, 200);
        QCOMPARE(json(stored).value(u"new").toInt(), 1);
    }

    void tokensAreHashedAndRoleOrdered() {
        const auto listed = ApiTokenStore(*workspace_).list().value();
        QCOMPARE(listed.size(), std::size_t(3));
        QCOMPARE(listed[0].sha256, ApiTokenStore::hash(read_));
        QCOMPARE(listed[0].sha256.size(), 32);
        QVERIFY(apiRoleAllows(ApiRole::Admin, ApiRole::Ingest));
        QVERIFY(apiRoleAllows(ApiRole::Ingest, ApiRole::Read));
        QVERIFY(!apiRoleAllows(ApiRole::Read, ApiRole::Ingest));
        QVERIFY(!apiRoleAllows(ApiRole::Ingest, ApiRole::Admin));
    }

    void everyEndpoint_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("role");  // ApiRole needed
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("key");  // a key the success answer has
        const int read = int(ApiRole::Read), ingest = int(ApiRole::Ingest),
                  admin = int(ApiRole::Admin);
        QTest::newRow("tiers") << QByteArray("GET") << QStringLiteral("/api/pricing/tiers") << read
                               << QByteArray() << 200 << QStringLiteral("tiers");
        QTest::newRow("pricebook") << QByteArray("GET") << QStringLiteral("/api/pricing/pricebook")
                                   << read << QByteArray() << 200 << QStringLiteral("versions");
        QTest::newRow("cost") << QByteArray("POST") << QStringLiteral("/api/pricing/cost") << read
                              << QByteArray(R"({"tier":"starter","requests":150000})") << 200
                              << QStringLiteral("total");
        QTest::newRow("usage") << QByteArray("GET")
                               << QStringLiteral(
                                      "/api/pricing/usage?customer=acme-corp&from="
                                      "2026-10-01&to=2026-10-02")
                               << read << QByteArray() << 200 << QStringLiteral("points");
        QTest::newRow("usage/events GET")
            << QByteArray("GET") << QStringLiteral("/api/pricing/usage/events?limit=3") << read
            << QByteArray() << 200 << QStringLiteral("next_cursor");
        QTest::newRow("usage/events POST")
            << QByteArray("POST") << QStringLiteral("/api/pricing/usage/events") << ingest
            << cloudEvent(QStringLiteral("p-1"), QStringLiteral("2026-11-01T10:00:00Z")) << 200
            << QStringLiteral("new");
        QTest::newRow("billing-events")
            << QByteArray("GET")
            << QStringLiteral("/api/pricing/billing-events?customer=acme-corp&month=2026-10")
            << read << QByteArray() << 200 << QStringLiteral("lines");
        QTest::newRow("recommendations")
            << QByteArray("GET")
            << QStringLiteral("/api/pricing/recommendations?customer=acme-corp&month=2026-10")
            << read << QByteArray() << 200 << QString();
        QTest::newRow("stats") << QByteArray("GET") << QStringLiteral("/api/pricing/stats") << read
                               << QByteArray() << 200 << QStringLiteral("usage_events");
        QTest::newRow("licenses POST")
            << QByteArray("POST") << QStringLiteral("/api/pricing/licenses") << admin
            << QByteArray(R"({"customer_id":"api-co","tier":"starter","days":10})") << 201
            << QStringLiteral("key");
        QTest::newRow("licenses/validate")
            << QByteArray("POST") << QStringLiteral("/api/pricing/licenses/validate") << read
            << QByteArray("{\"license\":\"" + licenseKey_ + "\"}") << 200
            << QStringLiteral("status");
        QTest::newRow("features")
            << QByteArray("GET")
            << QStringLiteral("/api/pricing/licenses/%1/features/policy_packs").arg(licenseId_)
            << read << QByteArray() << 200 << QStringLiteral("enabled");
        QTest::newRow("revocations")
            << QByteArray("GET") << QStringLiteral("/api/pricing/revocations") << read
            << QByteArray() << 200 << QString();
    }

    void everyEndpoint() {
        QFETCH(QByteArray, method);
        QFETCH(QString, target);
        QFETCH(int, role);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, key);

        const QByteArray tokens[] = {read_, ingest_, admin_};
        const QByteArray& enough = tokens[role];
        const ApiResponse ok = call(method, target, enough, body);
        QVERIFY2(ok.status == status, ok.body.constData());
        if (!key.isEmpty())
            QVERIFY2(json(ok).contains(key), ok.body.constData());

        const ApiResponse missing = call(method, target, {}, body);
        QCOMPARE(missing.status, 401);
        QCOMPARE(errorCode(missing), QStringLiteral("unauthorized"));
        QCOMPARE(call(method, target, "aicp_not-a-token", body).status, 401);
        if (role > 0) {
            const ApiResponse weak = call(method, target, tokens[role - 1], body);
            QCOMPARE(weak.status, 403);
            QCOMPARE(errorCode(weak), QStringLiteral("forbidden"));
        }
        if (method == "POST") {
            const ApiResponse malformed = call(method, target, enough, "{\"a\": [1,");
            QCOMPARE(malformed.status, 400);
            QVERIFY2(json(malformed)
                         .value(u"error")
                         .toObject()
                         .value(u"message")
                         .toString()
                         .contains(QStringLiteral("line 1, column")),
                     malformed.body.constData());
        }
        const ApiResponse oversized = call(method, target, enough, QByteArray(5000, ' '));
        QCOMPARE(oversized.status, 413);
        QCOMPARE(errorCode(oversized), QStringLiteral("payload_too_large"));
        const ApiResponse wrongMethod = call("DELETE", target, enough);
        QCOMPARE(wrongMethod.status, 405);
        QVERIFY(!wrongMethod.headers.empty());
    }

    void unknownPathIs404() {
        const ApiResponse response = call("GET", QStringLiteral("/api/pricing/nothing"), admin_);
        QCOMPARE(response.status, 404);
        QCOMPARE(errorCode(response), QStringLiteral("not_found"));
        QCOMPARE(call("GET", QStringLiteral("/healthz"), {}).status, 200);
    }

    void wrongTokenLeavesNoTrace() {
        const qint64 before = json(call("GET", QStringLiteral("/api/pricing/stats"), read_))
                                  .value(u"usage_events")
                                  .toInteger();
        const QByteArray event =
            cloudEvent(QStringLiteral("t-1"), QStringLiteral("2026-11-02T10:00:00Z"));
        QCOMPARE(call("POST", QStringLiteral("/api/pricing/usage/events"), read_, event).status,
                 403);
        QCOMPARE(call("POST", QStringLiteral("/api/pricing/usage/events"), {}, event).status, 401);
        QCOMPARE(json(call("GET", QStringLiteral("/api/pricing/stats"), read_))
                     .value(u"usage_events")
                     .toInteger(),
                 before);
    }

    void batchIsWholeOrNothing() {
        const QByteArray batch =
            "[" + cloudEvent(QStringLiteral("w-1"), QStringLiteral("2026-11-03T10:00:00Z")) + "," +
            cloudEvent(QStringLiteral("w-2"), QStringLiteral("2026-11-03T10:61:00Z")) + "]";
        const ApiResponse refused =
            call("POST", QStringLiteral("/api/pricing/usage/events"), ingest_, batch);
        QCOMPARE(refused.status, 400);
        QCOMPARE(errorCode(refused), QStringLiteral("invalid_event"));
        QVERIFY(json(refused)
                    .value(u"error")
                    .toObject()
                    .value(u"message")
                    .toString()
                    .startsWith(QStringLiteral("event #2: ")));
        // The good first event was not stored: posting it alone makes it new.
        const ApiResponse alone =
            call("POST", QStringLiteral("/api/pricing/usage/events"), ingest_,
                 cloudEvent(QStringLiteral("w-1"), QStringLiteral("2026-11-03T10:00:00Z")));
        QCOMPARE(json(alone).value(u"new").toInt(), 1);
        const ApiResponse skipped =
            call("POST", QStringLiteral("/api/pricing/usage/events?skip_bad=true"), ingest_, batch);
        QCOMPARE(skipped.status, 200);
        QCOMPARE(json(skipped).value(u"duplicate").toInt(), 1);
        QCOMPARE(json(skipped).value(u"rejected").toInt(), 1);
        QCOMPARE(json(skipped).value(u"rejections").toArray()[0].toObject().value(u"event").toInt(),
                 2);
    }

    void arrayElementsReadAsBefore() {
        // Arrays are cut into lines as sent, except where the JSON parser
        // has always rewritten a value: 2.0 still counts as a quantity of 2.
        QByteArray event =
            cloudEvent(QStringLiteral("n-1"), QStringLiteral("2026-11-05T10:00:00Z"));
        event.replace("\"quantity\":1", "\"quantity\":2.0");
        const ApiResponse posted =
            call("POST", QStringLiteral("/api/pricing/usage/events"), ingest_, "[" + event + "]");
        QVERIFY2(posted.status == 200, posted.body.constData());
        QCOMPARE(json(posted).value(u"new").toInt(), 1);
        // Pretty-printed, one element over several lines: still one event.
        QByteArray spread =
            cloudEvent(QStringLiteral("n-2"), QStringLiteral("2026-11-05T11:00:00Z"));
        spread.replace(",", ",\n  ");
        const ApiResponse pretty = call("POST", QStringLiteral("/api/pricing/usage/events"),
                                        ingest_, "[\n  " + spread + "\n]\n");
        QVERIFY2(pretty.status == 200, pretty.body.constData());
        QCOMPARE(json(pretty).value(u"new").toInt(), 1);
        QCOMPARE(json(pretty).value(u"events").toInt(), 1);
    }

    void issuingWithoutPassphraseIs503() {
        ApiService locked(*workspace_, ApiServiceOptions{});
        ApiRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/api/pricing/licenses");
        request.authorization = "Bearer " + admin_;
        request.body = R"({"customer_id":"api-co","tier":"starter"})";
        const ApiResponse response = locked.handle(request);
        QCOMPARE(response.status, 503);
        QCOMPARE(errorCode(response), QStringLiteral("signing_unavailable"));
    }

    void exportCursorNeverSkipsOrRepeats() {
        // Walk the whole export in small pages while new batches commit
        // between the pages: every event is seen exactly once.
        std::set<QString> seen;
        UsageExportCursor cursor;
        int batches = 0;
        qint64 pages = 0;
        while (true) {
            auto page = UsageEventExport(*workspace_).page(cursor, 997);
            QVERIFY(page.ok());
            for (const QJsonValue& event : page->events) {
                const QString key = event[u"source"].toString() + u'/' + event[u"id"].toString();
                QVERIFY2(seen.insert(key).second, qPrintable(key));
            }
            cursor = page->next;
            ++pages;
            if (batches < 3) {
                // An event that sorts before the cursor's key, in a new import.
                const QString id = QStringLiteral("0-early-%1").arg(batches++);
                QCOMPARE(call("POST", QStringLiteral("/api/pricing/usage/events"), ingest_,
                              cloudEvent(id, QStringLiteral("2026-11-04T10:00:00Z")))
                             .status,
                         200);
            } else if (!page->hasMore) {
                break;
            }
        }
        const qint64 total = json(call("GET", QStringLiteral("/api/pricing/stats"), read_))
                                 .value(u"usage_events")
                                 .toInteger();
        QCOMPARE(qint64(seen.size()), total);
        QVERIFY(seen.count(QStringLiteral("gw/0-early-2")) == 1);
        QVERIFY(pages > 3);
        QCOMPARE(
            call("GET", QStringLiteral("/api/pricing/usage/events?after=garbage"), read_).status,
            400);
        QCOMPARE(call("GET", QStringLiteral("/api/pricing/usage/events?limit=0"), read_).status,
                 400);
    }

    void repeatedValidationAnswersTheSame() {
        const QByteArray body = "{\"license\":\"" + licenseKey_ + "\"}";
        const ApiResponse first =
            call("POST", QStringLiteral("/api/pricing/licenses/validate"), read_, body);
        const ApiResponse second =
            call("POST", QStringLiteral("/api/pricing/licenses/validate"), read_, body);
        QCOMPARE(first.status, 200);
        QCOMPARE(json(first).value(u"status").toString(), QStringLiteral("valid"));
        QCOMPARE(json(first).value(u"license")[u"customer"][u"id"].toString(),
                 QStringLiteral("api-co"));
        QCOMPARE(second.body, first.body);
        // Spaced out, or with another member, it is read by the JSON parser:
        // the same answer, or the same refusal as ever.
        const ApiResponse spaced = call("POST", QStringLiteral("/api/pricing/licenses/validate"),
                                        read_, "{ \"license\" : \"" + licenseKey_ + "\" }\n");
        QCOMPARE(spaced.body, first.body);
        QCOMPARE(call("POST", QStringLiteral("/api/pricing/licenses/validate"), read_,
                      "{\"license\":\"" + licenseKey_ + "\",\"extra\":1}")
                     .status,
                 400);
        QCOMPARE(call("POST", QStringLiteral("/api/pricing/licenses/validate"), read_,
                      R"({"license":""})")
                     .status,
                 400);

        // One character of the signature changed: refused, however often.
        QByteArray forged = licenseKey_;
        forged[forged.size() - 2] = forged[forged.size() - 2] == 'A' ? 'B' : 'A';
        for (int i = 0; i < 2; ++i) {
            const ApiResponse refused =
                call("POST", QStringLiteral("/api/pricing/licenses/validate"), read_,
                     "{\"license\":\"" + forged + "\"}");
            QCOMPARE(refused.status, 200);
            QCOMPARE(json(refused).value(u"valid").toBool(), false);
            QCOMPARE(json(refused).value(u"status").toString(), QStringLiteral("bad-signature"));
        }
        QCOMPARE(json(call("POST", QStringLiteral("/api/pricing/licenses/validate"), read_, body))
                     .value(u"status")
                     .toString(),
                 QStringLiteral("valid"));
    }

    void cachedAnswerEndsAtExpiry() {
        // A license that expires within the validator's reread period: the
        // remembered "valid" must not outlive the expiry itself.
        // It starts a minute ago, so issuing may take its time (scrypt on a
        // loaded machine); a license that is issued too close to its expiry
        // to test the cache is issued again.
        QDateTime expires;
        QByteArray key;
        for (int attempt = 0; attempt < 5 && key.isEmpty(); ++attempt) {
            QDateTime now = QDateTime::currentDateTimeUtc();
            QTest::qWait(1050 - now.time().msec());  // just past a whole second
            now = QDateTime::currentDateTimeUtc();
            expires = now.addSecs(1);
            expires.setTime(
                QTime(expires.time().hour(), expires.time().minute(), expires.time().second()));
            const ApiResponse issued =
                call("POST", QStringLiteral("/api/pricing/licenses"), admin_,
                     QStringLiteral(R"({"customer_id":"api-co","tier":"starter","grace_days":0,)"
                                    R"("not_before":"%1","expires_at":"%2"})")
                         .arg(now.addSecs(-60).toString(Qt::ISODate), expires.toString(Qt::ISODate))
                         .toUtf8());
            QVERIFY2(issued.status == 201, issued.body.constData());
            if (QDateTime::currentDateTimeUtc().msecsTo(expires) > 300)
                key = json(issued).value(u"key").toString().toLatin1();
        }
        QVERIFY2(!key.isEmpty(), "every license was issued too close to its expiry");

        LicenseValidator validator(*workspace_);
        QCOMPARE(validator.validate(key).status, LicenseStatus::Valid);
        QCOMPARE(validator.validate(key).status, LicenseStatus::Valid);
        const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(expires) + 100;
        QVERIFY2(wait < LicenseValidator::kRefreshMs - 300, qPrintable(QString::number(wait)));
        QTest::qWait(int(wait));
        QCOMPARE(validator.validate(key).status, LicenseStatus::Expired);
    }

    void answersOutliveARereadThatFindsNothingNew() {
        LicenseValidator validator(*workspace_);
        const std::shared_ptr<CachedValidation> first = validator.check(licenseKey_);
        QCOMPARE(first->result.status, LicenseStatus::Valid);
        QTest::qWait(int(LicenseValidator::kRefreshMs) + 100);
        // Reread, the same keys and list: the remembered answer is the one given.
        // (A new list starts afresh: revocationAppliesAfterReread.)
        QCOMPARE(validator.check(licenseKey_).get(), first.get());
    }

    void revocationAppliesAfterReread() {
        const QByteArray body = "{\"license\":\"" + licenseKey_ + "\"}";
        QCOMPARE(json(call("POST", QStringLiteral("/api/pricing/licenses/validate"), read_, body))
                     .value(u"status")
                     .toString(),
                 QStringLiteral("valid"));
        QVERIFY(LicenseRegistry(*workspace_)
                    .revoke(QUuid(licenseId_), QStringLiteral("test"), kDemoPassphrase)
                    .ok());
        QTest::qWait(int(LicenseValidator::kRefreshMs) + 100);
        const ApiResponse revoked =
            call("POST", QStringLiteral("/api/pricing/licenses/validate"), read_, body);
        QCOMPARE(json(revoked).value(u"status").toString(), QStringLiteral("revoked"));
        QCOMPARE(json(revoked).value(u"valid").toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TstApiService)
#include "tst_apiservice.moc"

// The workspace's live sources: add, edit (keeping or replacing the token),
// remove, the last pull's outcome, refusals that store nothing, the masked
// token, the retry back-off, and a failed connection test in words; OpenMeter
// sources with their meters (stored, validated, tested against a fixture
// API), and schema-6 and -7 workspaces keeping their sources as aicp ones.
#include "metering/livesources.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/livesourcesamples.h"
#include "support/openmeterfixture.h"
#include "support/tempworkspace.h"

#include <memory>

#include <QTcpServer>
#include <QTest>

using namespace aicp;

namespace {

const QDateTime kNow(QDate(2026, 3, 2), QTime(9, 30), Qt::UTC);
const QByteArray kToken = "aicp_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";

LiveSource source(const QString& name, const QString& url, int interval = 0) {
    return test::aicpSource(name, QUrl(url), kToken, interval);
}

LiveSource openMeterSource(const QString& name, const QString& url) {
    return test::openMeterSource(name, QUrl(url));
}

}  // namespace

class TstLiveSourceStore : public QObject {
    Q_OBJECT

private:
    test::TempWorkspace workspace_;  // renewed for each test

private slots:
    void init() { QVERIFY2(workspace_.renew(), qPrintable(workspace_.error())); }

    void addsListsEditsAndRemoves() {
        LiveSources sources(*workspace_);
        auto gateway = sources.add(
            source(QStringLiteral("  Gateway EU "), QStringLiteral("http://127.0.0.1:8080"), 5),
            kNow);
        QVERIFY2(gateway, gateway ? "" : qPrintable(gateway.error().message()));
        auto archive = sources.add(
            source(QStringLiteral("archive"), QStringLiteral("https://aicp.example")), kNow);
        QVERIFY(archive);

        auto listed = sources.list();
        QVERIFY(listed);
        QCOMPARE(listed->size(), std::size_t{2});
        QCOMPARE((*listed)[0].name, QStringLiteral("archive"));  // by name, case aside
        const LiveSource& eu = (*listed)[1];
        QCOMPARE(eu.name, QStringLiteral("Gateway EU"));
        QCOMPARE(eu.url, QUrl(QStringLiteral("http://127.0.0.1:8080")));
        QCOMPARE(eu.token, kToken);
        QCOMPARE(eu.intervalMinutes, 5);
        QCOMPARE(eu.createdAt, kNow);
        QVERIFY(!eu.lastPullAt.isValid());
        QVERIFY(!eu.lastOk.has_value());

        // An edit without a token keeps the stored one.
        LiveSource edited = eu;
        edited.token.clear();
        edited.intervalMinutes = 15;
        edited.url = QUrl(QStringLiteral("http://127.0.0.1:9090"));
        QVERIFY(sources.update(edited));
        auto found = sources.find(*gateway);
        QVERIFY(found);
        QCOMPARE(found->token, kToken);
        QCOMPARE(found->intervalMinutes, 15);
        QCOMPARE(found->url, QUrl(QStringLiteral("http://127.0.0.1:9090")));
        edited.token = "aicp_replacement_token_0000";
        QVERIFY(sources.update(edited));
        QCOMPARE(sources.find(*gateway)->token, QByteArray("aicp_replacement_token_0000"));

        QVERIFY(sources.recordPull(*gateway, kNow.addSecs(60), false,
                                   QStringLiteral("cannot reach it")));
        found = sources.find(*gateway);
        QCOMPARE(found->lastPullAt, kNow.addSecs(60));
        QCOMPARE(found->lastOk, std::optional<bool>(false));
        QCOMPARE(found->lastResult, QStringLiteral("cannot reach it"));
        // An edit keeps the last outcome.
        QVERIFY(sources.update(edited));
        QCOMPARE(sources.find(*gateway)->lastResult, QStringLiteral("cannot reach it"));

        QVERIFY(sources.remove(*archive));
        QCOMPARE(sources.list()->size(), std::size_t{1});
        QCOMPARE(sources.remove(*archive).error().code(), Error::Code::NotFound);
        QCOMPARE(sources.find(*archive).error().code(), Error::Code::NotFound);
    }

    void refusesBadSourcesAndStoresNothing() {
        LiveSources sources(*workspace_);
        QVERIFY(
            sources.add(source(QStringLiteral("one"), QStringLiteral("http://a.example")), kNow));
        const auto refused = [&](const LiveSource& bad, const QString& words) {
            auto added = sources.add(bad, kNow);
            QVERIFY(!added);
            QVERIFY2(added.error().message().contains(words), qPrintable(added.error().message()));
        };
        refused(source(QStringLiteral("  "), QStringLiteral("http://b.example")),
                QStringLiteral("needs a name"));
        refused(source(QString(101, u'n'), QStringLiteral("http://b.example")),
                QStringLiteral("at most 100"));
        refused(source(QStringLiteral("two"), QStringLiteral("ftp://b.example")),
                QStringLiteral("not an http(s) URL"));
        refused(source(QStringLiteral("two"), QStringLiteral("b.example")),
                QStringLiteral("not an http(s) URL"));
        LiveSource noToken = source(QStringLiteral("two"), QStringLiteral("http://b.example"));
        noToken.token.clear();
        refused(noToken, QStringLiteral("needs a token"));
        LiveSource split = source(QStringLiteral("two"), QStringLiteral("http://b.example"));
        split.token = "aicp_x\r\nX-Evil: 1";
        refused(split, QStringLiteral("visible ASCII"));
        refused(source(QStringLiteral("two"), QStringLiteral("http://b.example"), 1441),
                QStringLiteral("0 (on demand) to 1440 minutes"));
        refused(source(QStringLiteral("two"), QStringLiteral("http://b.example"), -1),
                QStringLiteral("0 (on demand) to 1440 minutes"));
        auto duplicate =
            sources.add(source(QStringLiteral("one"), QStringLiteral("http://c.example")), kNow);
        QCOMPARE(duplicate.error().code(), Error::Code::Conflict);
        QCOMPARE(duplicate.error().message(),
                 QStringLiteral("there is already a live source named 'one'"));
        QCOMPARE(sources.list()->size(), std::size_t{1});

        // Renaming onto another source's name is refused too.
        auto two =
            sources.add(source(QStringLiteral("two"), QStringLiteral("http://b.example")), kNow);
        QVERIFY(two);
        LiveSource rename = *sources.find(*two);
        rename.name = QStringLiteral("one");
        QCOMPARE(sources.update(rename).error().code(), Error::Code::Conflict);
        QCOMPARE(sources.find(*two)->name, QStringLiteral("two"));
    }

    void masksTokens() {
        QCOMPARE(LiveSource::maskedToken(kToken), QStringLiteral("aicp_••••••••EFGH"));
        QCOMPARE(LiveSource::maskedToken("secret-123456789"), QStringLiteral("••••••••6789"));
        QCOMPARE(LiveSource::maskedToken("short"), QStringLiteral("••••••••"));
        QCOMPARE(LiveSource::maskedToken({}), QString());
    }

    void backsOffExponentiallyUpToACap() {
        QCOMPARE(LiveSources::retryDelayMinutes(1, 1), 2);
        QCOMPARE(LiveSources::retryDelayMinutes(1, 2), 4);
        QCOMPARE(LiveSources::retryDelayMinutes(1, 3), 8);
        QCOMPARE(LiveSources::retryDelayMinutes(1, 6), 60);
        QCOMPARE(LiveSources::retryDelayMinutes(1, 40), 60);
        QCOMPARE(LiveSources::retryDelayMinutes(0, 1), 2);
        QCOMPARE(LiveSources::retryDelayMinutes(15, 1), 30);
        QCOMPARE(LiveSources::retryDelayMinutes(15, 2), 60);
        QCOMPARE(LiveSources::retryDelayMinutes(15, 3), 60);
        // A long interval is never shortened by a failure, only not lengthened.
        QCOMPARE(LiveSources::retryDelayMinutes(120, 1), 120);
    }

    void aFailedConnectionTestSaysWhy() {
        // A port that was just free: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        auto tested = LiveSources::testConnection(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), kToken, 5000);
        QVERIFY(!tested);
        QCOMPARE(tested.error().code(), Error::Code::Io);
        QVERIFY2(tested.error().message().startsWith(
                     QStringLiteral("cannot reach http://127.0.0.1:%1/api/pricing/usage/events (")
                         .arg(port)),
                 qPrintable(tested.error().message()));
        QVERIFY(!tested.error().message().contains(QString::fromLatin1(kToken)));
        QVERIFY(!LiveSources::testConnection(QUrl(QStringLiteral("mailto:x@y")), kToken));
    }

    void storesOpenMeterSourcesWithTheirMeters() {
        LiveSources sources(*workspace_);
        // Self-hosted OpenMeter has no authentication: no token needed.
        auto id = sources.add(openMeterSource(QStringLiteral("OpenMeter EU"),
                                              QStringLiteral("http://om.example:8888")),
                              kNow);
        QVERIFY2(id, id ? "" : qPrintable(id.error().message()));
        auto gateway = sources.add(
            source(QStringLiteral("Gateway"), QStringLiteral("http://a.example")), kNow);
        QVERIFY(gateway);

        auto found = sources.find(*id);
        QVERIFY(found);
        QCOMPARE(found->kind, LiveSourceKind::OpenMeter);
        QCOMPARE(found->url, QUrl(QStringLiteral("http://om.example:8888")));
        QCOMPARE(found->token, QByteArray());
        QCOMPARE(found->intervalMinutes, 30);
        QCOMPARE(found->openMeter.requestsMeter, QStringLiteral("governed_requests"));
        QCOMPARE(found->openMeter.packsMeter, QStringLiteral("pack_requests"));
        QCOMPARE(found->openMeter.packKey, QStringLiteral("pack"));
        QCOMPARE(found->openMeter.modulesMeter, QString());
        QCOMPARE(found->openMeter.moduleKey, QString());
        QCOMPARE(found->openMeter.usersMeter, QString());
        QCOMPARE(found->openMeter.agentsMeter, QStringLiteral("agent_requests"));
        QCOMPARE(found->openMeter.agentKey, QStringLiteral("agent_id"));
        QCOMPARE(sources.find(*gateway)->kind, LiveSourceKind::Aicp);
        QCOMPARE(sources.find(*gateway)->openMeter.requestsMeter, QString());
        // As stored: one JSON object of the meters given.
        auto stored = Statement::prepare(
            workspace_->handle(), "SELECT kind, openmeter_mapping FROM live_sources WHERE id = ?1");
        QVERIFY(stored);
        QVERIFY(stored->bindAll(*id));
        QCOMPARE(stored->step().value(), true);
        QCOMPARE(stored->text(0), QStringLiteral("openmeter"));
        QCOMPARE(stored->text(1), QStringLiteral("{\"agent_key\":\"agent_id\",\"agents_meter\":"
                                                 "\"agent_requests\",\"pack_key\":\"pack\","
                                                 "\"packs_meter\":\"pack_requests\","
                                                 "\"requests_meter\":\"governed_requests\"}"));
        stored->reset();

        // An edit changes the meters, and a token may be given later and kept.
        LiveSource edited = *found;
        edited.openMeter.agentsMeter.clear();
        edited.openMeter.agentKey.clear();
        edited.openMeter.usersMeter = QStringLiteral("user_requests");
        edited.openMeter.userKey = QStringLiteral("user_id");
        edited.token = "om_secret_token_1234";
        QVERIFY(sources.update(edited));
        edited.token.clear();
        QVERIFY(sources.update(edited));
        found = sources.find(*id);
        QCOMPARE(found->token, QByteArray("om_secret_token_1234"));
        QCOMPARE(found->openMeter.usersMeter, QStringLiteral("user_requests"));
        QCOMPARE(found->openMeter.userKey, QStringLiteral("user_id"));
        QCOMPARE(found->openMeter.agentsMeter, QString());

        // Turned into an aicp source, it needs a token (this one has one).
        LiveSource noToken =
            openMeterSource(QStringLiteral("tokenless"), QStringLiteral("http://om.example:8888"));
        auto tokenless = sources.add(noToken, kNow);
        QVERIFY(tokenless);
        LiveSource turned = *sources.find(*tokenless);
        turned.kind = LiveSourceKind::Aicp;
        turned.url = QUrl(QStringLiteral("http://a.example"));
        const Status refused = sources.update(turned);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message().contains(QStringLiteral("needs a token")),
                 qPrintable(refused.error().message()));
        QCOMPARE(sources.find(*tokenless)->kind, LiveSourceKind::OpenMeter);
        turned.token = kToken;
        QVERIFY(sources.update(turned));
        found = sources.find(*tokenless);
        QCOMPARE(found->kind, LiveSourceKind::Aicp);
        QCOMPARE(found->openMeter.requestsMeter, QString());
    }

    void refusesBadOpenMeterSources() {
        LiveSources sources(*workspace_);
        const auto refused = [&](const LiveSource& bad, const QString& words) {
            auto added = sources.add(bad, kNow);
            QVERIFY(!added);
            QCOMPARE(added.error().code(), Error::Code::InvalidInput);
            QVERIFY2(added.error().message().contains(words), qPrintable(added.error().message()));
        };
        const QString url = QStringLiteral("http://om.example");
        LiveSource bad = openMeterSource(QStringLiteral("om"), url);
        bad.openMeter.requestsMeter.clear();
        refused(bad, QStringLiteral("name the meter that counts requests"));
        bad = openMeterSource(QStringLiteral("om"), url);
        bad.openMeter.packKey.clear();
        refused(bad, QStringLiteral("the policy-pack meter and its group-by key go together"));
        bad = openMeterSource(QStringLiteral("om"), url);
        bad.openMeter.modulesMeter = QStringLiteral("modules");
        refused(bad,
                QStringLiteral("the compliance-module meter and its group-by key go together"));
        bad = openMeterSource(QStringLiteral("om"), url);
        bad.openMeter.requestsMeter = QStringLiteral("a/b");
        refused(bad, QStringLiteral("the requests meter 'a/b' is not a meter slug"));
        bad = openMeterSource(QStringLiteral("om"), url);
        bad.openMeter.userKey = QStringLiteral("user id");
        bad.openMeter.usersMeter = QStringLiteral("users");
        refused(bad, QStringLiteral("the user group-by key 'user id' is not a property name"));
        refused(openMeterSource(QStringLiteral("om"), QStringLiteral("ftp://om.example")),
                QStringLiteral("not an http(s) URL of an OpenMeter API"));
        bad = openMeterSource(QStringLiteral("om"), url);
        bad.token = "om token";
        refused(bad, QStringLiteral("visible ASCII"));
        QCOMPARE(sources.list()->size(), std::size_t{0});
    }

    void testsAnOpenMeterConnection() {
        openmetertest::OpenMeterFixture fixture;
        QVERIFY(fixture.isListening());
        fixture.requireToken("om_fixture_token_42");
        fixture.addRow(QStringLiteral("governed_requests"), QStringLiteral("acme"),
                       QStringLiteral("2026-03-02T08:00:00Z"), 7);
        fixture.addRow(QStringLiteral("governed_requests"), QStringLiteral("zeta"),
                       QStringLiteral("2026-03-02T08:00:00Z"), 2);
        fixture.addRow(QStringLiteral("governed_requests"), QStringLiteral("acme"),
                       QStringLiteral("2026-03-02T07:00:00Z"), 1);
        LiveSource om = openMeterSource(QStringLiteral("om"), fixture.url().toString());
        om.token = "om_fixture_token_42";
        const QString where = fixture.url().toString();

        auto tested = LiveSources::testConnection(om, 5000, kNow);
        QVERIFY2(tested, tested ? "" : qPrintable(tested.error().message()));
        QCOMPARE(*tested, QStringLiteral("connected: %1 answered for the meter 'governed_requests' "
                                         "(9 requests in the last complete hour)")
                              .arg(where));
        // One small query: the requests meter, the last complete hour.
        QCOMPARE(fixture.requestCount(), 1);
        const QUrl asked = fixture.requests().front();
        QCOMPARE(asked.path(), QStringLiteral("/api/v1/meters/governed_requests/query"));
        const QUrlQuery query(asked);
        QCOMPARE(query.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded),
                 QStringLiteral("2026-03-02T08:00:00Z"));
        QCOMPARE(query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded),
                 QStringLiteral("2026-03-02T09:00:00Z"));
        QCOMPARE(query.queryItemValue(QStringLiteral("windowSize")), QStringLiteral("HOUR"));

        LiveSource wrong = om;
        wrong.token = "om_wrong_token_0000";
        tested = LiveSources::testConnection(wrong, 5000, kNow);
        QCOMPARE(tested.error().code(), Error::Code::InvalidInput);
        QCOMPARE(tested.error().message(),
                 QStringLiteral("%1 refused the token (401): invalid API token").arg(where));
        QVERIFY(!tested.error().message().contains(QStringLiteral("om_wrong")));
        wrong.token.clear();
        tested = LiveSources::testConnection(wrong, 5000, kNow);
        QCOMPARE(tested.error().message(),
                 QStringLiteral("%1 refused the token (401): it needs an API token").arg(where));

        LiveSource unknown = om;
        unknown.openMeter.requestsMeter = QStringLiteral("no_such_meter");
        tested = LiveSources::testConnection(unknown, 5000, kNow);
        QCOMPARE(tested.error().code(), Error::Code::NotFound);
        QCOMPARE(tested.error().message(),
                 QStringLiteral("%1 has no meter 'no_such_meter' (404: meter not found: "
                                "no_such_meter)")
                     .arg(where));

        fixture.answerWith(200, "{\"events\": []}");
        tested = LiveSources::testConnection(om, 5000, kNow);
        QCOMPARE(tested.error().code(), Error::Code::Corrupt);
        QCOMPARE(tested.error().message(),
                 QStringLiteral("%1 answered, but not as an OpenMeter meter query API").arg(where));
    }

    // Workspaces of schema 6 and 7 keep their live sources, as aicp ones,
    // and take OpenMeter sources after opening.
    void upgradesKeepExistingSourcesAsAicp() {
        for (const int version : {6, 7}) {
            const QString file = workspace_.file(QStringLiteral("v%1.aicp").arg(version));
            const Status written = test::writeOldWorkspace(
                file, version,
                "INSERT INTO live_sources (id, name, url, token, interval_minutes, "
                "created_at, last_pull_at, last_ok, last_result) VALUES (4, 'Gateway EU', "
                "'http://127.0.0.1:8080', 'aicp_old_token_0123456789', 15, "
                "'2026-01-05T09:00:00Z', '2026-01-06T10:00:00Z', 0, 'cannot reach it')");
            QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message()));

            auto workspace = Workspace::open(file);
            QVERIFY2(workspace, workspace ? "" : qPrintable(workspace.error().message()));
            QCOMPARE((*workspace)->schemaVersion(), Workspace::kSchemaVersion);
            // The rebuilt table leaves the connection free to checkpoint.
            auto checkpoint =
                Statement::prepare((*workspace)->handle(), "PRAGMA wal_checkpoint(TRUNCATE)");
            QVERIFY(checkpoint);
            auto checkpointed = checkpoint->step();
            QVERIFY2(checkpointed, checkpointed ? "" : qPrintable(checkpointed.error().message()));
            QCOMPARE(checkpoint->int64(0), 0);
            checkpoint->reset();
            LiveSources sources(**workspace);
            auto listed = sources.list();
            QVERIFY(listed);
            QCOMPARE(listed->size(), std::size_t{1});
            const LiveSource& kept = listed->front();
            QCOMPARE(kept.id, std::int64_t{4});
            QCOMPARE(kept.name, QStringLiteral("Gateway EU"));
            QCOMPARE(kept.kind, LiveSourceKind::Aicp);
            QCOMPARE(kept.url, QUrl(QStringLiteral("http://127.0.0.1:8080")));
            QCOMPARE(kept.token, QByteArray("aicp_old_token_0123456789"));
            QCOMPARE(kept.intervalMinutes, 15);
            QCOMPARE(kept.createdAt, QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC));
            QCOMPARE(kept.lastPullAt, QDateTime(QDate(2026, 1, 6), QTime(10, 0), Qt::UTC));
            QCOMPARE(kept.lastOk, std::optional<bool>(false));
            QCOMPARE(kept.lastResult, QStringLiteral("cannot reach it"));
            QVERIFY(sources.add(
                openMeterSource(QStringLiteral("OpenMeter"), QStringLiteral("http://om.example")),
                kNow));
            QCOMPARE(sources.list()->size(), std::size_t{2});
            // The table still refuses what the code would never store.
            QVERIFY(!executeScript((*workspace)->handle(),
                                   "INSERT INTO live_sources (name, url, token, created_at) VALUES "
                                   "('no token', 'http://a.example', '', '2026-01-01T00:00:00Z')")
                         .ok());
            QVERIFY(!executeScript((*workspace)->handle(),
                                   "INSERT INTO live_sources (name, kind, url, created_at, "
                                   "openmeter_mapping) VALUES ('broken', 'openmeter', "
                                   "'http://a.example', '2026-01-01T00:00:00Z', '{not json')")
                         .ok());
            QVERIFY(!executeScript((*workspace)->handle(),
                                   "INSERT INTO live_sources (name, kind, url, created_at) VALUES "
                                   "('no meters', 'openmeter', 'http://a.example', "
                                   "'2026-01-01T00:00:00Z')")
                         .ok());
            QCOMPARE(sources.list()->size(), std::size_t{2});
        }
    }
};

QTEST_GUILESS_MAIN(TstLiveSourceStore)
#include "tst_livesourcestore.moc"

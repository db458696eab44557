// The workspace's live sources: add, edit (keeping or replacing the token),
// remove, the last pull's outcome, refusals that store nothing, the masked
// token, the retry back-off, and a failed connection test in words.
#include "metering/livesources.h"
#include "storage/workspace.h"

#include <memory>

#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

namespace {

const QDateTime kNow(QDate(2026, 3, 2), QTime(9, 30), Qt::UTC);
const QByteArray kToken = "aicp_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";

LiveSource source(const QString& name, const QString& url, int interval = 0) {
    LiveSource result;
    result.name = name;
    result.url = QUrl(url);
    result.token = kToken;
    result.intervalMinutes = interval;
    return result;
}

}  // namespace

class TstLiveSourceStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::unique_ptr<Workspace> workspace_;

private slots:
    void init() {
        QVERIFY(dir_.isValid());
        QFile::remove(dir_.filePath(QStringLiteral("w.aicp")));
        auto workspace = Workspace::open(dir_.filePath(QStringLiteral("w.aicp")));
        QVERIFY2(workspace, workspace ? "" : qPrintable(workspace.error().message()));
        workspace_ = std::move(*workspace);
    }
    void cleanup() { workspace_.reset(); }

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
};

QTEST_GUILESS_MAIN(TstLiveSourceStore)
#include "tst_livesourcestore.moc"

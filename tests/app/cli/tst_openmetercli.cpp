// `aicp usage pull --openmeter` against a fixture OpenMeter API on 127.0.0.1,
// and `aicp usage pull --name` with a live source stored by the console: the
// real binary, its counts, its exit codes and its one-line errors.
#include "storage/query.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/clirunner.h"
#include "support/openmeterfixture.h"

#include <memory>
#include <optional>

#include <QTest>

using namespace aicp::clitest;
using aicp::openmetertest::OpenMeterFixture;

namespace {

const QByteArray kToken = "om_cli_token_0123456789";
const QString kT0 = QStringLiteral("2026-10-01T00:00:00Z");
const QString kT1 = QStringLiteral("2026-10-01T01:00:00Z");

}  // namespace

class TstOpenMeterCli : public QObject {
    Q_OBJECT

private:
    CliSandbox sandbox_;
    std::unique_ptr<OpenMeterFixture> fixture_;
    QString db_;
    int run_ = 0;

    CliRun aicp(const QStringList& arguments) {
        return sandbox_.run(QStringList{QStringLiteral("--db"), db_} + arguments,
                            sandbox_.environment());
    }

    QStringList pullArguments(const QStringList& extra = {}) const {
        return QStringList{QStringLiteral("usage"),
                           QStringLiteral("pull"),
                           QStringLiteral("--openmeter"),
                           fixture_->url().toString(),
                           QStringLiteral("--token-file"),
                           sandbox_.file(QStringLiteral("om.token")),
                           QStringLiteral("--requests-meter"),
                           QStringLiteral("governed_requests"),
                           QStringLiteral("--packs-meter"),
                           QStringLiteral("pack_requests"),
                           QStringLiteral("--pack-key"),
                           QStringLiteral("pack"),
                           QStringLiteral("--from"),
                           QStringLiteral("2026-10-01"),
                           QStringLiteral("--to"),
                           QStringLiteral("2026-10-01")} +
               extra;
    }

    // The workspace made by a first pull (of an empty September), then the
    // statement `insertSource` run on it as the console's Settings store a
    // live source.
    bool storeSourceAsTheConsole(const QByteArray& insertSource) {
        const CliRun created = aicp(
            {QStringLiteral("usage"), QStringLiteral("pull"), QStringLiteral("--openmeter"),
             fixture_->url().toString(), QStringLiteral("--requests-meter"),
             QStringLiteral("governed_requests"), QStringLiteral("--to"),
             QStringLiteral("2026-09-01"), QStringLiteral("--from"), QStringLiteral("2026-09-01"),
             QStringLiteral("--token-file"), sandbox_.file(QStringLiteral("om.token"))});
        if (created.exitCode != 0)
            return false;
        auto workspace = aicp::Workspace::open(db_, aicp::Workspace::OpenMode::OpenExisting);
        return workspace &&
               aicp::executeScript((*workspace)->handle(), insertSource.toStdString()).ok();
    }

    // The outcome of the stored source's last pull, as the console shows it
    // (empty when it cannot be read).
    struct LastPull {
        int ok = 0;  // last_ok: 1 when it succeeded
        QString result;
    };
    std::optional<LastPull> lastPull() const {
        auto workspace = aicp::Workspace::open(db_, aicp::Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return std::nullopt;
        auto last = aicp::queryFirstRow<LastPull>(
            (*workspace)->handle(), "SELECT last_ok, last_result FROM live_sources",
            [](const aicp::Statement& row) {
                return LastPull{int(row.int64(0)), row.text(1)};
            });
        return last ? *last : std::nullopt;
    }

    QJsonObject octoberOf(const QString& customer) {
        const CliRun summary =
            aicp({QStringLiteral("usage"), QStringLiteral("summary"), QStringLiteral("--customer"),
                  customer, QStringLiteral("--month"), QStringLiteral("2026-10"),
                  QStringLiteral("--json")});
        return parseObject(summary.out);
    }

private slots:
    void initTestCase() {
        QVERIFY2(sandbox_.isReady(), "AICP_CLI must name the built aicp binary");
        QFile token(sandbox_.file(QStringLiteral("om.token")));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write(kToken + "\n");
    }
    void init() {
        db_ = sandbox_.testWorkspace();
        fixture_ = std::make_unique<OpenMeterFixture>();
        QVERIFY(fixture_->isListening());
        fixture_->requireToken(kToken);
        fixture_->addRow(QStringLiteral("governed_requests"), QStringLiteral("acme"), kT0, 5);
        fixture_->addRow(QStringLiteral("governed_requests"), QStringLiteral("acme"), kT1, 3);
        fixture_->addRow(QStringLiteral("pack_requests"), QStringLiteral("acme"), kT0, 4,
                         {{QStringLiteral("pack"), QStringLiteral("pii-protection")}});
    }
    void cleanup() { fixture_.reset(); }

    void pullsCountsAndPullsAgainIdempotently() {
        const CliRun first = aicp(pullArguments());
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.err.isEmpty(), qPrintable(first.err));
        QCOMPARE(first.out,
                 QStringLiteral("Pulled 3 windows from %1, 2026-10-01T00:00:00Z to "
                                "2026-10-02T00:00:00Z: 3 new, 0 changed, 0 unchanged; requests "
                                "+8.\n")
                     .arg(fixture_->url().toString()));
        QCOMPARE(fixture_->requestCount(), 2);
        QJsonObject acme = octoberOf(QStringLiteral("acme"));
        QCOMPARE(acme.value(u"requests").toInt(), 8);
        QCOMPARE(acme.value(u"policy_packs").toObject().value(u"pii-protection").toInt(), 4);

        const CliRun again = aicp(pullArguments({QStringLiteral("--json")}));
        QCOMPARE(again.exitCode, 0);
        const QJsonObject counts = parseObject(again.out);
        QCOMPARE(counts.value(u"new").toInt(), 0);
        QCOMPARE(counts.value(u"changed").toInt(), 0);
        QCOMPARE(counts.value(u"unchanged").toInt(), 3);
        QCOMPARE(counts.value(u"pulled_until").toString(), QStringLiteral("2026-10-02T00:00:00Z"));
        QCOMPARE(octoberOf(QStringLiteral("acme")).value(u"requests").toInt(), 8);

        // OpenMeter revises a window late: only the difference is applied.
        fixture_->setRow(QStringLiteral("governed_requests"), QStringLiteral("acme"), kT1, 10);
        const CliRun revised = aicp(pullArguments({QStringLiteral("--json")}));
        QCOMPARE(revised.exitCode, 0);
        QCOMPARE(parseObject(revised.out).value(u"changed").toInt(), 1);
        QCOMPARE(parseObject(revised.out).value(u"requests_delta").toInt(), 7);
        QCOMPARE(octoberOf(QStringLiteral("acme")).value(u"requests").toInt(), 15);
    }

    // Killed (SIGKILL) in the middle of a ten-day pull, then run again: the
    // totals are those of a pull never interrupted, and a third run finds
    // nothing to change.
    void killedPullResumesWhenRunAgain() {
        fixture_->addRow(QStringLiteral("governed_requests"), QStringLiteral("acme"),
                         QStringLiteral("2026-10-08T05:00:00Z"), 6);
        fixture_->addRow(QStringLiteral("pack_requests"), QStringLiteral("acme"),
                         QStringLiteral("2026-10-08T05:00:00Z"), 6,
                         {{QStringLiteral("pack"), QStringLiteral("toxicity")}});
        QStringList arguments = pullArguments({QStringLiteral("--page-size"), QStringLiteral("6")});
        arguments[arguments.indexOf(QStringLiteral("--to")) + 1] = QStringLiteral("2026-10-10");
        fixture_->delayAnswers(40);

        QProcess process;
        process.setProcessEnvironment(sandbox_.environment());
        process.start(qEnvironmentVariable("AICP_CLI"),
                      QStringList{QStringLiteral("--db"), db_} + arguments);
        QVERIFY(process.waitForStarted(30'000));
        // 40 pages of 2 requests: kill it after 15 requests, some pages in.
        QTRY_VERIFY_WITH_TIMEOUT(fixture_->requestCount() >= 15, 60'000);
        process.kill();
        QVERIFY(process.waitForFinished(30'000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        QVERIFY(octoberOf(QStringLiteral("acme")).value(u"requests").toInt() < 14);

        fixture_->delayAnswers(0);
        const CliRun resumed = aicp(arguments + QStringList{QStringLiteral("--json")});
        QCOMPARE(resumed.exitCode, 0);
        QJsonObject acme = octoberOf(QStringLiteral("acme"));
        QCOMPARE(acme.value(u"requests").toInt(), 5 + 3 + 6);
        QCOMPARE(acme.value(u"policy_packs").toObject().value(u"pii-protection").toInt(), 4);
        QCOMPARE(acme.value(u"policy_packs").toObject().value(u"toxicity").toInt(), 6);

        const CliRun again = aicp(arguments + QStringList{QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(parseObject(again.out).value(u"new").toInt(), 0);
        QCOMPARE(parseObject(again.out).value(u"changed").toInt(), 0);
        QCOMPARE(parseObject(again.out).value(u"unchanged").toInt(), 3 + 2);
    }

    void refusedAnswerIsOneLineAndWritesNothing() {
        fixture_->answerWith(200, OpenMeterFixture::answer({QJsonObject{
                                      {QStringLiteral("value"), 1.5},
                                      {QStringLiteral("windowStart"), kT0},
                                      {QStringLiteral("windowEnd"), kT1},
                                      {QStringLiteral("subject"), QStringLiteral("acme")}}}));
        verifyOneErrorLine(aicp(pullArguments()), 1, QStringLiteral("whole number"));
        fixture_->answerProperly();
        QCOMPARE(octoberOf(QStringLiteral("acme")).value(u"requests").toInt(), 0);

        fixture_->requireToken("another-token");
        verifyOneErrorLine(aicp(pullArguments()), 2, QStringLiteral("401"));
    }

    void commandLineMistakesAreUsageErrors() {
        const QString url = fixture_->url().toString();
        const QStringList base{QStringLiteral("usage"), QStringLiteral("pull"),
                               QStringLiteral("--openmeter"), url};
        verifyOneErrorLine(aicp(base), 2, QStringLiteral("requests"));
        verifyOneErrorLine(
            aicp(base + QStringList{QStringLiteral("--requests-meter"), QStringLiteral("m"),
                                    QStringLiteral("--pack-key"), QStringLiteral("pack")}),
            2, QStringLiteral("give both"));
        verifyOneErrorLine(
            aicp(base + QStringList{QStringLiteral("--requests-meter"), QStringLiteral("m"),
                                    QStringLiteral("--from"), QStringLiteral("2026-13-01")}),
            2, QStringLiteral("--from"));
        verifyOneErrorLine(aicp(base + QStringList{QStringLiteral("--source"), url}), 2,
                           QStringLiteral("give one of"));
        verifyOneErrorLine(
            aicp({QStringLiteral("usage"), QStringLiteral("pull"), QStringLiteral("--source"), url,
                  QStringLiteral("--pack-key"), QStringLiteral("p")}),
            2, QStringLiteral("only applies with --openmeter"));
        QCOMPARE(fixture_->requestCount(), 0);
    }

    void pullsALiveSourceStoredByTheConsole() {
        // No workspace yet: nothing is stored, nothing is created.
        QCOMPARE(aicp({QStringLiteral("usage"), QStringLiteral("pull"), QStringLiteral("--name"),
                       QStringLiteral("Gateway EU")})
                     .exitCode,
                 1);
        // A workspace, then a source as the console's Settings store it.
        // Nothing listens on port 9 of the loopback: the pull fails, and says so.
        QVERIFY(storeSourceAsTheConsole(
            "INSERT INTO live_sources (name, url, token, created_at) VALUES "
            "('Gateway EU', 'http://127.0.0.1:9', 'aicp_0123456789abcdef', "
            "'2026-10-01T00:00:00Z')"));

        verifyOneErrorLine(aicp({QStringLiteral("usage"), QStringLiteral("pull"),
                                 QStringLiteral("--name"), QStringLiteral("Gateway")}),
                           1, QStringLiteral("'Gateway EU'"));
        verifyOneErrorLine(aicp({QStringLiteral("usage"), QStringLiteral("pull"),
                                 QStringLiteral("--name"), QStringLiteral("Gateway EU")}),
                           1, QStringLiteral("cannot reach http://127.0.0.1:9"));

        // The console shows the failure as the source's last pull.
        const std::optional<LastPull> last = lastPull();
        QVERIFY(last);
        QCOMPARE(last->ok, 0);
        QVERIFY2(last->result.contains(QStringLiteral("cannot reach")), qPrintable(last->result));
    }

    // An OpenMeter source stored by the console (Settings, Live sources):
    // `--name` pulls it with its meters and records the outcome in words.
    void pullsAnOpenMeterSourceStoredByTheConsole() {
        QVERIFY(storeSourceAsTheConsole(
            "INSERT INTO live_sources (name, kind, url, token, openmeter_mapping, created_at) "
            "VALUES ('OpenMeter EU', 'openmeter', '" +
            fixture_->url().toString().toUtf8() + "', '" + kToken +
            "', '{\"requests_meter\":\"governed_requests\",\"packs_meter\":\"pack_requests\","
            "\"pack_key\":\"pack\"}', '2026-10-01T00:00:00Z')"));
        const QStringList byName{QStringLiteral("usage"), QStringLiteral("pull"),
                                 QStringLiteral("--name"), QStringLiteral("OpenMeter EU")};

        verifyOneErrorLine(
            aicp(byName + QStringList{QStringLiteral("--max-pages"), QStringLiteral("2")}), 2,
            QStringLiteral("--max-pages does not apply to an OpenMeter source"));
        fixture_->clearRequests();
        // Resumes a day before where the first pull ended, up to the last
        // complete hour: October's three windows are new.
        const CliRun pulled = aicp(byName + QStringList{QStringLiteral("--json")});
        QCOMPARE(pulled.exitCode, 0);
        QVERIFY2(pulled.err.isEmpty(), qPrintable(pulled.err));
        const QJsonObject counts = parseObject(pulled.out);
        QCOMPARE(counts.value(u"from").toString(), QStringLiteral("2026-09-01T00:00:00Z"));
        QCOMPARE(counts.value(u"new").toInt(), 3);
        QCOMPARE(counts.value(u"changed").toInt(), 0);
        QCOMPARE(counts.value(u"requests_delta").toInt(), 8);
        // Both meters were asked, with the stored token.
        bool askedPacks = false;
        for (const QUrl& asked : fixture_->requests())
            askedPacks = askedPacks || asked.path().contains(QStringLiteral("/pack_requests/"));
        QVERIFY(askedPacks);
        const QJsonObject acme = octoberOf(QStringLiteral("acme"));
        QCOMPARE(acme.value(u"requests").toInt(), 8);
        QCOMPARE(acme.value(u"policy_packs").toObject().value(u"pii-protection").toInt(), 4);

        const std::optional<LastPull> last = lastPull();
        QVERIFY(last);
        QCOMPARE(last->ok, 1);
        QCOMPARE(last->result,
                 QStringLiteral("3 new windows, 0 revised, 0 unchanged; requests +8"));

        // In words, named by the source.
        const CliRun again = aicp(byName);
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.startsWith(QStringLiteral("OpenMeter EU: Pulled 0 windows from %1, ")
                                          .arg(fixture_->url().toString())),
                 qPrintable(again.out));
        QCOMPARE(octoberOf(QStringLiteral("acme")).value(u"requests").toInt(), 8);

        // A refused token fails the pull and says so.
        fixture_->requireToken("another_token_entirely");
        verifyOneErrorLine(aicp(byName), 2, QStringLiteral("answered 401"));
    }
};

QTEST_GUILESS_MAIN(TstOpenMeterCli)
#include "tst_openmetercli.moc"

// A live pull killed mid-way (SIGKILL, no chance to clean up) and run again
// ends with exactly the source's events: every committed page is whole, the
// cursor stored with it resumes the pull, and nothing is counted twice.
// Real `aicp serve` and `aicp usage pull` processes on 127.0.0.1, on
// workspace files or PostgreSQL databases (onPostgres()).
#include "metering/usagegenerator.h"
#include "storage/query.h"
#include "storage/workspace.h"
#include "support/clirunner.h"
#include "support/generatedusage.h"
#include "support/servertestsupport.h"

#include <map>
#include <memory>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using aicp::apitest::Server;
using aicp::clitest::CliRun;
using aicp::clitest::CliSandbox;

namespace {

constexpr qint64 kEvents = 50'000;
// Small pages make the pull long enough to be caught mid-way: 1,000 pages.
constexpr int kPageSize = 50;

struct CustomerUsage {
    qint64 events = 0;
    qint64 quantity = 0;
    bool operator==(const CustomerUsage&) const = default;
};
using UsageByCustomer = std::map<QString, CustomerUsage>;

aicp::UsageGeneratorSpec spec() {
    aicp::UsageGeneratorSpec spec;
    spec.rows = kEvents;
    spec.customers = 7;
    spec.days = 20;
    spec.seed = 42;
    return spec;
}

// What a workspace holds, read through the core's own storage API, so the
// same reads serve a file and a PostgreSQL database. Opened before the pull
// writes it and kept open: each read is a statement of its own, which never
// takes the writer's lock (WAL on a file) and sees every committed page.
// -1 or nothing when it cannot be read.
class UsageReader {
public:
    explicit UsageReader(const QString& location) {
        auto opened = aicp::Workspace::open(location, aicp::Workspace::OpenMode::OpenOrCreate);
        if (opened)
            workspace_ = std::move(*opened);
        else
            qWarning("cannot open %s: %s", qPrintable(location),
                     qPrintable(opened.error().message()));
    }

    [[nodiscard]] qint64 eventCount() const {
        if (!workspace_)
            return -1;
        return aicp::queryInt64(workspace_->handle(), "SELECT count(*) FROM usage_events")
            .valueOr(-1);
    }
    [[nodiscard]] UsageByCustomer byCustomer() const {
        UsageByCustomer usage;
        if (!workspace_)
            return usage;
        const aicp::Status read = aicp::visitRows(
            workspace_->handle(),
            "SELECT customer_id, count(*), CAST(sum(quantity) AS BIGINT) FROM usage_events "
            "GROUP BY customer_id",
            [&usage](const aicp::Statement& row) -> aicp::Status {
                usage[row.text(0)] = {row.int64(1), row.int64(2)};
                return {};
            });
        if (!read.ok())
            qWarning("cannot read the usage: %s", qPrintable(read.error().message()));
        return usage;
    }

private:
    std::unique_ptr<aicp::Workspace> workspace_;
};

}  // namespace

class TstPullResume : public QObject {
    Q_OBJECT

private:
    CliSandbox sandbox_;

    CliRun aicp(const QStringList& arguments) const {
        return sandbox_.run(arguments, sandbox_.environment());
    }

private slots:
    void initTestCase() { QVERIFY(sandbox_.isReady()); }

    void killedPullResumesToTheSameCounts() {
        // The source: 50,000 generated events imported from CSV.
        const QString source = sandbox_.workspace(QStringLiteral("source.aicp"));
        const QString csv = sandbox_.file(QStringLiteral("events.csv"));
        QVERIFY(aicp::test::writeGeneratedUsage(spec(), csv));
        const CliRun imported = aicp({QStringLiteral("--db"), source, QStringLiteral("usage"),
                                      QStringLiteral("import"), csv, QStringLiteral("--json")});
        QCOMPARE(imported.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(imported.out.toUtf8()).object().value(u"new").toInteger(),
                 kEvents);

        // What the generator says each customer used, counted here.
        UsageByCustomer expected;
        const aicp::UsageGenerator generator(spec());
        for (qint64 row = 0; row < kEvents; ++row) {
            const aicp::GeneratedEvent event = generator.event(row);
            CustomerUsage& usage = expected[QString::fromStdString(event.customer)];
            usage.events += 1;
            usage.quantity += event.quantity;
        }
        QCOMPARE(expected.size(), std::size_t(7));
        const UsageReader sourceUsage(source);
        QCOMPARE(sourceUsage.byCustomer(), expected);

        const CliRun made =
            aicp({QStringLiteral("--db"), source, QStringLiteral("tokens"),
                  QStringLiteral("create"), QStringLiteral("--role"), QStringLiteral("read")});
        QCOMPARE(made.exitCode, 0);
        const QString tokenPath = sandbox_.file(QStringLiteral("read.token"));
        {
            QFile file(tokenPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(made.firstLine().toUtf8() + '\n');
        }

        Server server;
        QVERIFY(server.start(qEnvironmentVariable("AICP_CLI"), source, sandbox_.environment()));
        // Made before the pull, which then finds it there, so the test reads
        // it from the start.
        const QString targetLocation = sandbox_.workspace(QStringLiteral("target.aicp"));
        const UsageReader target(targetLocation);
        const QStringList pull{QStringLiteral("--db"),         targetLocation,
                               QStringLiteral("usage"),        QStringLiteral("pull"),
                               QStringLiteral("--source"),     server.base().toString(),
                               QStringLiteral("--token-file"), tokenPath,
                               QStringLiteral("--page-size"),  QString::number(kPageSize),
                               QStringLiteral("--json")};

        // Killed once a few pages are in, well before the end.
        QProcess interrupted;
        interrupted.setProcessEnvironment(sandbox_.environment());
        interrupted.start(qEnvironmentVariable("AICP_CLI"), pull);
        QVERIFY(interrupted.waitForStarted(15'000));
        qint64 seen = 0;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 60'000 && interrupted.state() == QProcess::Running) {
            seen = target.eventCount();
            if (seen >= 3 * kPageSize)
                break;
            QTest::qWait(5);
        }
        QVERIFY2(interrupted.state() == QProcess::Running,
                 qPrintable(QStringLiteral("the pull ended before it could be interrupted "
                                           "(%1 events seen, exit %2): %3")
                                .arg(seen)
                                .arg(interrupted.exitCode())
                                .arg(QString::fromUtf8(interrupted.readAllStandardError()))));
        QVERIFY2(seen >= 3 * kPageSize, "no pages were committed within 60 s");
        interrupted.kill();  // SIGKILL: no handler, no cleanup
        QVERIFY(interrupted.waitForFinished(15'000));
        QCOMPARE(interrupted.exitStatus(), QProcess::CrashExit);

        // Only whole pages are there, and not all of them.
        const qint64 kept = target.eventCount();
        QVERIFY2(kept >= seen && kept < kEvents, qPrintable(QString::number(kept)));
        QCOMPARE(kept % kPageSize, qint64(0));

        // Run again: it takes up after the last committed page.
        const CliRun resumed = aicp(pull);
        QVERIFY2(resumed.exitCode == 0,
                 qPrintable(resumed.err + QStringLiteral("\nservice log, last lines:\n") +
                            server.log().right(3000)));
        const QJsonObject counts = QJsonDocument::fromJson(resumed.out.toUtf8()).object();
        QCOMPARE(counts.value(u"new").toInteger(), kEvents - kept);
        QCOMPARE(counts.value(u"received").toInteger(), kEvents - kept);
        QCOMPARE(counts.value(u"duplicate").toInteger(), qint64(0));
        QCOMPARE(counts.value(u"complete").toBool(), true);

        // The same events on both sides, customer by customer.
        QCOMPARE(target.eventCount(), kEvents);
        QCOMPARE(target.byCustomer(), expected);
        QCOMPARE(target.byCustomer(), sourceUsage.byCustomer());

        // And nothing more to pull.
        const CliRun again = aicp(pull);
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(
            QJsonDocument::fromJson(again.out.toUtf8()).object().value(u"received").toInteger(),
            qint64(0));
        QCOMPARE(server.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TstPullResume)
#include "tst_pullresume.moc"

// Ctrl-C during `aicp usage import`: the file being read keeps nothing, the
// command says so in one line and fails. The file is a named pipe the test
// writes, so the signal arrives mid-file on any machine, however fast.
#include "support/clirunner.h"
#include "support/generatedusage.h"

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using aicp::clitest::CliRun;
using aicp::clitest::CliSandbox;

namespace {

// Writes `bytes` to a non-blocking pipe while `reader` runs; false once the
// reader has stopped reading (it ended, or the pipe stays full).
bool feed(int pipe, QByteArrayView bytes, const QProcess& reader) {
    QElapsedTimer stalled;
    stalled.start();
    while (!bytes.isEmpty()) {
        const ssize_t written = ::write(pipe, bytes.data(), std::size_t(bytes.size()));
        if (written > 0) {
            bytes = bytes.sliced(written);
            stalled.start();
            continue;
        }
        if (reader.state() != QProcess::Running || stalled.elapsed() > 2'000)
            return false;
        QTest::qWait(5);
    }
    return true;
}

}  // namespace

class TestUsageImportStop : public QObject {
    Q_OBJECT

private:
    CliSandbox sandbox_;

private slots:
    void initTestCase() {
        QVERIFY2(sandbox_.isReady(), "AICP_CLI must name the built aicp");
        // Writing on once the import has closed the pipe fails (EPIPE)
        // rather than ending the test.
        std::signal(SIGPIPE, SIG_IGN);
    }

    void ctrlCKeepsNothingOfTheFile() {
        const QString db = sandbox_.testWorkspace();
        QCOMPARE(sandbox_
                     .run({QStringLiteral("--db"), db, QStringLiteral("workspace"),
                           QStringLiteral("create")})
                     .exitCode,
                 0);
        const QByteArray before = sandbox_.contentOf(db);
        const QString generated = sandbox_.file(QStringLiteral("generated.csv"));
        QVERIFY(aicp::test::writeGeneratedUsage(aicp::test::benchmarkUsage(60'000), generated));
        QFile source(generated);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray events = source.readAll();
        const qsizetype half = events.indexOf('\n', events.size() / 2) + 1;

        const QString fifo = sandbox_.file(QStringLiteral("gateway.csv"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QProcess importing;
        importing.setProcessEnvironment(sandbox_.environment());
        importing.start(sandbox_.program(), {QStringLiteral("--db"), db, QStringLiteral("usage"),
                                             QStringLiteral("import"), fifo});
        QVERIFY(importing.waitForStarted());
        // The pipe opens for writing once the import opens it for reading.
        int pipe = -1;
        QElapsedTimer waited;
        waited.start();
        while (pipe < 0 && waited.elapsed() < 30'000 && importing.state() == QProcess::Running) {
            pipe = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
            if (pipe < 0)
                QTest::qWait(5);
        }
        QVERIFY2(pipe >= 0, "the import never opened the file");
        QVERIFY(feed(pipe, QByteArrayView(events).first(half), importing));
        QCOMPARE(::kill(pid_t(importing.processId()), SIGINT), 0);
        // The rest of the file, which the import stops reading.
        static_cast<void>(feed(pipe, QByteArrayView(events).sliced(half), importing));
        ::close(pipe);

        QVERIFY(importing.state() == QProcess::NotRunning || importing.waitForFinished(60'000));
        QCOMPARE(importing.exitStatus(), QProcess::NormalExit);
        QCOMPARE(importing.exitCode(), 1);
        const QString err = QString::fromUtf8(importing.readAllStandardError());
        QCOMPARE(err,
                 QStringLiteral(
                     "aicp: usage import: Cancelled: nothing from gateway.csv was imported.\n"));
        QVERIFY(importing.readAllStandardOutput().isEmpty());
        QCOMPARE(sandbox_.contentOf(db), before);
        const CliRun info = sandbox_.run({QStringLiteral("--db"), db, QStringLiteral("workspace"),
                                          QStringLiteral("info"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(info.out.toUtf8()).object().value(u"events").toInteger(),
                 0);

        // The same events from a plain file go in whole.
        const CliRun again = sandbox_.run({QStringLiteral("--db"), db, QStringLiteral("usage"),
                                           QStringLiteral("import"), generated});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QStringLiteral("60,000 new")), qPrintable(again.out));
    }
};

QTEST_GUILESS_MAIN(TestUsageImportStop)
#include "tst_usageimportstop.moc"

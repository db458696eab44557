// Soak of `aicp serve` on 127.0.0.1: for --minutes N (default 10; --quick:
// 20 s) one client posts generated usage batches at a steady rate while a
// second workspace pulls them every few seconds with the code the console's
// Live sources use (UsagePuller, then LiveSources::recordPull), and asks GET
// /usage and POST /licenses/validate. The server's RSS and our own are
// sampled every 10 s (--quick: 2 s). At the end: nothing lost (every posted
// event pulled, per customer), a table of RSS over time, the slope after the
// warm-up, totals, requests/s and a verdict. Exit status 1 when events were
// lost, a request failed or (not in --quick) memory grew.
// The service keeps a 64 MiB SQLite page cache, which fills as the database
// grows: a soak on a small workspace would measure that filling, not a leak.
// So the served workspace is first filled with --prefill generated events
// (default 600000, over 100 MB; --quick: none) and the console's first pull
// reads them all, which brings the cache to its size during the warm-up.
//   soak_service [--aicp PATH] [--minutes N | --quick] [--rate EVENTS_PER_S]
//                [--prefill EVENTS]
// PATH defaults to $AICP_CLI. Run it on a release build.
#include "metering/livesources.h"
#include "metering/usagegenerator.h"
#include "metering/usageimporter.h"
#include "metering/usagepuller.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/generatedusage.h"
#include "support/servertestsupport.h"

#include <atomic>
#include <cmath>
#include <map>
#include <mutex>
#include <thread>

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

constexpr int kCustomers = 5;

QUrl endpoint(const QUrl& base, const QString& path, const QString& query = {}) {
    QUrl url = base;
    url.setPath(path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

// VmRSS of a process in KiB; -1 when it cannot be read.
qint64 rssKiB(const QString& pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QString customerName(int index) {
    return QStringLiteral("soak-c%1").arg(index + 1);
}

// One keep-alive connection per thread, like a gateway or the console.
class Client {
public:
    aicp::apitest::Reply exchange(const QByteArray& method, const QUrl& url,
                                  const QByteArray& token, const QByteArray& body = {}) {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token);
        if (method == "POST")
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setTransferTimeout(15000);
        QNetworkReply* reply = network_.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        aicp::apitest::Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        delete reply;
        return result;
    }

private:
    QNetworkAccessManager network_;
};

struct Shared {
    std::atomic<bool> stop{false};
    std::atomic<bool> postingDone{false};  // the poster's last batch has been answered
    std::atomic<qint64> requests{0};
    std::atomic<qint64> failures{0};
    std::atomic<qint64> firstPullDoneMs{-1};
    std::mutex mutex;
    QStringList problems;
    QStringList notes;

    void fail(const QString& problem) {
        ++failures;
        std::lock_guard lock(mutex);
        if (problems.size() < 10)
            problems << problem;
    }
};

struct PostTotals {
    qint64 batches = 0;
    qint64 events = 0;
    qint64 newEvents = 0;
    std::map<QString, qint64> perCustomer;
};

// Posts `rate` events a second in batches of up to 100, each event new.
PostTotals postSteadily(const QUrl& base, const QByteArray& token, int rate, const QString& runId,
                        Shared& shared) {
    PostTotals totals;
    Client client;
    const QUrl events = endpoint(base, QStringLiteral("/api/pricing/usage/events"));
    const int batchSize = std::min(100, std::max(1, rate / 4));
    const qint64 intervalMs = std::max<qint64>(1, 1000LL * batchSize / std::max(1, rate));
    QElapsedTimer clock;
    clock.start();
    qint64 next = 0;
    while (!shared.stop) {
        const qint64 wait = next - clock.elapsed();
        if (wait > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(std::min<qint64>(wait, 200)));
        if (clock.elapsed() < next)
            continue;
        next += intervalMs;
        QByteArray body = "[";
        const QString time =
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
        std::map<QString, qint64> inBatch;
        for (int i = 0; i < batchSize; ++i) {
            const qint64 n = totals.events + i;
            const QString customer = customerName(int(n % kCustomers));
            ++inBatch[customer];
            if (i > 0)
                body += ',';
            body += aicp::apitest::cloudEvent(QStringLiteral("soak-gw"), customer,
                                              QStringLiteral("%1-%2").arg(runId).arg(n), time,
                                              int(n % 3) + 1);
        }
        body += ']';
        // A batch the service may have stored before a reply was lost is
        // sent again: (source, id) makes the repeat harmless.
        bool stored = false;
        for (int attempt = 0; attempt < 3 && !stored; ++attempt) {
            const auto reply = client.exchange("POST", events, token, body);
            ++shared.requests;
            if (reply.status != 200) {
                shared.fail(QStringLiteral("POST usage/events: %1 %2")
                                .arg(reply.status)
                                .arg(QString::fromUtf8(reply.body.left(200))));
                continue;
            }
            const QJsonObject counts = reply.json();
            const qint64 accepted =
                counts.value(u"new").toInteger() + counts.value(u"duplicate").toInteger();
            if (accepted != batchSize || counts.value(u"rejected").toInteger() != 0)
                shared.fail(QStringLiteral("POST usage/events answered %1")
                                .arg(QString::fromUtf8(reply.body.left(200))));
            totals.newEvents += counts.value(u"new").toInteger();
            stored = true;
        }
        if (!stored)
            continue;  // the same ids are generated again for the next batch
        ++totals.batches;
        totals.events += batchSize;
        for (const auto& [customer, count] : inBatch)
            totals.perCustomer[customer] += count;
    }
    return totals;
}

struct PullTotals {
    qint64 pulls = 0;
    qint64 pages = 0;
    qint64 newEvents = 0;
    qint64 usageQueries = 0;
    qint64 validations = 0;
    double slowestPullSeconds = 0;
};

// The console's pull: one UsagePuller run, its outcome recorded on the source.
bool pullOnce(aicp::Workspace& workspace, const aicp::LiveSource& source, PullTotals& totals,
              Shared& shared) {
    QElapsedTimer clock;
    clock.start();
    const QDateTime started = QDateTime::currentDateTimeUtc();
    auto report = aicp::UsagePuller(workspace).pull(source.url, source.token);
    totals.slowestPullSeconds = std::max(totals.slowestPullSeconds, clock.elapsed() / 1000.0);
    ++totals.pulls;
    if (source.id != 0)
        static_cast<void>(aicp::LiveSources(workspace).recordPull(
            source.id, started, report.ok(),
            report ? QStringLiteral("ok") : report.error().message()));
    if (!report) {
        shared.fail(QStringLiteral("pull: ") + report.error().message());
        return false;
    }
    totals.pages += report->pages;
    shared.requests += report->pages;
    totals.newEvents += report->newEvents;
    return report->complete;
}

PullTotals pullPeriodically(const QUrl& base, const QString& pullDb, const QByteArray& token,
                            const QByteArray& license, int everyMs, Shared& shared,
                            const QElapsedTimer& sinceStart) {
    PullTotals totals;
    auto workspace = aicp::Workspace::open(pullDb);
    if (!workspace) {
        shared.fail(QStringLiteral("pull workspace: ") + workspace.error().message());
        return totals;
    }
    aicp::LiveSource source;
    source.name = QStringLiteral("soak");
    source.url = base;
    source.token = token;
    source.intervalMinutes = 1;
    // The console stores the source and records each pull's outcome on it;
    // that bookkeeping is kept when the workspace has it, but the pull itself
    // (UsagePuller) is what is soaked.
    auto added = aicp::LiveSources(**workspace).add(source, QDateTime::currentDateTimeUtc());
    if (added) {
        source.id = *added;
    } else {
        std::lock_guard lock(shared.mutex);
        shared.notes << QStringLiteral("live source not stored (%1); pulls not recorded")
                            .arg(added.error().message());
    }
    Client client;
    const QByteArray validateBody = "{\"license\":\"" + license + "\"}";
    QElapsedTimer clock;
    clock.start();
    qint64 next = 0;
    int turn = 0;
    while (!shared.stop) {
        if (clock.elapsed() < next) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            continue;
        }
        next += everyMs;
        pullOnce(**workspace, source, totals, shared);
        if (shared.firstPullDoneMs < 0)
            shared.firstPullDoneMs = sinceStart.elapsed();
        const auto usage = client.exchange(
            "GET",
            endpoint(
                base, QStringLiteral("/api/pricing/usage"),
                QStringLiteral("customer=%1&window=hour").arg(customerName(turn++ % kCustomers))),
            token);
        ++shared.requests;
        ++totals.usageQueries;
        if (usage.status != 200)
            shared.fail(QStringLiteral("GET usage: %1").arg(usage.status));
        const auto valid = client.exchange(
            "POST", endpoint(base, QStringLiteral("/api/pricing/licenses/validate")), token,
            validateBody);
        ++shared.requests;
        ++totals.validations;
        if (valid.status != 200)
            shared.fail(QStringLiteral("POST licenses/validate: %1 %2")
                            .arg(valid.status)
                            .arg(QString::fromUtf8(valid.body.left(200))));
    }
    // Once the poster's last batch is stored, pull until the source has
    // nothing more (pulling before it is answered would miss that batch).
    while (!shared.postingDone)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    for (int i = 0; i < 20 && !pullOnce(**workspace, source, totals, shared); ++i) {
    }
    return totals;
}

std::map<QString, qint64> pulledPerCustomer(const QString& pullDb, const QString& runId) {
    std::map<QString, qint64> counts;
    auto workspace = aicp::Workspace::open(pullDb, aicp::Workspace::OpenMode::OpenExisting);
    if (!workspace)
        return counts;
    auto query = aicp::Statement::prepare(
        (*workspace)->handle(),
        "SELECT customer_id, count(*) FROM usage_events WHERE event_id LIKE ?1 "
        "GROUP BY customer_id");
    if (!query || !query->bindAll(runId + QStringLiteral("-%")).ok())
        return counts;
    auto rows = query->collect<std::pair<QString, qint64>>(
        [](const aicp::Statement& row) { return std::pair(row.text(0), row.int64(1)); });
    if (rows) {
        for (const auto& [customer, count] : *rows)
            counts[customer] = count;
    }
    return counts;
}

QString runCli(const QString& program, const QStringList& arguments) {
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(120'000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

struct Sample {
    double seconds = 0;
    qint64 serverKiB = 0;
    qint64 selfKiB = 0;
    qint64 requests = 0;
    qint64 databaseKiB = 0;  // the served workspace and its write-ahead log
};

qint64 databaseKiB(const QString& path) {
    return (QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size()) / 1024;
}

// Least-squares slope of server RSS in KiB per minute over the samples
// from `fromSeconds` on.
double slopeKiBPerMinute(const std::vector<Sample>& samples, double fromSeconds) {
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const Sample& s : samples) {
        if (s.seconds < fromSeconds)
            continue;
        const double x = s.seconds / 60.0;
        const double y = double(s.serverKiB);
        n += 1;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double denominator = n * sxx - sx * sx;
    return n < 2 || denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList arguments = app.arguments();
    QString program = qEnvironmentVariable("AICP_CLI");
    double minutes = 10;
    int rate = 200;
    qint64 prefill = -1;
    bool quick = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments[i];
        const QString value = arguments.value(i + 1);
        if (argument == QLatin1String("--quick")) {
            quick = true;
        } else if (argument == QLatin1String("--aicp") && !value.isEmpty()) {
            program = value;
            ++i;
        } else if (argument == QLatin1String("--minutes") && value.toDouble() > 0) {
            minutes = value.toDouble();
            ++i;
        } else if (argument == QLatin1String("--rate") && value.toInt() > 0) {
            rate = value.toInt();
            ++i;
        } else if (argument == QLatin1String("--prefill") && value.toLongLong() >= 0) {
            prefill = value.toLongLong();
            ++i;
        } else {
            out << "usage: soak_service [--aicp PATH] [--minutes N | --quick] [--rate N] "
                   "[--prefill N]\n";
            return 2;
        }
    }
    if (program.isEmpty() || !QFileInfo(program).isExecutable()) {
        out << "no aicp binary: give --aicp PATH or set AICP_CLI\n";
        return 2;
    }
    const qint64 durationMs = quick ? 20'000 : qint64(minutes * 60'000);
    const int sampleMs = quick ? 2'000 : 10'000;
    const double minimumWarmUpSeconds = quick ? 6 : 60;
    const int pullEveryMs = quick ? 2'000 : 5'000;
    if (prefill < 0)
        prefill = quick ? 0 : 600'000;

    QTemporaryDir dir;
    const QString serveDb = dir.filePath(QStringLiteral("serve.aicp"));
    const QString pullDb = dir.filePath(QStringLiteral("console.aicp"));
    if (runCli(program, {QStringLiteral("demo"), QStringLiteral("--db"), serveDb}).isNull()) {
        out << "aicp demo failed\n";
        return 1;
    }
    const QByteArray ingestToken =
        runCli(program,
               {QStringLiteral("--db"), serveDb, QStringLiteral("tokens"), QStringLiteral("create"),
                QStringLiteral("--role"), QStringLiteral("ingest")})
            .toUtf8();
    const QByteArray readToken =
        runCli(program,
               {QStringLiteral("--db"), serveDb, QStringLiteral("tokens"), QStringLiteral("create"),
                QStringLiteral("--role"), QStringLiteral("read")})
            .toUtf8();
    const QJsonArray licenses =
        QJsonDocument::fromJson(
            runCli(program, {QStringLiteral("--db"), serveDb, QStringLiteral("license"),
                             QStringLiteral("list"), QStringLiteral("--json")})
                .toUtf8())
            .object()
            .value(u"licenses")
            .toArray();
    const QString licenseId = licenses.first().toObject().value(u"id").toString();
    const QByteArray license =
        QJsonDocument::fromJson(
            runCli(program, {QStringLiteral("--db"), serveDb, QStringLiteral("license"),
                             QStringLiteral("show"), licenseId, QStringLiteral("--json")})
                .toUtf8())
            .object()
            .value(u"key")
            .toString()
            .toUtf8();
    if (!ingestToken.startsWith("aicp_") || !readToken.startsWith("aicp_") ||
        !license.startsWith("AICP1.")) {
        out << "could not prepare tokens and a license in the demo workspace\n";
        return 1;
    }

    if (prefill > 0) {
        QElapsedTimer filling;
        filling.start();
        const QString csv = dir.filePath(QStringLiteral("prefill.csv"));
        if (!aicp::test::writeGeneratedUsage(aicp::test::benchmarkUsage(prefill), csv)) {
            out << "could not generate the prefill events\n";
            return 1;
        }
        auto workspace = aicp::Workspace::open(serveDb, aicp::Workspace::OpenMode::OpenExisting);
        auto imported = workspace ? aicp::UsageImporter(**workspace).importFile(csv)
                                  : aicp::Result<aicp::UsageImportReport>(workspace.error());
        if (!imported) {
            out << "prefill import failed: " << imported.error().message() << "\n";
            return 1;
        }
        QFile::remove(csv);
        out << QStringLiteral("prefilled %1 events in %2 s\n")
                   .arg(imported->newEvents)
                   .arg(filling.elapsed() / 1000.0, 0, 'f', 1);
    }

    aicp::apitest::Server server;
    if (!server.start(program, serveDb)) {
        out << "aicp serve did not start\n";
        return 1;
    }
    const QString serverPid = QString::number(server.pid());
    const QString selfPid = QString::number(QCoreApplication::applicationPid());
    const QString runId = QStringLiteral("soak%1").arg(QDateTime::currentMSecsSinceEpoch());

    out << QStringLiteral("soak: %1 s against %2 (pid %3), %4 events/s posted, pull every %5 s\n")
               .arg(durationMs / 1000)
               .arg(server.base().toString(), serverPid)
               .arg(rate)
               .arg(pullEveryMs / 1000);
    out.flush();

    Shared shared;
    PostTotals posted;
    PullTotals pulled;
    QElapsedTimer clock;
    clock.start();
    std::thread poster(
        [&] { posted = postSteadily(server.base(), ingestToken, rate, runId, shared); });
    std::thread puller([&] {
        pulled =
            pullPeriodically(server.base(), pullDb, readToken, license, pullEveryMs, shared, clock);
    });

    std::vector<Sample> samples;
    samples.push_back({0, rssKiB(serverPid), rssKiB(selfPid), 0, databaseKiB(serveDb)});
    while (clock.elapsed() < durationMs) {
        std::this_thread::sleep_for(
            std::chrono::milliseconds(std::min<qint64>(sampleMs, durationMs - clock.elapsed())));
        samples.push_back({clock.elapsed() / 1000.0, rssKiB(serverPid), rssKiB(selfPid),
                           shared.requests.load(), databaseKiB(serveDb)});
        out << QStringLiteral("  %1 s  server %2 KiB  soak %3 KiB  requests %4  database %5 KiB\n")
                   .arg(samples.back().seconds, 6, 'f', 0)
                   .arg(samples.back().serverKiB)
                   .arg(samples.back().selfKiB)
                   .arg(samples.back().requests)
                   .arg(samples.back().databaseKiB);
        out.flush();
    }
    shared.stop = true;
    poster.join();
    shared.postingDone = true;
    const double seconds = clock.elapsed() / 1000.0;
    puller.join();
    const int exitCode = server.terminate();

    // The service logs one line per request: count what it did not answer 2xx.
    qint64 logged = 0;
    qint64 loggedNot2xx = 0;
    QFile logFile(server.logPath());
    if (logFile.open(QIODevice::ReadOnly)) {
        static const QRegularExpression requestLine(QStringLiteral(" /\\S* (\\d{3}) [0-9.]+ms$"));
        for (const QByteArray& line : logFile.readAll().split('\n')) {
            const auto match = requestLine.match(QString::fromUtf8(line));
            if (!match.hasMatch())
                continue;
            ++logged;
            if (!match.captured(1).startsWith(u'2'))
                ++loggedNot2xx;
        }
    }
    const std::map<QString, qint64> received = pulledPerCustomer(pullDb, runId);
    qint64 receivedTotal = 0;
    bool perCustomerEqual = received.size() == posted.perCustomer.size();
    for (const auto& [customer, count] : posted.perCustomer) {
        const auto it = received.find(customer);
        const qint64 got = it == received.end() ? 0 : it->second;
        perCustomerEqual = perCustomerEqual && got == count;
    }
    for (const auto& [customer, count] : received)
        receivedTotal += count;

    // Warm-up ends a minute in, or 30 s after the first pull (which reads
    // the whole prefilled workspace) finished, whichever is later.
    const double warmUpSeconds = std::min(
        double(durationMs) / 2000.0,
        std::max(minimumWarmUpSeconds, shared.firstPullDoneMs < 0
                                           ? 0
                                           : shared.firstPullDoneMs / 1000.0 + (quick ? 4 : 30)));
    out << "\nRSS over time (KiB)\n  t (s)    server      soak  requests  database\n";
    for (const Sample& s : samples)
        out << QStringLiteral("  %1  %2  %3  %4  %5\n")
                   .arg(s.seconds, 5, 'f', 0)
                   .arg(s.serverKiB, 8)
                   .arg(s.selfKiB, 8)
                   .arg(s.requests, 8)
                   .arg(s.databaseKiB, 8);
    // Growth after warm-up: the first sample past it against the last.
    qint64 baseKiB = samples.back().serverKiB;
    for (const Sample& s : samples) {
        if (s.seconds >= warmUpSeconds) {
            baseKiB = s.serverKiB;
            break;
        }
    }
    qint64 peakKiB = 0;
    for (const Sample& s : samples)
        peakKiB = std::max(peakKiB, s.serverKiB);
    const double growth =
        baseKiB > 0 ? 100.0 * double(samples.back().serverKiB - baseKiB) / double(baseKiB) : 0;
    const double slope = slopeKiBPerMinute(samples, warmUpSeconds);
    const bool flat = growth < 5.0;
    const bool nothingLost = receivedTotal == posted.events && perCustomerEqual;

    out << QStringLiteral(
               "\nserver RSS: start %1 KiB, after warm-up (%2 s) %3 KiB, end %4 KiB, "
               "peak %5 KiB\n")
               .arg(samples.front().serverKiB)
               .arg(warmUpSeconds, 0, 'f', 0)
               .arg(baseKiB)
               .arg(samples.back().serverKiB)
               .arg(peakKiB);
    out << QStringLiteral("slope after warm-up: %1 KiB/min; growth after warm-up: %2%\n")
               .arg(slope, 0, 'f', 1)
               .arg(growth, 0, 'f', 2);
    out << QStringLiteral("posted: %1 events in %2 batches (%3 new on the server)\n")
               .arg(posted.events)
               .arg(posted.batches)
               .arg(posted.newEvents);
    out << QStringLiteral("pulled: %1 of them in %2 pulls, %3 pages (slowest pull %4 s)\n")
               .arg(receivedTotal)
               .arg(pulled.pulls)
               .arg(pulled.pages)
               .arg(pulled.slowestPullSeconds, 0, 'f', 2);
    for (const auto& [customer, count] : posted.perCustomer)
        out << QStringLiteral("  %1  posted %2  pulled %3\n")
                   .arg(customer)
                   .arg(count)
                   .arg(received.count(customer) ? received.at(customer) : 0);
    out << QStringLiteral(
               "GET usage %1, POST validate %2; %3 requests in %4 s = %5 requests/s, "
               "%6 events/s; %7 failed\n")
               .arg(pulled.usageQueries)
               .arg(pulled.validations)
               .arg(shared.requests.load())
               .arg(seconds, 0, 'f', 1)
               .arg(double(shared.requests.load()) / seconds, 0, 'f', 1)
               .arg(double(posted.events) / seconds, 0, 'f', 1)
               .arg(shared.failures.load());
    for (const QString& problem : shared.problems)
        out << "  problem: " << problem << "\n";
    for (const QString& note : shared.notes)
        out << "  note: " << note << "\n";
    out << "server log: " << logged << " requests, " << loggedNot2xx
        << " answered other than 2xx; exit code after SIGTERM: " << exitCode << "\n";
    out << "verdict: memory " << (flat ? "flat" : "GROWING") << " (growth after warm-up "
        << QString::number(growth, 'f', 2) << "% < 5%: " << (flat ? "yes" : "no") << "), "
        << (nothingLost ? "nothing lost" : "EVENTS LOST") << ", "
        << (shared.failures == 0 ? "no failed requests" : "FAILED REQUESTS") << "\n";
    // Twenty seconds say nothing about memory: the quick smoke run fails
    // only on lost events or failed requests.
    const bool memoryOk = flat || quick;
    return memoryOk && nothingLost && shared.failures == 0 && loggedNot2xx == 0 && exitCode == 0 &&
                   posted.events > 0
               ? 0
               : 1;
}

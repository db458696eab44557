// Ingestion over HTTP: a million generated events POSTed to a real `aicp
// serve` (POST /api/pricing/usage/events, JSON arrays of 1,000 CloudEvents,
// several requests in flight) beside `aicp usage import` of the same events
// as one CSV file, timed in the same run so the ratio means something on any
// machine. Counts are checked in both workspaces: a fast wrong ingest fails.
// The events have random UUIDv4 ids in random time order, as gateways send
// them; --time-order keeps the v4 ids but sends the events as they happened
// (a gateway posting what it just saw); --v7 makes them time-ordered UUIDv7
// ids in time order.
//   bench_ingest PATH/TO/aicp [--quick] [--in-flight N] [--jsonl] [--time-order | --v7]
#include "metering/usagegenerator.h"
#include "server/apitokenstore.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/benchtiming.h"
#include "support/generatedusage.h"
#include "support/servertestsupport.h"

#include <algorithm>
#include <deque>
#include <vector>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

namespace {

constexpr int kBatch = 1000;

// Batches of kBatch events cut from the generator's JSON Lines file: JSON
// arrays, or with --jsonl the lines themselves, so HTTP carries exactly the
// events the CSV import gets.
std::vector<QByteArray> makeBatches(const QString& jsonlPath, bool jsonl) {
    std::vector<QByteArray> batches;
    QFile file(jsonlPath);
    if (!file.open(QIODevice::ReadOnly))
        return batches;
    QByteArray body;
    int inBody = 0;
    const auto finish = [&] {
        body += jsonl ? "\n" : "]";
        batches.push_back(std::move(body));
        body = QByteArray();
        inBody = 0;
    };
    while (!file.atEnd()) {
        const QByteArray event = file.readLine().trimmed();
        if (event.isEmpty())
            continue;
        if (inBody == 0) {
            body.reserve(kBatch * 340);
            body += jsonl ? "" : "[";
        } else {
            body += jsonl ? "\n" : ",";
        }
        body += event;
        if (++inBody == kBatch)
            finish();
    }
    if (inBody > 0)
        finish();
    return batches;
}

struct PostResult {
    double seconds = 0;
    std::int64_t newEvents = 0;
    std::int64_t failures = 0;
    QString firstFailure;
    std::vector<double> latenciesMs;
};

// Posts every batch with `inFlight` requests under way at once.
PostResult postAll(const QUrl& url, const QByteArray& token, const std::vector<QByteArray>& batches,
                   int inFlight, bool jsonl) {
    QNetworkAccessManager network;
    PostResult result;
    std::size_t next = 0;
    int running = 0;
    QEventLoop loop;
    QElapsedTimer clock;
    const auto send = [&](auto& self) -> void {
        if (next >= batches.size() || result.failures > 0)
            return;
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token);
        request.setHeader(
            QNetworkRequest::ContentTypeHeader,
            jsonl ? QByteArray("application/x-ndjson") : QByteArray("application/json"));
        request.setTransferTimeout(120'000);
        auto* sent = new QElapsedTimer;
        sent->start();
        QNetworkReply* reply = network.post(request, batches[next++]);
        ++running;
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, sent] {
            result.latenciesMs.push_back(double(sent->nsecsElapsed()) / 1e6);
            delete sent;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = reply->readAll();
            reply->deleteLater();
            --running;
            if (status == 200) {
                result.newEvents +=
                    QJsonDocument::fromJson(body).object().value(u"new").toInteger();
            } else {
                if (result.failures++ == 0)
                    result.firstFailure =
                        QStringLiteral("HTTP %1 %2 %3")
                            .arg(status)
                            .arg(reply->errorString(), QString::fromUtf8(body.left(300)));
            }
            self(self);
            if (running == 0)
                loop.quit();
        });
    };
    clock.start();
    for (int i = 0; i < inFlight; ++i)
        send(send);
    if (running > 0)
        loop.exec();
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    return result;
}

// The service's own time per batch, from its request log ("… POST
// /api/pricing/usage/events 200 41.3ms"), in the order answered.
std::vector<double> serviceTimesMs(const QString& logFile) {
    std::vector<double> times;
    QFile file(logFile);
    if (!file.open(QIODevice::ReadOnly))
        return times;
    static const QRegularExpression line(
        QStringLiteral(" POST /api/pricing/usage/events 200 ([0-9.]+)ms$"));
    while (!file.atEnd()) {
        const auto match = line.match(QString::fromUtf8(file.readLine()).trimmed());
        if (match.hasMatch())
            times.push_back(match.captured(1).toDouble());
    }
    return times;
}

std::int64_t countEvents(const QString& path) {
    auto workspace = aicp::Workspace::open(path, aicp::Workspace::OpenMode::OpenExisting);
    if (!workspace)
        return -1;
    return aicp::queryInt64((*workspace)->handle(), "SELECT count(*) FROM usage_events")
        .valueOr(-1);
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() < 2 || args.at(1).startsWith(u'-')) {
        out << "usage: bench_ingest PATH/TO/aicp [--quick] [--in-flight N] [--jsonl] "
               "[--time-order | --v7]\n";
        return 2;
    }
    const QString aicpPath = args.at(1);
    const bool quick = args.contains(QStringLiteral("--quick"));
    const bool jsonl = args.contains(QStringLiteral("--jsonl"));
    int inFlight = 4;
    if (const qsizetype at = args.indexOf(QStringLiteral("--in-flight")); at > 0)
        inFlight = std::clamp(args.value(at + 1).toInt(), 1, 64);

    aicp::UsageGeneratorSpec spec = aicp::test::benchmarkUsage(quick ? 20 * kBatch : 1000 * kBatch);
    if (!args.contains(QStringLiteral("--v7"))) {
        spec.ids = aicp::GeneratedIds::V4;
        spec.shuffled = !args.contains(QStringLiteral("--time-order"));
    }

    QTemporaryDir dir;
    if (!dir.isValid()) {
        out << "bench_ingest: no temporary folder\n";
        return 1;
    }
    const QString served = dir.filePath(QStringLiteral("served.aicp"));
    const QString imported = dir.filePath(QStringLiteral("imported.aicp"));
    const QString csv = dir.filePath(QStringLiteral("events.csv"));
    const QString events = dir.filePath(QStringLiteral("events.jsonl"));

    // A fresh workspace and an ingest token, made in process before serving.
    QByteArray token;
    {
        auto workspace = aicp::Workspace::open(served);
        if (!workspace) {
            out << "bench_ingest: " << workspace.error().message() << "\n";
            return 1;
        }
        auto made =
            aicp::ApiTokenStore(**workspace).create(aicp::ApiRole::Ingest, QStringLiteral("bench"));
        if (!made) {
            out << "bench_ingest: " << made.error().message() << "\n";
            return 1;
        }
        token = made->token;
    }
    using aicp::test::UsageFileFormat;
    if (!aicp::test::writeGeneratedUsage(spec, csv, UsageFileFormat::Csv) ||
        !aicp::test::writeGeneratedUsage(spec, events, UsageFileFormat::JsonLines)) {
        out << "bench_ingest: cannot write the generated events\n";
        return 1;
    }
    const std::vector<QByteArray> batches = makeBatches(events, jsonl);
    QFile::remove(events);
    qint64 bodyBytes = 0;
    for (const QByteArray& body : batches)
        bodyBytes += body.size();
    out << QStringLiteral("%1 events (%7) in %2 batches of %3 (%4, %5 MB), %6 requests in flight\n")
               .arg(spec.rows)
               .arg(batches.size())
               .arg(kBatch)
               .arg(jsonl ? QStringLiteral("JSON Lines") : QStringLiteral("JSON arrays"))
               .arg(double(bodyBytes) / 1e6, 0, 'f', 1)
               .arg(inFlight)
               .arg(spec.shuffled                        ? QStringLiteral("v4 ids, random order")
                    : spec.ids == aicp::GeneratedIds::V4 ? QStringLiteral("v4 ids, time order")
                                                         : QStringLiteral("v7 ids, time order"));
    out.flush();

    aicp::apitest::Server server;
    if (!server.start(aicpPath, served)) {
        out << "bench_ingest: aicp serve did not start\n";
        return 1;
    }
    const PostResult posted = postAll(server.url(QStringLiteral("/api/pricing/usage/events")),
                                      token, batches, inFlight, jsonl);
    const bool stopped = server.terminate(30'000) == 0;
    if (posted.failures > 0) {
        out << QStringLiteral("bench_ingest: %1 batch(es) failed; first: %2\n")
                   .arg(posted.failures)
                   .arg(posted.firstFailure);
        return 1;
    }

    // The same events as one CSV file, through the CLI into its own
    // workspace (process start and workspace creation included).
    QProcess import;
    QElapsedTimer clock;
    clock.start();
    import.start(aicpPath, {QStringLiteral("--db"), imported, QStringLiteral("usage"),
                            QStringLiteral("import"), csv, QStringLiteral("--json")});
    const bool importedOk = import.waitForFinished(900'000) &&
                            import.exitStatus() == QProcess::NormalExit && import.exitCode() == 0;
    const double importSeconds = double(clock.nsecsElapsed()) / 1e9;
    if (!importedOk) {
        out << "bench_ingest: aicp usage import failed: "
            << QString::fromUtf8(import.readAllStandardError()) << "\n";
        return 1;
    }

    const double httpRate = double(spec.rows) / posted.seconds;
    const double fileRate = double(spec.rows) / importSeconds;
    out << QStringLiteral("%1 %2 s  %3 events/s  batch p50 %4 ms  p99 %5 ms  errors %6\n")
               .arg(QStringLiteral("POST usage/events (HTTP)"), -28)
               .arg(posted.seconds, 7, 'f', 2)
               .arg(httpRate, 9, 'f', 0)
               .arg(aicp::test::percentile(posted.latenciesMs, 0.50), 0, 'f', 1)
               .arg(aicp::test::percentile(posted.latenciesMs, 0.99), 0, 'f', 1)
               .arg(posted.failures);
    // Whether a batch costs more as the workspace grows: the first and the
    // last tenth of the batches, as the service timed them.
    const std::vector<double> batchTimes = serviceTimesMs(server.logPath());
    if (batchTimes.size() >= 10) {
        const auto tenth = std::ptrdiff_t(batchTimes.size() / 10);
        out << QStringLiteral("%1 p50 %2 ms  p99 %3 ms  (first tenth p50 %4 ms, last %5 ms)\n")
                   .arg(QStringLiteral("  service time per batch"), -28)
                   .arg(aicp::test::percentile(batchTimes, 0.50), 0, 'f', 1)
                   .arg(aicp::test::percentile(batchTimes, 0.99), 0, 'f', 1)
                   .arg(aicp::test::percentile({batchTimes.begin(), batchTimes.begin() + tenth},
                                               0.50),
                        0, 'f', 1)
                   .arg(aicp::test::percentile({batchTimes.end() - tenth, batchTimes.end()}, 0.50),
                        0, 'f', 1);
    }
    out << QStringLiteral("%1 %2 s  %3 events/s\n")
               .arg(QStringLiteral("aicp usage import (CSV file)"), -28)
               .arg(importSeconds, 7, 'f', 2)
               .arg(fileRate, 9, 'f', 0);
    out << QStringLiteral("ratio HTTP / file import: %1 (events/s)\n")
               .arg(httpRate / fileRate, 0, 'f', 2);

    const std::int64_t servedCount = countEvents(served);
    const std::int64_t importedCount = countEvents(imported);
    out << QStringLiteral("events stored: served %1, imported %2 (reported new over HTTP %3)%4\n")
               .arg(servedCount)
               .arg(importedCount)
               .arg(posted.newEvents)
               .arg(stopped ? QString() : QStringLiteral("; aicp serve did not stop cleanly"));
    out.flush();
    const bool exact = servedCount == spec.rows && importedCount == spec.rows &&
                       posted.newEvents == spec.rows && stopped;
    return exact ? 0 : 1;
}

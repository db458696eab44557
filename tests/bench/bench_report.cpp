// Finance cost report at scale: 2,000 licensed customers and 10 million
// usage events for October 2026, imported the ordinary way (generated CSV
// through UsageImporter). Times the report's computation and its CSV, JSON
// and PDF forms, each run twice (the first with a cold statement cache).
// Target: CSV under 0.5 s.
//
//   bench_report [--quick] [--events N] [--customers N] [--keep FILE]
//   bench_report --reuse FILE
//
// --keep leaves the workspace at FILE so the console's Reports page can be
// timed on the same data; --reuse times the report again on such a file
// without building it (setup takes minutes at full size).
#include "billing/costreport.h"
#include "documents/financepdf.h"
#include "metering/usagegenerator.h"
#include "metering/usageimporter.h"
#include "storage/workspace.h"
#include "support/generatedusage.h"
#include "support/licensedcustomers.h"

#include <algorithm>
#include <functional>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTextStream>

using namespace aicp;

namespace {

constexpr std::int64_t kChunkRows = 1'000'000;

double seconds(const QElapsedTimer& timer) {
    return double(timer.nsecsElapsed()) / 1e9;
}

// The events in chunks of a million, each a few days of October, so the
// generated file stays a few hundred megabytes at most.
Status importEvents(Workspace& workspace, std::int64_t events, int customers, const QString& folder,
                    QTextStream& out) {
    const int chunks = int(std::max<std::int64_t>(1, (events + kChunkRows - 1) / kChunkRows));
    const int daysPerChunk = std::max(1, 30 / chunks);
    for (int chunk = 0; chunk < chunks; ++chunk) {
        UsageGeneratorSpec spec;
        spec.rows = std::min(kChunkRows, events - std::int64_t(chunk) * kChunkRows);
        spec.customers = customers;
        spec.usersPerCustomer = 12;
        spec.agentsPerCustomer = 6;
        spec.firstDay = QDate(2026, 10, 1).addDays(std::min(29, chunk * daysPerChunk));
        spec.days = daysPerChunk;
        spec.seed = std::uint64_t(chunk) + 1;
        const QString path = folder + QStringLiteral("/events-%1.csv").arg(chunk);
        if (!aicp::test::writeGeneratedUsage(spec, path))
            return Error(Error::Code::Io, QStringLiteral("cannot write %1").arg(path));
        auto report = UsageImporter(workspace).importFile(path);
        QFile::remove(path);
        if (!report)
            return report.error();
        out << "  imported chunk " << chunk + 1 << "/" << chunks << ": " << report->newEvents
            << " events\n";
        out.flush();
    }
    return {};
}

// Runs `work` twice and prints both times.
template <typename Work>
bool timeTwice(QTextStream& out, const char* label, Work work) {
    for (int run = 1; run <= 2; ++run) {
        QElapsedTimer timer;
        timer.start();
        QString detail;
        if (!work(detail)) {
            out << label << ": failed: " << detail << "\n";
            return false;
        }
        out << QStringLiteral("%1 (run %2): %3 s  %4\n")
                   .arg(QString::fromLatin1(label))
                   .arg(run)
                   .arg(seconds(timer), 0, 'f', 3)
                   .arg(detail);
        out.flush();
    }
    return true;
}

}  // namespace

int main(int argc, char* argv[]) {
    // QPdfWriter needs fonts, which come with a GUI application; offscreen
    // needs no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = QCoreApplication::arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    std::int64_t events = quick ? 20'000 : 10'000'000;
    int customers = quick ? 40 : 2000;
    QString keep;
    QString reuse;
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--events"))
            events = args[i + 1].toLongLong();
        else if (args[i] == QLatin1String("--customers"))
            customers = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--keep"))
            keep = args[i + 1];
        else if (args[i] == QLatin1String("--reuse"))
            reuse = args[i + 1];
    }
    if (events <= 0 || customers <= 0 || customers > 1000000) {
        out << "usage: bench_report [--quick] [--events N] [--customers N] [--keep FILE]\n";
        return 2;
    }
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    const QString path = !reuse.isEmpty() ? reuse
                         : keep.isEmpty() ? dir.filePath(QStringLiteral("bench.aicp"))
                                          : keep;
    if (reuse.isEmpty() && QFileInfo::exists(path)) {
        out << "refusing to overwrite " << path << "\n";
        return 1;
    }
    auto opened = Workspace::open(path, reuse.isEmpty() ? Workspace::OpenMode::OpenOrCreate
                                                        : Workspace::OpenMode::OpenExisting);
    if (!opened) {
        out << opened.error().message() << "\n";
        return 1;
    }
    Workspace& workspace = **opened;

    if (!reuse.isEmpty()) {
        out << "bench_report: reusing " << reuse << "\n";
    } else {
        out << "bench_report: " << customers << " customers, " << events
            << " events in October 2026\n";
        QElapsedTimer setup;
        setup.start();
        if (const Status issued = aicp::test::issueCustomerLicenses(workspace, customers);
            !issued.ok()) {
            out << "licenses: " << issued.error().message() << "\n";
            return 1;
        }
        out << QStringLiteral("  licenses issued in %1 s\n").arg(seconds(setup), 0, 'f', 1);
        setup.restart();
        if (const Status imported = importEvents(workspace, events, customers, dir.path(), out);
            !imported.ok()) {
            out << "import: " << imported.error().message() << "\n";
            return 1;
        }
        out << QStringLiteral("  events imported in %1 s\n").arg(seconds(setup), 0, 'f', 1);
    }

    const YearMonth october{2026, 10};
    CostReport report;
    bool ok = timeTwice(out, "report computed (bills of every customer)", [&](QString& detail) {
        auto computed = costReportFor(workspace, october);
        if (!computed) {
            detail = computed.error().message();
            return false;
        }
        report = std::move(computed).value();
        detail = QStringLiteral("%1 customers, total %2 %3")
                     .arg(report.customers.size())
                     .arg(report.currencies.at(0).total.toDecimalString(),
                          report.currencies.at(0).currency);
        return true;
    });
    const auto exported = [&](const char* label,
                              std::function<Result<QByteArray>(const CostReport&)> encode) {
        return timeTwice(out, label, [&](QString& detail) {
            auto computed = costReportFor(workspace, october);
            if (!computed) {
                detail = computed.error().message();
                return false;
            }
            auto bytes = encode(*computed);
            if (!bytes) {
                detail = bytes.error().message();
                return false;
            }
            detail = QStringLiteral("%1 bytes").arg(bytes->size());
            return true;
        });
    };
    ok = ok && exported("CSV, computed and written",
                        [](const CostReport& r) { return Result<QByteArray>(costReportCsv(r)); });
    ok = ok && exported("JSON, computed and written",
                        [](const CostReport& r) { return Result<QByteArray>(costReportJson(r)); });
    ok =
        ok && exported("PDF, computed and rendered", [](const CostReport& r) {
            return costReportPdf(r, {QDateTime::currentDateTimeUtc(), QStringLiteral("bench"), {}});
        });
    if (!keep.isEmpty())
        out << "workspace kept at " << keep << "\n";
    return ok ? 0 : 1;
}

// Usage import throughput: a million generated events into a fresh workspace
// (validation, deduplication, aggregation, one transaction) beside the
// sqlite3 shell's `.import` of the same CSV into a plain table with no key,
// timed in the same run so the ratio means something on any machine. Then
// the same file again (all duplicates) and the JSON Lines form.
#include "metering/usagegenerator.h"
#include "metering/usageimporter.h"
#include "storage/workspace.h"
#include "support/generatedusage.h"

#include <sys/resource.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

using aicp::test::UsageFileFormat;
using aicp::test::writeGeneratedUsage;

struct Run {
    double seconds = 0;
    aicp::UsageImportReport report;
};

long peakRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;  // Linux reports KiB
}

std::optional<Run> importInto(aicp::Workspace& workspace, const QString& path, QTextStream& out) {
    QElapsedTimer timer;
    timer.start();
    auto report = aicp::UsageImporter(workspace).importFile(path);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!report) {
        out << "import failed: " << report.error().message() << "\n";
        return std::nullopt;
    }
    return Run{seconds, *report};
}

// The shell's own CSV import into a table it creates from the header: no
// key, no checks, no aggregates. -1 when no sqlite3 shell is installed.
double sqliteShellImport(const QString& csv, const QString& database) {
    const QString shell = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (shell.isEmpty())
        return -1;
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(shell, {database, QStringLiteral(".mode csv"),
                          QStringLiteral(".import %1 events").arg(csv)});
    if (!process.waitForFinished(600'000) || process.exitCode() != 0)
        return -1;
    return double(timer.nsecsElapsed()) / 1e9;
}

void print(QTextStream& out, const QString& label, const Run& run, qint64 bytes) {
    out << QStringLiteral("%1 %2 s  %3 events/s  %4 MB/s  new %5  duplicate %6\n")
               .arg(label, -34)
               .arg(run.seconds, 6, 'f', 2)
               .arg(double(run.report.rows) / run.seconds, 10, 'f', 0)
               .arg(double(bytes) / 1e6 / run.seconds, 6, 'f', 1)
               .arg(run.report.newEvents)
               .arg(run.report.duplicates);
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    const aicp::UsageGeneratorSpec spec = aicp::test::benchmarkUsage(quick ? 20'000 : 1'000'000);

    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("events.csv"));
    const QString jsonl = dir.filePath(QStringLiteral("events.jsonl"));
    if (!dir.isValid() || !writeGeneratedUsage(spec, csv, UsageFileFormat::Csv) ||
        !writeGeneratedUsage(spec, jsonl, UsageFileFormat::JsonLines)) {
        out << "bench_import: cannot write the generated files\n";
        return 1;
    }
    const qint64 csvBytes = QFile(csv).size();
    const qint64 jsonlBytes = QFile(jsonl).size();
    out << QStringLiteral("%1 events: CSV %2 MB, JSON Lines %3 MB\n")
               .arg(spec.rows)
               .arg(double(csvBytes) / 1e6, 0, 'f', 1)
               .arg(double(jsonlBytes) / 1e6, 0, 'f', 1);

    const double shell = sqliteShellImport(csv, dir.filePath(QStringLiteral("plain.db")));

    auto workspace = aicp::Workspace::open(dir.filePath(QStringLiteral("bench.aicp")));
    if (!workspace) {
        out << "bench_import: " << workspace.error().message() << "\n";
        return 1;
    }
    const auto first = importInto(**workspace, csv, out);
    const auto again = importInto(**workspace, csv, out);
    const auto asJsonl = importInto(**workspace, jsonl, out);
    if (!first || !again || !asJsonl)
        return 1;

    if (shell > 0)
        out << QStringLiteral("%1 %2 s  %3 events/s  %4 MB/s\n")
                   .arg(QStringLiteral("sqlite3 .import (plain table)"), -34)
                   .arg(shell, 6, 'f', 2)
                   .arg(double(spec.rows) / shell, 10, 'f', 0)
                   .arg(double(csvBytes) / 1e6 / shell, 6, 'f', 1);
    else
        out << "sqlite3 shell not found: no baseline\n";
    print(out, QStringLiteral("aicp import CSV (fresh)"), *first, csvBytes);
    print(out, QStringLiteral("aicp re-import CSV (all duplicates)"), *again, csvBytes);
    print(out, QStringLiteral("aicp import JSONL (all duplicates)"), *asJsonl, jsonlBytes);
    if (shell > 0)
        out << QStringLiteral("ratio aicp / sqlite3: fresh %1, re-import %2\n")
                   .arg(first->seconds / shell, 0, 'f', 2)
                   .arg(again->seconds / shell, 0, 'f', 2);
    out << QStringLiteral("peak RSS %1 MiB\n").arg(peakRssMiB());
    out.flush();

    // Counts are checked, not timed: a fast wrong import is a failure.
    const bool exact = first->report.newEvents == spec.rows && again->report.newEvents == 0 &&
                       again->report.duplicates == spec.rows &&
                       asJsonl->report.duplicates == spec.rows;
    return exact ? 0 : 1;
}

// Usage import throughput beside the sqlite3 shell's `.import` of the same
// CSV into a plain table with no key, timed in the same run so the ratio
// means something on any machine. Cases: random UUIDv4 ids in random time
// order (what gateways send), v4 in time order, time-ordered v7 ids, the
// v4 file again (all duplicates) and the v4 events as JSON Lines. Each case
// runs in a child process of its own, so its peak RSS is its own.
//
//   bench_import [--quick] [--10m] [--case N]  (AICP_BENCH_10M=1 for --10m)
//
// --10m adds the v4 random case with 10,000,000 events (minutes, and about
// 4 GB of temporary files).
#include "metering/usagegenerator.h"
#include "metering/usageimporter.h"
#include "storage/workspace.h"
#include "support/generatedusage.h"

#include <sys/resource.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

using aicp::GeneratedIds;
using aicp::test::UsageFileFormat;
using aicp::test::writeGeneratedUsage;

// What a child process measured.
struct Measured {
    double seconds = 0;
    std::int64_t rows = 0;
    std::int64_t newEvents = 0;
    std::int64_t duplicates = 0;
    long peakRssMiB = 0;
};

long peakRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;  // Linux reports KiB
}

// The child's side: imports `files` in turn into a new workspace and prints
// the last import's figures on one line.
int runChild(const QStringList& args) {
    QTextStream out(stdout);
    auto workspace = aicp::Workspace::open(args.at(0));
    if (!workspace) {
        out << "error " << workspace.error().message() << "\n";
        return 1;
    }
    Measured measured;
    for (const QString& file : args.mid(1)) {
        QElapsedTimer timer;
        timer.start();
        auto report = aicp::UsageImporter(**workspace).importFile(file);
        measured.seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!report) {
            out << "error " << report.error().message() << "\n";
            return 1;
        }
        measured = {measured.seconds, report->rows, report->newEvents, report->duplicates, 0};
    }
    out << QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(measured.seconds, 0, 'f', 3)
               .arg(measured.rows)
               .arg(measured.newEvents)
               .arg(measured.duplicates)
               .arg(peakRssMiB());
    return 0;
}

std::optional<Measured> runCase(const QString& workspace, const QStringList& files) {
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                QStringList{QStringLiteral("--child"), workspace} + files);
    if (!child.waitForFinished(-1) || child.exitCode() != 0) {
        QTextStream(stdout) << "case failed: " << child.readAllStandardOutput() << "\n";
        return std::nullopt;
    }
    const QStringList fields = QString::fromUtf8(child.readAllStandardOutput()).split(u' ');
    if (fields.size() != 5)
        return std::nullopt;
    return Measured{fields[0].toDouble(), fields[1].toLongLong(), fields[2].toLongLong(),
                    fields[3].toLongLong(), fields[4].trimmed().toLong()};
}

// The shell's own CSV import into a table it creates from the header: no
// key, no checks, no aggregates. -1 when no sqlite3 shell is installed.
double sqliteShellImport(const QString& csv, const QString& database) {
    const QString shell = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (shell.isEmpty())
        return -1;
    QFile::remove(database);
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(shell, {database, QStringLiteral(".mode csv"),
                          QStringLiteral(".import %1 events").arg(csv)});
    if (!process.waitForFinished(-1) || process.exitCode() != 0)
        return -1;
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    QFile::remove(database);
    return seconds;
}

// One benchmark case: the file(s) a child imports, and the CSV the shell
// imports for the ratio.
struct Case {
    QString label;
    aicp::UsageGeneratorSpec spec;
    bool jsonl = false;
    bool twice = false;  // import the file twice; time the second (all duplicates)
};

class Bench {
public:
    explicit Bench(QTextStream& out) : out_(out) {}

    bool run(const Case& test) {
        const QString stem =
            QStringLiteral("%1-%2-%3")
                .arg(test.spec.rows)
                .arg(test.spec.ids == GeneratedIds::V4 ? QLatin1String("v4") : QLatin1String("v7"))
                .arg(test.spec.shuffled ? QLatin1String("random") : QLatin1String("time"));
        const QString csv = dir_.filePath(stem + QStringLiteral(".csv"));
        const QString file = test.jsonl ? dir_.filePath(stem + QStringLiteral(".jsonl")) : csv;
        if (!QFile::exists(csv) && !writeGeneratedUsage(test.spec, csv, UsageFileFormat::Csv))
            return fail(QStringLiteral("cannot write %1").arg(csv));
        if (test.jsonl && !QFile::exists(file) &&
            !writeGeneratedUsage(test.spec, file, UsageFileFormat::JsonLines))
            return fail(QStringLiteral("cannot write %1").arg(file));
        const double shell = sqliteShellImport(csv, dir_.filePath(QStringLiteral("plain.db")));
        const QString workspace = dir_.filePath(QStringLiteral("bench.aicp"));
        removeWorkspace(workspace);
        const QStringList files = test.twice ? QStringList{file, file} : QStringList{file};
        const auto measured = runCase(workspace, files);
        removeWorkspace(workspace);
        if (!measured)
            return fail(test.label + QStringLiteral(": the import failed"));
        print(test.label, *measured, shell);
        const std::int64_t expectedNew = test.twice ? 0 : test.spec.rows;
        return measured->newEvents == expectedNew && measured->rows == test.spec.rows;
    }

    [[nodiscard]] bool valid() const { return dir_.isValid(); }
    void removeFiles(std::int64_t rows) {
        for (const QString& name : QDir(dir_.path()).entryList({QStringLiteral("%1-*").arg(rows)}))
            QFile::remove(dir_.filePath(name));
    }

private:
    static void removeWorkspace(const QString& path) {
        for (const char* suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
    }
    bool fail(const QString& message) {
        out_ << "bench_import: " << message << "\n";
        return false;
    }
    void print(const QString& label, const Measured& measured, double shell) {
        out_ << QStringLiteral("%1 %2 s  %3 events/s  new %4  dup %5  peak RSS %6 MiB")
                    .arg(label, -36)
                    .arg(measured.seconds, 7, 'f', 2)
                    .arg(double(measured.rows) / measured.seconds, 9, 'f', 0)
                    .arg(measured.newEvents, 8)
                    .arg(measured.duplicates, 8)
                    .arg(measured.peakRssMiB, 4);
        if (shell > 0)
            out_ << QStringLiteral("  | sqlite3 .import %1 s  ratio %2")
                        .arg(shell, 0, 'f', 2)
                        .arg(measured.seconds / shell, 0, 'f', 2);
        out_ << "\n";
        out_.flush();
    }

    QTextStream& out_;
    QTemporaryDir dir_;
};

aicp::UsageGeneratorSpec specOf(std::int64_t rows, GeneratedIds ids, bool shuffled) {
    aicp::UsageGeneratorSpec spec = aicp::test::benchmarkUsage(rows);
    spec.ids = ids;
    spec.shuffled = shuffled;
    return spec;
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() > 2 && args.at(1) == QLatin1String("--child"))
        return runChild(args.mid(2));
    QTextStream out(stdout);
    const bool quick = args.contains(QStringLiteral("--quick"));
    const bool tenMillion = args.contains(QStringLiteral("--10m")) ||
                            qEnvironmentVariable("AICP_BENCH_10M") == QLatin1String("1");
    const std::int64_t rows = quick ? 20'000 : 1'000'000;
    Bench bench(out);
    if (!bench.valid())
        return 1;
    const Case cases[] = {
        {QStringLiteral("v4 ids, random order"), specOf(rows, GeneratedIds::V4, true)},
        {QStringLiteral("v4 ids, time order"), specOf(rows, GeneratedIds::V4, false)},
        {QStringLiteral("v7 ids, time order"), specOf(rows, GeneratedIds::V7, false)},
        {QStringLiteral("re-import v4 random (duplicates)"), specOf(rows, GeneratedIds::V4, true),
         false, true},
        {QStringLiteral("JSON Lines v4 random"), specOf(rows, GeneratedIds::V4, true), true},
    };
    out << rows << " events per case; the ratio is to the shell's .import of the same CSV\n";
    // --case N: only the N-th case (from 1), for profiling one of them.
    const int only = args.indexOf(QStringLiteral("--case")) > 0
                         ? args.value(args.indexOf(QStringLiteral("--case")) + 1).toInt()
                         : 0;
    bool exact = true;
    for (int i = 0; i < int(std::size(cases)); ++i) {
        if (only == 0 || only == i + 1)
            exact = bench.run(cases[i]) && exact;
    }
    if (tenMillion) {
        bench.removeFiles(rows);
        exact = bench.run({QStringLiteral("v4 ids, random order, 10M"),
                           specOf(10'000'000, GeneratedIds::V4, true)}) &&
                exact;
    }
    // Counts are checked, not timed: a fast wrong import is a failure.
    return exact ? 0 : 1;
}

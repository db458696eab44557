// A team workspace on PostgreSQL, measured with the real `aicp` binary in
// one run, each figure beside a baseline measured in the same run:
//  - import: 1M generated usage events (random UUIDv4 ids in random time
//    order) through `aicp usage import`, beside `psql \copy` of the same
//    CSV into a keyless table of text columns (target: at most 2x);
//  - the month cost report of 2,000 licensed customers: the same workspace
//    on a file and, copied with `aicp workspace copy`, on PostgreSQL
//    (target: at most 1.5x the file's time);
//  - 8 processes issuing licenses into one workspace at once: licenses per
//    second, errors and gaps (both must be 0).
// Prints figures, asserts no timing; exits 1 only when a result is wrong.
// Needs a cluster: AICP_TEST_POSTGRES (packaging/with-postgres.sh sets it);
// without one it says it skipped and exits 0.
//
//   bench_postgres PATH/TO/aicp [--quick] [--only import|report|issuers]
#include "storage/workspace.h"
#include "support/generatedusage.h"
#include "support/licensedcustomers.h"
#include "support/scratchdatabase.h"
#include "support/testkeys.h"

#include <algorithm>
#include <cstdlib>
#include <latch>
#include <thread>
#include <vector>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

using aicp::test::ScratchDatabase;

// One finished process: its exit code (-1 when it did not finish), output
// and wall-clock time.
struct Ran {
    int exitCode = -1;
    QByteArray out;
    QString err;
    double seconds = 0;
};

Ran runTimed(const QString& program, const QStringList& arguments) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("AICP_KEY_PASSPHRASE"),
                       QString::fromLatin1(aicp::test::kTestPassphrase));
    environment.remove(QStringLiteral("AICP_DB"));
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    Ran ran;
    const bool finished = process.waitForFinished(3'600'000);
    ran.seconds = double(clock.nsecsElapsed()) / 1e9;
    if (finished && process.exitStatus() == QProcess::NormalExit)
        ran.exitCode = process.exitCode();
    ran.out = process.readAllStandardOutput();
    ran.err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    return ran;
}

QJsonObject jsonOf(const Ran& ran) {
    return QJsonDocument::fromJson(ran.out).object();
}

class Bench {
public:
    Bench(QTextStream& out, QString aicp, bool quick)
        : out_(out), aicp_(std::move(aicp)), quick_(quick) {}

    [[nodiscard]] bool ready() {
        return dir_.isValid() || fail(QStringLiteral("no temporary folder"));
    }

    bool import();
    bool report();
    bool issuers();

private:
    Ran aicpOn(const QString& db, const QStringList& arguments) const {
        return runTimed(aicp_, QStringList{QStringLiteral("--db"), db} + arguments);
    }
    bool step(const Ran& ran, const QString& what) {
        return ran.exitCode == 0 || fail(what + QStringLiteral(": ") + ran.err);
    }
    bool fail(const QString& message) {
        out_ << "bench_postgres: " << message << "\n";
        out_.flush();
        return false;
    }
    bool scratch(const ScratchDatabase& database) {
        return !database.uri().isEmpty() || fail(database.error());
    }
    void figure(const QString& label, double seconds, const QString& detail = {}) {
        out_ << QStringLiteral("%1 %2 s").arg(label, -44).arg(seconds, 7, 'f', 2);
        out_ << (detail.isEmpty() ? QString() : QStringLiteral("  ") + detail) << "\n";
        out_.flush();
    }
    double psqlCopy(const QString& csv);
    bool writeReportWorkspace(const QString& file, int customers);
    double bestReport(const QString& db, QByteArray& csv);

    QTextStream& out_;
    QString aicp_;
    bool quick_;
    QTemporaryDir dir_;
};

// `psql \copy` of the CSV into a new keyless table of text columns named
// after its header, in a database of its own: seconds, or -1.
double Bench::psqlCopy(const QString& csv) {
    const QString psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
    QFile file(csv);
    if (psql.isEmpty() || !file.open(QIODevice::ReadOnly))
        return -1;
    QStringList columns = QString::fromUtf8(file.readLine()).trimmed().split(u',');
    for (QString& column : columns)
        column = QStringLiteral("\"%1\" text").arg(column);
    const ScratchDatabase plain;
    const QStringList connect{QStringLiteral("-X"), QStringLiteral("-q"),
                              QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                              QStringLiteral("-d"), plain.uri(),
                              QStringLiteral("-c")};
    if (plain.uri().isEmpty() ||
        runTimed(psql, connect + QStringList{QStringLiteral("CREATE TABLE t (%1)")
                                                 .arg(columns.join(QStringLiteral(", ")))})
                .exitCode != 0)
        return -1;
    const Ran copied = runTimed(
        psql, connect + QStringList{QStringLiteral("\\copy t FROM '%1' CSV HEADER").arg(csv)});
    return copied.exitCode == 0 ? copied.seconds : -1;
}

bool Bench::import() {
    aicp::UsageGeneratorSpec spec = aicp::test::benchmarkUsage(quick_ ? 20'000 : 1'000'000);
    spec.ids = aicp::GeneratedIds::V4;
    spec.shuffled = true;
    const QString csv = dir_.filePath(QStringLiteral("events.csv"));
    if (!aicp::test::writeGeneratedUsage(spec, csv))
        return fail(QStringLiteral("cannot write %1").arg(csv));
    out_ << QStringLiteral("import: %1 events, v4 ids in random order (%2 MB of CSV)\n")
                .arg(spec.rows)
                .arg(double(QFile(csv).size()) / 1e6, 0, 'f', 1);
    const double copySeconds = psqlCopy(csv);
    const ScratchDatabase target;
    if (!scratch(target) ||
        !step(aicpOn(target.uri(), {QStringLiteral("workspace"), QStringLiteral("create")}),
              QStringLiteral("workspace create")))
        return false;
    const Ran imported = aicpOn(target.uri(), {QStringLiteral("usage"), QStringLiteral("import"),
                                               csv, QStringLiteral("--json")});
    QFile::remove(csv);
    if (!step(imported, QStringLiteral("usage import")))
        return false;
    const qint64 stored = jsonOf(imported).value(QStringLiteral("new")).toInteger();
    figure(QStringLiteral("  aicp usage import into PostgreSQL"), imported.seconds,
           QStringLiteral("%1 events/s  new %2")
               .arg(double(spec.rows) / imported.seconds, 0, 'f', 0)
               .arg(stored));
    if (copySeconds > 0) {
        figure(QStringLiteral("  psql \\copy into a keyless table"), copySeconds,
               QStringLiteral("%1 events/s").arg(double(spec.rows) / copySeconds, 0, 'f', 0));
        out_ << QStringLiteral("  ratio aicp / \\copy: %1 (target 2)\n")
                    .arg(imported.seconds / copySeconds, 0, 'f', 2);
    } else {
        out_ << "  psql \\copy: not measured (no psql, or it failed)\n";
    }
    return stored == spec.rows ||
           fail(QStringLiteral("imported %1 of %2 events").arg(stored).arg(spec.rows));
}

// A file workspace with `customers` licensed customers and their October
// 2026 usage, imported through the CLI.
bool Bench::writeReportWorkspace(const QString& file, int customers) {
    {
        auto workspace = aicp::Workspace::open(file);
        if (!workspace)
            return fail(workspace.error().message());
        const aicp::Status issued = aicp::test::issueCustomerLicenses(**workspace, customers);
        if (!issued.ok())
            return fail(issued.error().message());
    }
    aicp::UsageGeneratorSpec spec;
    spec.rows = quick_ ? 20'000 : 1'000'000;
    spec.customers = customers;
    spec.usersPerCustomer = 12;
    spec.agentsPerCustomer = 6;
    spec.firstDay = QDate(2026, 10, 1);
    const QString csv = dir_.filePath(QStringLiteral("october.csv"));
    if (!aicp::test::writeGeneratedUsage(spec, csv))
        return fail(QStringLiteral("cannot write %1").arg(csv));
    const Ran imported = aicpOn(file, {QStringLiteral("usage"), QStringLiteral("import"), csv});
    QFile::remove(csv);
    out_ << QStringLiteral("report: %1 licensed customers, %2 events in October 2026\n")
                .arg(customers)
                .arg(spec.rows);
    return step(imported, QStringLiteral("usage import"));
}

// The fastest of three runs of `report cost --month 2026-10` (the first
// warms the caches); `csv` gets the report.
double Bench::bestReport(const QString& db, QByteArray& csv) {
    double best = -1;
    for (int run = 0; run < 3; ++run) {
        const Ran ran = aicpOn(db, {QStringLiteral("report"), QStringLiteral("cost"),
                                    QStringLiteral("--month"), QStringLiteral("2026-10")});
        if (!step(ran, QStringLiteral("report cost")))
            return -1;
        best = best < 0 ? ran.seconds : std::min(best, ran.seconds);
        csv = ran.out;
    }
    return best;
}

bool Bench::report() {
    const int customers = quick_ ? 50 : 2000;
    const QString file = dir_.filePath(QStringLiteral("report.aicp"));
    const ScratchDatabase server;
    if (!scratch(server) || !writeReportWorkspace(file, customers))
        return false;
    const Ran copied = aicpOn(file, {QStringLiteral("workspace"), QStringLiteral("copy"),
                                     QStringLiteral("--to"), server.uri()});
    if (!step(copied, QStringLiteral("workspace copy")))
        return false;
    figure(QStringLiteral("  (aicp workspace copy, file to PostgreSQL)"), copied.seconds);
    QByteArray fromFile;
    QByteArray fromServer;
    const double fileSeconds = bestReport(file, fromFile);
    const double serverSeconds = bestReport(server.uri(), fromServer);
    if (fileSeconds < 0 || serverSeconds < 0)
        return false;
    figure(QStringLiteral("  aicp report cost on the file (best of 3)"), fileSeconds,
           QStringLiteral("%1 bytes").arg(fromFile.size()));
    figure(QStringLiteral("  aicp report cost on PostgreSQL (best of 3)"), serverSeconds,
           QStringLiteral("%1 bytes").arg(fromServer.size()));
    out_ << QStringLiteral("  ratio PostgreSQL / file: %1 (target 1.5)\n")
                .arg(serverSeconds / fileSeconds, 0, 'f', 2);
    return fromFile == fromServer || fail(QStringLiteral("the two reports differ"));
}

bool Bench::issuers() {
    const int workers = quick_ ? 2 : 8;
    const int each = quick_ ? 5 : 20;
    const ScratchDatabase server;
    if (!scratch(server) ||
        !step(aicpOn(server.uri(), {QStringLiteral("keys"), QStringLiteral("generate")}),
              QStringLiteral("keys generate")))
        return false;
    std::vector<std::vector<Ran>> runs(static_cast<std::size_t>(workers));
    std::latch ready(workers + 1);
    std::vector<std::thread> threads;
    for (int worker = 0; worker < workers; ++worker)
        threads.emplace_back([&, worker] {
            ready.arrive_and_wait();
            for (int i = 0; i < each; ++i)
                runs[std::size_t(worker)].push_back(aicpOn(
                    server.uri(),
                    {QStringLiteral("license"), QStringLiteral("issue"),
                     QStringLiteral("--customer"), QStringLiteral("bench-%1-%2").arg(worker).arg(i),
                     QStringLiteral("--name"), QStringLiteral("Bench"), QStringLiteral("--tier"),
                     QStringLiteral("starter")}));
        });
    QElapsedTimer clock;
    clock.start();
    ready.arrive_and_wait();
    for (std::thread& thread : threads)
        thread.join();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    qint64 issued = 0;
    QString firstError;
    for (const auto& worker : runs)
        for (const Ran& ran : worker) {
            issued += ran.exitCode == 0 ? 1 : 0;
            if (ran.exitCode != 0 && firstError.isEmpty())
                firstError = ran.err;
        }
    const qint64 errors = qint64(workers) * each - issued;
    const QJsonObject info =
        jsonOf(aicpOn(server.uri(), {QStringLiteral("workspace"), QStringLiteral("info"),
                                     QStringLiteral("--json")}));
    const QJsonObject audit =
        jsonOf(aicpOn(server.uri(), {QStringLiteral("audit"), QStringLiteral("verify"),
                                     QStringLiteral("--json")}));
    // Licenses a process said it issued that are not stored, or stored ones
    // it did not report, and audit entries missing from the one chain
    // (keys generate and one per license).
    const qint64 stored = info.value(QStringLiteral("licenses")).toInteger();
    const qint64 entries = audit.value(QStringLiteral("entries_checked")).toInteger();
    const bool intact = audit.value(QStringLiteral("intact")).toBool();
    const qint64 gaps = std::abs(stored - issued) + std::abs(entries - (issued + 1));
    out_ << QStringLiteral("issuers: %1 processes at once, %2 licenses each\n")
                .arg(workers)
                .arg(each);
    figure(QStringLiteral("  aicp license issue, all processes"), seconds,
           QStringLiteral("%1 licenses/s  errors %2  gaps %3  (stored %4, audit chain %5, %6 "
                          "entries)")
               .arg(double(issued) / seconds, 0, 'f', 1)
               .arg(errors)
               .arg(gaps)
               .arg(stored)
               .arg(intact ? QStringLiteral("intact") : QStringLiteral("BROKEN"))
               .arg(entries));
    if (!firstError.isEmpty())
        out_ << "  first error: " << firstError << "\n";
    return errors == 0 && gaps == 0 && intact;
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() < 2 || args.at(1).startsWith(u'-')) {
        out << "usage: bench_postgres PATH/TO/aicp [--quick] [--only import|report|issuers]\n";
        return 2;
    }
    if (!aicp::test::onPostgres()) {
        out << "bench_postgres: skipped: no PostgreSQL cluster (set AICP_TEST_POSTGRES, or run "
               "under packaging/with-postgres.sh)\n";
        return 0;
    }
    Bench bench(out, args.at(1), args.contains(QStringLiteral("--quick")));
    if (!bench.ready())
        return 1;
    const qsizetype onlyAt = args.indexOf(QStringLiteral("--only"));
    const QString only = onlyAt > 0 ? args.value(onlyAt + 1) : QString();
    const auto part = [&](const char* name) {
        return only.isEmpty() || only == QLatin1String(name);
    };
    bool ok = !part("import") || bench.import();
    ok = (!part("report") || bench.report()) && ok;
    ok = (!part("issuers") || bench.issuers()) && ok;
    return ok ? 0 : 1;
}

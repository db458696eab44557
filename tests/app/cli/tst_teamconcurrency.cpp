#include "clitest.h"
#include "support/clirunner.h"
#include "support/scratchdatabase.h"

#include <latch>
#include <set>
#include <thread>
#include <vector>

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using namespace aicp;
using namespace aicp::clitest;

namespace {

const QString kPassphrase = QStringLiteral("team passphrase, long enough");
constexpr int kIssuers = 8;
constexpr int kImporters = 50;
constexpr int kEventsPerHalf = 100;
const QStringList kInvoicedMonths = {QStringLiteral("2026-06"), QStringLiteral("2026-07"),
                                     QStringLiteral("2026-08"), QStringLiteral("2026-09"),
                                     QStringLiteral("2026-10")};

QString issuerCustomer(int worker) {
    return QStringLiteral("team-%1").arg(worker);
}

// Usage for every issuer's customer and the contested one in each invoiced
// month, so each invoice has requests to charge.
QByteArray issuerUsage() {
    QByteArray csv =
        "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,"
        "compliance_modules,quantity\n";
    QStringList customers{QStringLiteral("shared")};
    for (int worker = 0; worker < kIssuers; ++worker)
        customers << issuerCustomer(worker);
    for (const QString& customer : customers) {
        for (const QString& month : kInvoicedMonths)
            csv += QStringLiteral("%1,%2-10T12:00:00Z,%3,a1,u1,,,%4\n")
                       .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), month, customer)
                       .arg(1000 + customer.size() * 37)
                       .toUtf8();
    }
    return csv;
}

// One half of an import file: kEventsPerHalf events with random v4 ids of
// three customers over October 2026.
QByteArray usageHalf(int half) {
    QByteArray rows;
    for (int i = 0; i < kEventsPerHalf; ++i)
        rows += QStringLiteral("%1,2026-10-%2T%3:%4:00Z,cust-%5,a%6,u%7,%8,,%9\n")
                    .arg(QUuid::createUuid().toString(QUuid::WithoutBraces))
                    .arg(1 + (half + i) % 28, 2, 10, QLatin1Char('0'))
                    .arg(i % 24, 2, 10, QLatin1Char('0'))
                    .arg(half % 60, 2, 10, QLatin1Char('0'))
                    .arg(i % 3)
                    .arg(i % 5)
                    .arg(i % 7)
                    .arg(i % 4 == 0 ? QStringLiteral("pii") : QString())
                    .arg(1 + i % 3)
                    .toUtf8();
    return rows;
}

// The trailing number of AICP-2026-000123.
int invoiceSequence(const QString& number) {
    return number.section(u'-', -1).toInt();
}

}  // namespace

// Several `aicp` processes writing one PostgreSQL workspace at once, as a
// team's consoles, scripts and services do: the numbers stay gapless, the
// audit chain one chain, and (source, id) unique. On a workspace file the
// file lock serialises writers, which the other tests cover; these run on
// PostgreSQL only (AICP_TEST_POSTGRES).
class TestTeamConcurrency : public CliTest {
    Q_OBJECT

private:
    [[nodiscard]] QProcessEnvironment environment(const QString& db) const {
        QProcessEnvironment environment = sandbox_.environment();
        environment.insert(QStringLiteral("AICP_DB"), db);
        environment.insert(QStringLiteral("AICP_KEY_PASSPHRASE"), kPassphrase);
        return environment;
    }
    CliRun runOn(const QString& db, const QStringList& arguments) const {
        return sandbox_.run(arguments, environment(db));
    }
    CliRun run(const QStringList& arguments) const { return runOn(workspace(), arguments); }

    // Each worker's commands in order, all workers at once (each waits for
    // the others to be ready before its first command). Every command is
    // bounded by the sandbox's timeout.
    std::vector<std::vector<CliRun>> runConcurrently(const QString& db,
                                                     const std::vector<QStringList>& jobs) const {
        std::vector<std::vector<CliRun>> results(jobs.size());
        std::latch ready(std::ptrdiff_t(jobs.size()));
        std::vector<std::thread> threads;
        for (std::size_t worker = 0; worker < jobs.size(); ++worker)
            threads.emplace_back([&, worker] {
                ready.arrive_and_wait();
                for (const QString& command : jobs[worker])
                    results[worker].push_back(runOn(db, command.split(u'\t')));
            });
        for (std::thread& thread : threads)
            thread.join();
        return results;
    }

    // The commands of one issuer: the contested invoice, a license for its
    // own customer, that customer's invoices, then two more licenses.
    static QStringList issuerJobs(int worker) {
        const QString customer = issuerCustomer(worker);
        QStringList jobs{QStringLiteral("invoice\tissue\t--customer\tshared\t--month\t2026-10")};
        jobs << QStringLiteral(
                    "license\tissue\t--customer\t%1\t--name\tTeam %2\t--tier\t"
                    "starter\t--starts\t2026-06-01\t--days\t365")
                    .arg(customer)
                    .arg(worker);
        for (const QString& month : kInvoicedMonths)
            jobs << QStringLiteral("invoice\tissue\t--customer\t%1\t--month\t%2")
                        .arg(customer, month);
        for (int extra = 0; extra < 2; ++extra)
            jobs << QStringLiteral(
                        "license\tissue\t--customer\textra-%1-%2\t--name\tExtra\t--tier\t"
                        "professional")
                        .arg(worker)
                        .arg(extra);
        return jobs;
    }

    [[nodiscard]] qint64 auditEntries() const {
        const CliRun verified =
            run({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")});
        const QJsonObject answer = jsonAnswer(verified, "audit verify");
        return answer.value(QStringLiteral("intact")).toBool()
                   ? answer.value(QStringLiteral("entries_checked")).toInteger()
                   : -1;
    }

    [[nodiscard]] QJsonObject info(const QString& db) const {
        return jsonAnswer(runOn(db, {QStringLiteral("workspace"), QStringLiteral("info"),
                                     QStringLiteral("--json")}),
                          "workspace info");
    }

    // What a reader sees of the October usage and bills.
    [[nodiscard]] QString totals(const QString& db) const {
        QString seen;
        for (int customer = 0; customer < 3; ++customer)
            seen += runOn(db, {QStringLiteral("usage"), QStringLiteral("summary"),
                               QStringLiteral("--customer"),
                               QStringLiteral("cust-%1").arg(customer), QStringLiteral("--month"),
                               QStringLiteral("2026-10"), QStringLiteral("--json")})
                        .out;
        return seen + runOn(db, {QStringLiteral("report"), QStringLiteral("cost"),
                                 QStringLiteral("--month"), QStringLiteral("2026-10")})
                          .out;
    }

    bool prepareLicensed(const QString& db) const {
        return warnIfFailed(runOn(db, {QStringLiteral("keys"), QStringLiteral("generate")}),
                            "keys generate") &&
               warnIfFailed(runOn(db, {QStringLiteral("license"), QStringLiteral("issue"),
                                       QStringLiteral("--customer"), QStringLiteral("cust-0"),
                                       QStringLiteral("--name"), QStringLiteral("Zero"),
                                       QStringLiteral("--tier"), QStringLiteral("starter"),
                                       QStringLiteral("--starts"), QStringLiteral("2026-09-01"),
                                       QStringLiteral("--days"), QStringLiteral("365")}),
                            "license issue");
    }

private slots:
    void initTestCase() {
        QVERIFY2(sandbox_.isReady(), "AICP_CLI must name the built aicp binary");
        if (!test::onPostgres())
            QSKIP(
                "concurrent writers need PostgreSQL (AICP_TEST_POSTGRES); a workspace file "
                "serialises them with its lock");
    }

    // 8 processes issue licenses and invoices at once; all 8 also race for
    // the same invoice, which exactly one gets.
    void issuersKeepNumbersAndChainWhole() {
        QVERIFY(warnIfFailed(run({QStringLiteral("keys"), QStringLiteral("generate")}),
                             "keys generate"));
        QVERIFY(warnIfFailed(
            run({QStringLiteral("license"), QStringLiteral("issue"), QStringLiteral("--customer"),
                 QStringLiteral("shared"), QStringLiteral("--name"), QStringLiteral("Shared"),
                 QStringLiteral("--tier"), QStringLiteral("starter"), QStringLiteral("--starts"),
                 QStringLiteral("2026-06-01"), QStringLiteral("--days"), QStringLiteral("365")}),
            "license issue"));
        const QString usage = file(QStringLiteral("team-usage.csv"));
        QVERIFY(writeBytes(usage, issuerUsage()));
        QVERIFY(warnIfFailed(run({QStringLiteral("usage"), QStringLiteral("import"), usage}),
                             "usage import"));
        const qint64 before = auditEntries();
        QVERIFY(before > 0);

        std::vector<QStringList> jobs;
        for (int worker = 0; worker < kIssuers; ++worker)
            jobs.push_back(issuerJobs(worker));
        const auto results = runConcurrently(workspace(), jobs);

        int contestedWins = 0;
        for (const auto& worker : results) {
            QCOMPARE(worker.size(), std::size_t(issuerJobs(0).size()));
            const CliRun& contested = worker.front();
            if (contested.exitCode == 0)
                ++contestedWins;
            else
                verifyOneErrorLine(contested, 1, QStringLiteral("already invoiced"));
            for (std::size_t i = 1; i < worker.size(); ++i)
                QVERIFY2(worker[i].exitCode == 0, qPrintable(worker[i].err));
        }
        QCOMPARE(contestedWins, 1);

        const int invoices = kIssuers * int(kInvoicedMonths.size()) + 1;
        const int licenses = kIssuers * 3 + 1;
        const QJsonArray listed =
            jsonAnswer(
                run({QStringLiteral("invoice"), QStringLiteral("list"), QStringLiteral("--json")}),
                "invoice list")
                .value(QStringLiteral("invoices"))
                .toArray();
        std::set<int> numbers;
        for (const QJsonValue& invoice : listed)
            numbers.insert(invoiceSequence(invoice[QStringLiteral("number")].toString()));
        QCOMPARE(listed.size(), invoices);
        QCOMPARE(int(numbers.size()), invoices);
        QCOMPARE(*numbers.begin(), 1);
        QCOMPARE(*numbers.rbegin(), invoices);

        QCOMPARE(auditEntries(), before + (licenses - 1) + invoices);
        QCOMPARE(info(workspace()).value(QStringLiteral("licenses")).toInteger(), licenses);
        QCOMPARE(info(workspace()).value(QStringLiteral("invoices")).toInteger(), invoices);
    }

    // 50 imports at once of files that each share half their events with
    // the next: every event stored once, the same totals as one import of
    // them all into a fresh workspace.
    void overlappingImportsStoreEachEventOnce() {
        QVERIFY(prepareLicensed(workspace()));
        std::vector<QByteArray> halves;
        for (int half = 0; half < kImporters; ++half)
            halves.push_back(usageHalf(half));
        const QByteArray header =
            "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,"
            "compliance_modules,quantity\n";
        std::vector<QStringList> jobs;
        QByteArray everything = header;
        for (int i = 0; i < kImporters; ++i) {
            const QString path = file(QStringLiteral("batch-%1.csv").arg(i));
            QVERIFY(writeBytes(path, header + halves[i] + halves[(i + 1) % kImporters]));
            jobs.push_back({QStringLiteral("usage\timport\t%1\t--json").arg(path)});
            everything += halves[i];
        }
        const auto results = runConcurrently(workspace(), jobs);
        qint64 stored = 0;
        for (const auto& worker : results) {
            QVERIFY2(worker.front().exitCode == 0, qPrintable(worker.front().err));
            stored += parseObject(worker.front().out).value(QStringLiteral("new")).toInteger();
        }
        const qint64 distinct = qint64(kImporters) * kEventsPerHalf;
        QCOMPARE(stored, distinct);
        QCOMPARE(info(workspace()).value(QStringLiteral("events")).toInteger(), distinct);

        const test::ScratchDatabase fresh;
        QVERIFY2(!fresh.uri().isEmpty(), qPrintable(fresh.error()));
        QVERIFY(prepareLicensed(fresh.uri()));
        const QString all = file(QStringLiteral("all.csv"));
        QVERIFY(writeBytes(all, everything));
        QVERIFY(warnIfFailed(
            runOn(fresh.uri(), {QStringLiteral("usage"), QStringLiteral("import"), all}),
            "usage import"));
        const QString once = totals(fresh.uri());
        QVERIFY(once.contains(QStringLiteral("cust-0")));
        QCOMPARE(totals(workspace()), once);
    }
};

QTEST_GUILESS_MAIN(TestTeamConcurrency)
#include "tst_teamconcurrency.moc"

#include "clitest.h"
#include "support/clirunner.h"

#include <cstdint>
#include <map>
#include <set>

#include <QCryptographicHash>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace aicp::clitest;

namespace {

const QByteArray kCsvHeader =
    "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,compliance_modules,quantity\n";

// One generated event, and everything the test expects of it.
struct Event {
    QString id;
    QDateTime time;  // UTC, whole seconds
    QString customer;
    QString agent;
    QString user;
    QStringList packs;
    QStringList modules;
    std::int64_t quantity = 1;
    bool quantityWritten = true;  // false: the CSV leaves it empty (1)
};

// What a customer's month should add up to, computed here from the events
// the test wrote, not by the code under test.
struct Expected {
    std::int64_t requests = 0;
    std::map<QString, std::int64_t> packs;
    std::map<QString, std::int64_t> modules;
    std::set<QString> users;
    std::set<QString> agents;
};

// A small deterministic generator (a linear congruential sequence), so the
// data and the expectations are the same on every run.
class EventMaker {
public:
    explicit EventMaker(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next(std::uint64_t bound) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state_ >> 33) % bound;
    }

    // `count` events from `from` over `hours` hours for `customers`.
    std::vector<Event> make(const QString& prefix, int count, const QStringList& customers,
                            const QDateTime& from, int hours) {
        static const QStringList kPacks{QStringLiteral("pii-protection"),
                                        QStringLiteral("jailbreak-defense"),
                                        QStringLiteral("toxicity")};
        static const QStringList kModules{QStringLiteral("eu-ai-act"), QStringLiteral("hipaa"),
                                          QStringLiteral("soc2")};
        std::vector<Event> events;
        for (int i = 0; i < count; ++i) {
            Event event;
            event.id = QStringLiteral("%1-%2").arg(prefix).arg(i);
            event.time = from.addSecs(qint64(next(std::uint64_t(hours) * 3600)));
            event.customer = customers.at(qsizetype(next(std::uint64_t(customers.size()))));
            event.agent = QStringLiteral("agent-%1").arg(next(7));
            event.user = QStringLiteral("user-%1").arg(next(11));
            for (const QString& pack : kPacks)
                if (next(3) == 0)
                    event.packs.append(pack);
            for (const QString& module : kModules)
                if (next(4) == 0)
                    event.modules.append(module);
            event.quantityWritten = next(5) != 0;
            event.quantity = event.quantityWritten ? std::int64_t(1 + next(3)) : 1;
            events.push_back(event);
        }
        return events;
    }

private:
    std::uint64_t state_;
};

QString timeText(const QDateTime& time) {
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

QByteArray csvOf(const std::vector<Event>& events) {
    QByteArray csv = kCsvHeader;
    for (const Event& event : events)
        csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8\n")
                   .arg(event.id, timeText(event.time), event.customer, event.agent, event.user,
                        event.packs.join(u';'), event.modules.join(u';'),
                        event.quantityWritten ? QString::number(event.quantity) : QString())
                   .toUtf8();
    return csv;
}

QByteArray jsonlOf(const std::vector<Event>& events) {
    QByteArray lines;
    for (const Event& event : events) {
        const QJsonObject data{
            {QStringLiteral("agent_id"), event.agent},
            {QStringLiteral("user_id"), event.user},
            {QStringLiteral("policy_packs"), QJsonArray::fromStringList(event.packs)},
            {QStringLiteral("compliance_modules"), QJsonArray::fromStringList(event.modules)},
            {QStringLiteral("quantity"), double(event.quantity)}};
        const QJsonObject cloudEvent{
            {QStringLiteral("specversion"), QStringLiteral("1.0")},
            {QStringLiteral("id"), event.id},
            {QStringLiteral("source"), QStringLiteral("gateway-eu")},
            {QStringLiteral("type"), QStringLiteral("ai.request.governed")},
            {QStringLiteral("time"), timeText(event.time)},
            {QStringLiteral("subject"), event.customer},
            {QStringLiteral("data"), data}};
        lines += QJsonDocument(cloudEvent).toJson(QJsonDocument::Compact) + '\n';
    }
    return lines;
}

// customer -> "YYYY-MM" -> expected month.
using Months = std::map<QString, std::map<QString, Expected>>;

void addTo(Months& months, const std::vector<Event>& events) {
    for (const Event& event : events) {
        Expected& month = months[event.customer][event.time.toString(QStringLiteral("yyyy-MM"))];
        month.requests += event.quantity;
        for (const QString& pack : event.packs)
            month.packs[pack] += event.quantity;
        for (const QString& module : event.modules)
            month.modules[module] += event.quantity;
        month.users.insert(event.user);
        month.agents.insert(event.agent);
    }
}

QJsonObject countsObject(const std::map<QString, std::int64_t>& counts) {
    QJsonObject object;
    for (const auto& [name, count] : counts)
        object.insert(name, double(count));
    return object;
}

const QDateTime kStart(QDate(2026, 10, 30), QTime(0, 0), QTimeZone::utc());
constexpr int kHours = 5 * 24;  // 2026-10-30 .. 2026-11-03
const QStringList kCustomers{QStringLiteral("acme-corp"), QStringLiteral("globex"),
                             QStringLiteral("initech")};

}  // namespace

// `aicp usage import|summary|series` end to end: the built binary on
// temporary workspaces, with generated events whose sums the test computes
// itself.
class TestUsageCli : public CliTest {
    Q_OBJECT

private:
    CliRun run(const QStringList& arguments) const {
        QProcessEnvironment environment = sandbox_.environment();
        environment.insert(QStringLiteral("AICP_DB"), workspace());
        return sandbox_.run(arguments, environment);
    }
    CliRun import(const QStringList& arguments) const {
        return run(QStringList{QStringLiteral("usage"), QStringLiteral("import")} + arguments);
    }
    QJsonObject summary(const QString& customer, const QString& month) const {
        const CliRun result =
            run({QStringLiteral("usage"), QStringLiteral("summary"), QStringLiteral("--customer"),
                 customer, QStringLiteral("--month"), month, QStringLiteral("--json")});
        return jsonAnswer(result, "usage summary");
    }
    QJsonObject series(const QString& customer, const QString& from, const QString& to,
                       const QString& window) const {
        const CliRun result =
            run({QStringLiteral("usage"), QStringLiteral("series"), QStringLiteral("--customer"),
                 customer, QStringLiteral("--from"), from, QStringLiteral("--to"), to,
                 QStringLiteral("--window"), window, QStringLiteral("--json")});
        return jsonAnswer(result, "usage series");
    }
    // Writes events to a file named `name` and returns its path.
    QString writeCsv(const QString& name, const std::vector<Event>& events) const {
        const QString path = file(name);
        if (!writeBytes(path, csvOf(events)))
            qWarning("cannot write %s", qPrintable(path));
        return path;
    }

    static void verifyMonth(const QJsonObject& summary, const QString& customer,
                            const QString& month, const Expected& expected) {
        QCOMPARE(summary.value(QStringLiteral("customer")).toString(), customer);
        QCOMPARE(summary.value(QStringLiteral("month")).toString(), month);
        QCOMPARE(summary.value(QStringLiteral("requests")).toInteger(), expected.requests);
        QCOMPARE(summary.value(QStringLiteral("late_requests")).toInteger(), 0);
        QCOMPARE(summary.value(QStringLiteral("policy_packs")).toObject(),
                 countsObject(expected.packs));
        QCOMPARE(summary.value(QStringLiteral("compliance_modules")).toObject(),
                 countsObject(expected.modules));
        QCOMPARE(summary.value(QStringLiteral("active_users")).toInteger(),
                 qint64(expected.users.size()));
        QCOMPARE(summary.value(QStringLiteral("active_agents")).toInteger(),
                 qint64(expected.agents.size()));
    }

private slots:
    void initTestCase() { QVERIFY2(sandbox_.isReady(), "AICP_CLI must name the built aicp"); }

    void helpListsTheSubcommands() {
        const CliRun help = run({QStringLiteral("usage"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char* word : {"import", "summary", "series"})
            QVERIFY2(help.out.contains(QLatin1String(word)), word);
        for (const char* subcommand : {"import", "summary", "series"}) {
            const CliRun own = run({QStringLiteral("usage"), QString::fromLatin1(subcommand),
                                    QStringLiteral("--help")});
            QCOMPARE(own.exitCode, 0);
            QVERIFY(own.out.startsWith(QStringLiteral("Usage: aicp ")));
        }
        QVERIFY(run({QStringLiteral("--help")}).out.contains(QStringLiteral("usage")));
        QVERIFY(!QFileInfo::exists(workspace()));
    }

    void importCountsAndTheSameFileAgainIsAllDuplicates() {
        EventMaker maker(7);
        std::vector<Event> events =
            maker.make(QStringLiteral("e"), 1500, kCustomers, kStart, kHours);
        // The same events twice in one file count once.
        const std::vector<Event> repeated(events.begin(), events.begin() + 25);
        std::vector<Event> written = events;
        written.insert(written.end(), repeated.begin(), repeated.end());
        const QString path = writeCsv(QStringLiteral("events.csv"), written);

        const CliRun first = import({path, QStringLiteral("--json")});
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.err.isEmpty(), qPrintable(first.err));
        const QJsonObject counts = parseObject(first.out);
        QCOMPARE(counts.value(QStringLiteral("new")).toInteger(), 1500);
        QCOMPARE(counts.value(QStringLiteral("duplicate")).toInteger(), 25);
        QCOMPARE(counts.value(QStringLiteral("rejected")).toInteger(), 0);
        QCOMPARE(counts.value(QStringLiteral("late")).toInteger(), 0);
        const QJsonArray files = counts.value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), qsizetype(1));
        const QJsonObject one = files.at(0).toObject();
        QCOMPARE(one.value(QStringLiteral("file")).toString(), path);
        QCOMPARE(one.value(QStringLiteral("new")).toInteger(), 1500);
        QCOMPARE(one.value(QStringLiteral("refused")).toBool(), false);
        QVERIFY(one.value(QStringLiteral("reject_file")).isNull());
        QCOMPARE(one.value(QStringLiteral("sha256")).toString().toLatin1(),
                 QCryptographicHash::hash(readBytes(path), QCryptographicHash::Sha256).toHex());

        // Again, as text: nothing new.
        const CliRun again = import({path});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(
            again.outLines(),
            QStringList{path + QStringLiteral(": 0 new, 1,525 duplicates, 0 rejected, 0 late")});
        const QJsonObject third = parseObject(import({path, QStringLiteral("--json")}).out);
        QCOMPARE(third.value(QStringLiteral("new")).toInteger(), 0);
        QCOMPARE(third.value(QStringLiteral("duplicate")).toInteger(), 1525);

        // The sums are those of the events, whatever was imported twice.
        Months months;
        addTo(months, events);
        for (const auto& [customer, byMonth] : months)
            for (const auto& [month, expected] : byMonth)
                verifyMonth(summary(customer, month), customer, month, expected);
        // A month without usage is all zeros, not an error.
        const QJsonObject empty = summary(QStringLiteral("acme-corp"), QStringLiteral("2026-05"));
        QCOMPARE(empty.value(QStringLiteral("requests")).toInteger(), 0);
        QCOMPARE(empty.value(QStringLiteral("active_users")).toInteger(), 0);
        QVERIFY(empty.value(QStringLiteral("policy_packs")).toObject().isEmpty());

        // Text: aligned and with grouped figures.
        const Expected& acme = months.at(QStringLiteral("acme-corp")).at(QStringLiteral("2026-11"));
        const CliRun text = run({QStringLiteral("usage"), QStringLiteral("summary"),
                                 QStringLiteral("--customer"), QStringLiteral("acme-corp"),
                                 QStringLiteral("--month"), QStringLiteral("2026-11")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("acme-corp")));
        QVERIFY(text.out.contains(QLocale(QLocale::English).toString(qint64(acme.requests))));
        QVERIFY(text.out.contains(QStringLiteral("pii-protection")));
    }

    void seriesSumsMatchTheEvents() {
        EventMaker maker(11);
        const std::vector<Event> events =
            maker.make(QStringLiteral("s"), 800, kCustomers, kStart, kHours);
        QCOMPARE(import({writeCsv(QStringLiteral("series.csv"), events)}).exitCode, 0);

        const QString customer = QStringLiteral("globex");
        std::map<QDateTime, std::int64_t> hourly;
        std::map<QDate, std::int64_t> daily;
        std::int64_t total = 0;
        for (const Event& event : events) {
            if (event.customer != customer)
                continue;
            const QDateTime hour(event.time.date(), QTime(event.time.time().hour(), 0),
                                 QTimeZone::utc());
            hourly[hour] += event.quantity;
            daily[event.time.date()] += event.quantity;
            total += event.quantity;
        }

        const QJsonObject byHour = series(customer, QStringLiteral("2026-10-30"),
                                          QStringLiteral("2026-11-03"), QStringLiteral("hour"));
        QCOMPARE(byHour.value(QStringLiteral("customer")).toString(), customer);
        QCOMPARE(byHour.value(QStringLiteral("window")).toString(), QStringLiteral("hour"));
        const QJsonArray hours = byHour.value(QStringLiteral("points")).toArray();
        QCOMPARE(hours.size(), qsizetype(kHours));
        std::int64_t sum = 0;
        for (qsizetype i = 0; i < hours.size(); ++i) {
            const QJsonObject point = hours.at(i).toObject();
            const QDateTime start = kStart.addSecs(i * 3600);
            QCOMPARE(point.value(QStringLiteral("start")).toString(), timeText(start));
            const auto found = hourly.find(start);
            QCOMPARE(point.value(QStringLiteral("requests")).toInteger(),
                     found == hourly.end() ? 0 : found->second);
            sum += point.value(QStringLiteral("requests")).toInteger();
        }
        QCOMPARE(sum, total);
        QCOMPARE(byHour.value(QStringLiteral("requests")).toInteger(), total);

        const QJsonObject byDay = series(customer, QStringLiteral("2026-10-29"),
                                         QStringLiteral("2026-11-04"), QStringLiteral("day"));
        const QJsonArray days = byDay.value(QStringLiteral("points")).toArray();
        QCOMPARE(days.size(), qsizetype(7));
        sum = 0;
        for (qsizetype i = 0; i < days.size(); ++i) {
            const QJsonObject point = days.at(i).toObject();
            const QDate day = QDate(2026, 10, 29).addDays(i);
            QCOMPARE(point.value(QStringLiteral("start")).toString(),
                     timeText(QDateTime(day, QTime(0, 0), QTimeZone::utc())));
            const auto found = daily.find(day);
            QCOMPARE(point.value(QStringLiteral("requests")).toInteger(),
                     found == daily.end() ? 0 : found->second);
            sum += point.value(QStringLiteral("requests")).toInteger();
        }
        QCOMPARE(sum, total);
        QCOMPARE(days.at(0).toObject().value(QStringLiteral("requests")).toInteger(), 0);

        // One day of hours, as text: 24 rows, a rule and the total.
        const CliRun text =
            run({QStringLiteral("usage"), QStringLiteral("series"), QStringLiteral("--customer"),
                 customer, QStringLiteral("--from"), QStringLiteral("2026-11-01"),
                 QStringLiteral("--to"), QStringLiteral("2026-11-01"), QStringLiteral("--window"),
                 QStringLiteral("hour")});
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(text.outLines().size(), qsizetype(1 + 24 + 2));
        QVERIFY(text.outLines().at(1).startsWith(QStringLiteral("2026-11-01T00:00:00Z")));
        QVERIFY(text.outLines().constLast().startsWith(QStringLiteral("Total")));
    }

    void aBadRowRefusesTheWholeFile() {
        EventMaker maker(3);
        const QString good =
            writeCsv(QStringLiteral("good.csv"),
                     maker.make(QStringLiteral("g"), 50, kCustomers, kStart, kHours));
        QCOMPARE(import({good}).exitCode, 0);
        const QJsonObject before = summary(QStringLiteral("acme-corp"), QStringLiteral("2026-11"));
        QVERIFY(before.value(QStringLiteral("requests")).toInteger() > 0);

        const QString bad = file(QStringLiteral("bad.csv"));
        QVERIFY(writeBytes(bad, kCsvHeader + "b1,2026-11-01T10:00:00Z,acme-corp,a1,u1,,,1\n"
                                             "b2,2026-13-01T10:00:00Z,acme-corp,a1,u1,,,1\n"
                                             "b3,2026-11-01T11:00:00Z,acme-corp,a1,u1,,,1\n"));
        const CliRun refused = import({bad});
        verifyOneErrorLine(refused, 1, QStringLiteral("usage import: bad.csv:3:2: "));
        QVERIFY2(refused.err.contains(QStringLiteral("Nothing from bad.csv was imported")),
                 qPrintable(refused.err));
        QCOMPARE(summary(QStringLiteral("acme-corp"), QStringLiteral("2026-11")), before);

        // --json still prints the files' outcome; the refusal is on stderr.
        const CliRun asJson = import({good, bad, QStringLiteral("--json")});
        QCOMPARE(asJson.exitCode, 1);
        QCOMPARE(asJson.errLines().size(), qsizetype(1));
        QVERIFY(asJson.err.contains(QStringLiteral("bad.csv:3:2")));
        const QJsonArray files = parseObject(asJson.out).value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), qsizetype(2));
        QCOMPARE(files.at(0).toObject().value(QStringLiteral("duplicate")).toInteger(), 50);
        QCOMPARE(files.at(1).toObject().value(QStringLiteral("refused")).toBool(), true);
        QVERIFY(files.at(1)
                    .toObject()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("bad.csv:3:2")));
        QCOMPARE(summary(QStringLiteral("acme-corp"), QStringLiteral("2026-11")), before);

        // A missing file is a failure too, and creates nothing.
        const QString absent = file(QStringLiteral("absent.aicp"));
        QProcessEnvironment environment = sandbox_.environment();
        environment.insert(QStringLiteral("AICP_DB"), absent);
        const CliRun missing = sandbox_.run(
            {QStringLiteral("usage"), QStringLiteral("import"), file(QStringLiteral("nope.csv"))},
            environment);
        verifyOneErrorLine(missing, 1, QStringLiteral("nope.csv"));
        QVERIFY(!QFileInfo::exists(absent));
    }

    void aRefusedFileAmongSeveralLeavesTheOthersImported() {
        EventMaker maker(4);
        const QString first = writeCsv(QStringLiteral("first.csv"),
                                       maker.make(QStringLiteral("f"), 20, kCustomers, kStart, 4));
        const QString bad = file(QStringLiteral("middle.csv"));
        QVERIFY(writeBytes(bad, kCsvHeader + "x1,2026-13-01T10:00:00Z,acme-corp,a1,u1,,,1\n"));
        const QString last = writeCsv(QStringLiteral("last.csv"),
                                      maker.make(QStringLiteral("l"), 30, kCustomers, kStart, 4));

        // Each file's line as it is done, the refusal on stderr, the total
        // of what was imported, and exit status 1.
        const CliRun several = import({first, bad, last});
        QCOMPARE(several.exitCode, 1);
        QCOMPARE(several.errLines().size(), qsizetype(1));
        QVERIFY2(several.err.contains(QStringLiteral("usage import: middle.csv:2:2: ")),
                 qPrintable(several.err));
        const QStringList lines = several.outLines();
        QCOMPARE(lines.size(), qsizetype(3));
        QVERIFY2(lines.at(0).startsWith(QDir::toNativeSeparators(first) + u':'),
                 qPrintable(several.out));
        QVERIFY2(lines.at(1).startsWith(QDir::toNativeSeparators(last) + u':'),
                 qPrintable(several.out));
        QVERIFY2(lines.at(2).startsWith(QStringLiteral("Total: 50 new, 0 duplicates")),
                 qPrintable(several.out));
    }

    void skipBadImportsTheGoodRowsAndWritesTheRejects() {
        // Three rows, the second with a negative quantity (column 8).
        const auto rowsWith = [](const char* prefix) {
            const QByteArray p(prefix);
            return kCsvHeader + p + "1,2026-11-01T10:00:00Z,acme-corp,a1,u1,,,1\n" + p +
                   "2,2026-11-01T10:00:00Z,acme-corp,a1,u1,,,-4\n" + p +
                   "3,2026-11-01T11:00:00Z,acme-corp,a1,u1,,,2\n";
        };
        const QByteArray rows = rowsWith("k");
        const QString bad = file(QStringLiteral("skip.csv"));
        QVERIFY(writeBytes(bad, rows));
        const QString rejects = file(QStringLiteral("skip-rejects.csv"));
        const CliRun result =
            import({bad, QStringLiteral("--skip-bad"), QStringLiteral("--reject-file"), rejects,
                    QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject counts = parseObject(result.out);
        QCOMPARE(counts.value(QStringLiteral("new")).toInteger(), 2);
        QCOMPARE(counts.value(QStringLiteral("rejected")).toInteger(), 1);
        const QJsonObject one = counts.value(QStringLiteral("files")).toArray().at(0).toObject();
        QCOMPARE(one.value(QStringLiteral("reject_file")).toString(), rejects);
        const QByteArray rejected = readBytes(rejects);
        QVERIFY2(rejected.startsWith(kCsvHeader), rejected.constData());
        QVERIFY2(rejected.contains("# skip.csv:3:8: "), rejected.constData());
        QVERIFY(rejected.contains("k2,2026-11-01T10:00:00Z,acme-corp,a1,u1,,,-4"));
        QVERIFY(!rejected.contains("k1,"));
        QCOMPARE(summary(QStringLiteral("acme-corp"), QStringLiteral("2026-11"))
                     .value(QStringLiteral("requests"))
                     .toInteger(),
                 3);

        // Without --reject-file: beside the file; the text says where.
        const QString second = file(QStringLiteral("skip2.csv"));
        QVERIFY(writeBytes(second, rowsWith("m")));
        const CliRun beside = import({second, QStringLiteral("--skip-bad")});
        QCOMPARE(beside.exitCode, 0);
        QVERIFY2(beside.out.contains(QStringLiteral("1 rejected (see skip2.csv.rejects)")),
                 qPrintable(beside.out));
        QVERIFY(QFileInfo::exists(second + QStringLiteral(".rejects")));

        // Several files with one --reject-file: F.1, F.2 in the order given.
        const QString third = file(QStringLiteral("skip3.csv"));
        const QString fourth = file(QStringLiteral("skip4.csv"));
        QVERIFY(writeBytes(third, rowsWith("n")));
        QVERIFY(writeBytes(fourth, rowsWith("p")));
        const QString many = file(QStringLiteral("many.rejects"));
        const CliRun several = import(
            {third, fourth, QStringLiteral("--skip-bad"), QStringLiteral("--reject-file"), many});
        QCOMPARE(several.exitCode, 0);
        QCOMPARE(several.outLines().size(), qsizetype(3));
        QVERIFY(several.outLines().constLast().startsWith(
            QStringLiteral("Total: 4 new, 0 duplicates, 2 rejected")));
        QVERIFY(readBytes(many + QStringLiteral(".1")).contains("n2,"));
        QVERIFY(readBytes(many + QStringLiteral(".2")).contains("p2,"));
        QVERIFY(!QFileInfo::exists(many));
    }

    void jsonLinesImport() {
        EventMaker maker(5);
        const std::vector<Event> events =
            maker.make(QStringLiteral("j"), 300, kCustomers, kStart, kHours);
        const QString path = file(QStringLiteral("events.jsonl"));
        QVERIFY(writeBytes(path, jsonlOf(events)));
        const QJsonObject counts = parseObject(import({path, QStringLiteral("--json")}).out);
        QCOMPARE(counts.value(QStringLiteral("new")).toInteger(), 300);
        QCOMPARE(counts.value(QStringLiteral("files"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("format")),
                 QJsonValue(QStringLiteral("jsonl")));

        // A name that says nothing: --format decides.
        const QString renamed = file(QStringLiteral("events.data"));
        QVERIFY(writeBytes(renamed, jsonlOf(events)));
        const QJsonObject again =
            parseObject(import({renamed, QStringLiteral("--format"), QStringLiteral("jsonl"),
                                QStringLiteral("--json")})
                            .out);
        QCOMPARE(again.value(QStringLiteral("new")).toInteger(), 0);
        QCOMPARE(again.value(QStringLiteral("duplicate")).toInteger(), 300);
        // Read as CSV, the same file is refused.
        const CliRun wrong = import({renamed, QStringLiteral("--format"), QStringLiteral("csv")});
        verifyOneErrorLine(wrong, 1, QStringLiteral("events.data"));

        Months months;
        addTo(months, events);
        for (const auto& [customer, byMonth] : months)
            for (const auto& [month, expected] : byMonth)
                verifyMonth(summary(customer, month), customer, month, expected);
    }

    void mistakesOnTheCommandLine_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        const QString u = QStringLiteral("usage");
        const QStringList summary{u, QStringLiteral("summary"), QStringLiteral("--customer"),
                                  QStringLiteral("acme-corp")};
        const QStringList series{u,
                                 QStringLiteral("series"),
                                 QStringLiteral("--customer"),
                                 QStringLiteral("acme-corp"),
                                 QStringLiteral("--window"),
                                 QStringLiteral("day")};
        const auto month = [](const char* text) {
            return QStringList{QStringLiteral("--month"), QString::fromLatin1(text)};
        };
        const auto range = [](const char* from, const char* to) {
            return QStringList{QStringLiteral("--from"), QString::fromLatin1(from),
                               QStringLiteral("--to"), QString::fromLatin1(to)};
        };
        QTest::newRow("no subcommand") << QStringList{u} << QStringLiteral("subcommand");
        QTest::newRow("unknown subcommand")
            << QStringList{u, QStringLiteral("export")} << QStringLiteral("'export'");
        QTest::newRow("import without a file")
            << QStringList{u, QStringLiteral("import")} << QStringLiteral("FILE");
        QTest::newRow("import with an unknown format")
            << QStringList{u, QStringLiteral("import"), QStringLiteral("x.csv"),
                           QStringLiteral("--format"), QStringLiteral("xml")}
            << QStringLiteral("--format");
        QTest::newRow("reject file without skip-bad")
            << QStringList{u, QStringLiteral("import"), QStringLiteral("x.csv"),
                           QStringLiteral("--reject-file"), QStringLiteral("r")}
            << QStringLiteral("--skip-bad");
        QTest::newRow("summary without a month") << summary << QStringLiteral("--month");
        QTest::newRow("summary without a customer")
            << QStringList{u, QStringLiteral("summary"), QStringLiteral("--month"),
                           QStringLiteral("2026-11")}
            << QStringLiteral("--customer");
        QTest::newRow("month 13") << summary + month("2026-13") << QStringLiteral("'2026-13'");
        QTest::newRow("month one digit") << summary + month("2026-1") << QStringLiteral("YYYY-MM");
        QTest::newRow("month a word") << summary + month("november") << QStringLiteral("YYYY-MM");
        QTest::newRow("month a date") << summary + month("2026-11-01") << QStringLiteral("YYYY-MM");
        QTest::newRow("not a customer id") << QStringList{u,
                                                          QStringLiteral("summary"),
                                                          QStringLiteral("--customer"),
                                                          QStringLiteral("Not An Id!"),
                                                          QStringLiteral("--month"),
                                                          QStringLiteral("2026-11")}
                                           << QStringLiteral("customer id");
        QTest::newRow("series without dates") << series << QStringLiteral("--from");
        QTest::newRow("bad from date")
            << series + range("2026-02-30", "2026-03-01") << QStringLiteral("'2026-02-30'");
        QTest::newRow("bad to date")
            << series + range("2026-02-01", "2026/03/01") << QStringLiteral("'2026/03/01'");
        QTest::newRow("a time, not a date")
            << series + range("2026-02-01T00:00:00Z", "2026-03-01") << QStringLiteral("YYYY-MM-DD");
        QTest::newRow("to before from")
            << series + range("2026-03-02", "2026-03-01") << QStringLiteral("before");
        QTest::newRow("unknown window") << QStringList{u,
                                                       QStringLiteral("series"),
                                                       QStringLiteral("--customer"),
                                                       QStringLiteral("acme-corp"),
                                                       QStringLiteral("--window"),
                                                       QStringLiteral("week")} +
                                               range("2026-03-01", "2026-03-02")
                                        << QStringLiteral("'week'");
        QTest::newRow("a year and more of hours") << QStringList{u,
                                                                 QStringLiteral("series"),
                                                                 QStringLiteral("--customer"),
                                                                 QStringLiteral("acme-corp"),
                                                                 QStringLiteral("--window"),
                                                                 QStringLiteral("hour")} +
                                                         range("2025-01-01", "2026-01-02")
                                                  << QStringLiteral("at most 366 days");
        QTest::newRow("too many days")
            << series + range("2000-01-01", "2026-01-01") << QStringLiteral("at most 3660 days");
        QTest::newRow("stray argument")
            << summary + month("2026-11") + QStringList{QStringLiteral("x")}
            << QStringLiteral("'x'");
    }

    void mistakesOnTheCommandLine() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        // A workspace exists, so only the mistake can be refused.
        EventMaker maker(1);
        QCOMPARE(import({writeCsv(QStringLiteral("mistakes.csv"),
                                  maker.make(QStringLiteral("m"), 5, kCustomers, kStart, kHours))})
                     .exitCode,
                 0);
        verifyOneErrorLine(run(arguments), 2, mentions);
    }

    void readingCommandsNeedAWorkspace() {
        for (const QStringList& arguments :
             {QStringList{QStringLiteral("usage"), QStringLiteral("summary"),
                          QStringLiteral("--customer"), QStringLiteral("acme-corp"),
                          QStringLiteral("--month"), QStringLiteral("2026-11")},
              QStringList{QStringLiteral("usage"), QStringLiteral("series"),
                          QStringLiteral("--customer"), QStringLiteral("acme-corp"),
                          QStringLiteral("--from"), QStringLiteral("2026-11-01"),
                          QStringLiteral("--to"), QStringLiteral("2026-11-02"),
                          QStringLiteral("--window"), QStringLiteral("day")}}) {
            verifyOneErrorLine(run(arguments), 1, QStringLiteral("no workspace"));
            QVERIFY(!QFileInfo::exists(workspace()));
        }
    }

    void demoWorkspaceHasUsageInNovember() {
        QCOMPARE(run({QStringLiteral("demo")}).exitCode, 0);
        const QJsonObject acme = summary(QStringLiteral("acme-corp"), QStringLiteral("2026-11"));
        QVERIFY(acme.value(QStringLiteral("requests")).toInteger() > 0);
        QVERIFY(acme.value(QStringLiteral("active_users")).toInteger() > 0);
        QVERIFY(acme.value(QStringLiteral("active_agents")).toInteger() > 0);
        const QJsonObject days = series(QStringLiteral("acme-corp"), QStringLiteral("2026-11-01"),
                                        QStringLiteral("2026-11-30"), QStringLiteral("day"));
        std::int64_t sum = 0;
        for (const QJsonValue& point : days.value(QStringLiteral("points")).toArray())
            sum += point.toObject().value(QStringLiteral("requests")).toInteger();
        QCOMPARE(sum, acme.value(QStringLiteral("requests")).toInteger());
    }
};

QTEST_GUILESS_MAIN(TestUsageCli)
#include "tst_usagecli.moc"

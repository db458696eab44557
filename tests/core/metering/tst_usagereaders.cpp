// The readers and the validator on their own: RFC 4180 corners, CloudEvents
// shapes, RFC 3339 times. Workspace behaviour is in tst_usageimport.
#include "common/utctime.h"
#include "metering/chunkedinput.h"
#include "metering/csveventreader.h"
#include "metering/jsonleventreader.h"
#include "metering/usageeventvalidator.h"

#include <QBuffer>
#include <QTest>

using namespace aicp;

namespace {

struct Row {
    bool good = false;
    RowIssue issue;
    UsageEventRecord event;
    std::string id, customer, user, agent, packs, modules, source;
};

// Reads a whole document, validating every row, copying what tests look at.
std::vector<Row> readAll(const QByteArray& bytes, bool csv, QString* failure = nullptr) {
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    ChunkedInput input(buffer);
    std::unique_ptr<UsageEventReader> reader;
    if (csv)
        reader = std::make_unique<CsvEventReader>(input);
    else
        reader = std::make_unique<JsonlEventReader>(input);
    UsageEventValidator validator(csv ? UsageEventValidator::Naming::Csv
                                      : UsageEventValidator::Naming::CloudEvents);
    std::vector<Row> rows;
    if (const Status started = reader->start(); !started.ok()) {
        if (failure)
            *failure = started.error().message();
        return rows;
    }
    RawUsageEvent raw;
    while (true) {
        Row row;
        auto next = reader->next(raw, row.issue);
        if (!next) {
            if (failure)
                *failure = next.error().message();
            return rows;
        }
        if (*next == UsageEventReader::Next::End)
            return rows;
        row.good =
            *next == UsageEventReader::Next::Event && validator.validate(raw, row.event, row.issue);
        if (row.good) {
            row.id = row.event.id;
            row.customer = row.event.customer;
            row.user = row.event.user;
            row.agent = row.event.agent;
            row.packs = row.event.policyPacks;
            row.modules = row.event.complianceModules;
            row.source = row.event.source;
        }
        rows.push_back(row);
    }
}

QString where(const RowIssue& issue) {
    return QStringLiteral("%1:%2: %3").arg(issue.line).arg(issue.column).arg(issue.reason);
}

}  // namespace

class TestUsageReaders : public QObject {
    Q_OBJECT

private slots:
    void rfc3339TimesBecomeUtcSeconds() {
        // 2026-03-01T00:00:00Z is 1772323200 (worked out: 20513 days since 1970).
        QCOMPARE(utc::daysFromCivil(2026, 3, 1), 20513);
        QCOMPARE(utc::parseRfc3339("2026-03-01T00:00:00Z").seconds, 1772323200);
        QCOMPARE(utc::parseRfc3339("2026-03-01T02:00:00+02:00").seconds, 1772323200);
        QCOMPARE(utc::parseRfc3339("2026-02-28T18:30:00-05:30").seconds, 1772323200);
        QCOMPARE(utc::parseRfc3339("2026-03-01t00:00:00.999z").seconds, 1772323200);
        QCOMPARE(utc::parseRfc3339("2024-02-29T12:00:00Z").problem,
                 utc::TimestampReading::Problem::None);
        using P = utc::TimestampReading::Problem;
        QCOMPARE(utc::parseRfc3339("2026-02-29T12:00:00Z").problem, P::InvalidDate);
        QCOMPARE(utc::parseRfc3339("2026-03-01T24:00:00Z").problem, P::InvalidTime);
        QCOMPARE(utc::parseRfc3339("2026-03-01T10:00:00").problem, P::NoZone);
        QCOMPARE(utc::parseRfc3339("2026-03-01T10:00:00 PST").problem, P::UnknownZone);
        QCOMPARE(utc::parseRfc3339("2026-03-01T10:00:00+24:00").problem, P::UnknownZone);
        QCOMPARE(utc::parseRfc3339("03/01/2026 10:00").problem, P::Malformed);
        const utc::CivilDate date = utc::civilFromDays(20513);
        QCOMPARE(date.year, 2026);
        QCOMPARE(date.month, 3);
        QCOMPARE(date.day, 1);
    }

    void csvQuotedFieldsKeepCommasNewlinesAndQuotes() {
        const QByteArray csv =
            "\xEF\xBB\xBF"
            "user_id,event_id,timestamp,customer_id,agent_id,policy_packs,compliance_modules\r\n"
            "\"Smith, J.\",e1,2026-03-01T00:00:00Z,acme,a1,\"pii;toxicity\",gdpr\r\n"
            "\"line one\nline \"\"two\"\"\",e2,2026-03-01T00:00:00Z,acme,a1,,\r\n"
            "u3,e3,not-a-time,acme,a1,,\r\n";
        const auto rows = readAll(csv, true);
        QCOMPARE(rows.size(), std::size_t(3));
        QVERIFY(rows[0].good);
        QCOMPARE(rows[0].user, std::string("Smith, J."));
        QCOMPARE(rows[0].packs, std::string("pii;toxicity"));
        QCOMPARE(rows[0].source, std::string("default"));
        QCOMPARE(rows[0].event.quantity, 1);
        // A control character (the quoted newline) is not allowed in an id.
        QVERIFY(!rows[1].good);
        QCOMPARE(where(rows[1].issue), QStringLiteral("3:1: user_id contains a control character"));
        // The quoted line break counts: the third row starts on line 5.
        QVERIFY(!rows[2].good);
        QCOMPARE(rows[2].issue.line, 5);
        QCOMPARE(rows[2].issue.column, 3);
    }

    void csvQuotingMistakesAreRowErrors() {
        const QByteArray csv =
            "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,compliance_modules\n"
            "e1,2026-03-01T00:00:00Z,acme,a\"1,u,,\n"
            "e2,\"2026-03-01T00:00:00Z\"x,acme,a,u,,\n"
            "e3,2026-03-01T00:00:00Z,acme,a,u\n"
            "e4,2026-03-01T00:00:00Z,acme,a,u,,\n"
            "e5,\"2026-03-01T00:00:00Z,acme,a,u,,\n";
        const auto rows = readAll(csv, true);
        QCOMPARE(rows.size(), std::size_t(5));
        QCOMPARE(where(rows[0].issue),
                 QStringLiteral("2:4: a quote inside an unquoted field (quote the field and "
                                "double the quote)"));
        QCOMPARE(where(rows[1].issue),
                 QStringLiteral("3:2: text follows the closing quote of a field"));
        QCOMPARE(where(rows[2].issue),
                 QStringLiteral("4:6: the row has 5 fields; the header has 7"));
        QVERIFY(rows[3].good);
        QCOMPARE(where(rows[4].issue), QStringLiteral("6:2: a quoted field is never closed"));
    }

    void csvHeaderProblemsRefuseTheFile_data() {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << "1: the CSV header is missing";
        QTest::newRow("unknown column")
            << QByteArray(
                   "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,"
                   "compliance_modules,quantiy\n")
            << "1:8: unknown column 'quantiy' in the header";
        QTest::newRow("missing column")
            << QByteArray("event_id,timestamp,customer_id,agent_id,user_id,policy_packs\n")
            << "1: the header has no 'compliance_modules' column";
        QTest::newRow("twice") << QByteArray("event_id,event_id\n")
                               << "1:2: the column 'event_id' appears twice";
        // Encodings and line ends a spreadsheet may save, said in words
        // rather than read as an unknown column of stray bytes.
        const QString header = QStringLiteral(
            "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,compliance_modules\n");
        const auto utf16 = [&header](bool bigEndian, bool bom) {
            QByteArray bytes;
            for (const QChar c : (bom ? QStringLiteral("\uFEFF") : QString()) + header) {
                const auto hi = char(c.unicode() >> 8);
                const auto lo = char(c.unicode() & 0xFF);
                bytes.append(bigEndian ? hi : lo).append(bigEndian ? lo : hi);
            }
            return bytes;
        };
        QTest::newRow("UTF-16 LE with BOM")
            << utf16(false, true) << "1: the file is UTF-16 (little-endian); save it as UTF-8";
        QTest::newRow("UTF-16 BE with BOM")
            << utf16(true, true) << "1: the file is UTF-16 (big-endian); save it as UTF-8";
        QTest::newRow("UTF-16 LE without BOM")
            << utf16(false, false)
            << "1: the file is UTF-16 (little-endian, without a byte order mark); save it as "
               "UTF-8";
        QTest::newRow("UTF-16 BE without BOM")
            << utf16(true, false)
            << "1: the file is UTF-16 (big-endian, without a byte order mark); save it as UTF-8";
        QTest::newRow("two UTF-8 BOMs")
            << ("\xEF\xBB\xBF\xEF\xBB\xBF" + header.toUtf8())
            << "1: the file starts with two UTF-8 byte order marks; save it as UTF-8 with one";
        QTest::newRow("lone CR line ends")
            << (header.trimmed() + QStringLiteral("\re1,2026-03-01T00:00:00Z,acme,a,u,,\r"))
                   .toUtf8()
            << "1: the lines end with a lone CR (an old Mac line end); save the file with LF or "
               "CRLF line ends";
    }
    void csvHeaderProblemsRefuseTheFile() {
        QFETCH(QByteArray, csv);
        QFETCH(QString, message);
        QString failure;
        const auto rows = readAll(csv, true, &failure);
        QVERIFY(rows.empty());
        QCOMPARE(failure, message);
    }

    void csvRecordsSplitAcrossChunksReadWhole() {
        // Rows long enough that several straddle the 1 MiB chunk boundary,
        // quoted and not.
        QByteArray csv =
            "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,compliance_modules\n";
        const int rows = 30000;
        for (int i = 0; i < rows; ++i) {
            csv += "id-" + QByteArray::number(i) + ",2026-03-01T00:00:00Z,acme,agent,";
            csv += (i % 3 == 0) ? QByteArray("\"user,") + QByteArray::number(i) + "\""
                                : "user" + QByteArray::number(i);
            csv += ",pii,gdpr\n";
        }
        QVERIFY(csv.size() > qsizetype(ChunkedInput::kChunkBytes));
        const auto read = readAll(csv, true);
        QCOMPARE(read.size(), std::size_t(rows));
        for (int i = 0; i < rows; ++i) {
            QVERIFY2(read[std::size_t(i)].good, qPrintable(read[std::size_t(i)].issue.reason));
            QCOMPARE(read[std::size_t(i)].id, "id-" + std::to_string(i));
            const std::string user = (i % 3 == 0 ? "user," : "user") + std::to_string(i);
            QCOMPARE(read[std::size_t(i)].user, user);
        }
    }

    void jsonlCloudEventsRead() {
        const QByteArray jsonl =
            R"({"specversion":"1.0","id":"e1","source":"gw","type":"ai.request.governed",)"
            R"("time":"2026-03-01T00:00:00Z","subject":"acme","datacontenttype":"application/json",)"
            R"("data":{"agent_id":"a\u00e9","user_id":"u1","policy_packs":["pii","tox"],)"
            R"("compliance_modules":[],"quantity":3,"extra":{"nested":[1,2,{"x":null}]}}})"
            "\r\n\n"
            R"({"id":"e2","source":"gw","type":"ai.request.governed","time":"2026-03-01T00:00:00Z","subject":"acme","data":{"quantity":"2"}})"
            "\n";
        const auto rows = readAll(jsonl, false);
        QCOMPARE(rows.size(), std::size_t(2));
        QVERIFY2(rows[0].good, qPrintable(rows[0].issue.reason));
        QCOMPARE(rows[0].agent, std::string("a\xC3\xA9"));
        QCOMPARE(rows[0].packs, std::string("pii;tox"));
        QCOMPARE(rows[0].modules, std::string());
        QCOMPARE(rows[0].event.quantity, 3);
        QVERIFY(rows[1].good);
        QCOMPARE(rows[1].event.quantity, 2);
        QCOMPARE(rows[1].user, std::string());
    }

    void jsonlProblemsNameTheColumn_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("message");
        const QByteArray head = R"({"id":"e1","source":"gw","type":"ai.request.governed",)";
        QTest::newRow("wrong type")
            << QByteArray(
                   R"({"id":"e1","source":"gw","type":"other","time":"2026-03-01T00:00:00Z","subject":"acme"})")
            << "1:33: type 'other' is not ai.request.governed";
        QTest::newRow("no id")
            << QByteArray(
                   R"({"source":"gw","type":"ai.request.governed","time":"2026-03-01T00:00:00Z","subject":"acme"})")
            << "1:1: the event has no 'id'";
        QTest::newRow("empty id")
            << QByteArray(
                   R"({"id":"","source":"gw","type":"ai.request.governed","time":"2026-03-01T00:00:00Z","subject":"acme"})")
            << "1:7: id is missing";
        QTest::newRow("broken json") << head + R"("time":)"
                                     << "1:62: 'time' must be a string";
        QTest::newRow("non-integer quantity")
            << head + R"("time":"2026-03-01T00:00:00Z","subject":"acme","data":{"quantity":1.5}})"
            << "1:121: data.quantity '1.5' is not a whole number";
        QTest::newRow("column counts characters")
            << QByteArray(
                   R"({"id":"é","source":"gw","type":"ai.request.governed","time":"x","subject":"acme"})")
            << "1:61: time 'x' is not an RFC 3339 date and time (like 2026-03-01T09:30:00Z)";
        QTest::newRow("list with a number")
            << head +
                   R"("time":"2026-03-01T00:00:00Z","subject":"acme","data":{"policy_packs":[1]}})"
            << "1:126: 'data.policy_packs' must be an array of strings";
    }
    void jsonlProblemsNameTheColumn() {
        QFETCH(QByteArray, line);
        QFETCH(QString, message);
        const auto rows = readAll(line + "\n", false);
        QCOMPARE(rows.size(), std::size_t(1));
        QVERIFY(!rows[0].good);
        QCOMPARE(where(rows[0].issue), message);
    }

    void utf8ValidationRefusesBrokenSequences() {
        QVERIFY(isValidUtf8("plain"));
        QVERIFY(isValidUtf8("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"));
        QVERIFY(!isValidUtf8("\xC3"));              // cut short
        QVERIFY(!isValidUtf8("\xC0\xAF"));          // overlong '/'
        QVERIFY(!isValidUtf8("\xED\xA0\x80"));      // a surrogate
        QVERIFY(!isValidUtf8("\xF4\x90\x80\x80"));  // beyond U+10FFFF
        QVERIFY(!isValidUtf8("\xFF"));
    }
};

QTEST_GUILESS_MAIN(TestUsageReaders)
#include "tst_usagereaders.moc"

// Hostile usage files (CSV and JSON Lines, as `aicp usage import` and the
// console read them): each refuses the whole file with file:line:column and
// the reason, and nothing reaches the workspace, not even the good row
// before it. Complements tests/core/metering (tst_usagereaders, tst_usageimport:
// dates, zones, ids, lengths, field counts) and tests/fuzz.
#include "metering/chunkedinput.h"
#include "metering/usageimporter.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/tempworkspace.h"

#include <QBuffer>
#include <QTest>

using namespace aicp;

namespace {

const QByteArray kHeader =
    "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,compliance_modules,quantity\n";
const QByteArray kGoodCsvRow = "ok,2026-03-01T00:00:00Z,acme,a,u,pii,gdpr,1\n";

QByteArray jsonLine(const QByteArray& id, const QByteArray& quantity = "1",
                    const QByteArray& extra = {}) {
    return R"({"specversion":"1.0","id":)" + id +
           R"(,"source":"gw","type":"ai.request.governed","time":"2026-03-01T00:00:00Z",)"
           R"("subject":"acme","data":{"agent_id":"a","user_id":"u","quantity":)" +
           quantity + "}" + extra + "}\n";
}

}  // namespace

class TestUntrustedUsage : public QObject {
    Q_OBJECT

    aicp::test::TempWorkspace workspace_;

    std::int64_t count(const char* sql) const {
        auto value = queryInt64(workspace_->handle(), sql);
        return value ? *value : -1;
    }

    void expectRefused(const QByteArray& bytes, const QString& name, const QByteArray& words) {
        QBuffer buffer;
        buffer.setData(bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        auto report = UsageImporter(*workspace_).importDevice(buffer, name, {});
        QVERIFY2(!report, "a hostile file was imported");
        QVERIFY2(report.error().message().contains(QString::fromUtf8(words)),
                 qPrintable(report.error().message()));
        QVERIFY2(report.error().message().startsWith(name + u':'),
                 qPrintable(report.error().message()));
        QCOMPARE(count("SELECT count(*) FROM usage_events"), std::int64_t(0));
        QCOMPARE(count("SELECT count(*) FROM usage_imports"), std::int64_t(0));
    }

private slots:
    void initTestCase() { QVERIFY2(workspace_.ok(), qPrintable(workspace_.error())); }

    void hostileCsvIsRefused_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("words");
        const QByteArray good = kHeader + kGoodCsvRow;
        QTest::newRow("empty") << QByteArray() << QByteArray("header");
        QTest::newRow("NUL in a field")
            << good + QByteArray("e1,2026-03-01T00:00:00Z,acme,a\0b,u,,,1\n", 38)
            << QByteArray("3:4");
        QTest::newRow("invalid UTF-8 in the customer")
            << good + "e1,2026-03-01T00:00:00Z,ac\xff,a,u,,,1\n"
            << QByteArray("3:3");
        for (const char* quantity :
             {"1e309", "NaN", "Infinity", "9223372036854775808", "-9223372036854775808"})
            QTest::newRow(qPrintable(QStringLiteral("quantity %1").arg(QLatin1String(quantity))))
                << good + "e1,2026-03-01T00:00:00Z,acme,a,u,,," + quantity + "\n"
                << QByteArray("3:8: quantity");
        for (const char* year : {"99999", "0000"})
            QTest::newRow(qPrintable(QStringLiteral("year %1").arg(QLatin1String(year))))
                << good + "e1," + year + "-03-01T00:00:00Z,acme,a,u,,,1\n"
                << QByteArray("3:2: timestamp");
        QTest::newRow("an unclosed quote over the 1 MiB record limit")
            << good + "e1,\"" + QByteArray(int(ChunkedInput::kMaxRecordBytes) + 10, 'x')
            << QByteArray("3");
        QTest::newRow("a header of too many columns")
            << QByteArray("event_id") + QByteArray(",x").repeated(5000) + "\n"
            << QByteArray("columns");
        QTest::newRow("a header without the needed columns")
            << QByteArray("a,b,c\n1,2,3\n") << QByteArray("1:");
    }
    void hostileCsvIsRefused() {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, words);
        expectRefused(bytes, QStringLiteral("bad.csv"), words);
    }

    void hostileJsonLinesAreRefused_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("words");
        const QByteArray good = jsonLine("\"ok\"");
        QVERIFY(!good.isEmpty());
        QTest::newRow("truncated line")
            << good + jsonLine("\"e1\"").left(60) << QByteArray("bad.jsonl:2:");
        QTest::newRow("quantity 1e309")
            << good + jsonLine("\"e1\"", "1e309") << QByteArray("quantity");
        QTest::newRow("quantity NaN") << good + jsonLine("\"e1\"", "NaN") << QByteArray("2:");
        QTest::newRow("quantity Infinity")
            << good + jsonLine("\"e1\"", "Infinity") << QByteArray("2:");
        QTest::newRow("quantity -1") << good + jsonLine("\"e1\"", "-1") << QByteArray("quantity");
        QTest::newRow("quantity 2^64")
            << good + jsonLine("\"e1\"", "18446744073709551616") << QByteArray("quantity");
        QTest::newRow("quantity true")
            << good + jsonLine("\"e1\"", "true") << QByteArray("'data.quantity' must be a number");
        QTest::newRow("id as a number")
            << good + jsonLine("5") << QByteArray("'id' must be a string");
        QTest::newRow("id as an object")
            << good + jsonLine("{\"a\":1}") << QByteArray("'id' must be a string");
        QTest::newRow("NUL escaped in the id")
            << good + jsonLine("\"e\\u00001\"") << QByteArray("2:");
        QTest::newRow("raw NUL in the id")
            << good + jsonLine(QByteArray("\"e\0001\"", 5)) << QByteArray("2:");
        QTest::newRow("invalid UTF-8 in the id")
            << good + jsonLine("\"e\xc3\x28\"") << QByteArray("UTF-8");
        QTest::newRow("lone surrogate escape")
            << good + jsonLine("\"e\\ud800\"") << QByteArray("2:");
        QTest::newRow("deeply nested unknown member")
            << good +
                   jsonLine("\"e1\"", "1", ",\"x\":" + QByteArray(100, '[') + QByteArray(100, ']'))
            << QByteArray("nested too deeply");
        QTest::newRow("duplicate id keys")
            << good + jsonLine("\"e1\"", "1", ",\"id\":\"e2\"") << QByteArray("'id' appears twice");
        QTest::newRow("duplicate quantity keys")
            << good + jsonLine("\"e1\"", "1,\"quantity\":50") << QByteArray("appears twice");
        QTest::newRow("a line over the 1 MiB record limit")
            << good +
                   jsonLine("\"" + QByteArray(int(ChunkedInput::kMaxRecordBytes) + 10, 'x') + "\"")
            << QByteArray("2");
        QTest::newRow("an array, not an object") << good + "[1,2,3]\n" << QByteArray("2:");
    }
    void hostileJsonLinesAreRefused() {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, words);
        expectRefused(bytes, QStringLiteral("bad.jsonl"), words);
    }

    void theGoodRowsAloneImport() {
        // The prefix used above is itself valid: the refusals come from the
        // hostile row, not from the good one.
        for (const auto& [bytes, name] :
             {std::pair(kHeader + kGoodCsvRow, QStringLiteral("good.csv")),
              std::pair(jsonLine("\"ok2\""), QStringLiteral("good.jsonl"))}) {
            QBuffer buffer;
            buffer.setData(bytes);
            QVERIFY(buffer.open(QIODevice::ReadOnly));
            auto report = UsageImporter(*workspace_).importDevice(buffer, name, {});
            QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
            QCOMPARE(report->newEvents, std::int64_t(1));
        }
    }
};

QTEST_GUILESS_MAIN(TestUntrustedUsage)
#include "tst_untrustedusage.moc"

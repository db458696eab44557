#include "billing/costreport.h"
#include "storage/workspace.h"
#include "support/tempworkspace.h"

#include <memory>

#include <QFile>
#include <QTest>

using namespace aicp;

// The finance exports of the demo workspace, byte for byte, against files
// checked in under tests/core/billing/golden/. The demo is deterministic, so any
// difference is a change to the numbers or the format finance scripts read:
// regenerate the files only for a change meant to reach finance, with
//   aicp demo --db d.aicp && aicp --db d.aicp report cost --month 2026-10 > …
// tst_billingcli checks that the CLI prints the same bytes.
class TestCostReportGolden : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(workspace_.ok(), qPrintable(workspace_.error())); }

    void demoExportsMatchTheGoldenFiles_data() {
        QTest::addColumn<QString>("month");
        QTest::addColumn<QStringList>("customers");
        QTest::addColumn<QString>("golden");
        QTest::newRow("october, every customer")
            << QStringLiteral("2026-10") << QStringList() << QStringLiteral("demo-2026-10");
        QTest::newRow("november, three customers")
            << QStringLiteral("2026-11")
            << QStringList{QStringLiteral("stark-analytics"), QStringLiteral("acme-corp"),
                           QStringLiteral("hooli")}
            << QStringLiteral("demo-2026-11-three");
    }

    void demoExportsMatchTheGoldenFiles() {
        QFETCH(QString, month);
        QFETCH(QStringList, customers);
        QFETCH(QString, golden);
        auto report = costReportFor(*workspace_, YearMonth::parse(month).value(), customers);
        QVERIFY(report);
        QCOMPARE(costReportCsv(*report), goldenFile(golden + QStringLiteral(".csv")));
        QCOMPARE(costReportJson(*report), goldenFile(golden + QStringLiteral(".json")));
    }

    // Figures checked by hand against the price book, so the golden files
    // are not merely what the code printed once.
    void goldenFiguresAreTheHandComputedOnes() {
        const QByteArray csv = goldenFile(QStringLiteral("demo-2026-10.csv"));
        // starter 299 × 1,242,000 / 2,678,400 s = 138.65; professional 999 ×
        // 1,436,400 / 2,678,400 s = 535.75; 226,385 requests beyond × $0.001.
        QVERIFY(csv.contains("2026-10,line,stark-analytics,Stark Analytics,base,674.40,USD\n"));
        QVERIFY(csv.contains("2026-10,line,stark-analytics,Stark Analytics,requests,226.39,USD\n"));
        QVERIFY(
            csv.contains("2026-10,customer_total,stark-analytics,Stark Analytics,,900.79,USD\n"));
        // enterprise 4,999 less the 10 % contract discount.
        QVERIFY(csv.contains("2026-10,line,acme-corp,Acme Corporation,discount,-499.90,USD\n"));
        QVERIFY(csv.endsWith("2026-10,grand_total,,,,29796.30,USD\n"));
    }

private:
    static QByteArray goldenFile(const QString& name) {
        QFile file(qEnvironmentVariable("AICP_TEST_SOURCE_DIR") +
                   QStringLiteral("/tests/core/billing/golden/") + name);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read the golden file %s", qPrintable(file.fileName()));
        return file.readAll();
    }

    aicp::test::TempWorkspace workspace_{aicp::test::TempWorkspace::Content::Demo};
};

QTEST_GUILESS_MAIN(TestCostReportGolden)
#include "tst_costreportgolden.moc"

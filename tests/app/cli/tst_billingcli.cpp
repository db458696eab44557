#include "cli/cliapp.h"
#include "support/clirunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

using namespace aicp;
using namespace aicp::clitest;

// Billing from the command line on the deterministic demo workspace: bill,
// report cost (the same bytes as the golden files tst_costreportgolden
// checks), and the invoice lifecycle.
class TestBillingCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(sandbox_.isReady(), "AICP_CLI must name the built aicp");
        db_ = sandbox_.testWorkspace();
        QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--db"), db_}).exitCode, 0);
    }

    void onlyPdfCommandLinesNeedAGuiApplication() {
        const auto renders = [](const char* line) {
            return commandLineNeedsGui(QStringList{QStringLiteral("aicp")} +
                                       QString::fromLatin1(line).split(u' ', Qt::SkipEmptyParts));
        };
        QVERIFY(renders("report cost --month 2026-10 --format pdf"));
        QVERIFY(renders("--db w.aicp report cost --month 2026-10 --format=pdf -o x"));
        QVERIFY(renders("report cost --month 2026-10 -o out.PDF"));
        QVERIFY(renders("invoice issue --customer a --month 2026-10 -o i.pdf"));
        QVERIFY(renders("invoice show AICP-2026-000001 --output i.pdf"));
        QVERIFY(!renders("report cost --month 2026-10"));
        QVERIFY(!renders("report cost --month 2026-10 --format csv -o x.pdf"));
        QVERIFY(!renders("invoice show AICP-2026-000001 --json"));
        QVERIFY(renders("recommend --customer a --request-upgrade -o up.json"));
        QVERIFY(!renders("recommend --customer a --json"));
        QVERIFY(!renders("usage import events.pdf"));
        QVERIFY(!renders(""));
    }

    void billPrintsLinesAndTotal() {
        const CliRun json = db({QStringLiteral("bill"), QStringLiteral("--customer"),
                                QStringLiteral("stark-analytics"), QStringLiteral("--month"),
                                QStringLiteral("2026-10"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject bill = parseObject(json.out);
        QCOMPARE(bill.value(QStringLiteral("total")).toString(), QStringLiteral("900.79"));
        QCOMPARE(bill.value(QStringLiteral("segments")).toArray().size(), 2);
        const CliRun text = db({QStringLiteral("bill"), QStringLiteral("--customer"),
                                QStringLiteral("stark-analytics"), QStringLiteral("--month"),
                                QStringLiteral("2026-10")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("Total: $900.79")));
        QVERIFY(text.out.contains(QStringLiteral("computed, not issued")));

        verifyOneErrorLine(
            db({QStringLiteral("bill"), QStringLiteral("--customer"), QStringLiteral("nobody"),
                QStringLiteral("--month"), QStringLiteral("2026-10")}),
            2, QStringLiteral("nobody"));
        verifyOneErrorLine(
            db({QStringLiteral("bill"), QStringLiteral("--customer"), QStringLiteral("globex")}), 2,
            QStringLiteral("--month"));
        verifyOneErrorLine(
            db({QStringLiteral("bill"), QStringLiteral("--customer"), QStringLiteral("globex"),
                QStringLiteral("--month"), QStringLiteral("2026-13")}),
            2, QStringLiteral("2026-13"));
    }

    void reportCostPrintsTheGoldenBytes() {
        const QString golden = qEnvironmentVariable("AICP_TEST_SOURCE_DIR") +
                               QStringLiteral("/tests/core/billing/golden/");
        const CliRun csv = db({QStringLiteral("report"), QStringLiteral("cost"),
                               QStringLiteral("--month"), QStringLiteral("2026-10")});
        QCOMPARE(csv.exitCode, 0);
        QCOMPARE(csv.out.toUtf8(), readBytes(golden + QStringLiteral("demo-2026-10.csv")));
        const CliRun json = db({QStringLiteral("report"), QStringLiteral("cost"),
                                QStringLiteral("--month"), QStringLiteral("2026-11"),
                                QStringLiteral("--customer"), QStringLiteral("stark-analytics"),
                                QStringLiteral("--customer"), QStringLiteral("acme-corp,hooli"),
                                QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.out.toUtf8(), readBytes(golden + QStringLiteral("demo-2026-11-three.json")));

        // -o picks the format from the extension and writes the file whole.
        const QString file = sandbox_.file(QStringLiteral("three.csv"));
        const CliRun written =
            db({QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--month"),
                QStringLiteral("2026-11"), QStringLiteral("--customer"),
                QStringLiteral("hooli,acme-corp,stark-analytics"), QStringLiteral("-o"), file});
        QCOMPARE(written.exitCode, 0);
        QVERIFY(written.out.isEmpty());
        QCOMPARE(readBytes(file), readBytes(golden + QStringLiteral("demo-2026-11-three.csv")));

        verifyOneErrorLine(
            db({QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--month"),
                QStringLiteral("2026-10"), QStringLiteral("--format"), QStringLiteral("xml")}),
            2, QStringLiteral("xml"));
        verifyOneErrorLine(
            db({QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--month"),
                QStringLiteral("2026-10"), QStringLiteral("--customer"), QStringLiteral("nobody")}),
            2, QStringLiteral("nobody"));
        verifyOneErrorLine(db({QStringLiteral("report"), QStringLiteral("cost")}), 2,
                           QStringLiteral("--month"));
    }

    void reportCostWritesAReadablePdf() {
        const QString file = sandbox_.file(QStringLiteral("cost.pdf"));
        const CliRun pdf =
            db({QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--month"),
                QStringLiteral("2026-10"), QStringLiteral("-o"), file});
        QCOMPARE(pdf.exitCode, 0);
        QVERIFY2(pdf.err.isEmpty(), qPrintable(pdf.err));
        QVERIFY(readBytes(file).startsWith("%PDF-"));
        const QString text = pdfText(file);
        if (text.isNull())
            QSKIP("pdftotext (poppler-utils) is not installed");
        QVERIFY(text.contains(QStringLiteral("Cost report 2026-10")));
        QVERIFY(text.contains(QStringLiteral("$29,796.30")));
        QVERIFY(text.contains(QStringLiteral("Stark Analytics (stark-analytics)")));
        QVERIFY(text.contains(QStringLiteral("Page 1 of")));

        // Standard output that is not a terminal (here a pipe) gets the bytes.
        const CliRun piped =
            db({QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--month"),
                QStringLiteral("2026-10"), QStringLiteral("--format"), QStringLiteral("pdf")});
        QCOMPARE(piped.exitCode, 0);
        QVERIFY(piped.out.startsWith(QStringLiteral("%PDF-")));
    }

    void invoicesAreNumberedImmutableAndCredited() {
        const QString db2 = sandbox_.testWorkspace();
        QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--db"), db2}).exitCode, 0);
        const auto in = [&](QStringList arguments) {
            return run(QStringList{QStringLiteral("--db"), db2} + arguments);
        };
        const QString pdf = sandbox_.file(QStringLiteral("invoice.pdf"));
        const CliRun issued =
            in({QStringLiteral("invoice"), QStringLiteral("issue"), QStringLiteral("--customer"),
                QStringLiteral("stark-analytics"), QStringLiteral("--month"),
                QStringLiteral("2026-10"), QStringLiteral("-o"), pdf});
        QCOMPARE(issued.exitCode, 0);
        QVERIFY2(issued.err.isEmpty(), qPrintable(issued.err));
        QVERIFY(issued.out.startsWith(QStringLiteral(
            "Issued invoice AICP-2026-000001 to stark-analytics for 2026-10: $900.79")));
        const QString text = pdfText(pdf);
        if (!text.isNull()) {
            QVERIFY(text.contains(QStringLiteral("Invoice AICP-2026-000001")));
            QVERIFY(text.contains(QStringLiteral("$900.79")));
        }

        verifyOneErrorLine(in({QStringLiteral("invoice"), QStringLiteral("issue"),
                               QStringLiteral("--customer"), QStringLiteral("stark-analytics"),
                               QStringLiteral("--month"), QStringLiteral("2026-10")}),
                           1, QStringLiteral("already invoiced"));

        const CliRun shown = in({QStringLiteral("invoice"), QStringLiteral("show"),
                                 QStringLiteral("AICP-2026-000001"), QStringLiteral("--json")});
        QCOMPARE(shown.exitCode, 0);
        const QJsonObject invoice = parseObject(shown.out);
        QCOMPARE(invoice.value(QStringLiteral("total")).toString(), QStringLiteral("900.79"));
        QCOMPARE(invoice.value(QStringLiteral("month")).toString(), QStringLiteral("2026-10"));
        QCOMPARE(invoice.value(QStringLiteral("credited")).toBool(), false);

        const CliRun credited = in({QStringLiteral("invoice"), QStringLiteral("credit"),
                                    QStringLiteral("AICP-2026-000001"), QStringLiteral("--reason"),
                                    QStringLiteral("wrong tier dates")});
        QCOMPARE(credited.exitCode, 0);
        QVERIFY(credited.out.contains(QStringLiteral("AICP-CN-2026-000001")));
        verifyOneErrorLine(in({QStringLiteral("invoice"), QStringLiteral("credit"),
                               QStringLiteral("AICP-2026-000001")}),
                           2, QStringLiteral("--reason"));
        const CliRun reissued =
            in({QStringLiteral("invoice"), QStringLiteral("issue"), QStringLiteral("--customer"),
                QStringLiteral("stark-analytics"), QStringLiteral("--month"),
                QStringLiteral("2026-10"), QStringLiteral("--json")});
        QCOMPARE(reissued.exitCode, 0);
        QCOMPARE(parseObject(reissued.out).value(QStringLiteral("number")).toString(),
                 QStringLiteral("AICP-2026-000002"));

        const CliRun listed = in({QStringLiteral("invoice"), QStringLiteral("list")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains(QStringLiteral("credited by AICP-CN-2026-000001")));
        QVERIFY(listed.out.contains(QStringLiteral("AICP-2026-000002")));
        verifyOneErrorLine(in({QStringLiteral("invoice"), QStringLiteral("show"),
                               QStringLiteral("AICP-2026-000099")}),
                           2, QStringLiteral("AICP-2026-000099"));

        const CliRun audit = in({QStringLiteral("audit"), QStringLiteral("list")});
        QVERIFY(audit.out.contains(QStringLiteral("invoice.issue")));
        QVERIFY(audit.out.contains(QStringLiteral("invoice.credit")));
    }

    void taxRatesAreAddedAndListed() {
        const QString db2 = sandbox_.testWorkspace();
        QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--db"), db2}).exitCode, 0);
        const auto in = [&](const QString& line) {
            return run(QStringList{QStringLiteral("--db"), db2} +
                       line.split(u' ', Qt::SkipEmptyParts));
        };
        const CliRun empty = in(QStringLiteral("tax rates list"));
        QCOMPARE(empty.exitCode, 0);
        QVERIFY(empty.out.startsWith(QStringLiteral("No tax rates yet")));
        const CliRun added =
            in(QStringLiteral("tax rates add --country us --region US-CA --rate 7.25 --name CA "
                              "--from 2020-01-01 --json"));
        QCOMPARE(added.exitCode, 0);
        const QJsonObject rate = parseObject(added.out);
        QCOMPARE(rate.value(QStringLiteral("region")).toString(), QStringLiteral("US-CA"));
        QCOMPARE(rate.value(QStringLiteral("rate")).toString(), QStringLiteral("7.25"));
        QCOMPARE(rate.value(QStringLiteral("from")).toString(), QStringLiteral("2020-01-01"));
        verifyOneErrorLine(in(QStringLiteral("tax rates add --country GB --rate 100.5 --name VAT")),
                           2, QStringLiteral("--rate"));
        verifyOneErrorLine(in(QStringLiteral("tax rates add --country XX --rate 5 --name T")), 2,
                           QStringLiteral("country 'XX'"));
        verifyOneErrorLine(in(QStringLiteral("tax rates add --country GB --rate 5 --name T "
                                             "--from 2027-02-30")),
                           2, QStringLiteral("--from"));
        verifyOneErrorLine(in(QStringLiteral("tax rates add --country US --region US-CA --rate 8 "
                                             "--name CA --from 2020-01-01")),
                           1, QStringLiteral("already has a rate"));
        verifyOneErrorLine(in(QStringLiteral("tax rates add --rate 5 --name T")), 2,
                           QStringLiteral("--country"));
        const CliRun listed = in(QStringLiteral("tax rates list --json"));
        QCOMPARE(parseObject(listed.out).value(QStringLiteral("rates")).toArray().size(), 1);
        verifyOneErrorLine(in(QStringLiteral("customer edit stark-analytics --country US "
                                             "--region GB-LND")),
                           2, QStringLiteral("not in country US"));
    }

    void aTaxedInvoiceIsCreditedInPartThenPaid() {
        const QString db2 = sandbox_.testWorkspace();
        QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--db"), db2}).exitCode, 0);
        const auto in = [&](const QString& line) {
            return run(QStringList{QStringLiteral("--db"), db2} +
                       line.split(u' ', Qt::SkipEmptyParts));
        };
        QCOMPARE(
            in(QStringLiteral("tax rates add --country US --region US-CA --rate 7.25 --name CA "
                              "--from 2020-01-01"))
                .exitCode,
            0);
        QCOMPARE(in(QStringLiteral("customer edit stark-analytics --country US --region us-ca"))
                     .exitCode,
                 0);
        const CliRun bill = in(QStringLiteral("bill --customer stark-analytics --month 2026-10"));
        QCOMPARE(bill.exitCode, 0);
        QVERIFY2(bill.out.contains(QStringLiteral("Net: $900.79\nCA 7.25 %: $65.30\n"
                                                  "Total: $966.09\n")),
                 qPrintable(bill.out));
        const CliRun issued =
            in(QStringLiteral("invoice issue --customer stark-analytics --month 2026-10 --json"));
        QCOMPARE(issued.exitCode, 0);
        const QJsonObject invoice = parseObject(issued.out);
        QCOMPARE(invoice.value(QStringLiteral("net")).toString(), QStringLiteral("900.79"));
        QCOMPARE(invoice.value(QStringLiteral("total")).toString(), QStringLiteral("966.09"));
        QCOMPARE(invoice.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        const QString pdf = sandbox_.file(QStringLiteral("taxed.pdf"));
        const CliRun shown = in(QStringLiteral("invoice show AICP-2026-000001 -o ") + pdf);
        QCOMPARE(shown.exitCode, 0);
        const CliRun text = in(QStringLiteral("invoice show AICP-2026-000001"));
        QVERIFY2(text.out.contains(QStringLiteral("CA 7.25 %")), qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("Due       ")));
        const QString read = pdfText(pdf);
        if (!read.isNull())
            QVERIFY2(read.contains(QStringLiteral("CA 7.25 %")) &&
                         read.contains(QStringLiteral("$966.09")),
                     qPrintable(read));

        // A part credited: 100.00 of line 2 and its 7.25 of tax.
        const CliRun part = in(QStringLiteral(
            "invoice credit AICP-2026-000001 --reason twice --line 2:100.00 --json"));
        QCOMPARE(part.exitCode, 0);
        const QJsonObject note = parseObject(part.out);
        QCOMPARE(note.value(QStringLiteral("net")).toString(), QStringLiteral("-100.00"));
        QCOMPARE(note.value(QStringLiteral("tax")).toString(), QStringLiteral("-7.25"));
        QCOMPARE(note.value(QStringLiteral("total")).toString(), QStringLiteral("-107.25"));
        verifyOneErrorLine(in(QStringLiteral("invoice credit AICP-2026-000001 --reason x "
                                             "--amount 1000000")),
                           2, QStringLiteral("more than"));
        verifyOneErrorLine(in(QStringLiteral("invoice credit AICP-2026-000001 --reason x "
                                             "--line two")),
                           2, QStringLiteral("--line"));
        QVERIFY(
            in(QStringLiteral("invoice list")).out.contains(QStringLiteral("partially-credited")));
        // 966.09 - 107.25 = 858.84 left, then paid.
        const CliRun paid =
            in(QStringLiteral("invoice mark-paid AICP-2026-000001 --reference SEPA-7 --json"));
        QCOMPARE(paid.exitCode, 0);
        QCOMPARE(parseObject(paid.out).value(QStringLiteral("amount")).toString(),
                 QStringLiteral("858.84"));
        verifyOneErrorLine(
            in(QStringLiteral("invoice mark-paid AICP-2026-000001 --reference SEPA-8")), 1,
            QStringLiteral("nothing left to pay"));
        verifyOneErrorLine(in(QStringLiteral("invoice mark-paid AICP-2026-000001")), 2,
                           QStringLiteral("--reference"));
    }

    // The day's postings of an invoice and its payment, as CSV on standard
    // output or JSON in a file; a period the wrong way round, a day that is
    // not one and another format are refused in one line each.
    void theLedgerExportsWhatTheInvoiceDid() {
        const QString db3 = sandbox_.testWorkspace();
        QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--db"), db3}).exitCode, 0);
        const auto in = [&](const QString& line) {
            return run(QStringList{QStringLiteral("--db"), db3} +
                       line.split(u' ', Qt::SkipEmptyParts));
        };
        QCOMPARE(
            in(QStringLiteral("invoice issue --customer stark-analytics --month 2026-10")).exitCode,
            0);
        QCOMPARE(
            in(QStringLiteral("invoice mark-paid AICP-2026-000001 --reference BACS-1")).exitCode,
            0);
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        const CliRun csv = in(QStringLiteral("ledger export --from %1 --to %1").arg(today));
        QCOMPARE(csv.exitCode, 0);
        const QString head = today + QStringLiteral(",AICP-2026-000001,");
        QCOMPARE(
            csv.out,
            QStringLiteral("date,document,kind,customer,account,debit,credit,currency\n") + head +
                QStringLiteral("invoice,stark-analytics,accounts_receivable,900.79,"
                               "0.00,USD\n") +
                head + QStringLiteral("invoice,stark-analytics,revenue:base,0.00,674.40,USD\n") +
                head +
                QStringLiteral("invoice,stark-analytics,revenue:requests,0.00,226.39,USD\n") +
                head + QStringLiteral("payment,stark-analytics,bank,900.79,0.00,USD\n") + head +
                QStringLiteral("payment,stark-analytics,accounts_receivable,0.00,900.79,USD\n"));

        const QString file = sandbox_.file(QStringLiteral("ledger.json"));
        const CliRun written = in(QStringLiteral("ledger export -o ") + file);
        QCOMPARE(written.exitCode, 0);
        QVERIFY2(written.out.contains(QStringLiteral("Wrote 5 postings")) &&
                     written.out.contains(QStringLiteral("USD $1,801.58 debit = $1,801.58 credit")),
                 qPrintable(written.out));
        QFile json(file);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject ledger = parseObject(QString::fromUtf8(json.readAll()));
        QCOMPARE(ledger.value(QStringLiteral("postings")).toArray().size(), 5);
        QCOMPARE(ledger.value(QStringLiteral("to")).toString(), today);

        verifyOneErrorLine(in(QStringLiteral("ledger export --from 2026-12-31 --to 2026-12-01")), 2,
                           QStringLiteral("after --to"));
        verifyOneErrorLine(in(QStringLiteral("ledger export --from 2026-13-01")), 2,
                           QStringLiteral("--from"));
        verifyOneErrorLine(in(QStringLiteral("ledger export --format xml")), 2,
                           QStringLiteral("csv or json"));
    }

    // SPEC 11's acceptance: a VAT-registered Irish business billed in euros
    // from the EUR version of the price book, beside the USD customers in one
    // report; issued, credited in part, paid and exported to the ledger.
    void aVatRegisteredCustomerInEurosFromBillToLedger() {
        const QString db4 = sandbox_.testWorkspace();
        QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--db"), db4}).exitCode, 0);
        const auto in = [&](const QStringList& arguments) {
            return run(QStringList{QStringLiteral("--db"), db4} + arguments);
        };
        const auto line = [&](const QString& text) {
            return in(text.split(u' ', Qt::SkipEmptyParts));
        };
        QCOMPARE(line(QStringLiteral("seller set --name Control-Plane --country IE --tax-id "
                                     "IE6388047V"))
                     .exitCode,
                 0);
        QCOMPARE(line(QStringLiteral("tax rates add --country IE --rate 23 --name VAT --from "
                                     "2020-01-01"))
                     .exitCode,
                 0);
        // Billed in euros before the book has euro prices: refused, naming both.
        QCOMPARE(line(QStringLiteral("customer edit globex --country IE --tax-id IE9825613N "
                                     "--currency EUR"))
                     .exitCode,
                 0);
        verifyOneErrorLine(line(QStringLiteral("bill --customer globex --month 2026-10")), 2,
                           QStringLiteral("the price book has no prices in EUR (it prices in "
                                          "USD)"));

        // The EUR version: the USD one with its own id, currency and a
        // Professional base of 929.
        const CliRun exported = line(QStringLiteral("pricebook export"));
        QCOMPARE(exported.exitCode, 0);
        QJsonObject book = parseObject(exported.out);
        QJsonArray versions = book.value(QStringLiteral("versions")).toArray();
        QJsonObject euros = versions.at(0).toObject();
        euros.insert(QStringLiteral("version"), QStringLiteral("2026.1-eur"));
        euros.insert(QStringLiteral("currency"), QStringLiteral("EUR"));
        QJsonArray tiers = euros.value(QStringLiteral("tiers")).toArray();
        QJsonObject professional = tiers.at(2).toObject();
        QCOMPARE(professional.value(QStringLiteral("id")).toString(),
                 QStringLiteral("professional"));
        professional.insert(QStringLiteral("base"),
                            QJsonObject{{QStringLiteral("model"), QStringLiteral("flat")},
                                        {QStringLiteral("amount"), QStringLiteral("929")}});
        tiers.replace(2, professional);
        euros.insert(QStringLiteral("tiers"), tiers);
        book.insert(QStringLiteral("versions"), QJsonArray{euros});
        const QString eurBook = sandbox_.file(QStringLiteral("eur.json"));
        QFile file(eurBook);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(book).toJson());
        file.close();
        QCOMPARE(in({QStringLiteral("pricebook"), QStringLiteral("import"), eurBook}).exitCode, 0);

        // Its licenses are priced from the EUR version: a USD commitment is refused.
        QProcessEnvironment signer = sandbox_.environment();
        signer.insert(QStringLiteral("AICP_KEY_PASSPHRASE"), QStringLiteral("demo-passphrase"));
        verifyOneErrorLine(
            sandbox_.run(
                {QStringLiteral("--db"), db4, QStringLiteral("license"), QStringLiteral("issue"),
                 QStringLiteral("--customer"), QStringLiteral("globex"), QStringLiteral("--name"),
                 QStringLiteral("Globex"), QStringLiteral("--tier"), QStringLiteral("starter"),
                 QStringLiteral("--commitment"), QStringLiteral("1000 USD/month")},
                signer),
            2, QStringLiteral("price book 2026.1-eur bills in EUR"));

        // 929.00 × 23 % = 213.67.
        const CliRun bill = line(QStringLiteral("bill --customer globex --month 2026-10"));
        QCOMPARE(bill.exitCode, 0);
        QVERIFY2(bill.out.contains(QStringLiteral("Net: EUR 929.00\nVAT 23 %: EUR 213.67\n"
                                                  "Total: EUR 1,142.67\n")),
                 qPrintable(bill.out));
        // The month's report: the euro customer apart from the dollar ones.
        const CliRun report = line(QStringLiteral("report cost --month 2026-10 --format json"));
        QCOMPARE(report.exitCode, 0);
        const QJsonArray currencies =
            parseObject(report.out).value(QStringLiteral("currencies")).toArray();
        QCOMPARE(currencies.size(), 2);
        QCOMPARE(currencies.at(0).toObject().value(QStringLiteral("currency")).toString(),
                 QStringLiteral("EUR"));
        QCOMPARE(currencies.at(0).toObject().value(QStringLiteral("total")).toString(),
                 QStringLiteral("1142.67"));
        // The demo's 29,796.30 less globex's 999.00.
        QCOMPARE(currencies.at(1).toObject().value(QStringLiteral("total")).toString(),
                 QStringLiteral("28797.30"));

        const CliRun issued =
            line(QStringLiteral("invoice issue --customer globex --month 2026-10 --json"));
        QCOMPARE(issued.exitCode, 0);
        const QJsonObject invoice = parseObject(issued.out);
        QCOMPARE(invoice.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
        QCOMPARE(invoice.value(QStringLiteral("total")).toString(), QStringLiteral("1142.67"));
        // 100.00 off, and its 23.00 of VAT.
        const CliRun credited = line(QStringLiteral(
            "invoice credit AICP-2026-000001 --reason agreed-discount --amount 100 --json"));
        QCOMPARE(credited.exitCode, 0);
        QCOMPARE(parseObject(credited.out).value(QStringLiteral("total")).toString(),
                 QStringLiteral("-123.00"));
        const CliRun paid =
            line(QStringLiteral("invoice mark-paid AICP-2026-000001 --reference SEPA-118"));
        QCOMPARE(paid.exitCode, 0);
        QVERIFY2(paid.out.contains(QStringLiteral("EUR 1,019.67")), qPrintable(paid.out));

        const CliRun ledger = line(QStringLiteral("ledger export"));
        QCOMPARE(ledger.exitCode, 0);
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        const QStringList rows{
            QStringLiteral("AICP-2026-000001,invoice,globex,accounts_receivable,1142.67,0.00"),
            QStringLiteral("AICP-2026-000001,invoice,globex,revenue:base,0.00,929.00"),
            QStringLiteral("AICP-2026-000001,invoice,globex,tax_payable:VAT,0.00,213.67"),
            QStringLiteral("AICP-CN-2026-000001,credit_note,globex,revenue:base,100.00,0.00"),
            QStringLiteral("AICP-CN-2026-000001,credit_note,globex,tax_payable:VAT,23.00,0.00"),
            QStringLiteral("AICP-CN-2026-000001,credit_note,globex,accounts_receivable,0.00,"
                           "123.00"),
            QStringLiteral("AICP-2026-000001,payment,globex,bank,1019.67,0.00"),
            QStringLiteral("AICP-2026-000001,payment,globex,accounts_receivable,0.00,1019.67")};
        QString expected = QStringLiteral(
            "date,document,kind,customer,account,debit,credit,"
            "currency\n");
        for (const QString& row : rows)
            expected += today + u',' + row + QStringLiteral(",EUR\n");
        QCOMPARE(ledger.out, expected);

        const QString pdf = sandbox_.file(QStringLiteral("euros.pdf"));
        QCOMPARE(in({QStringLiteral("invoice"), QStringLiteral("show"),
                     QStringLiteral("AICP-2026-000001"), QStringLiteral("-o"), pdf})
                     .exitCode,
                 0);
        const QString read = pdfText(pdf);
        if (!read.isNull())
            QVERIFY2(read.contains(QStringLiteral("VAT 23 %")) &&
                         read.contains(QStringLiteral("EUR 1,142.67")) &&
                         read.contains(QStringLiteral("IE9825613N")),
                     qPrintable(read));
    }

private:
    CliRun run(const QStringList& arguments) const {
        return sandbox_.run(arguments, sandbox_.environment());
    }
    CliRun db(const QStringList& arguments) const {
        return run(QStringList{QStringLiteral("--db"), db_} + arguments);
    }

    // The PDF's text by pdftotext; a null string when it is not installed.
    static QString pdfText(const QString& path) {
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (tool.isEmpty())
            return {};
        QProcess process;
        process.start(tool, {QStringLiteral("-layout"), path, QStringLiteral("-")});
        process.waitForFinished(60'000);
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    CliSandbox sandbox_;
    QString db_;
};

QTEST_GUILESS_MAIN(TestBillingCli)
#include "tst_billingcli.moc"

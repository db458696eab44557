#include "billing/costreport.h"
#include "billing/invoice.h"
#include "documents/financepdf.h"
#include "documents/pdfdocument.h"

#include <QFile>
#include <QFuture>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace aicp;

namespace {

Money dollars(const char* text) {
    return Money::parse(QString::fromLatin1(text)).value();
}

MonthlyBill bill(const QString& id, const QString& name, Money base, Money requests,
                 Money discount) {
    MonthlyBill b;
    b.customerId = id;
    b.customerName = name;
    b.month = {2026, 10};
    b.currency = QStringLiteral("USD");
    b.segments.push_back({});
    b.lines.push_back({BillAxis::Base, 0, QStringLiteral("base"), 1, {}, base, base, {}, {}});
    b.lines.push_back(
        {BillAxis::Requests, 0, QStringLiteral("requests"), 1, {}, requests, requests, {}, {}});
    b.lines.push_back(
        {BillAxis::Discount, 0, QStringLiteral("discount"), 0, {}, discount, discount, {}, {}});
    b.net = Money::fromMicros(base.micros() + requests.micros() + discount.micros());
    b.total = b.net;
    return b;
}

// An invoice line charging `amount` dollars for `quantity` on one axis.
InvoiceLine charge(BillAxis axis, const char* description, std::int64_t quantity,
                   const char* amount) {
    InvoiceLine line;
    line.axis = axis;
    line.description = QString::fromUtf8(description);
    line.quantity = quantity;
    line.amount = dollars(amount);
    return line;
}

}  // namespace

// The PDFs are checked the way a reader would: their text, read back with
// pdftotext (poppler-utils), must carry the header, the totals and a page
// number on every page.
class TestFinancePdf : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        pdftotext_ = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext_.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
    }

    void costReportShowsHeaderSubtotalsAndGrandTotal() {
        // 4,999.00 - 499.90 = 4,499.10; 299.00 + 33.05 = 332.05; sum 4,831.15.
        auto report = buildCostReport(
            {2026, 10}, {bill(QStringLiteral("acme-corp"), QStringLiteral("Acme Corporation"),
                              dollars("4999"), dollars("0"), dollars("-499.90")),
                         bill(QStringLiteral("initech"), QStringLiteral("Initech"), dollars("299"),
                              dollars("33.05"), dollars("0"))});
        QVERIFY(report);
        auto pdf = costReportPdf(*report, stamp());
        QVERIFY(pdf);
        QVERIFY(pdf->startsWith("%PDF-"));
        const QString text = textOf(*pdf);
        QVERIFY2(text.contains(QStringLiteral("Cost report 2026-10")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("AI Control Plane")));
        QVERIFY(text.contains(QStringLiteral("Acme Corporation (acme-corp)")));
        QVERIFY(text.contains(QStringLiteral("Initech (initech)")));
        QVERIFY(text.contains(QStringLiteral("2026-11-26T09:00:00Z by finance-test")));
        QVERIFY(text.contains(QStringLiteral("$4,499.10")));
        QVERIFY(text.contains(QStringLiteral("$5,298.00")));  // base subtotal
        QVERIFY(text.contains(QStringLiteral("-$499.90")));   // discount subtotal
        QVERIFY(text.contains(QStringLiteral("Grand total")));
        QVERIFY(text.contains(QStringLiteral("$4,831.15")));
        QVERIFY(text.contains(QStringLiteral("Page 1 of 1")));
    }

    // 400 customers run over several pages: each page is numbered "N of M"
    // and the totals close the last ones.
    void longReportNumbersEveryPage() {
        std::vector<MonthlyBill> bills;
        for (int i = 0; i < 400; ++i)
            bills.push_back(bill(QStringLiteral("customer-%1").arg(i, 3, 10, QLatin1Char('0')),
                                 QStringLiteral("Customer %1").arg(i), dollars("999"),
                                 dollars("0.25"), dollars("0")));
        auto report = buildCostReport({2026, 10}, bills);
        QVERIFY(report);
        auto pdf = costReportPdf(*report, stamp());
        QVERIFY(pdf);
        const QString text = textOf(*pdf);
        const QStringList pages = text.split(u'\f', Qt::SkipEmptyParts);
        QVERIFY(pages.size() > 5);
        const int count = int(pages.size());
        for (int i = 0; i < count; ++i)
            QVERIFY2(pages[i].contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(count)),
                     qPrintable(QStringLiteral("page %1").arg(i + 1)));
        // 400 × 999.25 = 399,700.00
        QVERIFY(text.contains(QStringLiteral("$399,700.00")));
        QVERIFY(text.contains(QStringLiteral("customer-399")));
        // The table header is repeated on every page it runs over.
        QVERIFY(pages[1].contains(QStringLiteral("Customer")));
    }

    void invoiceShowsNumberLinesAndTotal() {
        Invoice invoice;
        invoice.number = QStringLiteral("AICP-2026-000042");
        invoice.customerId = QStringLiteral("initech");
        invoice.customerName = QStringLiteral("Initech");
        invoice.month = {2026, 10};
        invoice.currency = QStringLiteral("USD");
        invoice.issuedAt = QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC);
        invoice.issuedBy = QStringLiteral("finance");
        invoice.requests = 133050;
        InvoiceLine base = charge(BillAxis::Base, "Starter base subscription", 1, "299");
        base.tier = QStringLiteral("starter");
        InvoiceLine requests =
            charge(BillAxis::Requests, "33,050 requests beyond the quota", 33050, "33.05");
        requests.unitPrice = dollars("0.001");
        InvoiceLine late;
        late.kind = InvoiceLineKind::LateUsage;
        late.description = QStringLiteral(
            "Late requests for 2026-09, arrived after invoice "
            "AICP-2026-000007; not charged");
        late.quantity = 12;
        late.lateMonth = YearMonth{2026, 9};
        invoice.lines = {base, requests, late};
        invoice.total = dollars("332.05");
        auto pdf = invoicePdf(invoice, stamp());
        QVERIFY(pdf);
        const QString text = textOf(*pdf);
        QVERIFY(text.contains(QStringLiteral("Invoice AICP-2026-000042")));
        QVERIFY(text.contains(QStringLiteral("Initech (initech)")));
        QVERIFY(text.contains(QStringLiteral("$33.05")));
        QVERIFY(text.contains(QStringLiteral("$332.05")));
        QVERIFY(text.contains(QStringLiteral("not charged")));
        QVERIFY(text.contains(QStringLiteral("Page 1 of 1")));
    }

    // What a business needs to pay and book it: who it is from and to, with
    // tax ids, the due date, net, tax and total, the legend and how to pay.
    void invoiceCarriesPartiesTaxAndPaymentInstructions() {
        Invoice invoice;
        invoice.number = QStringLiteral("AICP-2026-000043");
        invoice.customerId = QStringLiteral("zed");
        invoice.customerName = QStringLiteral("Zed");
        invoice.month = {2026, 10};
        invoice.currency = QStringLiteral("EUR");
        invoice.issuedAt = QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC);
        invoice.dueDate = QDate(2026, 11, 16);
        InvoiceLine base = charge(BillAxis::Base, "Starter base subscription", 1, "299");
        base.taxRate = Percent();
        invoice.lines = {base};
        invoice.net = dollars("299");
        invoice.total = dollars("299");
        invoice.taxTreatment = TaxTreatment::ReverseCharge;
        invoice.taxName = QStringLiteral("Reverse charge");
        invoice.seller = {{QStringLiteral("name"), QStringLiteral("AICP Software Ltd")},
                          {QStringLiteral("address"), QStringLiteral("2 Grand Canal Quay")},
                          {QStringLiteral("country"), QStringLiteral("IE")},
                          {QStringLiteral("tax_id"), QStringLiteral("IE6388047V")},
                          {QStringLiteral("payment_instructions"),
                           QStringLiteral("IBAN IE29 AIBK 9311 5212 3456 78\nBIC AIBKIE2D")},
                          {QStringLiteral("footer"), QStringLiteral("Registered in Ireland")}};
        invoice.buyer = {{QStringLiteral("name"), QStringLiteral("Zed")},
                         {QStringLiteral("legal_name"), QStringLiteral("Zed GmbH")},
                         {QStringLiteral("address"), QStringLiteral("Hauptstraße 1\n10115 Berlin")},
                         {QStringLiteral("country"), QStringLiteral("DE")},
                         {QStringLiteral("tax_id"), QStringLiteral("DE123456789")}};
        auto pdf = invoicePdf(invoice, stamp());
        QVERIFY(pdf);
        const QString text = textOf(*pdf);
        for (const char* expected :
             {"From", "AICP Software Ltd", "Tax id IE6388047V", "Bill to", "Zed GmbH",
              "10115 Berlin", "Tax id DE123456789", "Due date", "2026-11-16", "Net",
              "Reverse charge 0 %", "EUR 299.00", "Reverse charge: VAT to be accounted for",
              "Please pay EUR 299.00 by 2026-11-16, quoting AICP-2026-000043", "BIC AIBKIE2D",
              "Registered in Ireland"})
            QVERIFY2(text.contains(QString::fromUtf8(expected)), expected);
    }

    // The console renders off the GUI thread: the same bytes' text from a
    // worker thread, and a file written whole.
    void rendersOnAWorkerThreadAndWritesAFile() {
        auto report =
            buildCostReport({2026, 10}, {bill(QStringLiteral("globex"), QStringLiteral("Globex"),
                                              dollars("999"), dollars("0"), dollars("0"))});
        QVERIFY(report);
        QFuture<Result<QByteArray>> future =
            QtConcurrent::run([&report] { return costReportPdf(*report, stamp()); });
        Result<QByteArray> pdf = future.result();
        QVERIFY(pdf);
        const QString path = dir_.filePath(QStringLiteral("report.pdf"));
        QVERIFY(writeDocumentFile(path, *pdf).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), *pdf);
        QVERIFY(textOf(*pdf).contains(QStringLiteral("$999.00")));
        QVERIFY(!writeDocumentFile(dir_.filePath(QStringLiteral("no/such/dir/r.pdf")), *pdf).ok());
    }

private:
    static DocumentStamp stamp() {
        return {QDateTime(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC),
                QStringLiteral("finance-test"),
                {}};
    }

    QString textOf(const QByteArray& pdf) {
        const QString path = dir_.filePath(QStringLiteral("read-back.pdf"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(pdf);
        file.close();
        QProcess process;
        process.start(pdftotext_, {QStringLiteral("-layout"), path, QStringLiteral("-")});
        if (!process.waitForFinished(60'000))
            return {};
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    QTemporaryDir dir_;
    QString pdftotext_;
};

QTEST_MAIN(TestFinancePdf)
#include "tst_financepdf.moc"

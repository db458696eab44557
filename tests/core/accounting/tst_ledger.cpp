#include "accounting/ledger.h"
#include "billing/creditbook.h"
#include "billing/invoicebook.h"
#include "customers/customer.h"
#include "storage/workspace.h"
#include "support/fakeclock.h"
#include "support/tempworkspace.h"
#include "support/why.h"
#include "tax/taxrates.h"

#include <map>
#include <memory>
#include <tuple>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace aicp;
using aicp::test::fixedClock;
using aicp::test::why;

namespace {

const YearMonth kOctober{2026, 10};
const QString kStark = QStringLiteral("stark-analytics");

QDateTime utc(const char* text) {
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate);
}

// "date,document,kind,customer,account,debit,credit,currency" rows after the header.
QStringList rowsOf(const Ledger& ledger) {
    QStringList rows = QString::fromUtf8(ledgerCsv(ledger)).split(u'\n', Qt::SkipEmptyParts);
    rows.removeFirst();
    return rows;
}

// One CSV row of stark-analytics in USD.
QString row(const char* date, const QString& document, const char* kind, const char* account,
            const char* debit, const char* credit) {
    return QStringLiteral("%1,%2,%3,stark-analytics,%4,%5,%6,USD")
        .arg(QLatin1String(date), document, QLatin1String(kind), QLatin1String(account),
             QLatin1String(debit), QLatin1String(credit));
}

// Each document's debits equal its credits.
bool everyEntryBalances(const Ledger& ledger) {
    std::map<std::tuple<QDate, QString, int>, std::int64_t> sums;
    for (const LedgerPosting& posting : ledger.postings)
        sums[{posting.date, posting.document, static_cast<int>(posting.kind)}] +=
            posting.debit.micros() - posting.credit.micros();
    for (const auto& [entry, sum] : sums)
        if (sum != 0)
            return false;
    return true;
}

}  // namespace

// The ledger export (README, "Ledger for accounting") of the demo's
// stark-analytics, a UK customer at 20 % VAT: October 2026 comes to
// $900.79 net ($674.40 of base subscription, $226.39 of requests), $180.16
// of VAT, $1,080.95 in all.
class TestLedger : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(demos_.ok(), qPrintable(demos_.error())); }

    // Credit bought at a discount, a gift that expires unused, an invoice
    // paid partly by credit, its payment and a credit note for one line.
    void everyDocumentPostsBalancedEntries() {
        auto workspace = ukCustomer();
        CreditBook credits(*workspace, fixedClock("2026-11-01T09:00:00Z"));
        QVERIFY(credits
                    .grant(kStark, Money::fromUnits(1000), Money::fromUnits(900),
                           utc("2027-06-30T00:00:00Z"), QStringLiteral("prepaid"))
                    .ok());
        QVERIFY(credits
                    .grant(kStark, Money::fromUnits(50), Money(), utc("2026-12-01T00:00:00Z"),
                           QStringLiteral("goodwill"))
                    .ok());
        auto invoice =
            InvoiceBook(*workspace, fixedClock("2026-12-05T10:00:00Z")).issue(kStark, kOctober);
        QVERIFY2(invoice, why(invoice).constData());
        QCOMPARE(invoice->amountDue().toDecimalString(), QStringLiteral("80.95"));
        QVERIFY(InvoiceBook(*workspace, fixedClock("2026-12-06T10:00:00Z"))
                    .markPaid(invoice->number, {2026, 12, 6}, QStringLiteral("BACS 4471"))
                    .ok());
        CreditRequest requestsLine;
        requestsLine.lines.push_back({requestsPosition(*invoice), std::nullopt});
        QVERIFY(
            InvoiceBook(*workspace, fixedClock("2026-12-07T10:00:00Z"))
                .credit(invoice->number, QStringLiteral("requests double counted"), requestsLine)
                .ok());

        auto ledger = ledgerFor(*workspace, {}, {}, utc("2027-01-15T00:00:00Z"));
        QVERIFY2(ledger, why(ledger).constData());
        const QString n = invoice->number;
        const QString cn = InvoiceBook(*workspace).find(n)->creditNotes.at(0).number;
        // The requests line: 226.39 net, 45.28 of VAT, 271.67 taken back.
        const QString g1 = QStringLiteral("GRANT-1");
        const QString g2 = QStringLiteral("GRANT-2");
        QCOMPARE(rowsOf(*ledger),
                 (QStringList{
                     row("2026-11-01", g1, "credit_grant", "bank", "900.00", "0.00"),
                     row("2026-11-01", g1, "credit_grant", "promotional_credit", "100.00", "0.00"),
                     row("2026-11-01", g1, "credit_grant", "customer_credit", "0.00", "1000.00"),
                     row("2026-11-01", g2, "credit_grant", "promotional_credit", "50.00", "0.00"),
                     row("2026-11-01", g2, "credit_grant", "customer_credit", "0.00", "50.00"),
                     row("2026-12-01", g2, "credit_forfeit", "customer_credit", "50.00", "0.00"),
                     row("2026-12-01", g2, "credit_forfeit", "revenue:forfeited_credit", "0.00",
                         "50.00"),
                     row("2026-12-05", n, "invoice", "accounts_receivable", "80.95", "0.00"),
                     row("2026-12-05", n, "invoice", "customer_credit", "1000.00", "0.00"),
                     row("2026-12-05", n, "invoice", "revenue:base", "0.00", "674.40"),
                     row("2026-12-05", n, "invoice", "revenue:requests", "0.00", "226.39"),
                     row("2026-12-05", n, "invoice", "tax_payable:VAT", "0.00", "180.16"),
                     row("2026-12-06", n, "payment", "bank", "80.95", "0.00"),
                     row("2026-12-06", n, "payment", "accounts_receivable", "0.00", "80.95"),
                     row("2026-12-07", cn, "credit_note", "revenue:requests", "226.39", "0.00"),
                     row("2026-12-07", cn, "credit_note", "tax_payable:VAT", "45.28", "0.00"),
                     row("2026-12-07", cn, "credit_note", "accounts_receivable", "0.00", "271.67"),
                 }));
        QVERIFY(everyEntryBalances(*ledger));
        QCOMPARE(ledger->totals.size(), std::size_t(1));
        QCOMPARE(ledger->totals.at(QStringLiteral("USD")).debit.toDecimalString(),
                 QStringLiteral("2533.57"));
        QCOMPARE(ledger->totals.at(QStringLiteral("USD")).credit.toDecimalString(),
                 QStringLiteral("2533.57"));

        // The same workspace gives the same bytes; a period gives its days.
        auto again = ledgerFor(*workspace, {}, {}, utc("2027-01-15T00:00:00Z"));
        QCOMPARE(ledgerCsv(*again), ledgerCsv(*ledger));
        QCOMPARE(ledgerJson(*again), ledgerJson(*ledger));
        auto december =
            ledgerFor(*workspace, {2026, 12, 5}, {2026, 12, 6}, utc("2027-01-15T00:00:00Z"));
        QVERIFY(december);
        QCOMPARE(december->postings.size(), std::size_t(7));
        QCOMPARE(december->postings.front().date, QDate(2026, 12, 5));
        QCOMPARE(december->postings.back().date, QDate(2026, 12, 6));
        QVERIFY(everyEntryBalances(*december));
    }

    // Credited in full after its credit expired: the note gives the applied
    // credit back to customer_credit and, the grant having expired, it is
    // forfeited on the note's day; nothing was left to forfeit at expiry.
    void creditGivenBackAfterExpiryIsForfeitedThatDay() {
        auto workspace = ukCustomer();
        QVERIFY(CreditBook(*workspace, fixedClock("2026-11-01T09:00:00Z"))
                    .grant(kStark, Money::fromUnits(2000), Money::fromUnits(2000),
                           utc("2026-12-10T00:00:00Z"), QStringLiteral("prepaid"))
                    .ok());
        auto invoice =
            InvoiceBook(*workspace, fixedClock("2026-12-05T10:00:00Z")).issue(kStark, kOctober);
        QVERIFY(invoice);
        QCOMPARE(invoice->creditsApplied().toDecimalString(), QStringLiteral("1080.95"));
        QVERIFY(InvoiceBook(*workspace, fixedClock("2026-12-20T10:00:00Z"))
                    .credit(invoice->number, QStringLiteral("cancelled"))
                    .ok());

        auto ledger =
            ledgerFor(*workspace, {2026, 12, 6}, {2026, 12, 31}, utc("2027-01-15T00:00:00Z"));
        QVERIFY2(ledger, why(ledger).constData());
        const QString cn = InvoiceBook(*workspace).find(invoice->number)->creditNotes.at(0).number;
        const QString g1 = QStringLiteral("GRANT-1");
        QCOMPARE(rowsOf(*ledger),
                 (QStringList{
                     // 2,000 − 1,080.95 had not been used when the grant expired.
                     row("2026-12-10", g1, "credit_forfeit", "customer_credit", "919.05", "0.00"),
                     row("2026-12-10", g1, "credit_forfeit", "revenue:forfeited_credit", "0.00",
                         "919.05"),
                     row("2026-12-20", cn, "credit_note", "revenue:base", "674.40", "0.00"),
                     row("2026-12-20", cn, "credit_note", "revenue:requests", "226.39", "0.00"),
                     row("2026-12-20", cn, "credit_note", "tax_payable:VAT", "180.16", "0.00"),
                     row("2026-12-20", cn, "credit_note", "customer_credit", "0.00", "1080.95"),
                     row("2026-12-20", g1, "credit_forfeit", "customer_credit", "1080.95", "0.00"),
                     row("2026-12-20", g1, "credit_forfeit", "revenue:forfeited_credit", "0.00",
                         "1080.95"),
                 }));
        QVERIFY(everyEntryBalances(*ledger));
    }

    void theJsonFormCarriesTheSameFigures() {
        auto workspace = ukCustomer();
        auto invoice =
            InvoiceBook(*workspace, fixedClock("2026-12-05T10:00:00Z")).issue(kStark, kOctober);
        QVERIFY(invoice);
        auto ledger = ledgerFor(*workspace, {2026, 12, 1}, {}, utc("2026-12-06T00:00:00Z"));
        QVERIFY(ledger);
        const QJsonObject json = QJsonDocument::fromJson(ledgerJson(*ledger)).object();
        QCOMPARE(json.value(QStringLiteral("from")).toString(), QStringLiteral("2026-12-01"));
        QVERIFY(json.value(QStringLiteral("to")).isNull());
        const QJsonArray postings = json.value(QStringLiteral("postings")).toArray();
        QCOMPARE(postings.size(), 4);
        const QJsonObject first = postings.at(0).toObject();
        QCOMPARE(first.keys().join(u','),
                 QStringLiteral("account,credit,currency,customer,date,debit,document,kind"));
        QCOMPARE(first.value(QStringLiteral("document")).toString(), invoice->number);
        QCOMPARE(first.value(QStringLiteral("account")).toString(),
                 QStringLiteral("accounts_receivable"));
        QCOMPARE(first.value(QStringLiteral("debit")).toString(), QStringLiteral("1080.95"));
        QCOMPARE(first.value(QStringLiteral("credit")).toString(), QStringLiteral("0.00"));
        const QJsonObject totals = json.value(QStringLiteral("totals")).toArray().at(0).toObject();
        QCOMPARE(totals.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
        QCOMPARE(totals.value(QStringLiteral("debit")).toString(), QStringLiteral("1080.95"));
        QCOMPARE(totals.value(QStringLiteral("credit")).toString(), QStringLiteral("1080.95"));
    }

    void anEmptyWorkspaceHasAnEmptyLedger() {
        test::TempWorkspace empty;
        QVERIFY(empty.ok());
        auto ledger = ledgerFor(*empty, {}, {}, utc("2026-12-06T00:00:00Z"));
        QVERIFY(ledger);
        QCOMPARE(ledgerCsv(*ledger),
                 QByteArray("date,document,kind,customer,account,debit,credit,currency\n"));
        QVERIFY(ledger->totals.empty());
    }

private:
    std::unique_ptr<Workspace> ukCustomer() {
        auto workspace = demos_.fresh();
        auto rate = TaxRateStore(*workspace)
                        .add(QStringLiteral("GB"), {}, QStringLiteral("VAT"),
                             Percent::fromWhole(20), {2017, 1, 1});
        if (!rate)
            qFatal("cannot add a rate: %s", qPrintable(rate.error().message()));
        CustomerStore store(*workspace);
        Customer stark = store.find(kStark).value();
        stark.country = QStringLiteral("GB");
        if (!store.update(stark).ok())
            qFatal("cannot edit the customer");
        return workspace;
    }

    static std::int64_t requestsPosition(const Invoice& invoice) {
        for (std::size_t i = 0; i < invoice.lines.size(); ++i)
            if (invoice.lines[i].axis == BillAxis::Requests && !invoice.lines[i].amount.isZero())
                return static_cast<std::int64_t>(i + 1);
        qFatal("the invoice has no requests line");
    }

    test::DemoCopies demos_;
};

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"

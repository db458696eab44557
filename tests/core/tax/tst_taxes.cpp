#include "audit/auditlog.h"
#include "billing/creditbook.h"
#include "billing/invoicebook.h"
#include "billing/monthlybilling.h"
#include "company/seller.h"
#include "customers/customer.h"
#include "storage/query.h"
#include "storage/workspace.h"
#include "support/fakeclock.h"
#include "support/scratchdatabase.h"
#include "support/tempworkspace.h"
#include "support/why.h"
#include "tax/taxrates.h"
#include "tax/taxrules.h"

#include <memory>
#include <vector>

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace aicp;
using aicp::test::fixedClock;
using aicp::test::onPostgres;
using aicp::test::ScratchDatabase;
using aicp::test::TempWorkspace;
using aicp::test::why;

namespace {

const YearMonth kOctober{2026, 10};
const QDate kIssueDay{2026, 12, 5};

TaxRate rate(const char* country, const char* region, const char* name, const char* percent,
             QDate from) {
    TaxRate r;
    r.country = QString::fromLatin1(country);
    r.region = QString::fromLatin1(region);
    r.name = QString::fromLatin1(name);
    r.rate = Percent::parse(QString::fromLatin1(percent)).value();
    r.from = from;
    return r;
}

Customer customer(const char* country, const char* taxId = "", const char* region = "") {
    Customer c(QStringLiteral("c"), QStringLiteral("C"));
    c.country = QString::fromLatin1(country);
    c.taxId = QString::fromLatin1(taxId);
    c.region = QString::fromLatin1(region);
    return c;
}

SellerProfile seller(const char* country) {
    SellerProfile s;
    s.name = QStringLiteral("AICP Software Ltd");
    s.country = QString::fromLatin1(country);
    s.taxId = QStringLiteral("IE6388047V");
    return s;
}

}  // namespace

// Taxes (README, "Taxes"): the rules that decide an invoice's tax, the rates
// store, and invoices of the demo workspace issued under them. The demo's
// stark-analytics owes $900.79 for October 2026 in three lines that cost
// money: $138.65 and $535.75 of base subscription, $226.39 of requests.
class TestTaxes : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(demos_.ok(), qPrintable(demos_.error())); }

    void theRulesDecideInTheirOrder() {
        const std::vector<TaxRate> rates{
            rate("GB", "", "VAT", "20", {2017, 1, 1}),
            rate("DE", "", "MwSt", "19", {2007, 1, 1}),
            rate("IE", "", "VAT", "23", {2010, 1, 1}),
            rate("US", "US-CA", "CA sales tax", "7.25", {2017, 1, 1}),
            rate("US", "US-CA", "CA sales tax", "7.5", {2027, 1, 1}),
            rate("US", "", "US sales tax", "5", {2017, 1, 1}),
        };
        const std::optional<SellerProfile> irish = seller("IE");

        // No rates at all: taxes are not in use.
        QCOMPARE(decideTax(irish, customer("GB"), {}, kIssueDay).treatment, TaxTreatment::None);

        const TaxDecision uk = decideTax(irish, customer("GB"), rates, kIssueDay);
        QCOMPARE(uk.treatment, TaxTreatment::Standard);
        QCOMPARE(uk.name(), QStringLiteral("VAT"));
        QCOMPARE(uk.percent().toDecimalString(), QStringLiteral("20"));

        Customer exempt = customer("GB");
        exempt.taxExempt = true;
        QCOMPARE(decideTax(irish, exempt, rates, kIssueDay).treatment, TaxTreatment::Exempt);

        // A business in another member state, with a tax id: reverse charge.
        QCOMPARE(decideTax(irish, customer("DE", "DE123456789"), rates, kIssueDay).treatment,
                 TaxTreatment::ReverseCharge);
        // No tax id, the same country as the seller, or a seller outside the
        // EU: the customer's own rate.
        QCOMPARE(decideTax(irish, customer("DE"), rates, kIssueDay).name(), QStringLiteral("MwSt"));
        QCOMPARE(decideTax(irish, customer("IE", "IE1234567T"), rates, kIssueDay).percent(),
                 Percent::fromWhole(23));
        QCOMPARE(decideTax(seller("GB"), customer("DE", "DE123456789"), rates, kIssueDay).treatment,
                 TaxTreatment::Standard);
        QCOMPARE(decideTax(std::nullopt, customer("DE", "DE123456789"), rates, kIssueDay).treatment,
                 TaxTreatment::Standard);

        // A region's own rate before the country's, each the one in force.
        QCOMPARE(decideTax(irish, customer("US", "", "US-CA"), rates, kIssueDay).percent(),
                 Percent::parse(u"7.25").value());
        QCOMPARE(decideTax(irish, customer("US", "", "US-CA"), rates, {2027, 1, 1}).percent(),
                 Percent::parse(u"7.5").value());
        QCOMPARE(decideTax(irish, customer("US", "", "US-NY"), rates, kIssueDay).name(),
                 QStringLiteral("US sales tax"));

        // Taxes in use, but none for this customer: a finding that says how.
        const TaxDecision france = decideTax(irish, customer("FR"), rates, kIssueDay);
        QCOMPARE(france.treatment, TaxTreatment::NoRate);
        QVERIFY2(france.finding.contains(QStringLiteral("aicp tax rates add --country FR")),
                 qPrintable(france.finding));
        const TaxDecision nowhere = decideTax(irish, customer(""), rates, kIssueDay);
        QCOMPARE(nowhere.treatment, TaxTreatment::NoRate);
        QVERIFY(nowhere.finding.contains(QStringLiteral("--country CC")));
        // Not yet in force.
        QCOMPARE(decideTax(irish, customer("GB"), rates, {2016, 12, 31}).treatment,
                 TaxTreatment::NoRate);
    }

    void theStoreAddsListsAndRefusesWithNothingWritten() {
        auto workspace = freshWorkspace();
        TaxRateStore store(*workspace, fixedClock("2026-12-05T10:00:00Z"));
        auto added = store.add(QStringLiteral(" gb "), {}, QStringLiteral("VAT"),
                               Percent::fromWhole(20), {2017, 1, 1});
        QVERIFY2(added, why(added).constData());
        QCOMPARE(added->country, QStringLiteral("GB"));
        auto state =
            store.add(QStringLiteral("US"), QStringLiteral("us-ca"), QStringLiteral("CA sales tax"),
                      Percent::parse(u"7.25").value(), {2017, 1, 1});
        QVERIFY2(state, why(state).constData());
        QCOMPARE(state->region, QStringLiteral("US-CA"));
        const auto entries = AuditLog(*workspace).entries().value();
        QCOMPARE(entries.back().action, QStringLiteral("tax.rate.add"));
        QCOMPARE(entries.back().subject, QStringLiteral("US-CA"));

        const struct {
            const char* country;
            const char* region;
            const char* name;
            QDate from;
            const char* reason;
        } refused[] = {
            {"UK", "", "VAT", {2017, 1, 1}, "country 'UK' is not an ISO 3166-1 alpha-2 code"},
            {"", "", "VAT", {2017, 1, 1}, "country is empty"},
            {"US", "CA-QC", "GST", {2017, 1, 1}, "region 'CA-QC' is not in country US"},
            {"US", "California", "X", {2017, 1, 1}, "is not an ISO 3166-2 code"},
            {"GB", "", " ", {2017, 1, 1}, "name is empty"},
            {"GB", "", "V\tAT", {2017, 1, 1}, "name"},
            {"GB", "", "VAT", {}, "not a date"},
            {"GB", "", "VAT", {2017, 1, 1}, "GB already has a rate from 2017-01-01"},
        };
        for (const auto& bad : refused) {
            auto result =
                store.add(QString::fromLatin1(bad.country), QString::fromLatin1(bad.region),
                          QString::fromLatin1(bad.name), Percent::fromWhole(5), bad.from);
            QVERIFY2(!result, bad.reason);
            QVERIFY2(result.error().message().contains(QString::fromLatin1(bad.reason)),
                     why(result).constData());
        }
        auto listed = store.list();
        QVERIFY(listed);
        QCOMPARE(int(listed->size()), 2);
        QCOMPARE(listed->front(), *added);
        QCOMPARE(AuditLog(*workspace).entries()->size(), entries.size());

        // A rate never changes and is never deleted, whoever writes.
        QVERIFY(!executeScript(workspace->handle(), "UPDATE tax_rates SET rate_micro_percent = 0")
                     .ok());
        QVERIFY(!executeScript(workspace->handle(), "DELETE FROM tax_rates").ok());
        QVERIFY(!executeScript(workspace->handle(),
                               "INSERT INTO tax_rates (country, region, name, rate_micro_percent, "
                               "effective_from, added_at, added_by) VALUES ('GB', 'US-CA', 'x', "
                               "1, '2030-01-01', 'now', 'me')")
                     .ok());
    }

    void aBritishCustomerPaysVatOnEachLine() {
        auto workspace = freshWorkspace();
        addRate(*workspace, "GB", "", "VAT", "20");
        setCustomer(*workspace, "GB");
        // 138.65 × 20 % = 27.73; 226.39 × 20 % = 45.278 → 45.28;
        // 535.75 × 20 % = 107.15; 27.73 + 45.28 + 107.15 = 180.16.
        auto invoice = issue(*workspace);
        QVERIFY2(invoice, why(invoice).constData());
        QCOMPARE(invoice->taxTreatment, TaxTreatment::Standard);
        QCOMPARE(invoice->net.toDecimalString(), QStringLiteral("900.79"));
        QCOMPARE(invoice->tax.toDecimalString(), QStringLiteral("180.16"));
        QCOMPARE(invoice->total.toDecimalString(), QStringLiteral("1080.95"));
        QCOMPARE(invoice->amountDue().toDecimalString(), QStringLiteral("1080.95"));
        QStringList taxes;
        for (const InvoiceLine& line : invoice->lines)
            if (line.kind == InvoiceLineKind::Charge && !line.amount.isZero())
                taxes.append(line.tax.toDecimalString());
        QCOMPARE(taxes, (QStringList{QStringLiteral("27.73"), QStringLiteral("45.28"),
                                     QStringLiteral("107.15")}));
        QCOMPARE(invoice->dueDate, QDate(2027, 1, 4));  // 30 days' terms

        const QJsonObject json = invoiceToJson(*invoice);
        QCOMPARE(json.value(QStringLiteral("net")).toString(), QStringLiteral("900.79"));
        QCOMPARE(json.value(QStringLiteral("total")).toString(), QStringLiteral("1080.95"));
        QCOMPARE(json.value(QStringLiteral("due_date")).toString(), QStringLiteral("2027-01-04"));
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        QCOMPARE(json.value(QStringLiteral("tax")).toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("VAT")},
                                         {QStringLiteral("rate"), QStringLiteral("20")},
                                         {QStringLiteral("amount"), QStringLiteral("180.16")}}}));
        QCOMPARE(json.value(QStringLiteral("lines"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("tax_rate")),
                 QJsonValue(QStringLiteral("20")));
        QCOMPARE(json.value(QStringLiteral("buyer")).toObject().value(QStringLiteral("country")),
                 QJsonValue(QStringLiteral("GB")));

        auto stored = InvoiceBook(*workspace).find(invoice->number);
        QVERIFY(stored);
        QCOMPARE(invoiceToJson(*stored), json);
        // A later rate does not touch an issued invoice.
        QVERIFY(TaxRateStore(*workspace)
                    .add(QStringLiteral("GB"), {}, QStringLiteral("VAT"), Percent::fromWhole(25),
                         {2026, 12, 6})
                    .ok());
        QCOMPARE(invoiceToJson(InvoiceBook(*workspace).find(invoice->number).value()), json);
    }

    void aCaliforniaRateIsRoundedOncePerLine() {
        auto workspace = freshWorkspace();
        addRate(*workspace, "US", "US-CA", "CA sales tax", "7.25");
        setCustomer(*workspace, "US", "", "US-CA");
        // 10.052125 → 10.05; 16.413275 → 16.41; 38.841875 → 38.84: 65.30,
        // where 7.25 % of the net 900.79 rounded once would be 65.31.
        auto bill = MonthlyBilling(*workspace)
                        .taxedOn(kIssueDay)
                        .bill(QStringLiteral("stark-analytics"), kOctober);
        QVERIFY2(bill, why(bill).constData());
        QCOMPARE(bill->tax.toDecimalString(), QStringLiteral("65.30"));
        QCOMPARE(bill->total.toDecimalString(), QStringLiteral("966.09"));
        const QJsonObject json = monthlyBillToJson(*bill);
        QCOMPARE(json.value(QStringLiteral("net")).toString(), QStringLiteral("900.79"));
        QCOMPARE(json.value(QStringLiteral("tax_treatment")).toString(),
                 QStringLiteral("standard"));
        auto invoice = issue(*workspace);
        QVERIFY(invoice);
        QCOMPARE(invoice->total.toDecimalString(), QStringLiteral("966.09"));
    }

    void aGermanBusinessBuyingFromIrelandIsReverseCharged() {
        auto workspace = freshWorkspace();
        addRate(*workspace, "DE", "", "MwSt", "19");
        QVERIFY(SellerStore(*workspace).save(seller("IE")).ok());
        setCustomer(*workspace, "DE", "DE 123 456 789");
        auto invoice = issue(*workspace);
        QVERIFY2(invoice, why(invoice).constData());
        QCOMPARE(invoice->taxTreatment, TaxTreatment::ReverseCharge);
        QCOMPARE(invoice->tax, Money());
        QCOMPARE(invoice->total.toDecimalString(), QStringLiteral("900.79"));
        QVERIFY(taxLegend(invoice->taxTreatment).contains(QStringLiteral("Reverse charge")));
        QCOMPARE(invoice->seller.value(QStringLiteral("tax_id")).toString(),
                 QStringLiteral("IE6388047V"));
        QCOMPARE(invoice->buyer.value(QStringLiteral("tax_id")).toString(),
                 QStringLiteral("DE123456789"));
    }

    void anExemptCustomerPaysNoTax() {
        auto workspace = freshWorkspace();
        addRate(*workspace, "GB", "", "VAT", "20");
        setCustomer(*workspace, "GB", "", "", true);
        auto invoice = issue(*workspace);
        QVERIFY(invoice);
        QCOMPARE(invoice->taxTreatment, TaxTreatment::Exempt);
        QCOMPARE(invoice->total.toDecimalString(), QStringLiteral("900.79"));
        QCOMPARE(invoiceToJson(*invoice).value(QStringLiteral("tax_legend")).toString(),
                 taxLegend(TaxTreatment::Exempt));
    }

    void aCountryWithoutARateIsAFindingBeforeIssue() {
        auto workspace = freshWorkspace();
        addRate(*workspace, "GB", "", "VAT", "20");
        setCustomer(*workspace, "FR");
        auto bill = MonthlyBilling(*workspace).bill(QStringLiteral("stark-analytics"), kOctober);
        QVERIFY(bill);
        const BillFinding* finding = bill->finding(BillFindingKind::NoTaxRate);
        QVERIFY(finding);
        QVERIFY2(finding->message.contains(QStringLiteral("no tax rate for FR")),
                 qPrintable(finding->message));
        QCOMPARE(bill->total.toDecimalString(), QStringLiteral("900.79"));
        auto invoice = issue(*workspace);
        QVERIFY(invoice);
        QCOMPARE(invoice->taxTreatment, TaxTreatment::NoRate);
        QVERIFY(std::any_of(invoice->lines.begin(), invoice->lines.end(), [](const auto& line) {
            return line.kind == InvoiceLineKind::Finding &&
                   line.description.contains(QStringLiteral("no tax rate for FR"));
        }));
    }

    void aCreditNoteCreditsTheTaxAndCreditsApplyAfterTax() {
        auto workspace = freshWorkspace();
        addRate(*workspace, "GB", "", "VAT", "20");
        setCustomer(*workspace, "GB");
        QVERIFY(CreditBook(*workspace, fixedClock("2026-11-01T00:00:00Z"))
                    .grant(QStringLiteral("stark-analytics"), Money::fromUnits(1000),
                           Money::fromUnits(1000), {}, QStringLiteral("prepaid"))
                    .ok());
        auto invoice = issue(*workspace);
        QVERIFY(invoice);
        // 1,080.95 with tax, less 1,000.00 of credit.
        QCOMPARE(invoice->creditsApplied().toDecimalString(), QStringLiteral("1000.00"));
        QCOMPARE(invoice->amountDue().toDecimalString(), QStringLiteral("80.95"));

        auto note = InvoiceBook(*workspace, fixedClock("2026-12-06T09:00:00Z"))
                        .credit(invoice->number, QStringLiteral("wrong country"));
        QVERIFY2(note, why(note).constData());
        QCOMPARE(note->total.toDecimalString(), QStringLiteral("-1080.95"));
        QCOMPARE(note->tax.toDecimalString(), QStringLiteral("-180.16"));
        QCOMPARE(note->net().toDecimalString(), QStringLiteral("-900.79"));
        QCOMPARE(InvoiceBook(*workspace).find(invoice->number)->status(),
                 QStringLiteral("credited"));
    }

    void partialCreditNotesTakeTheTaxInProportion() {
        auto workspace = freshWorkspace();
        addRate(*workspace, "GB", "", "VAT", "20");
        setCustomer(*workspace, "GB");
        auto invoice = issue(*workspace);
        QVERIFY(invoice);
        InvoiceBook book(*workspace, fixedClock("2026-12-06T09:00:00Z"));
        const QString number = invoice->number;

        // 50.00 spread over the lines that remain (138.65, 226.39, 535.75
        // of 900.79), in cents rounded down: 7.69, 12.56, 29.73 = 49.98;
        // the two odd cents to the largest remainders (.78 and .62): 29.74
        // and 12.57. Tax per line: 1.538 → 1.54, 2.514 → 2.51, 5.948 → 5.95.
        auto spread = book.credit(number, QStringLiteral("goodwill"),
                                  CreditRequest{Money::fromUnits(50), {}});
        QVERIFY2(spread, why(spread).constData());
        QStringList taken;
        for (const CreditNoteLine& line : spread->lines)
            taken.append(QStringLiteral("%1:%2/%3")
                             .arg(line.invoicePosition)
                             .arg(line.amount.toDecimalString(), line.tax.toDecimalString()));
        QCOMPARE(taken,
                 (QStringList{QStringLiteral("1:-7.69/-1.54"), QStringLiteral("2:-12.57/-2.51"),
                              QStringLiteral("8:-29.74/-5.95")}));
        QCOMPARE(spread->net().toDecimalString(), QStringLiteral("-50.00"));
        QCOMPARE(spread->tax.toDecimalString(), QStringLiteral("-10.00"));

        // One line, part of it: 100.00 of the requests, 20.00 of tax.
        auto line = book.credit(number, QStringLiteral("requests counted twice"),
                                CreditRequest{std::nullopt, {{2, Money::fromUnits(100)}}});
        QVERIFY2(line, why(line).constData());
        QCOMPARE(line->total.toDecimalString(), QStringLiteral("-120.00"));
        auto stored = book.find(number);
        QVERIFY(stored);
        QCOMPARE(stored->status(), QStringLiteral("partially-credited"));
        QCOMPARE(stored->balance().toDecimalString(), QStringLiteral("900.95"));
        QCOMPARE(stored->remainingAmount(2).toDecimalString(), QStringLiteral("113.82"));

        // Refused, with nothing written.
        const auto refused = [&](const CreditRequest& request, const char* words) {
            auto note = book.credit(number, QStringLiteral("x"), request);
            QVERIFY2(!note, words);
            QVERIFY2(note.error().message().contains(QLatin1String(words)), why(note).constData());
        };
        refused({Money::fromUnits(5000), {}}, "more than the 750.79 net that remains");
        refused({Money::fromMicros(5000), {}}, "whole cents");
        refused({Money(), {}}, "above 0");
        refused({std::nullopt, {{2, Money::fromUnits(114)}}}, "113.82 left to credit");
        refused({std::nullopt, {{15, std::nullopt}}}, "no charge line 15");
        refused({std::nullopt, {{1, std::nullopt}, {1, std::nullopt}}}, "given twice");
        refused({std::nullopt, {{3, std::nullopt}}}, "nothing left to credit");
        refused({Money::fromUnits(1), {{1, std::nullopt}}}, "not both");
        QCOMPARE(book.find(number)->creditNotes.size(), std::size_t(2));

        // The rest: every line's remainder with all its tax, so the notes
        // add up to the invoice to the cent and the month is free again.
        auto rest = book.credit(number, QStringLiteral("rest"));
        QVERIFY2(rest, why(rest).constData());
        QCOMPARE(rest->total.toDecimalString(), QStringLiteral("-900.95"));
        QCOMPARE(rest->tax.toDecimalString(), QStringLiteral("-150.16"));
        stored = book.find(number);
        QCOMPARE(stored->status(), QStringLiteral("credited"));
        QCOMPARE(stored->credited().toDecimalString(), QStringLiteral("-1080.95"));
        auto again = book.credit(number, QStringLiteral("again"));
        QVERIFY(!again);
        QCOMPARE(again.error().code(), Error::Code::Conflict);
        QVERIFY(book.issue(QStringLiteral("stark-analytics"), kOctober));
    }

    // Schema 12 makes credit_notes again (several per invoice): a note of an
    // older workspace keeps crediting its whole invoice.
    void aCreditNoteOfSchemaElevenStillCreditsItsInvoice() {
        constexpr std::string_view kRows = R"sql(
            INSERT INTO customers (id, name, email, created_at)
                VALUES ('acme', 'Acme', '', '2026-01-01T00:00:00Z');
            INSERT INTO invoices (id, number, year, sequence, customer_id, customer_name, month,
                                  currency, issued_at, issued_by, requests, active_users,
                                  active_agents, late_requests_at_issue, line_count, total_micros)
                VALUES (1, 'AICP-2026-000001', 2026, 1, 'acme', 'Acme', '2026-10', 'USD',
                        '2026-11-02T00:00:00Z', 'me', 0, 0, 0, 0, 1, 299000000),
                       (2, 'AICP-2026-000002', 2026, 2, 'acme', 'Acme', '2026-09', 'USD',
                        '2026-11-02T00:00:00Z', 'me', 0, 0, 0, 0, 1, 299000000);
            INSERT INTO invoice_lines (invoice_id, position, kind, axis, description, quantity,
                                       amount_micros)
                VALUES (1, 1, 'charge', 'base', 'Starter', 1, 299000000),
                       (2, 1, 'charge', 'base', 'Starter', 1, 299000000);
            INSERT INTO credit_notes (number, year, sequence, invoice_id, issued_at, issued_by,
                                      reason, total_micros)
                VALUES ('AICP-CN-2026-000001', 2026, 1, 1, '2026-11-03T00:00:00Z', 'me',
                        'wrong month', -299000000);
        )sql";
        QString location;
        std::unique_ptr<ScratchDatabase> database;
        if (onPostgres()) {
            database = std::make_unique<ScratchDatabase>();
            location = database->uri();
            QVERIFY(test::writeOldPostgresWorkspace(location, 11, kRows).ok());
        } else {
            location = demos_.file(QStringLiteral("v11.aicp"));
            QVERIFY(test::writeOldWorkspace(location, 11, kRows).ok());
        }
        auto workspace = Workspace::open(location, Workspace::OpenMode::OpenExisting);
        QVERIFY2(workspace, why(workspace).constData());
        InvoiceBook book(**workspace, fixedClock("2026-12-06T09:00:00Z"));
        auto credited = book.find(QStringLiteral("AICP-2026-000001"));
        QVERIFY(credited);
        QCOMPARE(credited->status(), QStringLiteral("credited"));
        QCOMPARE(credited->creditNotes.size(), std::size_t(1));
        QCOMPARE(credited->remainingAmount(1), Money());
        QVERIFY(!book.credit(credited->number, QStringLiteral("again")));
        auto open = book.credit(QStringLiteral("AICP-2026-000002"), QStringLiteral("part"),
                                CreditRequest{Money::fromUnits(99), {}});
        QVERIFY2(open, why(open).constData());
        QCOMPARE(open->number, QStringLiteral("AICP-CN-2026-000002"));
        QCOMPARE(book.find(QStringLiteral("AICP-2026-000002"))->balance().toDecimalString(),
                 QStringLiteral("200.00"));
    }

    void theDatabaseRefusesCreditNotesBeyondTheInvoice() {
        auto workspace = freshWorkspace();
        addRate(*workspace, "GB", "", "VAT", "20");
        setCustomer(*workspace, "GB");
        auto invoice = issue(*workspace);
        QVERIFY(invoice);
        const Status refused = executeWith(
            workspace->handle(),
            "INSERT INTO credit_notes (number, year, sequence, invoice_id, issued_at, issued_by, "
            "reason, total_micros, tax_micros) VALUES ('AICP-CN-2026-000001', 2026, 1, ?1, "
            "'2026-12-06T00:00:00Z', 'me', 'too much', ?2, 0)",
            invoice->id, invoice->total.negated().micros() - Money::kMicrosPerCent);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message().contains(QStringLiteral("more than their invoice")),
                 qPrintable(refused.error().message()));
    }

private:
    static void addRate(Workspace& workspace, const char* country, const char* region,
                        const char* name, const char* percent) {
        auto added = TaxRateStore(workspace).add(
            QString::fromLatin1(country), QString::fromLatin1(region), QString::fromLatin1(name),
            Percent::parse(QString::fromLatin1(percent)).value(), {2017, 1, 1});
        if (!added)
            qFatal("cannot add a rate: %s", qPrintable(added.error().message()));
    }

    static void setCustomer(Workspace& workspace, const char* country, const char* taxId = "",
                            const char* region = "", bool exempt = false) {
        CustomerStore store(workspace);
        Customer stark = store.find(QStringLiteral("stark-analytics")).value();
        stark.country = QString::fromLatin1(country);
        stark.taxId = QString::fromLatin1(taxId);
        stark.region = QString::fromLatin1(region);
        stark.taxExempt = exempt;
        const Status updated = store.update(stark);
        if (!updated.ok())
            qFatal("cannot edit the customer: %s", qPrintable(updated.error().message()));
    }

    static Result<Invoice> issue(Workspace& workspace) {
        return InvoiceBook(workspace, fixedClock("2026-12-05T10:00:00Z"))
            .issue(QStringLiteral("stark-analytics"), kOctober);
    }

    std::unique_ptr<Workspace> freshWorkspace() { return demos_.fresh(); }
    QString freshCopy() { return demos_.freshCopy(); }

    test::DemoCopies demos_;
};

QTEST_GUILESS_MAIN(TestTaxes)
#include "tst_taxes.moc"

#include "audit/auditedsettings.h"
#include "audit/auditlog.h"
#include "billing/invoicebook.h"
#include "billing/monthlybilling.h"
#include "customers/customer.h"
#include "licensing/licensepayload.h"
#include "metering/closedperiods.h"
#include "metering/usageimporter.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/fakeclock.h"
#include "support/tempworkspace.h"
#include "support/why.h"

#include <atomic>
#include <memory>
#include <set>
#include <thread>
#include <vector>

#include <QFile>
#include <QTest>

using namespace aicp;
using aicp::test::fixedClock;
using aicp::test::onPostgres;
using aicp::test::ScratchDatabase;
using aicp::test::TempWorkspace;
using aicp::test::why;

namespace {

const YearMonth kOctober{2026, 10};
const YearMonth kNovember{2026, 11};

}  // namespace

// The invoice rules of the README ("Billing rules (for finance)") on the demo
// workspace, whose bills are known: stark-analytics' October 2026 comes to
// $900.79 (starter, then professional from 10-15 09:00).
class TestInvoiceBook : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Each test takes a copy of this demo workspace, cheaper than a new one.
        QVERIFY2(demos_.ok(), qPrintable(demos_.error()));
    }

    void issueNumbersTheYearsFirstInvoiceClosesTheMonthAndAudits() {
        auto workspace = freshWorkspace();
        InvoiceBook book(*workspace, fixedClock("2026-12-05T10:00:00Z"));
        auto invoice = book.issue(QStringLiteral("stark-analytics"), kOctober);
        QVERIFY2(invoice, why(invoice).constData());
        QCOMPARE(invoice->number, QStringLiteral("AICP-2026-000001"));
        QCOMPARE(invoice->total.toDecimalString(), QStringLiteral("900.79"));
        QCOMPARE(invoice->axisTotal(BillAxis::Base).toDecimalString(), QStringLiteral("674.40"));
        QCOMPARE(invoice->axisTotal(BillAxis::Requests).toDecimalString(),
                 QStringLiteral("226.39"));
        QCOMPARE(invoice->issuedAt, fromRfc3339(QStringLiteral("2026-12-05T10:00:00Z")).value());
        QCOMPARE(
            ClosedPeriods(*workspace).isClosed(QStringLiteral("stark-analytics"), kOctober).value(),
            true);
        auto entries = AuditLog(*workspace).entries();
        QVERIFY(entries);
        QCOMPARE(entries->back().action, QStringLiteral("invoice.issue"));
        QCOMPARE(entries->back().subject, QStringLiteral("AICP-2026-000001"));

        auto stored = book.find(QStringLiteral("AICP-2026-000001"));
        QVERIFY(stored);
        QCOMPARE(invoiceToJson(*stored), invoiceToJson(*invoice));

        auto second = book.issue(QStringLiteral("acme-corp"), kOctober);
        QVERIFY(second);
        QCOMPARE(second->number, QStringLiteral("AICP-2026-000002"));
        // A new year starts its own series.
        InvoiceBook nextYear(*workspace, fixedClock("2027-01-03T08:00:00Z"));
        auto january = nextYear.issue(QStringLiteral("acme-corp"), kNovember);
        QVERIFY(january);
        QCOMPARE(january->number, QStringLiteral("AICP-2027-000001"));
    }

    void refusesAMonthThatHasNotEnded() {
        auto workspace = freshWorkspace();
        InvoiceBook book(*workspace, fixedClock("2026-11-30T23:59:59Z"));
        auto refused = book.issue(QStringLiteral("acme-corp"), kNovember);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), Error::Code::Conflict);
        QVERIFY(refused.error().message().contains(QStringLiteral("has not ended")));
    }

    void refusesAMonthWithoutLicense() {
        auto workspace = freshWorkspace();
        InvoiceBook book(*workspace, fixedClock("2026-12-05T10:00:00Z"));
        // vandelay's only license starts on 2026-11-01.
        auto refused = book.issue(QStringLiteral("vandelay"), kOctober);
        QVERIFY(!refused);
        QVERIFY(refused.error().message().contains(QStringLiteral("no license")));
        auto unknown = book.issue(QStringLiteral("no-such-customer"), kOctober);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code(), Error::Code::NotFound);
    }

    void aMonthIsInvoicedOnceUntilItsInvoiceIsCredited() {
        auto workspace = freshWorkspace();
        InvoiceBook book(*workspace, fixedClock("2026-12-05T10:00:00Z"));
        QVERIFY(book.issue(QStringLiteral("globex"), kOctober));
        auto again = book.issue(QStringLiteral("globex"), kOctober);
        QVERIFY(!again);
        QCOMPARE(again.error().code(), Error::Code::Conflict);
        QVERIFY(again.error().message().contains(QStringLiteral("AICP-2026-000001")));

        QVERIFY(!book.credit(QStringLiteral("AICP-2026-000001"), QStringLiteral("  ")));
        auto note = book.credit(QStringLiteral("AICP-2026-000001"), QStringLiteral("wrong seats"));
        QVERIFY2(note, why(note).constData());
        QCOMPARE(note->number, QStringLiteral("AICP-CN-2026-000001"));
        QCOMPARE(note->total.toDecimalString(), QStringLiteral("-999.00"));
        auto twice = book.credit(QStringLiteral("AICP-2026-000001"), QStringLiteral("again"));
        QVERIFY(!twice);
        QCOMPARE(twice.error().code(), Error::Code::Conflict);
        QCOMPARE(AuditLog(*workspace).entries()->back().action, QStringLiteral("invoice.credit"));

        auto reissued = book.issue(QStringLiteral("globex"), kOctober);
        QVERIFY2(reissued, why(reissued).constData());
        QCOMPARE(reissued->number, QStringLiteral("AICP-2026-000002"));
        auto credited = book.find(QStringLiteral("AICP-2026-000001"));
        QVERIFY(credited);
        QVERIFY(credited->isCredited());
        QCOMPARE(credited->lastCreditNote()->reason, QStringLiteral("wrong seats"));
        QCOMPARE(book.list(QStringLiteral("globex"))->size(), std::size_t(2));
        QVERIFY(!book.find(QStringLiteral("AICP-2026-000099")));
    }

    void anIssuedInvoiceIsUnchangedByLaterImportsAndPriceChanges() {
        auto workspace = freshWorkspace();
        InvoiceBook book(*workspace, fixedClock("2026-12-05T10:00:00Z"));
        auto issued = book.issue(QStringLiteral("stark-analytics"), kOctober);
        QVERIFY(issued);
        const QJsonObject before = invoiceToJson(*issued);

        // 3 + 4 = 7 requests for October arrive after its invoice.
        const QString csv = demos_.file(QStringLiteral("late.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(
            "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,compliance_modules,"
            "quantity\n"
            "late-1,2026-10-20T10:00:00Z,stark-analytics,agent-1,user-1,,,3\n"
            "late-2,2026-10-21T11:30:00Z,stark-analytics,agent-1,user-1,,,4\n");
        file.close();
        auto imported = UsageImporter(*workspace).importFile(csv);
        QVERIFY2(imported, why(imported).constData());
        QCOMPARE(imported->late, std::int64_t(2));

        auto book2026 = workspace->priceBook();
        QVERIFY(book2026);
        QByteArray json = book2026->toJson();
        QVERIFY(json.contains("\"999\""));
        json.replace("\"999\"", "\"1999\"");
        auto dearer = PriceBook::fromJson(json);
        QVERIFY2(dearer, why(dearer).constData());
        QVERIFY(aicp::storePriceBook(*workspace, *dearer).ok());
        // The bill computed now differs: it sees the late requests and the new prices.
        auto recomputed =
            MonthlyBilling(*workspace).bill(QStringLiteral("stark-analytics"), kOctober);
        QVERIFY(recomputed);
        QCOMPARE(recomputed->requests, issued->requests + 7);
        QVERIFY(recomputed->total != issued->total);

        auto stored = book.find(issued->number);
        QVERIFY(stored);
        QCOMPARE(invoiceToJson(*stored), before);

        // The next invoice lists the 7 late requests, for information only.
        auto november = book.issue(QStringLiteral("stark-analytics"), kNovember);
        QVERIFY2(november, why(november).constData());
        std::vector<InvoiceLine> late;
        for (const InvoiceLine& line : november->lines)
            if (line.kind == InvoiceLineKind::LateUsage)
                late.push_back(line);
        QCOMPARE(late.size(), std::size_t(1));
        QCOMPARE(late[0].quantity, std::int64_t(7));
        QCOMPARE(late[0].lateMonth, std::optional(kOctober));
        QVERIFY(late[0].amount.isZero());
        QVERIFY(late[0].description.contains(QStringLiteral("AICP-2026-000001")));
        // ...and only once: December's invoice has nothing new to list.
        InvoiceBook january(*workspace, fixedClock("2027-01-05T10:00:00Z"));
        auto december = january.issue(QStringLiteral("stark-analytics"), {2026, 12});
        QVERIFY2(december, why(december).constData());
        for (const InvoiceLine& line : december->lines)
            QVERIFY(line.kind != InvoiceLineKind::LateUsage);
    }

    void theDatabaseRefusesToChangeOrDropAnIssuedInvoice() {
        auto workspace = freshWorkspace();
        InvoiceBook book(*workspace, fixedClock("2026-12-05T10:00:00Z"));
        QVERIFY(book.issue(QStringLiteral("acme-corp"), kOctober));
        QVERIFY(book.credit(QStringLiteral("AICP-2026-000001"), QStringLiteral("test")));
        Database* db = workspace->handle();
        for (const char* sql : {
                 "UPDATE invoices SET total_micros = 1",
                 "DELETE FROM invoices",
                 "UPDATE invoice_lines SET amount_micros = 0",
                 "DELETE FROM invoice_lines",
                 "INSERT INTO invoice_lines (invoice_id, position, kind, axis, description, "
                 "quantity, amount_micros) VALUES (1, 999, 'charge', 'base', 'extra', 1, 1)",
                 "UPDATE credit_notes SET reason = 'other'",
                 "DELETE FROM credit_notes",
                 // A number out of sequence is refused too.
                 "INSERT INTO invoices (number, year, sequence, customer_id, customer_name, month, "
                 "currency, issued_at, issued_by, requests, active_users, active_agents, "
                 "late_requests_at_issue, line_count, total_micros) VALUES ('AICP-2026-000005', "
                 "2026, 5, 'globex', 'G', '2026-10', 'USD', 'x', 'y', 0, 0, 0, 0, 0, 0)",
             }) {
            QVERIFY2(!aicp::executeScript(db, sql).ok(), sql);
        }
        auto stored = book.find(QStringLiteral("AICP-2026-000001"));
        QVERIFY(stored);
        QCOMPARE(stored->total.toDecimalString(), QStringLiteral("4499.10"));
    }

    // Several issuers, each with its own connection to the same file, race
    // to invoice October: every number from 1 to the count is used once, and
    // a customer-month is invoiced once however many try.
    void concurrentIssuersNumberWithoutGaps() {
        const QString path = freshCopy();
        std::vector<QString> customers;
        {
            auto workspace = Workspace::open(path, Workspace::OpenMode::OpenExisting);
            QVERIFY(workspace);
            auto all = CustomerStore(**workspace).list();
            QVERIFY(all);
            for (const Customer& customer : *all)
                customers.push_back(customer.id);
        }
        constexpr int kThreads = 4;
        std::atomic<int> issued{0};
        std::vector<std::vector<QString>> numbers(kThreads);
        std::vector<QString> failures(kThreads);
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                auto workspace = Workspace::open(path, Workspace::OpenMode::OpenExisting);
                if (!workspace) {
                    failures[t] = workspace.error().message();
                    return;
                }
                InvoiceBook book(**workspace, fixedClock("2026-12-05T10:00:00Z"));
                // Every thread tries every customer, each starting elsewhere.
                for (std::size_t i = 0; i < customers.size(); ++i) {
                    const QString& id = customers[(i + std::size_t(t) * 5) % customers.size()];
                    auto invoice = book.issue(id, kOctober);
                    if (invoice) {
                        numbers[t].push_back(invoice->number);
                        ++issued;
                    } else if (invoice.error().code() != Error::Code::Conflict) {
                        failures[t] = invoice.error().message();
                        return;
                    }
                }
            });
        }
        for (std::thread& thread : threads)
            thread.join();
        for (const QString& failure : failures)
            QVERIFY2(failure.isEmpty(), qPrintable(failure));

        std::set<QString> all;
        for (const auto& list : numbers)
            all.insert(list.begin(), list.end());
        QCOMPARE(int(all.size()), issued.load());
        // 22 demo customers, 20 of them licensed in October.
        QCOMPARE(issued.load(), 20);
        int expected = 1;
        for (const QString& number : all)
            QCOMPARE(number, invoiceNumber(2026, expected++));
        auto workspace = Workspace::open(path, Workspace::OpenMode::OpenExisting);
        QVERIFY(workspace);
        auto listed = InvoiceBook(**workspace).list();
        QVERIFY(listed);
        std::set<QString> customersInvoiced;
        for (const Invoice& invoice : *listed)
            QVERIFY(customersInvoiced.insert(invoice.customerId).second);
        QCOMPARE(int(listed->size()), 20);
    }

    void aPaymentSettlesTheBalanceOnceAndOverdueEndsWithIt() {
        auto workspace = freshWorkspace();
        InvoiceBook book(*workspace, fixedClock("2026-12-05T10:00:00Z"));
        auto invoice = book.issue(QStringLiteral("stark-analytics"), kOctober);
        QVERIFY(invoice);
        QCOMPARE(invoice->status(), QStringLiteral("open"));
        QCOMPARE(invoice->dueDate, QDate(2027, 1, 4));
        QVERIFY(!invoice->isOverdueOn({2027, 1, 4}));
        QVERIFY(invoice->isOverdueOn({2027, 1, 5}));
        QCOMPARE(invoiceToJson(*invoice, {2027, 1, 5}).value(QStringLiteral("overdue")),
                 QJsonValue(true));

        InvoiceBook later(*workspace, fixedClock("2027-01-10T12:00:00Z"));
        const auto refused = [&](const char* day, const char* reference, const char* reason) {
            auto paid =
                later.markPaid(invoice->number, QDate::fromString(QLatin1String(day), Qt::ISODate),
                               QString::fromLatin1(reference));
            QVERIFY2(!paid, reason);
            QVERIFY2(paid.error().message().contains(QLatin1String(reason)), why(paid).constData());
        };
        refused("2027-01-11", "SEPA 1", "in the future");
        refused("2026-12-04", "SEPA 1", "before invoice AICP-2026-000001 was issued");
        refused("2027-01-08", "  ", "reference");
        auto paid = later.markPaid(invoice->number, {2027, 1, 8}, QStringLiteral(" SEPA 1 "));
        QVERIFY2(paid, why(paid).constData());
        QCOMPARE(paid->amount.toDecimalString(), QStringLiteral("900.79"));
        QCOMPARE(paid->reference, QStringLiteral("SEPA 1"));
        auto stored = later.find(invoice->number);
        QVERIFY(stored);
        QCOMPARE(stored->status(), QStringLiteral("paid"));
        QCOMPARE(stored->balance(), Money());
        QVERIFY(!stored->isOverdueOn({2027, 2, 1}));
        QCOMPARE(AuditLog(*workspace).entries()->back().action, QStringLiteral("invoice.paid"));
        refused("2027-01-09", "SEPA 2", "nothing left to pay");

        auto globex = book.issue(QStringLiteral("globex"), kOctober);
        QVERIFY(globex);
        QVERIFY(book.credit(globex->number, QStringLiteral("wrong")));
        auto credited = later.markPaid(globex->number, {2027, 1, 8}, QStringLiteral("SEPA 3"));
        QVERIFY(!credited);
        QCOMPARE(credited.error().code(), Error::Code::Conflict);
        QVERIFY(credited.error().message().contains(QStringLiteral("credited")));
        QVERIFY(!executeScript(workspace->handle(), "DELETE FROM invoice_payments").ok());
        QVERIFY(!executeScript(workspace->handle(), "UPDATE invoice_payments SET amount_micros = 1")
                     .ok());
    }

private:
    std::unique_ptr<Workspace> freshWorkspace() { return demos_.fresh(); }
    QString freshCopy() { return demos_.freshCopy(); }

    test::DemoCopies demos_;
};

QTEST_GUILESS_MAIN(TestInvoiceBook)
#include "tst_invoicebook.moc"

#include "accounting/ledger.h"
#include "billing/costreport.h"
#include "billing/creditbook.h"
#include "billing/invoice.h"
#include "billing/invoicebook.h"
#include "consoletest.h"
#include "demo/demoworkspace.h"
#include "mainwindow.h"
#include "money/moneyformat.h"
#include "pages/reports/costreportmodel.h"
#include "pages/reports/customerpicker.h"
#include "pages/reports/invoicespanel.h"
#include "pages/reports/invoicetablemodel.h"
#include "pages/reports/ledgerpanel.h"
#include "pages/reports/ledgertablemodel.h"
#include "pages/reports/reportspage.h"
#include "payments/stripeaccount.h"
#include "storage/workspace.h"
#include "support/stripestandin.h"
#include "workspacesession.h"

#include <memory>

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

namespace {

const YearMonth kNovember{2026, 11};

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

// Drives the Reports page over the demo workspace (its usage runs from
// 25 September to 25 November 2026), checking what it shows and writes
// against the core's own cost report for the same month and customers.
class TestReportsPage : public test::PageTest<ReportsPage> {
    Q_OBJECT

private:
    // View renders the PDF and hands it to the viewer.
    void viewTheSelected(InvoicesPanel* panel, QSignalSpy& finished, const QString& number) {
        QVERIFY(panel->selectInvoice(number));
        QString opened;
        panel->setDocumentOpener([&opened](const QString& file) {
            opened = file;
            return true;
        });
        QVERIFY(panel->viewSelected());
        QVERIFY(finished.wait(30000));
        QVERIFY(opened.endsWith(number + QStringLiteral(".pdf")));
        QVERIFY(readAll(opened).startsWith("%PDF-"));
    }

    // A payment needs its reference; then the invoice reads as paid, and a
    // second payment is not offered.
    void recordPaymentOfTheSelected(InvoicesPanel* panel, QSignalSpy& finished, QTableView* table) {
        panel->setPaymentProvider([](QWidget*, const Invoice&) {
            return std::optional<InvoicesPanel::PaymentDetails>();
        });
        QVERIFY(!panel->markSelectedPaid());
        panel->setPaymentProvider([](QWidget*, const Invoice&) {
            return std::optional(InvoicesPanel::PaymentDetails{
                QDateTime::currentDateTimeUtc().date(), QStringLiteral("SEPA 42")});
        });
        QVERIFY(panel->markSelectedPaid());
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(panel->message()));
        QTRY_VERIFY_WITH_TIMEOUT(!page_->isLoading() && !panel->invoices().empty() &&
                                     panel->invoices().front().status() == u"paid",
                                 60000);
        QVERIFY(table->model()
                    ->index(0, InvoiceTableModel::Status)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Paid ")));
        QVERIFY(!panel->markSelectedPaid());
    }

    // A credit note needs a reason, then a confirmation that says what it
    // takes back and what remains; here $100.00 of it.
    void creditPartOfTheSelected(InvoicesPanel* panel, QSignalSpy& finished) {
        panel->setCreditProvider(
            [](QWidget*, const Invoice&) { return std::optional<CreditNoteChoice>(); });
        QVERIFY(!panel->creditSelected());
        const Invoice invoice = *panel->selectedInvoice();
        const Money taken = Money::fromUnits(100);
        const Money left = Money::fromMicros(invoice.total.micros() - taken.micros());
        CreditRequest part;
        part.amount = taken;
        panel->setCreditProvider([part](QWidget*, const Invoice&) {
            return std::optional(CreditNoteChoice{u"pilot discount"_qs, part});
        });
        QString asked;
        panel->setConfirmer([&asked](QWidget*, const QString&, const QString& text) {
            asked = text;
            return true;
        });
        QVERIFY(panel->creditSelected());
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(panel->message()));
        QVERIFY2(asked.contains(formatMoney(taken, QLocale(), invoice.currency)) &&
                     asked.contains(QStringLiteral("%1 of the invoice remains")
                                        .arg(formatMoney(left, QLocale(), invoice.currency))),
                 qPrintable(asked));
        // `asked` goes with this function.
        panel->setConfirmer([](QWidget*, const QString&, const QString&) { return true; });
        QTRY_VERIFY_WITH_TIMEOUT(!page_->isLoading() && !panel->invoices().empty() &&
                                     panel->invoices().front().isPartiallyCredited(),
                                 60000);
    }

    QString demoPath_;

    void waitForReport() {
        QTRY_VERIFY_WITH_TIMEOUT(!page_->isLoading() && page_->report() != nullptr, 60000);
    }
    bool exportAndWait(const QString& file, ReportsPage::Format format) {
        QSignalSpy finished(page_.get(), &ReportsPage::exportFinished);
        if (!page_->exportTo(file, format))
            return false;
        return finished.wait(30000) && finished.first().at(0).toBool();
    }
    CostReport expected(const QStringList& ids = {}) const {
        return costReportFor(*workspace_, kNovember, ids).value();
    }
    void makePage() {
        page_ = std::make_unique<ReportsPage>();
        page_->setWorkspace(workspace_.get());
        page_->setMonth(kNovember.firstDay());
        QVERIFY(showPage());
    }

private slots:
    void initTestCase() {
        QVERIFY(test::useScratchSettings(dir_, "tst_reportspage"));
        demoPath_ = path("demo.aicp");
        const Status created = createDemoWorkspace(demoPath_);
        QVERIFY2(created, created ? "" : qPrintable(created.error().message()));
    }

    void init() {
        QSettings().clear();
        workspace_ = Workspace::open(demoPath_).value();
        makePage();
    }

    void cleanup() { closePage(); }

    void tableShowsEveryCustomerAndTheCoreTotals() {
        waitForReport();
        const CostReport core = expected();
        QVERIFY(core.customers.size() > 20);
        auto* table = child<QTableView>("costReportTable");
        QCOMPARE(table->model()->rowCount(), int(core.customers.size()));
        QCOMPARE(page_->report()->currencies.at(0).total.micros(),
                 core.currencies.at(0).total.micros());
        QVERIFY(core.currencies.at(0).total.micros() > 0);

        // The footer: each axis's subtotal and the grand total, as the core sums them.
        auto* totals = child<QTableView>("costReportTotals")->model();
        QCOMPARE(totals->rowCount(), 1);
        const QLocale locale;
        for (std::size_t axis = 0; axis < core.currencies.at(0).subtotals.size(); ++axis)
            QCOMPARE(totals->index(0, CostReportModel::axisColumn(axis)).data().toString(),
                     formatMoney(core.currencies.at(0).subtotals[axis].amount, locale,
                                 core.currencies.at(0).currency));
        QCOMPARE(totals->index(0, CostReportModel::totalColumn()).data().toString(),
                 formatMoney(core.currencies.at(0).total, locale, core.currencies.at(0).currency));
        QCOMPARE(totals->index(0, CostReportModel::customerColumn()).data().toString(),
                 QStringLiteral("Total · %1 customers").arg(core.customers.size()));

        // Each row's cells are that customer's amounts.
        const auto* source = static_cast<CostReportModel*>(
            static_cast<QSortFilterProxyModel*>(table->model())->sourceModel());
        for (int row = 0; row < source->rowCount(); ++row) {
            const CostReportCustomer& customer = core.customers[std::size_t(row)];
            QCOMPARE(source->index(row, 0).data(CostReportModel::CustomerIdRole).toString(),
                     customer.id);
            QCOMPARE(source->index(row, CostReportModel::totalColumn())
                         .data(CostReportModel::SortRole)
                         .toLongLong(),
                     qint64(customer.total.micros()));
        }
        QVERIFY(child<QLabel>("reportSummary")->text().contains(QStringLiteral("November 2026")));
    }

    void moneyIsRightAlignedAndTotalsBold() {
        waitForReport();
        auto* table = child<QTableView>("costReportTable");
        const QModelIndex amount = table->model()->index(0, CostReportModel::axisColumn(0));
        QVERIFY(amount.data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight);
        QVERIFY(
            table->model()
                ->headerData(CostReportModel::totalColumn(), Qt::Horizontal, Qt::TextAlignmentRole)
                .value<Qt::Alignment>() &
            Qt::AlignRight);
        QVERIFY(table->model()
                    ->index(0, CostReportModel::totalColumn())
                    .data(Qt::FontRole)
                    .value<QFont>()
                    .bold());
        auto* totals = child<QTableView>("costReportTotals")->model();
        for (int column = 0; column < totals->columnCount(); ++column)
            QVERIFY(totals->index(0, column).data(Qt::FontRole).value<QFont>().bold());
        // Footer columns line up with the table's.
        auto* footer = child<QTableView>("costReportTotals");
        for (int column = 0; column < totals->columnCount(); ++column)
            QCOMPARE(footer->columnWidth(column), table->columnWidth(column));
    }

    void sortingByTotalPutsTheLargestBillFirst() {
        waitForReport();
        auto* table = child<QTableView>("costReportTable");
        table->sortByColumn(CostReportModel::totalColumn(), Qt::DescendingOrder);
        const CostReport core = expected();
        qint64 largest = 0;
        for (const CostReportCustomer& customer : core.customers)
            largest = std::max<qint64>(largest, customer.total.micros());
        QCOMPARE(table->model()
                     ->index(0, CostReportModel::totalColumn())
                     .data(CostReportModel::SortRole)
                     .toLongLong(),
                 largest);
    }

    void csvAndJsonExportsAreTheCoreBytes() {
        waitForReport();
        QVERIFY(exportAndWait(path("all.csv"), ReportsPage::Format::Csv));
        QCOMPARE(readAll(path("all.csv")), costReportCsv(expected()));
        QVERIFY(page_->message().startsWith(QStringLiteral("Saved ")));
        QVERIFY(exportAndWait(path("all.json"), ReportsPage::Format::Json));
        QCOMPARE(readAll(path("all.json")), costReportJson(expected()));
        QVERIFY(!child<QWidget>("exportProgress")->isVisible());
    }

    void pdfExportIsADocument() {
        waitForReport();
        QVERIFY(exportAndWait(path("all.pdf"), ReportsPage::Format::Pdf));
        const QByteArray pdf = readAll(path("all.pdf"));
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.size() > 2000);
    }

    void aChosenSetOfCustomersIsReportedAndRemembered() {
        waitForReport();
        const QStringList chosen = {QStringLiteral("initech"), QStringLiteral("globex")};
        page_->setCustomers(chosen);
        QTRY_VERIFY_WITH_TIMEOUT(
            !page_->isLoading() && page_->report() && page_->report()->customers.size() == 2,
            60000);
        QVERIFY2(page_->report(),
                 qPrintable(page_->findChild<QLabel*>(QStringLiteral("reportPrompt"))->text()));
        QCOMPARE(page_->report()->customers[0].id, QStringLiteral("globex"));
        QCOMPARE(page_->report()->currencies.at(0).total.micros(),
                 expected(chosen).currencies.at(0).total.micros());
        QCOMPARE(child<CustomerPicker>("customerPicker")->text(),
                 QStringLiteral("2 of %1 customers").arg(expected().customers.size()));
        QVERIFY(exportAndWait(path("two.csv"), ReportsPage::Format::Csv));
        QCOMPARE(readAll(path("two.csv")), costReportCsv(expected(chosen)));

        // A new page (the next start) reports on the same customers.
        page_.reset();
        makePage();
        waitForReport();
        QCOMPARE(page_->report()->customers.size(), std::size_t(2));
        QCOMPARE(child<CustomerPicker>("customerPicker")->text(),
                 QStringLiteral("2 of %1 customers").arg(expected().customers.size()));
        // Back to everyone: nothing to remember.
        page_->setCustomers({});
        QVERIFY(!QSettings().contains(QStringLiteral("reports/customers")));
    }

    void aFailedExportSaysWhyAndWritesNothing() {
        waitForReport();
        const QString target = path("missing-folder/report.csv");
        QSignalSpy finished(page_.get(), &ReportsPage::exportFinished);
        QVERIFY(page_->exportTo(target, ReportsPage::Format::Csv));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(page_->message().startsWith(QStringLiteral("Could not write ")),
                 qPrintable(page_->message()));
        QVERIFY(!QFile::exists(target));
    }

    void aMonthWithoutUsageStillListsEveryCustomer() {
        waitForReport();
        page_->setMonth(QDate(2026, 2, 1));
        QTRY_VERIFY_WITH_TIMEOUT(
            !page_->isLoading() && page_->report()->month == (YearMonth{2026, 2}), 60000);
        const CostReport core = costReportFor(*workspace_, {2026, 2}).value();
        QCOMPARE(page_->report()->customers.size(), core.customers.size());
        QCOMPARE(page_->report()->currencies.at(0).total.micros(),
                 core.currencies.at(0).total.micros());
    }

    void theCliWritesTheSameBytes() {
        waitForReport();
        const QString cli = qEnvironmentVariable("AICP_CLI");
        if (cli.isEmpty() || !QFileInfo(cli).isExecutable())
            QSKIP("AICP_CLI is not set");
        QVERIFY(exportAndWait(path("console.csv"), ReportsPage::Format::Csv));
        QVERIFY(exportAndWait(path("console.json"), ReportsPage::Format::Json));
        page_->setCustomers({QStringLiteral("initech"), QStringLiteral("globex")});
        QTRY_VERIFY_WITH_TIMEOUT(
            !page_->isLoading() && page_->report() && page_->report()->customers.size() == 2,
            60000);
        QVERIFY(exportAndWait(path("console-two.csv"), ReportsPage::Format::Csv));
        page_.reset();
        workspace_.reset();  // the CLI opens the workspace on its own
        const auto run = [&](const QStringList& extra) {
            QProcess process;
            process.start(cli, QStringList{QStringLiteral("--db"), demoPath_,
                                           QStringLiteral("report"), QStringLiteral("cost"),
                                           QStringLiteral("--month"), QStringLiteral("2026-11")} +
                                   extra);
            process.waitForFinished(60000);
            return std::pair(process.exitCode(), process.readAllStandardOutput());
        };
        const auto [code, csv] = run({});
        if (code != 0)
            QSKIP("this aicp has no `report cost` command yet");
        QCOMPARE(csv, readAll(path("console.csv")));
        const auto [jsonCode, json] = run({QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(jsonCode, 0);
        QCOMPARE(json, readAll(path("console.json")));
        const auto [twoCode, two] = run({QStringLiteral("--customer"), QStringLiteral("globex"),
                                         QStringLiteral("--customer"), QStringLiteral("initech")});
        QCOMPARE(twoCode, 0);
        QCOMPARE(two, readAll(path("console-two.csv")));
    }

    void invoicesAreIssuedAfterConfirmationViewedAndCredited() {
        waitForReport();
        const YearMonth october{2026, 10};
        page_->setMonth(october.firstDay());
        QTRY_VERIFY_WITH_TIMEOUT(
            !page_->isLoading() && page_->report() && page_->report()->month == october, 60000);
        InvoicesPanel* panel = page_->invoicesPanel();
        QVERIFY(panel->invoices().empty());
        const CostReport core = costReportFor(*workspace_, october).value();
        const auto globex = std::find_if(core.customers.begin(), core.customers.end(),
                                         [](const auto& c) { return c.id == u"globex"; });
        QVERIFY(globex != core.customers.end());
        const QString total = formatMoney(globex->total, QLocale(), core.currencies.at(0).currency);

        // Backing out at the confirmation issues nothing.
        QString asked;
        panel->setConfirmer([&asked](QWidget*, const QString&, const QString& text) {
            asked = text;
            return false;
        });
        QVERIFY(!panel->issueInvoice(QStringLiteral("globex")));
        QVERIFY(asked.contains(QStringLiteral("Globex Industries")));
        QVERIFY(asked.contains(QStringLiteral("October 2026")));
        QVERIFY2(asked.contains(total), qPrintable(asked));
        QVERIFY(asked.contains(QStringLiteral("cannot be undone")));

        panel->setConfirmer([](QWidget*, const QString&, const QString&) { return true; });
        QSignalSpy finished(panel, &InvoicesPanel::operationFinished);
        QVERIFY(panel->issueInvoice(QStringLiteral("globex")));
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(panel->message()));
        QTRY_VERIFY_WITH_TIMEOUT(!page_->isLoading() && panel->invoices().size() == 1, 60000);
        const Invoice issued = panel->invoices().front();
        QCOMPARE(issued.customerId, QStringLiteral("globex"));
        QCOMPARE(issued.total.micros(), globex->total.micros());
        QVERIFY(issued.number.startsWith(QStringLiteral("AICP-2026-")));
        auto* table = page_->findChild<QTableView*>(QStringLiteral("invoiceTable"));
        QCOMPARE(table->model()->index(0, InvoiceTableModel::Total).data().toString(), total);
        const QString status =
            table->model()->index(0, InvoiceTableModel::Status).data().toString();
        QVERIFY2(status.startsWith(QStringLiteral("Open, due ")), qPrintable(status));

        // The month is invoiced: a second invoice is refused, in words.
        QVERIFY(panel->issueInvoice(QStringLiteral("globex")));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.last().at(0).toBool(), false);
        QVERIFY(!panel->message().isEmpty());

        viewTheSelected(panel, finished, issued.number);
        recordPaymentOfTheSelected(panel, finished, table);
        if (QTest::currentTestFailed())
            return;

        creditPartOfTheSelected(panel, finished);
        if (QTest::currentTestFailed())
            return;
        // Then the rest.
        panel->setCreditProvider([](QWidget*, const Invoice&) {
            return std::optional(CreditNoteChoice{u"seats counted twice"_qs, {}});
        });
        QVERIFY(panel->creditSelected());
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(panel->message()));
        QTRY_VERIFY_WITH_TIMEOUT(!page_->isLoading() && !panel->invoices().empty() &&
                                     panel->invoices().front().isCredited(),
                                 60000);
        QCOMPARE(panel->invoices().front().lastCreditNote()->reason,
                 QStringLiteral("seats counted twice"));
        QVERIFY(table->model()
                    ->index(0, InvoiceTableModel::Status)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Credited (AICP-CN-2026-")));
    }

    void anInvoiceThatUsedCreditShowsTheCreditAndWhatIsDue() {
        waitForReport();
        const YearMonth october{2026, 10};
        page_->setMonth(october.firstDay());
        QTRY_VERIFY_WITH_TIMEOUT(
            !page_->isLoading() && page_->report() && page_->report()->month == october, 60000);
        const CostReport core = costReportFor(*workspace_, october).value();
        const auto initech = std::find_if(core.customers.begin(), core.customers.end(),
                                          [](const auto& c) { return c.id == u"initech"; });
        QVERIFY(initech != core.customers.end());
        QVERIFY(initech->total > Money::fromUnits(10));
        QVERIFY(CreditBook(*workspace_)
                    .grant(QStringLiteral("initech"), Money::fromUnits(10), Money(), {},
                           QStringLiteral("Pilot goodwill")));

        InvoicesPanel* panel = page_->invoicesPanel();
        panel->setConfirmer([](QWidget*, const QString&, const QString&) { return true; });
        QSignalSpy finished(panel, &InvoicesPanel::operationFinished);
        QVERIFY(panel->issueInvoice(QStringLiteral("initech")));
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(panel->message()));
        const QLocale locale;
        const QString credit =
            formatMoney(Money::fromUnits(10), locale, core.currencies.at(0).currency);
        const QString due =
            formatMoney(Money::fromMicros(initech->total.micros() - Money::fromUnits(10).micros()),
                        locale, core.currencies.at(0).currency);
        QVERIFY2(panel->message().contains(
                     QStringLiteral("less %1 of prepaid credit: %2 due").arg(credit, due)),
                 qPrintable(panel->message()));

        // Its row: the total, the credit as a negative line, what is due.
        const auto number = [panel] {
            for (const Invoice& invoice : panel->invoices())
                if (invoice.customerId == u"initech")
                    return invoice.number;
            return QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!page_->isLoading() && !number().isEmpty(), 60000);
        const QAbstractItemModel* table =
            page_->findChild<QTableView*>(QStringLiteral("invoiceTable"))->model();
        int row = 0;
        while (row < table->rowCount() && table->index(row, 0).data().toString() != number())
            ++row;
        QVERIFY(row < table->rowCount());
        QCOMPARE(table->index(row, InvoiceTableModel::Total).data().toString(),
                 formatMoney(initech->total, locale, core.currencies.at(0).currency));
        QCOMPARE(table->index(row, InvoiceTableModel::Credit).data().toString(),
                 formatMoney(Money::fromUnits(-10), locale, core.currencies.at(0).currency));
        QCOMPARE(table->index(row, InvoiceTableModel::Due).data().toString(), due);
    }

    // Push to Stripe (after a confirmation naming the amount and the masked
    // key), Sync Payments, and Stop, against a Stripe stand-in.
    void anInvoiceGoesToStripeAndItsPaymentComesBack() {
        waitForReport();
        const YearMonth october{2026, 10};
        auto issued = InvoiceBook(*workspace_).issue(QStringLiteral("stark-analytics"), october);
        QVERIFY(issued);
        const QByteArray key = "sk_test_51ReportsPage0123456789abcdQRST";
        test::StripeStandIn stripe(key);
        QVERIFY(StripeSettings(*workspace_).configure(key, stripe.url()));
        page_->setMonth(october.firstDay());
        InvoicesPanel* panel = page_->invoicesPanel();
        QTRY_VERIFY_WITH_TIMEOUT(!page_->isLoading() && panel->selectInvoice(issued->number),
                                 60000);
        auto* push = page_->findChild<QAbstractButton*>(QStringLiteral("pushStripeButton"));
        auto* sync = page_->findChild<QAbstractButton*>(QStringLiteral("syncStripeButton"));
        QVERIFY(push->isEnabled());
        QVERIFY(!sync->isEnabled());  // nothing pushed yet

        QString asked;
        panel->setConfirmer([&asked](QWidget*, const QString&, const QString& text) {
            asked = text;
            return true;
        });
        QSignalSpy finished(panel, &InvoicesPanel::operationFinished);
        QVERIFY(panel->pushSelectedToStripe());
        QVERIFY(asked.contains(QStringLiteral("sk_test_••••••••QRST")));
        QVERIFY(asked.contains(QStringLiteral("test mode")));
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(panel->message()));
        QVERIFY2(panel->message().contains(QStringLiteral("is in Stripe as")),
                 qPrintable(panel->message()));
        QCOMPARE(stripe.invoices().size(), 1);
        const QAbstractItemModel* table =
            page_->findChild<QTableView*>(QStringLiteral("invoiceTable"))->model();
        const auto stripeColumn = [&] {
            for (int row = 0; row < table->rowCount(); ++row)
                if (table->index(row, 0).data().toString() == issued->number)
                    return table->index(row, InvoiceTableModel::Payment).data().toString();
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(stripeColumn(), QStringLiteral("open"), 60000);
        QTRY_VERIFY(sync->isEnabled());

        // A sync that hangs: the same button stops it at once.
        test::StripeStandIn::Fault hang;
        hang.kind = test::StripeStandIn::Fault::Kind::Hang;
        stripe.failNext("GET", "/v1/invoices/*", hang);
        const std::size_t asks = stripe.requests().size();
        QVERIFY(panel->syncStripe());
        QCOMPARE(push->text(), QStringLiteral("Stop"));
        QVERIFY(push->isEnabled());
        QTRY_COMPARE(stripe.requests().size(), asks + 1);  // Stripe is "thinking"
        push->click();
        QVERIFY(finished.wait(5000));
        QVERIFY(!finished.last().at(0).toBool());
        QVERIFY2(panel->message().startsWith(QStringLiteral("Stopped.")),
                 qPrintable(panel->message()));

        QVERIFY(stripe.markPaid(stripe.invoices().first().value(u"id").toString().toLatin1(),
                                QDateTime::currentSecsSinceEpoch()));
        QTRY_VERIFY(sync->isEnabled());
        QVERIFY(panel->syncStripe());
        QVERIFY(finished.wait(30000));
        QVERIFY2(panel->message().contains(QStringLiteral("recorded as paid")),
                 qPrintable(panel->message()));
        QTRY_VERIFY_WITH_TIMEOUT(stripeColumn().startsWith(QStringLiteral("paid ")), 60000);
        QVERIFY2(stripe.violations().isEmpty(), qPrintable(stripe.violations().join(u'\n')));
    }

    // Reports ▸ Ledger shows the postings dated in the page's month, and
    // exports what `aicp ledger export` writes for it.
    void theLedgerTabShowsTheMonthsPostingsAndExportsTheCliBytes() {
        waitForReport();
        auto grant = CreditBook(*workspace_)
                         .grant(QStringLiteral("globex"), Money::fromUnits(500),
                                Money::fromUnits(450), {}, QStringLiteral("prepaid pack"));
        QVERIFY(grant);
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const YearMonth month = YearMonth::of(today);
        page_->setMonth(month.firstDay());
        LedgerPanel* panel = page_->ledgerPanel();
        QTRY_VERIFY_WITH_TIMEOUT(!page_->isLoading() && page_->report() &&
                                     page_->report()->month == month && panel->ledger(),
                                 60000);
        auto core = ledgerFor(*workspace_, month.firstDay(), month.next().firstDay().addDays(-1),
                              QDateTime::currentDateTimeUtc());
        QVERIFY(core);
        QCOMPARE(ledgerCsv(*panel->ledger()), ledgerCsv(*core));
        QVERIFY(core->postings.size() >= 3);  // the grant: bank, promotional, customer credit
        auto* table = page_->findChild<QTableView*>(QStringLiteral("ledgerTable"));
        QCOMPARE(std::size_t(table->model()->rowCount()), core->postings.size());
        QVERIFY2(
            panel->summary().contains(QStringLiteral("%1 postings").arg(core->postings.size())),
            qPrintable(panel->summary()));
        int grantRow = 0;
        while (grantRow < table->model()->rowCount() &&
               (table->model()->index(grantRow, LedgerTableModel::Account).data() !=
                    QStringLiteral("promotional_credit") ||
                table->model()->index(grantRow, LedgerTableModel::Document).data() !=
                    QStringLiteral("GRANT-%1").arg(grant->id)))
            ++grantRow;
        QVERIFY(grantRow < table->model()->rowCount());
        QCOMPARE(table->model()->index(grantRow, LedgerTableModel::Debit).data().toString(),
                 formatMoney(Money::fromUnits(50), QLocale(), QStringLiteral("USD")));
        QVERIFY(
            table->model()->index(grantRow, LedgerTableModel::Credit).data().toString().isEmpty());

        QSignalSpy finished(panel, &LedgerPanel::exportFinished);
        const QString csv = path("ledger.csv");
        QVERIFY(panel->exportTo(csv, false));
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(panel->message()));
        QCOMPARE(readAll(csv), ledgerCsv(*core));
        const QString json = path("ledger.json");
        QVERIFY(panel->exportTo(json, true));
        QVERIFY(finished.wait(30000));
        QCOMPARE(readAll(json), ledgerJson(*core));
    }
};

QTEST_MAIN(TestReportsPage)
#include "tst_reportspage.moc"

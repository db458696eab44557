#pragma once

#include "billing/costreport.h"
#include "customers/customer.h"
#include "pages/consolepage.h"

#include <atomic>
#include <memory>
#include <vector>

#include <QDate>
#include <QElapsedTimer>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QAction;
class QLabel;
class QLayout;
class QProgressBar;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace aicp {

class CardFrame;
class CostReportModel;
class CustomerPicker;
class InvoicesPanel;
class LedgerPanel;
class TaskRunner;
class Workspace;

// The Reports page: the finance cost report for the context bar's month and
// a chosen set of customers (every customer by default; the choice is
// remembered), one row per customer and a column per pricing axis, with the
// axis subtotals and the grand total in a footer that stays in view and the
// customers' billing findings flagged. The report is computed by
// costReportFor on the shared TaskRunner while the page shows that it is
// loading, and only while the page is on screen; exports write
// costReportCsv / costReportJson / costReportPdf of the report shown, the
// bytes the CLI writes (the PDF differs only in its generation stamp), off
// the GUI thread with progress. A second tab lists the month's invoices, a
// third the month's ledger postings.
class ReportsPage : public ConsolePage {
    Q_OBJECT
public:
    enum class Format { Csv, Json, Pdf };

    explicit ReportsPage(QWidget* parent = nullptr);
    ~ReportsPage() override;

    // Empty: every customer.
    void setCustomers(const QStringList& customerIds);

    [[nodiscard]] bool isLoading() const { return loading_; }
    [[nodiscard]] bool isExporting() const { return exporting_; }
    // The report on screen; null while none is.
    [[nodiscard]] std::shared_ptr<const CostReport> report() const;
    // The last export's or load's outcome, as shown above the table.
    [[nodiscard]] QString message() const;
    // The month's invoices: list, issue, view, credit.
    [[nodiscard]] InvoicesPanel* invoicesPanel() const { return invoices_; }
    // The month's postings: Reports ▸ Ledger.
    [[nodiscard]] LedgerPanel* ledgerPanel() const { return ledger_; }
    // Milliseconds from asking for the report to the table showing it.
    [[nodiscard]] qint64 lastLoadMilliseconds() const { return lastLoadMs_; }

    // Writes the report on screen to `path`; false when it did not start
    // (nothing to export, an export running).
    bool exportTo(const QString& path, Format format);

signals:
    // The table shows a newly computed report.
    void reportShown();
    void exportFinished(bool ok, const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Loaded;
    struct ExportTicker;

    void buildLayout();
    QLayout* buildToolbar();
    void buildStatus();
    void buildTablePane();
    void load() override;
    void workspaceChanged() override;
    void runnerChanged() override;
    void runnerBusyChanged(bool busy) override;
    // The worker's part of load(): the customers, the month's invoices and
    // the report for `chosen` (every customer when `all`), and the ledger of
    // the month (grants expired by `now` forfeited).
    static Loaded compute(Workspace& workspace, YearMonth month, bool all,
                          const QStringList& chosen, const QDateTime& now);
    void showLoaded(Loaded loaded);
    void chooseExportFile(Format format);
    void finishExport(const QString& path, const Status& status);
    void showMessage(const QString& text, bool problem);
    void showProgress();
    void showFindings();
    void fitColumns();
    void updateActions();
    void rememberCustomers();

    bool loading_ = false;
    bool exporting_ = false;
    qint64 lastLoadMs_ = -1;
    QElapsedTimer loadClock_;
    std::shared_ptr<ExportTicker> ticker_;

    CustomerPicker* picker_;
    QLabel* summary_;
    QToolButton* exportButton_;
    QAction* exportCsv_;
    QAction* exportJson_;
    QAction* exportPdf_;
    CardFrame* progressStrip_;
    QProgressBar* progress_;
    QLabel* progressText_;
    QLabel* message_;
    QStackedWidget* content_;
    QLabel* prompt_;
    QWidget* loadingPane_;
    QLabel* loadingText_;
    QWidget* tablePane_;
    QTabWidget* tabs_;
    InvoicesPanel* invoices_;
    LedgerPanel* ledger_;
    CostReportModel* model_;
    CostReportModel* totals_;
    QSortFilterProxyModel* sorted_;
    QTableView* table_;
    QTableView* footer_;
    QLabel* findings_;
    QTimer* progressTimer_;
};

}  // namespace aicp

#pragma once

#include "licensing/licenseregistry.h"
#include "metering/usagequery.h"
#include "pages/consolepage.h"
#include "pages/usage/allcustomersusage.h"
#include "pages/usage/usagefigures.h"

#include <memory>
#include <optional>

#include <QStringList>

class QAbstractButton;
class QCheckBox;
class QComboBox;
class QLabel;
class QMimeData;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace aicp {

class AllCustomersView;
class BreakdownChart;
class ImportProgressStrip;
class QuotaChart;
class RequestsChart;
class UsageCards;
class UsageImportController;
class UsageImportModel;

// The Usage page: imports usage files (dialog or drag and drop) on the shared
// TaskRunner with progress and a cancel that leaves nothing written
// (UsageImportController), and shows the context bar's month — for one
// customer against the license in force (UsageCards, QuotaChart,
// RequestsChart, two BreakdownCharts), for all customers the month across
// them (AllCustomersView) — above the imports history. Everything shown is
// read from UsageQuery's aggregates; charts with more points than pixels
// are thinned for drawing only.
class UsagePage : public ConsolePage {
    Q_OBJECT
public:
    // How far back the per-window charts reach, ending with the month.
    enum class Span { Month, ThreeMonths, TwelveMonths };

    explicit UsagePage(QWidget* parent = nullptr);
    ~UsagePage() override;

    void setWindow(UsageWindow window);
    void setSpan(Span span);
    [[nodiscard]] UsageWindow window() const { return window_; }

    // Starts importing the files one after the other; false when another
    // operation is running or nothing was given.
    bool importFiles(const QStringList& paths);
    void chooseFilesToImport();
    void cancelImport();
    [[nodiscard]] bool isImporting() const { return importing_ != nullptr; }
    // The last import's outcome, as shown above the charts.
    [[nodiscard]] QString message() const;

    // What the page shows for one customer and month.
    [[nodiscard]] const std::optional<MonthlyUsageSummary>& summary() const { return summary_; }
    [[nodiscard]] const std::optional<LicenseRecord>& license() const { return license_; }
    [[nodiscard]] const std::optional<MonthProjection>& projection() const { return projection_; }
    // What it shows with "All customers" chosen.
    [[nodiscard]] const std::optional<AllCustomersUsage>& allCustomers() const;

    // The local files in a drag that look like usage files (CSV, JSON Lines).
    [[nodiscard]] static QStringList usageFiles(const QMimeData* mime);

signals:
    void importFinished(bool ok, const QString& message);
    // Events were committed: customers and usage may be new.
    void usageChanged();
    // The user asked for the live sources (kept on the Settings page).
    void liveSourcesRequested();
    // A customer was picked in the all-customers view.
    void customerActivated(const QString& customerId);

protected:
    void load() override;
    [[nodiscard]] bool mustWait() const override;
    void workspaceChanged() override;
    void runnerBusyChanged(bool busy) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildLayout();
    QLayout* buildToolbar();
    QWidget* buildCustomerView();
    QWidget* buildHistory();
    void updateActions();
    void showMessage(const QString& text, bool problem);
    void showPrompt(const QString& text);
    void finishImport(const QString& text, bool ok, bool refused, bool committed);
    void loadImports();
    void loadCustomer();
    void loadSeries(YearMonth month);
    void loadAllCustomers();
    [[nodiscard]] QDate rangeStart() const;

    UsageWindow window_ = UsageWindow::Day;
    Span span_ = Span::Month;
    std::shared_ptr<UsageImportController> importing_;

    // What the last reload read.
    std::optional<MonthlyUsageSummary> summary_;
    std::optional<LicenseRecord> license_;
    std::optional<MonthProjection> projection_;

    QPushButton* importButton_;
    QCheckBox* skipBad_;
    QAbstractButton* perDay_;
    QAbstractButton* perHour_;
    QComboBox* spanSelector_;
    ImportProgressStrip* progress_;
    QLabel* message_;
    QStackedWidget* content_;
    QLabel* prompt_;
    UsageCards* cards_;
    QuotaChart* quotaChart_;
    RequestsChart* requestsChart_;
    BreakdownChart* packChart_;
    BreakdownChart* moduleChart_;
    AllCustomersView* allCustomers_;
    UsageImportModel* imports_;
    QTableView* importTable_;
};

}  // namespace aicp

#pragma once

#include "common/wholeseconds.h"
#include "licensing/licenseregistry.h"
#include "metering/usagequery.h"
#include "pages/usage/usagefigures.h"

#include <map>
#include <memory>
#include <optional>
#include <stop_token>
#include <vector>

#include <QDate>
#include <QStringList>
#include <QWidget>

class QAbstractButton;
class QCheckBox;
class QComboBox;
class QLabel;
class QMimeData;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

class QChart;
class QChartView;

namespace aicp {

class CardFrame;
class TaskRunner;
class UsageCard;
class UsageImportModel;
class Workspace;

// The Usage page: imports usage files (dialog or drag and drop) on the shared
// TaskRunner with progress and a cancel that leaves nothing written, and
// shows the context bar's customer and month against the license in force —
// cards for requests, the month-end projection, seats and agents; the
// cumulative requests against the quota; requests per day or hour; the
// breakdowns by policy pack and compliance module; the imports history.
// Everything shown is read from UsageQuery's aggregates; charts with more
// points than pixels are thinned for drawing only.
class UsagePage : public QWidget {
    Q_OBJECT
public:
    // How far back the per-window charts reach, ending with the month.
    enum class Span { Month, ThreeMonths, TwelveMonths };

    explicit UsagePage(QWidget* parent = nullptr);
    ~UsagePage() override;

    // The page does not own the workspace; null shows an empty page.
    void setWorkspace(Workspace* workspace);
    // Shares the runner with other pages on the same workspace.
    void setTaskRunner(TaskRunner* runner);
    // Where "now" comes from: the current month's projection and the license in force.
    void setClock(Clock clock);

    void setCustomer(const QString& customerId);  // empty: all customers
    void setMonth(QDate month);
    void setWindow(UsageWindow window);
    void setSpan(Span span);
    [[nodiscard]] UsageWindow window() const { return window_; }
    // Reads the aggregates again (deferred while workspace work is running).
    void reload();

    // Starts importing the files one after the other; false when another
    // operation is running or nothing was given.
    bool importFiles(const QStringList& paths);
    void chooseFilesToImport();
    void cancelImport();
    [[nodiscard]] bool isImporting() const { return importing_; }
    // The last import's outcome, as shown above the charts.
    [[nodiscard]] QString message() const;

    // What the page shows for the customer and month.
    [[nodiscard]] const std::optional<MonthlyUsageSummary>& summary() const { return summary_; }
    [[nodiscard]] const std::optional<LicenseRecord>& license() const { return license_; }
    [[nodiscard]] const std::optional<MonthProjection>& projection() const { return projection_; }

    // The local files in a drag that look like usage files (CSV, JSON Lines).
    [[nodiscard]] static QStringList usageFiles(const QMimeData* mime);

signals:
    void importFinished(bool ok, const QString& message);
    // Events were committed: customers and usage may be new.
    void usageChanged();
    // The user asked for the live sources (kept on the Settings page).
    void liveSourcesRequested();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct ImportTicker;
    struct ImportOutcome;

    void buildLayout();
    void updateActions();
    void showMessage(const QString& text, bool problem);
    void showProgress();
    void finishImport(const std::vector<ImportOutcome>& outcomes);
    void loadImports();
    void showCards();
    void redraw();
    void drawQuotaChart();
    void drawRequestsChart();
    void drawBreakdownChart(QChartView* view,
                            const std::map<QString, std::vector<std::int64_t>>& breakdown,
                            const QString& what);
    void styleChart(QChart* chart) const;
    [[nodiscard]] QDateTime now() const { return clock_(); }
    [[nodiscard]] QDate rangeStart() const;
    [[nodiscard]] QString windowLabel(std::size_t index) const;
    [[nodiscard]] int plotWidth(QChartView* view) const;

    Workspace* workspace_ = nullptr;
    TaskRunner* runner_;
    Clock clock_;
    QString customerId_;
    QDate month_;
    UsageWindow window_ = UsageWindow::Day;
    Span span_ = Span::Month;
    bool importing_ = false;
    bool reloadPending_ = false;
    std::optional<std::stop_source> stop_;
    std::shared_ptr<ImportTicker> ticker_;

    // What the last reload read.
    std::optional<MonthlyUsageSummary> summary_;
    std::optional<LicenseRecord> license_;
    std::optional<MonthProjection> projection_;
    std::vector<std::int64_t> monthDays_;
    QDate from_;
    QDate to_;
    UsageWindow loadedWindow_ = UsageWindow::Day;
    std::vector<std::int64_t> series_;
    std::map<QString, std::vector<std::int64_t>> packs_;
    std::map<QString, std::vector<std::int64_t>> modules_;

    QPushButton* importButton_;
    QCheckBox* skipBad_;
    QAbstractButton* perDay_;
    QAbstractButton* perHour_;
    QComboBox* spanSelector_;
    CardFrame* progressStrip_;
    QProgressBar* progress_;
    QLabel* progressText_;
    QPushButton* cancelButton_;
    QLabel* message_;
    QStackedWidget* content_;
    QLabel* prompt_;
    UsageCard* requestsCard_;
    UsageCard* projectionCard_;
    UsageCard* usersCard_;
    UsageCard* agentsCard_;
    QLabel* quotaTitle_;
    QLabel* quotaNote_;
    QLabel* requestsTitle_;
    QLabel* breakdownNote_;
    QChartView* quotaChart_;
    QChartView* requestsChart_;
    QChartView* packChart_;
    QChartView* moduleChart_;
    UsageImportModel* imports_;
    QTableView* importTable_;
    QTimer* progressTimer_;
    QTimer* redrawTimer_;
};

}  // namespace aicp

#pragma once

#include "pages/consolepage.h"
#include "pages/dashboard/dashboardsummary.h"

#include <memory>
#include <optional>
#include <vector>

#include <QDate>
#include <QPointer>
#include <QUuid>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QStackedWidget;

namespace aicp {

class RevenueBars;
class TaskRunner;
class UsageCard;
class Workspace;

// The console's first page: the context bar's month so far across every
// customer — revenue by pricing axis, the customers near or over a limit
// (a click opens their Usage page), the licenses expiring in the next 30
// days (a click opens them on the Licenses page), the top recommendations
// (a click opens the customer's Recommendations page). Computed by
// summarizeDashboard on the shared TaskRunner while the page says it is
// loading, and only while the page is on screen.
class DashboardPage : public ConsolePage {
    Q_OBJECT
public:
    explicit DashboardPage(QWidget* parent = nullptr);
    ~DashboardPage() override;

    [[nodiscard]] bool isLoading() const { return loading_; }
    // What the page shows; null before the first load.
    [[nodiscard]] std::shared_ptr<const DashboardSummary> summary() const { return summary_; }
    // The top recommendations, read after the summary; nullopt until then.
    [[nodiscard]] const std::optional<std::vector<DashboardRecommendation>>& recommendations()
        const {
        return recommendations_;
    }

signals:
    void customerActivated(const QString& customerId);
    void licenseActivated(const QUuid& licenseId, const QString& customerId);
    void recommendationActivated(const QString& customerId);
    // The page shows newly computed figures.
    void summaryShown();

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildLayout();
    void connectLists();
    void load() override;
    void workspaceChanged() override;
    void runnerBusyChanged(bool busy) override;
    void showSummary();
    void showLimits();
    void showExpiring();
    void loadRecommendations();
    void showRecommendations();
    void showFailure(const QString& text);

    bool loading_ = false;
    std::shared_ptr<const DashboardSummary> summary_;
    std::optional<std::vector<DashboardRecommendation>> recommendations_;

    QLabel* heading_;
    QPushButton* refresh_;
    QStackedWidget* content_;
    QLabel* prompt_;
    UsageCard* revenueCard_;
    UsageCard* requestsCard_;
    UsageCard* limitsCard_;
    UsageCard* expiringCard_;
    RevenueBars* revenue_;
    QLabel* revenueNote_;
    QListWidget* limits_;
    QListWidget* expiring_;
    QListWidget* recommendationList_;
};

}  // namespace aicp

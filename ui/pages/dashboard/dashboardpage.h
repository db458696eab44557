#pragma once

#include "pages/consolepage.h"
#include "pages/dashboard/dashboardsummary.h"
#include "recommend/recommendation.h"

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
class QLocale;
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
// loading, and only while the page is on screen. In a customer workspace
// the same cards show the customer's own month: cost so far, projected
// month-end cost, their license's limits, its end and their tier.
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
    // What one reading gives: the summary, the mode, and in a customer
    // workspace the customer's own recommendation.
    struct Loaded {
        Result<DashboardSummary> summary = Error::internal(QStringLiteral("not read"));
        bool customerMode = false;
        std::optional<Recommendation> own;
    };
    static constexpr int kCustomerIdRole = Qt::UserRole + 1;
    static constexpr int kLicenseIdRole = Qt::UserRole + 2;

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
    // A customer workspace: its own cost so far, projected cost, limits and
    // license, worded for the customer (dashboardown.cpp).
    void applyModeWording();
    // The month's revenue, net of tax, per currency ("$30,000.00 · €900.79").
    [[nodiscard]] static QString revenueText(const CostReport& report, const QLocale& locale);
    // ", plus $180.16 tax" style when the month's bills are taxed, else empty.
    [[nodiscard]] static QString taxText(const CostReport& report, const QLocale& locale);
    void showOwnFigures();
    void showVendorFigures();
    void showOwnRecommendation();
    [[nodiscard]] static Loaded readDashboard(Workspace& workspace, YearMonth month,
                                              const QDateTime& now);

    bool loading_ = false;
    bool customerMode_ = false;
    std::optional<Recommendation> own_;  // the customer's, in customer mode
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
    UsageCard* overdueCard_;
    QLabel* revenueTitle_ = nullptr;
    QLabel* limitsTitle_ = nullptr;
    QLabel* expiringTitle_ = nullptr;
    QLabel* recommendationsTitle_ = nullptr;
    RevenueBars* revenue_;
    QLabel* revenueNote_;
    QListWidget* limits_;
    QListWidget* expiring_;
    QListWidget* recommendationList_;
};

}  // namespace aicp

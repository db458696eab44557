#pragma once

#include "pages/usage/allcustomersusage.h"

#include <functional>
#include <optional>

#include <QWidget>

class QListWidget;
class QListWidgetItem;

namespace aicp {

class RequestsChart;
class UsageCard;

// The Usage page with "All customers" chosen: the month across every
// customer — the requests in all, per day, the customers with the most and
// who is near or over a limit. A click on a customer picks them.
class AllCustomersView : public QWidget {
    Q_OBJECT
public:
    // People's name for a tier id ("professional" → "Professional").
    using TierNamer = std::function<QString(const QString& tierId)>;

    explicit AllCustomersView(QWidget* parent = nullptr);

    void setTierNamer(TierNamer namer) { tierName_ = std::move(namer); }
    void setUsage(std::optional<AllCustomersUsage> usage);
    [[nodiscard]] const std::optional<AllCustomersUsage>& usage() const { return usage_; }

signals:
    void customerActivated(const QString& customerId);

private:
    void showCustomers();
    void showLimits();
    [[nodiscard]] QString tierName(const QString& tierId) const;

    TierNamer tierName_;
    std::optional<AllCustomersUsage> usage_;
    UsageCard* requests_;
    UsageCard* active_;
    UsageCard* troubled_;
    RequestsChart* chart_;
    QListWidget* customers_;
    QListWidget* limits_;
};

}  // namespace aicp

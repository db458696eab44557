#include "pages/usage/allcustomersview.h"

#include "money/moneyformat.h"
#include "pages/usage/requestschart.h"
#include "pages/usage/usagecard.h"
#include "theme.h"
#include "widgets/cardframe.h"
#include "widgets/pagetext.h"

#include <QChartView>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

namespace aicp {
namespace {

constexpr int kCustomerIdRole = Qt::UserRole + 1;
// The customers shown by requests; the rest are a click on the selector away.
constexpr std::size_t kTopCustomers = 10;

QListWidgetItem* customerItem(const QString& text, const QString& customerId) {
    auto* item = new QListWidgetItem(text);
    item->setData(kCustomerIdRole, customerId);
    return item;
}

}  // namespace

AllCustomersView::AllCustomersView(QWidget* parent)
    : QWidget(parent),
      requests_(new UsageCard(tr("Requests, every customer"), this)),
      active_(new UsageCard(tr("Customers with usage"), this)),
      troubled_(new UsageCard(tr("Near or over a limit"), this)),
      chart_(new RequestsChart(QStringLiteral("allCustomersRequestsChart"), this)),
      customers_(cardList(QStringLiteral("topCustomersList"), this)),
      limits_(cardList(QStringLiteral("customerLimitsList"), this)) {
    setObjectName(QStringLiteral("allCustomersUsage"));
    requests_->setObjectName(QStringLiteral("allRequestsCard"));
    active_->setObjectName(QStringLiteral("activeCustomersCard"));
    troubled_->setObjectName(QStringLiteral("limitsCard"));
    chart_->view()->setAccessibleName(tr("Requests per day, every customer"));
    const int gap = theme::spacing(font(), 0.75);
    auto* cards = new QHBoxLayout;
    cards->setSpacing(gap);
    for (UsageCard* card : {requests_, active_, troubled_})
        cards->addWidget(card, 1);
    auto* grid = new QGridLayout;
    grid->setSpacing(gap);
    grid->addWidget(chart_, 0, 0, 1, 2);
    grid->addWidget(titledCard(tr("Most requests"), customers_, nullptr, this), 1, 0);
    grid->addWidget(titledCard(tr("Near or over a limit"), limits_, nullptr, this), 1, 1);
    auto* layout = flushColumn(this, gap);
    layout->addLayout(cards);
    layout->addLayout(grid, 1);
    for (QListWidget* list : {customers_, limits_})
        connect(list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
            emit customerActivated(item->data(kCustomerIdRole).toString());
        });
}

QString AllCustomersView::tierName(const QString& tierId) const {
    return tierName_ ? tierName_(tierId) : tierId;
}

void AllCustomersView::setUsage(std::optional<AllCustomersUsage> usage) {
    usage_ = std::move(usage);
    if (!usage_) {
        for (UsageCard* card : {requests_, active_, troubled_})
            card->showNothing(QString());
        chart_->clear();
        customers_->clear();
        limits_->clear();
        return;
    }
    const QLocale locale;
    const QString month = monthName(usage_->month);
    requests_->setFigure(formatCount(usage_->requests, locale), tr("in %1").arg(month));
    active_->setFigure(locale.toString(qint64(usage_->customers.size())), tr("in %1").arg(month));
    troubled_->setFigure(locale.toString(qint64(usage_->limits.size())),
                         tr("limits at 80 % or more of the license"));
    const QDate first = usage_->month.firstDay();
    chart_->setData({first, first.addDays(first.daysInMonth() - 1), UsageWindow::Day}, usage_->days,
                    std::nullopt);
    showCustomers();
    showLimits();
}

void AllCustomersView::showCustomers() {
    customers_->clear();
    for (std::size_t i = 0; i < usage_->customers.size() && i < kTopCustomers; ++i) {
        const CustomerMonthUsage& row = usage_->customers[i];
        const QString requests = counted(row.requests, tr("%1 request"), tr("%1 requests"));
        const QString text =
            row.tier.isEmpty()
                ? tr("%1 · %2 · no license").arg(row.customerName, requests)
                : tr("%1 · %2 · %3").arg(row.customerName, requests, tierName(row.tier));
        customers_->addItem(customerItem(text, row.customerId));
    }
    if (usage_->customers.empty())
        customers_->addItem(tr("No customer has usage in %1.").arg(monthName(usage_->month)));
}

void AllCustomersView::showLimits() {
    limits_->clear();
    const QLocale locale;
    for (const CustomerLimitUse& use : usage_->limits) {
        const QString allowed =
            use.check.allowed ? formatCount(*use.check.allowed, locale) : tr("unlimited");
        const QString state =
            use.check.state == LimitState::Over ? tr("over") : tr("near the limit");
        auto* item =
            customerItem(tr("%1 (%2): %3, %4")
                             .arg(use.customerName, tierName(use.tier),
                                  limitUsedOf(use.check.limit, use.check.used, allowed), state),
                         use.customerId);
        item->setForeground(limitStateColour(palette(), use.check.state));
        limits_->addItem(item);
    }
    if (usage_->limits.empty())
        limits_->addItem(tr("Every customer is within their limits."));
}

}  // namespace aicp

// The Dashboard in a customer workspace: the customer's own month — the
// bill so far, the projected month-end cost on their tier, their license's
// limits in trouble, when the license runs out, and the tier their usage
// calls for. The same summary as the vendor's (summarizeDashboard), with the
// customer's recommendation beside it. Kept apart from the vendor's
// wording (dashboardpage.cpp).
#include "money/moneyformat.h"
#include "pages/dashboard/dashboardpage.h"
#include "pages/licenses/licensestate.h"
#include "pages/usage/usagecard.h"
#include "recommend/recommendationservice.h"
#include "storage/workspace.h"
#include "widgets/localdates.h"

#include <QLabel>
#include <QListWidget>
#include <QLocale>

namespace aicp {

DashboardPage::Loaded DashboardPage::readDashboard(Workspace& workspace, YearMonth month,
                                                   const QDateTime& now) {
    Loaded loaded;
    loaded.summary = summarizeDashboard(workspace, month, now);
    auto mode = workspace.mode();
    loaded.customerMode = mode && *mode == Workspace::Mode::Customer;
    if (!loaded.customerMode || !loaded.summary || loaded.summary->report.customers.empty())
        return loaded;
    // A customer workspace holds one customer: theirs.
    const QString customer = loaded.summary->report.customers.front().id;
    auto own = RecommendationService(workspace, [now] { return now; }).recommend(customer, month);
    if (own)
        loaded.own = std::move(own).value();
    return loaded;
}

void DashboardPage::applyModeWording() {
    const bool own = customerMode_;
    revenueCard_->setTitle(own ? tr("Cost so far") : tr("Revenue"));
    requestsCard_->setTitle(own ? tr("Projected month-end cost") : tr("Requests"));
    limitsCard_->setTitle(own ? tr("Limits near or over") : tr("Near or over a limit"));
    expiringCard_->setTitle(own ? tr("License runs until") : tr("Licenses expiring"));
    // Invoices are the vendor's: a customer's workspace has none.
    overdueCard_->setVisible(!own);
    revenueTitle_->setText(own ? tr("Your bill by pricing axis") : tr("Revenue by pricing axis"));
    limitsTitle_->setText(own ? tr("Your license's limits") : tr("Customers near or over a limit"));
    expiringTitle_->setText(
        own ? tr("Your license expiring in the next %1 days").arg(kDashboardExpiryDays)
            : tr("Licenses expiring in the next %1 days").arg(kDashboardExpiryDays));
    recommendationsTitle_->setText(own ? tr("Your tier") : tr("Top recommendations"));
}

void DashboardPage::showOwnFigures() {
    const DashboardSummary& summary = *summary_;
    const CostReport& report = summary.report;
    const QLocale locale;
    revenueCard_->setFigure(revenueText(report, locale),
                            (summary.monthInProgress ? tr("Your bill if the month ended now")
                                                     : tr("Your bill for the month")) +
                                taxText(report, locale));
    const TierOption* current = own_ ? own_->currentOption() : nullptr;
    if (current)
        requestsCard_->setFigure(formatMoney(current->total(), locale, own_->currency),
                                 tr("%1 requests so far, %2 projected")
                                     .arg(formatCount(own_->projection.requestsSoFar, locale),
                                          formatCount(own_->projection.projected, locale)));
    else
        requestsCard_->showNothing(tr("No license in force to price the month with"));
    int over = 0;
    for (const DashboardLimit& limit : summary.limits)
        over += limit.check.state == LimitState::Over ? 1 : 0;
    const int near = static_cast<int>(summary.limits.size()) - over;
    limitsCard_->setFigure(
        locale.toString(qint64(summary.limits.size())),
        tr("%1 over, %2 near (80 % or more)").arg(locale.toString(over), locale.toString(near)));
    if (own_ && own_->license) {
        const LicenseRecord& license = *own_->license;
        const qint64 days = summary.asOf.daysTo(license.license.expiresAt);
        expiringCard_->setFigure(
            displayDate(license.license.expiresAt.toUTC().date()),
            days >= 0 ? tr("%1 license, %2 days from now")
                            .arg(tierName(license.license.tier), locale.toString(days))
                      : tr("%1 license, in its grace period").arg(tierName(license.license.tier)));
    } else {
        expiringCard_->showNothing(tr("No license in force: add the one your vendor sent"));
    }
}

void DashboardPage::showOwnRecommendation() {
    recommendationList_->clear();
    const TierOption* best = own_ ? own_->recommendedOption() : nullptr;
    if (!best) {
        auto* item = new QListWidgetItem(
            own_ ? tr("No tier serves this usage.") : tr("No license in force to compare with."),
            recommendationList_);
        item->setFlags(Qt::NoItemFlags);
        return;
    }
    const QLocale locale;
    QString text;
    if (!own_->suggestsChange())
        text = tr("%1 stays the cheapest tier for your usage, at %2 a month.")
                   .arg(best->bill.tierName, formatMoney(best->total(), locale, own_->currency));
    else if (own_->saving && !own_->saving->isNegative())
        text = tr("%1 would save %2 a month.")
                   .arg(own_->changeInWords(), formatMoney(*own_->saving, locale, own_->currency));
    else
        text = tr("%1, %2 a month more, to stay within your limits.")
                   .arg(own_->changeInWords(),
                        own_->saving ? formatMoney(own_->saving->negated(), locale, own_->currency)
                                     : QString());
    auto* item = new QListWidgetItem(text, recommendationList_);
    item->setData(kCustomerIdRole, own_->customerId);
    item->setToolTip(own_->reason);
}

}  // namespace aicp

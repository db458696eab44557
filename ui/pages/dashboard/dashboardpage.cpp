#include "pages/dashboard/dashboardpage.h"

#include "catalognames.h"
#include "money/moneyformat.h"
#include "pages/dashboard/revenuebars.h"
#include "pages/usage/usagecard.h"
#include "storage/workspace.h"
#include "taskrunner.h"
#include "theme.h"
#include "widgets/cardframe.h"
#include "widgets/pagetext.h"

#include <set>

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace aicp {

DashboardPage::DashboardPage(QWidget* parent)
    : ConsolePage(parent),
      heading_(new QLabel(this)),
      refresh_(new QPushButton(tr("&Refresh"), this)),
      content_(new QStackedWidget(this)),
      prompt_(new QLabel(this)),
      revenueCard_(new UsageCard(tr("Revenue"), this)),
      requestsCard_(new UsageCard(tr("Requests"), this)),
      limitsCard_(new UsageCard(tr("Near or over a limit"), this)),
      expiringCard_(new UsageCard(tr("Licenses expiring"), this)),
      overdueCard_(new UsageCard(tr("Overdue invoices"), this)),
      revenue_(new RevenueBars(this)),
      revenueNote_(new QLabel(this)),
      limits_(cardList(QStringLiteral("limitList"), this)),
      expiring_(cardList(QStringLiteral("expiryList"), this)),
      recommendationList_(cardList(QStringLiteral("recommendationList"), this)) {
    setObjectName(QStringLiteral("dashboardPage"));
    setFollows(FollowsMonth);
    setLoadsOnlyWhenShown(true);
    buildLayout();
}

DashboardPage::~DashboardPage() = default;

void DashboardPage::buildLayout() {
    const int gap = theme::spacing(font(), 0.75);
    heading_->setObjectName(QStringLiteral("dashboardHeading"));
    heading_->setFont(theme::scaledFont(font(), 1.05, true));
    heading_->setMinimumWidth(1);
    refresh_->setObjectName(QStringLiteral("refreshDashboardButton"));
    refresh_->setToolTip(
        tr("Compute the figures again from the workspace (%1)")
            .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    refresh_->setShortcut(QKeySequence::Refresh);
    connect(refresh_, &QPushButton::clicked, this, &DashboardPage::reload);
    auto* top = new QHBoxLayout;
    top->addWidget(heading_, 1);
    top->addWidget(refresh_);

    revenueCard_->setObjectName(QStringLiteral("revenueCard"));
    requestsCard_->setObjectName(QStringLiteral("dashboardRequestsCard"));
    limitsCard_->setObjectName(QStringLiteral("limitsCard"));
    expiringCard_->setObjectName(QStringLiteral("expiringCard"));
    overdueCard_->setObjectName(QStringLiteral("overdueCard"));
    auto* cards = new QHBoxLayout;
    cards->setSpacing(gap);
    for (UsageCard* card : {revenueCard_, requestsCard_, limitsCard_, expiringCard_, overdueCard_})
        cards->addWidget(card, 1);

    revenue_->setObjectName(QStringLiteral("revenueByAxis"));
    revenueNote_->setObjectName(QStringLiteral("revenueNote"));
    revenueNote_->setWordWrap(true);
    setMuted(revenueNote_);
    connectLists();

    auto* grid = new QGridLayout;
    grid->setSpacing(gap);
    // Each card's title, worded again for a customer (applyModeWording).
    const auto card = [this](const QString& title, QWidget* body, QLabel* note, QLabel*& titleOut) {
        QWidget* made = titledCard(title, body, note, this);
        titleOut = made->findChild<QLabel*>(QString(), Qt::FindDirectChildrenOnly);
        return made;
    };
    grid->addWidget(card(tr("Revenue by pricing axis"), revenue_, revenueNote_, revenueTitle_), 0,
                    0);
    grid->addWidget(card(tr("Customers near or over a limit"), limits_, nullptr, limitsTitle_), 0,
                    1);
    grid->addWidget(card(tr("Licenses expiring in the next %1 days").arg(kDashboardExpiryDays),
                         expiring_, nullptr, expiringTitle_),
                    1, 0);
    grid->addWidget(
        card(tr("Top recommendations"), recommendationList_, nullptr, recommendationsTitle_), 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);

    auto* figures = new QWidget(this);
    auto* figuresLayout = flushColumn(figures, gap);
    figuresLayout->addLayout(cards);
    figuresLayout->addLayout(grid, 1);

    prompt_->setObjectName(QStringLiteral("dashboardPrompt"));
    prompt_->setAlignment(Qt::AlignCenter);
    prompt_->setWordWrap(true);
    setMuted(prompt_);
    content_->addWidget(prompt_);
    content_->addWidget(figures);

    auto* layout = flushColumn(this, gap);
    layout->addLayout(top);
    layout->addWidget(content_, 1);
    prompt_->setText(tr("Loading…"));
}

void DashboardPage::connectLists() {
    // A click or Enter on an entry opens the page that deals with it.
    connect(limits_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        emit customerActivated(item->data(kCustomerIdRole).toString());
    });
    connect(limits_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit customerActivated(item->data(kCustomerIdRole).toString());
    });
    const auto openLicense = [this](QListWidgetItem* item) {
        emit licenseActivated(item->data(kLicenseIdRole).toUuid(),
                              item->data(kCustomerIdRole).toString());
    };
    connect(expiring_, &QListWidget::itemClicked, this, openLicense);
    connect(expiring_, &QListWidget::itemActivated, this, openLicense);
    const auto openRecommendation = [this](QListWidgetItem* item) {
        emit recommendationActivated(item->data(kCustomerIdRole).toString());
    };
    connect(recommendationList_, &QListWidget::itemClicked, this, openRecommendation);
    connect(recommendationList_, &QListWidget::itemActivated, this, openRecommendation);
}

void DashboardPage::workspaceChanged() {
    summary_.reset();
    content_->setCurrentWidget(prompt_);
}

void DashboardPage::runnerBusyChanged(bool busy) {
    refresh_->setEnabled(!busy);
}

void DashboardPage::load() {
    if (!workspace()) {
        summary_.reset();
        prompt_->setText(tr("No workspace is open."));
        content_->setCurrentWidget(prompt_);
        return;
    }
    if (!month().isValid())
        return;
    loading_ = true;
    const YearMonth month = YearMonth::of(this->month());
    const QDateTime now = this->now();
    if (!summary_ || summary_->month != month) {
        prompt_->setText(tr("Computing %1 for every customer…").arg(monthName(month)));
        content_->setCurrentWidget(prompt_);
    }
    Workspace* workspace = this->workspace();
    runner()->run<Loaded>(
        this, [workspace, month, now] { return readDashboard(*workspace, month, now); },
        [this](Loaded loaded) {
            loading_ = false;
            customerMode_ = loaded.customerMode;
            own_ = std::move(loaded.own);
            applyModeWording();
            if (loaded.summary) {
                summary_ =
                    std::make_shared<const DashboardSummary>(std::move(loaded.summary).value());
                recommendations_.reset();
                showSummary();
            } else {
                showFailure(loaded.summary.error().message());
            }
            if (isReloadPending()) {
                reload();
            } else if (summary_) {
                emit summaryShown();
                if (!customerMode_)
                    loadRecommendations();
            }
        });
    refresh_->setEnabled(false);
}

void DashboardPage::loadRecommendations() {
    if (!workspace() || !summary_ || !runner() || runner()->isBusy())
        return;
    QStringList ids;
    for (const CostReportCustomer& customer : summary_->report.customers) {
        if (customer.licensed)
            ids.append(customer.id);
    }
    Workspace* workspace = this->workspace();
    const YearMonth month = summary_->month;
    const QDateTime now = summary_->asOf;
    runner()->run<std::vector<DashboardRecommendation>>(
        this,
        [workspace, month, now, ids] { return topRecommendations(*workspace, month, now, ids); },
        [this, month](std::vector<DashboardRecommendation> found) {
            if (!summary_ || summary_->month != month)
                return;
            recommendations_ = std::move(found);
            showRecommendations();
            if (isReloadPending())
                reload();
        });
}

void DashboardPage::showRecommendations() {
    recommendationList_->clear();
    if (!recommendations_) {
        auto* item =
            new QListWidgetItem(tr("Looking for cheaper or safer tiers…"), recommendationList_);
        item->setFlags(Qt::NoItemFlags);
        return;
    }
    if (recommendations_->empty()) {
        auto* item = new QListWidgetItem(tr("Every customer is on the tier its usage calls for."),
                                         recommendationList_);
        item->setFlags(Qt::NoItemFlags);
        return;
    }
    const QLocale locale;
    for (const DashboardRecommendation& r : *recommendations_) {
        const QString& currency = r.currency;
        const QString name = r.customerName.isEmpty() ? r.customerId : r.customerName;
        QString effect;
        if (r.saving && !r.saving->isNegative() && !r.saving->isZero())
            effect = tr("saves %1 a month").arg(formatMoney(*r.saving, locale, currency));
        else if (r.saving && r.saving->isNegative())
            effect = tr("%1 a month more, to stay within limits")
                         .arg(formatMoney(r.saving->negated(), locale, currency));
        else
            effect = tr("to stay within limits");
        auto* item =
            new QListWidgetItem(tr("%1 — %2, %3").arg(name, r.change, effect), recommendationList_);
        item->setData(kCustomerIdRole, r.customerId);
        item->setToolTip(r.reason);
    }
}

void DashboardPage::showFailure(const QString& text) {
    summary_.reset();
    heading_->clear();
    prompt_->setText(text);
    content_->setCurrentWidget(prompt_);
}

void DashboardPage::showSummary() {
    const DashboardSummary& summary = *summary_;
    const QLocale locale;
    const CostReport& report = summary.report;
    const QString month = monthName(summary.month);
    heading_->setText(
        summary.monthInProgress
            ? tr("%1 so far · as of %2 UTC")
                  .arg(month, locale.toString(summary.asOf, QStringLiteral("d MMM yyyy HH:mm")))
            : month);

    if (customerMode_)
        showOwnFigures();
    else
        showVendorFigures();
    std::vector<RevenueBars::Bar> bars;
    for (const CostReportTotals& totals : report.currencies) {
        for (const CostReportRow& subtotal : totals.subtotals) {
            // Contract adjustments show only in a month that has them.
            if (billAxisIsContractAdjustment(subtotal.axis) && subtotal.amount.isZero())
                continue;
            // Each currency's axes apart, named so where the month has two.
            const QString name =
                report.mixesCurrencies()
                    ? tr("%1 (%2)").arg(billAxisName(subtotal.axis), totals.currency)
                    : billAxisName(subtotal.axis);
            bars.push_back(
                {name, subtotal.amount, formatMoney(subtotal.amount, locale, totals.currency)});
        }
    }
    revenue_->setBars(std::move(bars));
    revenueNote_->setText(customerMode_ && summary.monthInProgress
                              ? tr("What your bill would be if the month ended now: recurring "
                                   "charges for the whole month, usage so far.")
                          : summary.monthInProgress
                              ? tr("What each customer's bill would be if the month ended now: "
                                   "recurring charges for the whole month, usage so far.")
                              : tr("The month's bills, as the Reports page and `aicp report "
                                   "cost` give them."));
    showLimits();
    showExpiring();
    if (customerMode_)
        showOwnRecommendation();
    else
        showRecommendations();
    content_->setCurrentIndex(1);
}

QString DashboardPage::revenueText(const CostReport& report, const QLocale& locale) {
    QStringList net;
    for (const CostReportTotals& totals : report.currencies)
        net.append(formatMoney(totals.net, locale, totals.currency));
    return net.join(QStringLiteral(" · "));
}

QString DashboardPage::taxText(const CostReport& report, const QLocale& locale) {
    QStringList tax;
    for (const CostReportTotals& totals : report.currencies) {
        if (!totals.tax.isZero())
            tax.append(formatMoney(totals.tax, locale, totals.currency));
    }
    return tax.isEmpty() ? QString() : tr(", plus %1 tax").arg(tax.join(QStringLiteral(" · ")));
}

void DashboardPage::showVendorFigures() {
    const DashboardSummary& summary = *summary_;
    const CostReport& report = summary.report;
    const QLocale locale;
    int billed = 0;
    for (const CostReportCustomer& customer : report.customers)
        billed += customer.total.isZero() ? 0 : 1;
    revenueCard_->setFigure(
        revenueText(report, locale),
        tr("%1 of %2 billed")
                .arg(locale.toString(billed), counted(qint64(report.customers.size()),
                                                      tr("%1 customer"), tr("%1 customers"))) +
            taxText(report, locale));
    requestsCard_->setFigure(
        formatCount(summary.requests, locale),
        summary.monthInProgress ? tr("All customers, so far") : tr("All customers, whole month"));
    std::set<QString> near;
    std::set<QString> over;
    for (const DashboardLimit& limit : summary.limits)
        (limit.check.state == LimitState::Over ? over : near).insert(limit.customerId);
    for (const QString& id : over)
        near.erase(id);
    limitsCard_->setFigure(
        locale.toString(qint64(near.size() + over.size())),
        tr("%1 over, %2 at 80 % or more")
            .arg(locale.toString(qint64(over.size())), locale.toString(qint64(near.size()))));
    expiringCard_->setFigure(locale.toString(qint64(summary.expiring.size())),
                             tr("Next %1 days, not renewed").arg(kDashboardExpiryDays));
    int overdue = 0;
    QStringList unpaid;
    for (const DashboardOverdue& owed : summary.overdue) {
        overdue += owed.invoices;
        unpaid.append(formatMoney(owed.balance, locale, owed.currency));
    }
    overdueCard_->setFigure(locale.toString(overdue),
                            overdue == 0 ? tr("None past its due date")
                                         : tr("%1 unpaid").arg(unpaid.join(QStringLiteral(" + "))));
}

void DashboardPage::showLimits() {
    limits_->clear();
    const QLocale locale;
    const QPalette colours = palette();
    if (summary_->limits.empty()) {
        auto* item = new QListWidgetItem(tr("Every customer is within its limits."), limits_);
        item->setFlags(Qt::NoItemFlags);
        return;
    }
    for (const DashboardLimit& limit : summary_->limits) {
        const LimitCheck& check = limit.check;
        const QString used =
            limitUsedOf(check.limit, check.used,
                        check.allowed ? formatCount(*check.allowed, locale) : tr("unlimited"));
        const QString share = check.percentUsed
                                  ? tr(" (%1 %)").arg(locale.toString(qint64(*check.percentUsed)))
                                  : QString();
        const QString name = limit.customerName.isEmpty() ? limit.customerId : limit.customerName;
        auto* item = new QListWidgetItem(
            tr("%1 — %2%3, %4").arg(name, used, share, limitStateWord(check.state)), limits_);
        item->setData(kCustomerIdRole, limit.customerId);
        item->setForeground(limitStateColour(colours, check.state));
        item->setToolTip(tr("Open %1's usage").arg(name));
    }
}

void DashboardPage::showExpiring() {
    expiring_->clear();
    const QLocale locale;
    const QPalette colours = palette();
    if (summary_->expiring.empty()) {
        auto* item = new QListWidgetItem(
            tr("No license runs out in the next %1 days.").arg(kDashboardExpiryDays), expiring_);
        item->setFlags(Qt::NoItemFlags);
        return;
    }
    for (const DashboardExpiry& expiry : summary_->expiring) {
        const qint64 days = summary_->asOf.daysTo(expiry.expiresAt);
        const QString when =
            expiry.inGrace ? counted(-days, tr("expired %1 day ago, in its grace period"),
                                     tr("expired %1 days ago, in its grace period"))
            : days == 0    ? tr("expires today")
                           : counted(days, tr("expires in %1 day"), tr("expires in %1 days"));
        const QString name =
            expiry.customerName.isEmpty() ? expiry.customerId : expiry.customerName;
        auto* item = new QListWidgetItem(
            tr("%1 — %2, %3 (%4)")
                .arg(name, tierName(expiry.tier), when,
                     locale.toString(expiry.expiresAt.date(), QStringLiteral("d MMM yyyy"))),
            expiring_);
        item->setData(kCustomerIdRole, expiry.customerId);
        item->setData(kLicenseIdRole, expiry.licenseId);
        item->setToolTip(tr("Open the license on the Licenses page"));
        if (expiry.inGrace || days <= 7)
            item->setForeground(theme::warningText(colours));
    }
}

void DashboardPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        setMuted(prompt_);
        setMuted(revenueNote_);
        if (summary_) {
            showLimits();
            showExpiring();
        }
    }
    QWidget::changeEvent(event);
}

}  // namespace aicp

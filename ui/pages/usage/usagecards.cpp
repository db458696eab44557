#include "pages/usage/usagecards.h"

#include "licensing/entitlements.h"
#include "pages/usage/usagecard.h"
#include "pages/usage/usagechart.h"
#include "theme.h"
#include "widgets/localdates.h"

#include <cmath>

#include <QHBoxLayout>
#include <QLocale>

namespace aicp {

using usagecharts::number;

UsageCards::UsageCards(QWidget* parent)
    : QWidget(parent),
      requests_(new UsageCard(tr("Requests this month"), this)),
      projection_(new UsageCard(tr("Projected month end"), this)),
      users_(new UsageCard(tr("Active users"), this)),
      agents_(new UsageCard(tr("Active agents"), this)),
      instances_(new UsageCard(tr("Active instances"), this)) {
    requests_->setObjectName(QStringLiteral("requestsCard"));
    projection_->setObjectName(QStringLiteral("projectionCard"));
    users_->setObjectName(QStringLiteral("usersCard"));
    agents_->setObjectName(QStringLiteral("agentsCard"));
    instances_->setObjectName(QStringLiteral("instancesCard"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(theme::spacing(font(), 0.75));
    for (UsageCard* card : {requests_, projection_, users_, agents_, instances_})
        layout->addWidget(card, 1);
}

void UsageCards::clear() {
    for (UsageCard* card : {requests_, projection_, users_, agents_, instances_})
        card->showNothing(QString());
}

void UsageCards::setFigures(const MonthlyUsageSummary& summary,
                            const std::optional<LicenseRecord>& license,
                            const std::optional<MonthProjection>& projection, const QDateTime& now,
                            std::optional<std::int64_t> instances) {
    const QString month = displayMonth(summary.month.firstDay());
    const std::optional<Entitlements> terms =
        license ? std::optional<Entitlements>(Entitlements(license->license)) : std::nullopt;
    const QString noLicense = tr("No license in force in %1").arg(month);
    const auto check = [&](LicenseLimit limit, std::int64_t used) -> std::optional<LimitCheck> {
        if (!terms)
            return std::nullopt;
        return terms->check(limit, used);
    };
    const auto limitText = [&](LicenseLimit limit, const QString& ofText,
                               const QString& unlimitedText) {
        if (!terms)
            return noLicense;
        const std::optional<std::int64_t> allowed = terms->allowance(limit);
        return allowed ? ofText.arg(number(*allowed)) : unlimitedText;
    };

    QString requestsCaption =
        limitText(LicenseLimit::RequestsPerMonth, tr("of %1 a month"), tr("No request quota"));
    if (summary.lateRequests > 0)
        requestsCaption +=
            tr("; %1 arrived after the month was invoiced").arg(number(summary.lateRequests));
    requests_->setFigure(number(summary.requests), requestsCaption,
                         check(LicenseLimit::RequestsPerMonth, summary.requests));
    const std::int64_t projected = projection ? projection->projected : summary.requests;
    showProjection(summary, projection, now, check(LicenseLimit::RequestsPerMonth, projected));
    users_->setFigure(number(summary.activeUsers),
                      limitText(LicenseLimit::Seats, tr("of %1 seats"), tr("No seat limit")),
                      check(LicenseLimit::Seats, summary.activeUsers));
    agents_->setFigure(number(summary.activeAgents),
                       limitText(LicenseLimit::Agents, tr("of %1 agents"), tr("No agent limit")),
                       check(LicenseLimit::Agents, summary.activeAgents));
    instances_->setVisible(instances.has_value());
    if (instances)
        instances_->setFigure(
            number(*instances),
            limitText(LicenseLimit::Instances, tr("of %1 instances"), tr("No instance limit")),
            check(LicenseLimit::Instances, *instances));
}

void UsageCards::showProjection(const MonthlyUsageSummary& summary,
                                const std::optional<MonthProjection>& projection,
                                const QDateTime& now, const std::optional<LimitCheck>& check) {
    const QString month = displayMonth(summary.month.firstDay());
    if (projection) {
        const QString basis =
            projection->basisDays > 0
                ? tr("%1 so far + %2 a day (mean of the last %3 complete days) × %4 days left")
                      .arg(number(projection->requestsSoFar),
                           number(std::llround(projection->dailyRate)))
                      .arg(projection->basisDays)
                      .arg(QLocale().toString(projection->daysLeft, 'f', 1))
                : tr("No complete day yet to project from");
        projection_->setFigure(number(projection->projected), basis, check);
    } else if (summary.month.firstDay() > now.toUTC().date()) {
        projection_->showNothing(tr("%1 has not started").arg(month));
    } else {
        projection_->setFigure(number(summary.requests),
                               tr("%1 is over: the final count").arg(month), check);
    }
}

}  // namespace aicp

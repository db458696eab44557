#include "pages/usage/quotachart.h"

#include "pages/usage/usagecard.h"
#include "theme.h"
#include "widgets/localdates.h"

#include <algorithm>
#include <cmath>

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

namespace aicp {

using namespace usagecharts;

QuotaChart::QuotaChart(QWidget* parent)
    : UsageChart(tr("Requests against the quota"), QStringLiteral("quotaChart"), 14, parent) {
    setObjectName(QStringLiteral("quotaCard"));
    view()->setAccessibleName(tr("Requests against the monthly quota"));
}

void QuotaChart::setData(std::optional<QuotaChartData> shown) {
    data_ = std::move(shown);
    redraw();
}

void QuotaChart::redraw() {
    auto* chart = new QChart;
    if (!data_) {
        showChart(chart);
        return;
    }
    const QPalette colours = palette();
    const QuotaChartData& shown = *data_;
    const int days = shown.month.firstDay().daysInMonth();
    const std::vector<std::int64_t> totals = runningTotals(shown.days);
    const double reached = shown.projection ? shown.projection->elapsedDays : double(days);
    // Running total at the end of each day so far (a past month: every day).
    auto* upper = new QLineSeries;
    upper->append(0, 0);
    for (int day = 1; day <= days && day <= reached && std::size_t(day) <= totals.size(); ++day)
        upper->append(day, double(totals[std::size_t(day - 1)]));
    if (shown.projection && reached > std::floor(reached))
        upper->append(reached, double(shown.projection->requestsSoFar));
    // The wash under the running total, then the total itself on top of it.
    auto* area = new QAreaSeries(upper);
    const QColor accent = theme::accent(colours);
    area->setPen(Qt::NoPen);
    QColor wash = accent;
    wash.setAlphaF(isDark(colours) ? 0.28f : 0.16f);
    area->setBrush(wash);
    chart->addSeries(area);
    auto* runningTotal = new QLineSeries;
    runningTotal->setName(tr("Requests so far"));
    runningTotal->replace(upper->points());
    runningTotal->setPen(QPen(accent, 2.5));
    chart->addSeries(runningTotal);
    double highest = totals.empty() ? 0 : double(totals.back());
    if (shown.projection && shown.projection->basisDays > 0) {
        auto* line = new QLineSeries;
        line->setObjectName(QStringLiteral("projectionLine"));
        line->setName(tr("Projection"));
        line->append(reached, double(shown.projection->requestsSoFar));
        line->append(days, double(shown.projection->projected));
        line->setPen(QPen(accent, 2, Qt::DashLine));
        chart->addSeries(line);
        highest = std::max(highest, double(shown.projection->projected));
    }
    if (shown.quota) {
        auto* line = new QLineSeries;
        line->setObjectName(QStringLiteral("quotaLine"));
        line->setName(tr("Quota %1").arg(number(*shown.quota)));
        line->append(0, double(*shown.quota));
        line->append(days, double(*shown.quota));
        line->setPen(QPen(limitStateColour(colours, LimitState::Over), 1.5));
        chart->addSeries(line);
        highest = std::max(highest, double(*shown.quota));
    }
    attachAxes(chart, dateAxis(shown.month.firstDay(), days, 0, days), requestsAxis(highest));
    showChart(chart);
    chart->legend()->hide();  // the note above the chart says what each line is
    connectTips(chart, totals);
    writeNote();
}

void QuotaChart::connectTips(QChart* chart, const std::vector<std::int64_t>& totals) {
    const QuotaChartData& shown = *data_;
    const QDate first = shown.month.firstDay();
    const int days = first.daysInMonth();
    const std::optional<std::int64_t> quota = shown.quota;
    const auto showTotal = [first, totals, days, quota](const QPointF& point, bool state) {
        if (!state || totals.empty())
            return;
        const int day = std::clamp(int(std::ceil(point.x())), 1, int(totals.size()));
        const std::int64_t total = totals[std::size_t(std::min(day, days) - 1)];
        QString text = tr("By the end of %1: %2 requests")
                           .arg(displayDayMonth(first.addDays(day - 1)), number(total));
        if (quota && *quota > 0)
            text += tr(" (%1 % of the quota)").arg(total * 100 / *quota);
        showTip(text);
    };
    for (QAbstractSeries* series : chart->series()) {
        if (auto* area = qobject_cast<QAreaSeries*>(series)) {
            connect(area, &QAreaSeries::hovered, this, showTotal);
            continue;
        }
        auto* line = qobject_cast<QLineSeries*>(series);
        QString tip;
        if (line && line->objectName() == QLatin1String("quotaLine"))
            tip = tr("Quota: %1 requests a month").arg(number(*quota));
        else if (line && line->objectName() == QLatin1String("projectionLine"))
            tip = tr("Projected month end: %1 requests\n%2 a day × %3 days left")
                      .arg(number(shown.projection->projected),
                           number(std::llround(shown.projection->dailyRate)),
                           QLocale().toString(shown.projection->daysLeft, 'f', 1));
        if (line && tip.isEmpty())
            connect(line, &QLineSeries::hovered, this, showTotal);
        else if (line)
            connect(line, &QLineSeries::hovered, this, [tip](const QPointF&, bool state) {
                if (state)
                    showTip(tip);
            });
    }
}

void QuotaChart::writeNote() {
    const QuotaChartData& shown = *data_;
    QStringList note{tr("Solid: requests so far.")};
    if (shown.quota)
        note.append(tr("Red: the quota, %1 a month.").arg(number(*shown.quota)));
    else
        note.append(shown.licensed ? tr("The license sets no request quota.")
                                   : tr("No license in force in %1, so no quota.")
                                         .arg(displayMonth(shown.month.firstDay())));
    if (shown.projection && shown.projection->basisDays > 0)
        note.append(tr("Dashed: the month-end projection, the mean of the last %1 complete days × "
                       "the days left.")
                        .arg(shown.projection->basisDays));
    setNote(note.join(QLatin1Char(' ')));
}

}  // namespace aicp

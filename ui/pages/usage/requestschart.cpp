#include "pages/usage/requestschart.h"

#include "pages/usage/usagecard.h"
#include "pages/usage/usagefigures.h"
#include "theme.h"

#include <algorithm>
#include <cmath>

#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

namespace aicp {

using namespace usagecharts;

RequestsChart::RequestsChart(const QString& viewName, QWidget* parent)
    : UsageChart(tr("Requests per day"), viewName, 14, parent) {
    view()->setAccessibleName(tr("Requests per day or per hour"));
}

void RequestsChart::setData(const ChartPeriod& period, std::vector<std::int64_t> series,
                            std::optional<double> dailyShare) {
    period_ = period;
    series_ = std::move(series);
    dailyShare_ = dailyShare;
    redraw();
}

void RequestsChart::clear() {
    setData(period_, {}, std::nullopt);
}

void RequestsChart::redraw() {
    auto* chart = new QChart;
    chart->legend()->hide();
    setTitle(period_.hourly() ? tr("Requests per hour") : tr("Requests per day"));
    if (series_.empty()) {
        showChart(chart);
        return;
    }
    double highest = 0;
    for (const std::int64_t value : series_)
        highest = std::max(highest, double(value));
    QAbstractAxis* x = !period_.hourly() && series_.size() <= kMaxBars ? drawBars(chart, highest)
                                                                       : drawArea(chart);
    attachAxes(chart, x, requestsAxis(highest));
    showChart(chart);
}

QAbstractAxis* RequestsChart::drawBars(QChart* chart, double& highest) {
    const QPalette colours = palette();
    const QColor accent = theme::accent(colours);
    auto* set = new QBarSet(tr("Requests"));
    for (const std::int64_t value : series_)
        set->append(double(value));
    set->setColor(accent);
    set->setBorderColor(accent);
    auto* bars = new QBarSeries;
    bars->setBarWidth(0.72);
    bars->append(set);
    chart->addSeries(bars);
    connect(set, &QBarSet::hovered, this, [this](bool state, int index) {
        if (state && index >= 0 && std::size_t(index) < series_.size())
            showTip(tr("%1: %2 requests")
                        .arg(period_.windowLabel(std::size_t(index)),
                             number(series_[std::size_t(index)])));
    });
    // The quota spread evenly over the month: bars above it eat into the rest.
    if (dailyShare_) {
        const double pace = *dailyShare_;
        auto* paceLine = new QLineSeries;
        paceLine->setName(tr("Daily share of the quota"));
        paceLine->append(-0.5, pace);
        paceLine->append(double(series_.size()) - 0.5, pace);
        paceLine->setPen(QPen(limitStateColour(colours, LimitState::Over), 1.5, Qt::DashLine));
        chart->addSeries(paceLine);
        chart->legend()->show();
        highest = std::max(highest, pace);
        connect(paceLine, &QLineSeries::hovered, this, [pace](const QPointF&, bool state) {
            if (state)
                showTip(tr("The monthly quota spread evenly: %1 requests a day")
                            .arg(number(std::llround(pace))));
        });
    }
    return dateAxis(period_.from, period_.days(), -0.5, double(series_.size()) - 0.5);
}

QAbstractAxis* RequestsChart::drawArea(QChart* chart) {
    const QPalette colours = palette();
    const QColor accent = theme::accent(colours);
    // One point per window, thinned to the plot's width for drawing.
    const double step = period_.hourly() ? 1.0 / 24.0 : 1.0;
    std::vector<double> values(series_.begin(), series_.end());
    const std::vector<std::size_t> kept = displayIndices(values, std::size_t(plotWidth()));
    auto* upper = new QLineSeries;
    QList<QPointF> points;
    points.reserve(qsizetype(kept.size()));
    for (const std::size_t index : kept)
        points.append(QPointF(double(index) * step, values[index]));
    upper->replace(points);
    auto* area = new QAreaSeries(upper);
    area->setName(tr("Requests"));
    area->setPen(QPen(accent, 1.2));
    QColor wash = accent;
    wash.setAlphaF(isDark(colours) ? 0.45f : 0.3f);
    area->setBrush(wash);
    chart->addSeries(area);
    connect(area, &QAreaSeries::hovered, this, [this, step](const QPointF& point, bool state) {
        if (!state || series_.empty())
            return;
        const auto index = std::size_t(
            std::clamp<double>(std::floor(point.x() / step), 0, double(series_.size() - 1)));
        showTip(tr("%1: %2 requests").arg(period_.windowLabel(index), number(series_[index])));
    });
    return dateAxis(period_.from, period_.days(), 0, double(period_.days()));
}

}  // namespace aicp

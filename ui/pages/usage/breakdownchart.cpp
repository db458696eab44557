#include "pages/usage/breakdownchart.h"

#include "pages/usage/usagefigures.h"
#include "theme.h"

#include <algorithm>
#include <cmath>

#include <QAreaSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

namespace aicp {

using namespace usagecharts;

BreakdownChart::BreakdownChart(const QString& title, const QString& what, const QString& viewName,
                               QWidget* parent)
    : UsageChart(title, viewName, 13, parent), what_(what) {}

void BreakdownChart::setData(const ChartPeriod& period, Layers layers, bool shown) {
    period_ = period;
    layers_ = std::move(layers);
    shown_ = shown;
    redraw();
}

void BreakdownChart::redraw() {
    auto* chart = new QChart;
    if (layers_.empty()) {
        if (shown_)
            chart->setTitle(tr("No %1 in this period").arg(what_));
        chart->setTitleBrush(theme::mutedText(palette()));
        showChart(chart);
        return;
    }
    const std::size_t windows = layers_.begin()->second.size();
    std::vector<double> totals(windows, 0.0);
    for (const auto& [name, values] : layers_) {
        for (std::size_t i = 0; i < windows && i < values.size(); ++i)
            totals[i] += double(values[i]);
    }
    const double highest = totals.empty() ? 0 : *std::max_element(totals.begin(), totals.end());
    QAbstractAxis* x = !period_.hourly() && windows <= kMaxBars ? drawBars(chart, windows)
                                                                : drawAreas(chart, totals);
    attachAxes(chart, x, requestsAxis(highest));
    showChart(chart);
    for (QLegendMarker* marker : chart->legend()->markers())
        marker->setShape(QLegend::MarkerShapeCircle);
}

QAbstractAxis* BreakdownChart::drawBars(QChart* chart, std::size_t windows) {
    const QPalette colours = palette();
    auto* stack = new QStackedBarSeries;
    stack->setBarWidth(0.72);
    std::size_t colour = 0;
    for (const auto& [name, values] : layers_) {
        auto* set = new QBarSet(name);
        for (const std::int64_t value : values)
            set->append(double(value));
        set->setColor(categoryColour(colours, colour++));
        set->setBorderColor(theme::cardSurface(colours));
        stack->append(set);
        connect(set, &QBarSet::hovered, this,
                [this, name = name, values = values](bool state, int index) {
                    if (state && index >= 0 && std::size_t(index) < values.size())
                        showTip(tr("%1\n%2: %3 requests")
                                    .arg(period_.windowLabel(std::size_t(index)), name,
                                         number(values[std::size_t(index)])));
                });
    }
    chart->addSeries(stack);
    return dateAxis(period_.from, period_.days(), -0.5, double(windows) - 0.5);
}

QAbstractAxis* BreakdownChart::drawAreas(QChart* chart, const std::vector<double>& totals) {
    const QPalette colours = palette();
    // Stacked areas, thinned by the total's shape so the layers keep lining up.
    const double step = period_.hourly() ? 1.0 / 24.0 : 1.0;
    const std::vector<std::size_t> kept = displayIndices(totals, std::size_t(plotWidth()));
    std::vector<double> base(totals.size(), 0.0);
    QLineSeries* lower = nullptr;
    std::size_t colour = 0;
    for (const auto& [name, values] : layers_) {
        auto* upper = new QLineSeries;
        QList<QPointF> points;
        points.reserve(qsizetype(kept.size()));
        for (const std::size_t index : kept) {
            base[index] += index < values.size() ? double(values[index]) : 0.0;
            points.append(QPointF(double(index) * step, base[index]));
        }
        upper->replace(points);
        auto* area = new QAreaSeries(upper, lower);
        area->setName(name);
        const QColor fill = categoryColour(colours, colour++);
        area->setBrush(fill);
        area->setPen(QPen(fill.darker(isDark(colours) ? 100 : 115), 0.8));
        chart->addSeries(area);
        // The lower edge of the next layer is this layer's upper edge.
        lower = new QLineSeries(chart);
        lower->replace(points);
        connect(area, &QAreaSeries::hovered, this,
                [this, name = name, values = values, step](const QPointF& point, bool state) {
                    if (!state || values.empty())
                        return;
                    const auto index = std::size_t(std::clamp<double>(
                        std::floor(point.x() / step), 0, double(values.size() - 1)));
                    showTip(tr("%1\n%2: %3 requests")
                                .arg(period_.windowLabel(index), name, number(values[index])));
                });
    }
    return dateAxis(period_.from, period_.days(), 0, double(period_.days()));
}

}  // namespace aicp

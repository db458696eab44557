#pragma once

#include "pages/usage/usagechart.h"

#include <cstdint>
#include <map>
#include <vector>

namespace aicp {

// Requests split by policy pack or by compliance module, one layer each:
// stacked bars for up to two months of days, stacked areas beyond.
class BreakdownChart : public UsageChart {
    Q_OBJECT
public:
    using Layers = std::map<QString, std::vector<std::int64_t>>;

    // `what` names a layer's kind in a sentence ("policy pack").
    BreakdownChart(const QString& title, const QString& what, const QString& viewName,
                   QWidget* parent = nullptr);

    // `shown` false: nothing was read (no customer); empty layers say so.
    void setData(const ChartPeriod& period, Layers layers, bool shown = true);

protected:
    void redraw() override;

private:
    QAbstractAxis* drawBars(QChart* chart, std::size_t windows);
    QAbstractAxis* drawAreas(QChart* chart, const std::vector<double>& totals);

    QString what_;
    ChartPeriod period_;
    Layers layers_;
    bool shown_ = false;
};

}  // namespace aicp

#pragma once

#include "pages/usage/usagechart.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace aicp {

// Requests per day (bars, up to two months) or per hour (an area thinned to
// the plot's width), with the quota's daily share as a dashed line when
// one month of days is shown.
class RequestsChart : public UsageChart {
    Q_OBJECT
public:
    explicit RequestsChart(const QString& viewName = QStringLiteral("requestsChart"),
                           QWidget* parent = nullptr);

    // One count per window of `period`; `dailyShare`: the monthly quota
    // spread over the month's days.
    void setData(const ChartPeriod& period, std::vector<std::int64_t> series,
                 std::optional<double> dailyShare);
    void clear();

protected:
    void redraw() override;

private:
    QAbstractAxis* drawBars(QChart* chart, double& highest);
    QAbstractAxis* drawArea(QChart* chart);

    ChartPeriod period_;
    std::vector<std::int64_t> series_;
    std::optional<double> dailyShare_;
};

}  // namespace aicp

#pragma once

#include "pages/usage/usagechart.h"
// After the chart: moc reads <span> (in the figures) only after Qt's headers.
#include "pages/usage/usagefigures.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace aicp {

// What the quota chart draws: a month's requests per day, the quota of the
// license in force (if it sets one) and, for the current month, the
// month-end projection.
struct QuotaChartData {
    YearMonth month;
    std::vector<std::int64_t> days;  // requests per day of the month
    std::optional<std::int64_t> quota;
    bool licensed = false;  // a license is in force (with or without a quota)
    std::optional<MonthProjection> projection;
};

// The cumulative requests of a month against the quota: the running total
// (solid, washed under), the projection to the month end (dashed) and the
// quota (red); the note above says what each line is.
class QuotaChart : public UsageChart {
    Q_OBJECT
public:
    explicit QuotaChart(QWidget* parent = nullptr);

    // nullopt: nothing to show.
    void setData(std::optional<QuotaChartData> shown);

protected:
    void redraw() override;

private:
    void connectTips(QChart* chart, const std::vector<std::int64_t>& totals);
    void writeNote();

    std::optional<QuotaChartData> data_;
};

}  // namespace aicp

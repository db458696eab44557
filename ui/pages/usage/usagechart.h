#pragma once

#include "metering/usagequery.h"
#include "widgets/cardframe.h"

#include <cstdint>

#include <QDate>
#include <QString>

class QAbstractAxis;
class QCategoryAxis;
class QChart;
class QChartView;
class QLabel;
class QTimer;
class QValueAxis;

namespace aicp {

// The days a chart covers and the window of its points.
struct ChartPeriod {
    QDate from;
    QDate to;
    UsageWindow window = UsageWindow::Day;

    [[nodiscard]] qint64 days() const { return from.isValid() ? from.daysTo(to) + 1 : 0; }
    [[nodiscard]] bool hourly() const { return window == UsageWindow::Hour; }
    // The window at `index` in the reader's words: "Tue 3/3/2026" or
    // "Tue 3/3/2026, 2:00 PM–3:00 PM UTC".
    [[nodiscard]] QString windowLabel(std::size_t index) const;
};

// A card holding one usage chart: its title, an optional note under it and
// the chart, styled from the palette. A chart widget keeps what it shows
// and draws it again when resized (its points are thinned to the width)
// or when the palette changes.
class UsageChart : public CardFrame {
    Q_OBJECT
public:
    // `viewName` names the chart view, for tests and screen readers' tools.
    UsageChart(const QString& title, const QString& viewName, int minimumLines,
               QWidget* parent = nullptr);

    [[nodiscard]] QChartView* view() const { return view_; }
    [[nodiscard]] QString note() const;

protected:
    // Draws what the widget holds into a new chart.
    virtual void redraw() = 0;
    void setTitle(const QString& title);
    void setNote(const QString& note);
    // Shows `chart` (deleting the previous one) with the page's look.
    void showChart(QChart* chart);
    // Attaches every series to the two axes.
    static void attachAxes(QChart* chart, QAbstractAxis* x, QAbstractAxis* y);
    [[nodiscard]] int plotWidth() const;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QLabel* title_;
    QLabel* note_;
    QChartView* view_;
    QTimer* redrawTimer_;
};

namespace usagecharts {

// Bars read better than areas up to about two months of days.
inline constexpr std::size_t kMaxBars = 62;

[[nodiscard]] QString number(std::int64_t value);
[[nodiscard]] bool isDark(const QPalette& palette);
// Categorical colours for breakdowns: the accent first, then hues apart from
// it and from the limit states' green, amber and red.
[[nodiscard]] QColor categoryColour(const QPalette& palette, std::size_t index);
// A value axis in requests, from zero, with room above the highest value.
[[nodiscard]] QValueAxis* requestsAxis(double highest);
// Date labels along `days` days from `from` in the user's locale, one a
// week for a month, one a month for longer ranges; x is in days since `from`.
[[nodiscard]] QCategoryAxis* dateAxis(QDate from, qint64 days, double minimum, double maximum);
void showTip(const QString& text);

}  // namespace usagecharts

}  // namespace aicp

#pragma once

class QChart;
class QWidget;

namespace aicp {

// The console's look for a chart, from `from`'s palette and font: the card's
// surface, no border or animation, the locale's digit grouping, small muted
// axis labels on hairlines, no vertical grid lines. `categoryLabels`: the
// horizontal axis names categories (tiers), so its labels read as text.
void styleChart(QChart* chart, const QWidget* from, double labelScale = 0.8,
                bool categoryLabels = false);

}  // namespace aicp

#include "widgets/chartstyle.h"

#include "theme.h"

#include <QAbstractAxis>
#include <QChart>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLocale>
#include <QWidget>

namespace aicp {

void styleChart(QChart* chart, const QWidget* from, double labelScale, bool categoryLabels) {
    const QPalette colours = from->palette();
    chart->setBackgroundBrush(theme::cardSurface(colours));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(0, 4, 4, 0));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setAnimationOptions(QChart::NoAnimation);
    // Axis labels with the locale's digit grouping: 1,000,000 rather than 1000000.
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    chart->legend()->setLabelColor(colours.color(QPalette::Text));
    chart->legend()->setFont(theme::scaledFont(from->font(), 0.85));
    chart->legend()->setAlignment(Qt::AlignBottom);
    const QFont labels = theme::scaledFont(from->font(), labelScale);
    for (QAbstractAxis* axis : chart->axes()) {
        const bool horizontal = axis->orientation() == Qt::Horizontal;
        axis->setLabelsFont(labels);
        axis->setLabelsColor(horizontal && categoryLabels ? colours.color(QPalette::Text)
                                                          : theme::mutedText(colours));
        axis->setGridLineColor(theme::hairline(colours));
        axis->setLinePenColor(theme::hairline(colours));
        axis->setTitleBrush(theme::mutedText(colours));
        axis->setTitleFont(labels);
        if (horizontal)
            axis->setGridLineVisible(false);
    }
}

}  // namespace aicp

#include "pages/dashboard/revenuebars.h"

#include "theme.h"

#include <algorithm>
#include <cstdlib>

#include <QPainter>
#include <QPainterPath>

namespace aicp {

RevenueBars::RevenueBars(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void RevenueBars::setBars(std::vector<Bar> bars) {
    bars_ = std::move(bars);
    QString description;
    for (const Bar& bar : bars_)
        description += bar.label + QStringLiteral(": ") + bar.text + u'\n';
    setAccessibleDescription(description.trimmed());
    updateGeometry();
    update();
}

int RevenueBars::rowHeight() const {
    return fontMetrics().height() * 2;
}

QSize RevenueBars::sizeHint() const {
    return {fontMetrics().averageCharWidth() * 60,
            rowHeight() * std::max<int>(1, int(bars_.size()))};
}

QSize RevenueBars::minimumSizeHint() const {
    return {fontMetrics().averageCharWidth() * 36,
            rowHeight() * std::max<int>(1, int(bars_.size()))};
}

void RevenueBars::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette colours = palette();
    const QFontMetrics metrics = fontMetrics();
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);

    int labelWidth = 0;
    int amountWidth = 0;
    std::int64_t largest = 0;
    for (const Bar& bar : bars_) {
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(bar.label));
        amountWidth = std::max(amountWidth, boldMetrics.horizontalAdvance(bar.text));
        largest = std::max(largest, bar.amount.abs().micros());
    }
    const int gap = metrics.averageCharWidth() * 2;
    const int barLeft = labelWidth + gap;
    const int barRoom = std::max(1, width() - barLeft - gap - amountWidth);
    const int row = rowHeight();
    const int thickness = std::max(6, metrics.height() * 3 / 5);
    const QColor accent = theme::accent(colours);
    const QColor muted = theme::mutedText(colours);

    for (std::size_t i = 0; i < bars_.size(); ++i) {
        const Bar& bar = bars_[i];
        const int top = int(i) * row;
        const QRect text(0, top, labelWidth, row);
        painter.setPen(colours.color(QPalette::Text));
        painter.setFont(font());
        painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, bar.label);

        // The track, then the share of the largest amount.
        const QRectF track(barLeft, top + (row - thickness) / 2.0, barRoom, thickness);
        QPainterPath trackPath;
        trackPath.addRoundedRect(track, thickness / 2.0, thickness / 2.0);
        painter.fillPath(trackPath, theme::hairline(colours));
        if (largest > 0 && !bar.amount.isZero()) {
            const double share = double(bar.amount.abs().micros()) / double(largest);
            QRectF filled = track;
            filled.setWidth(std::max<double>(thickness, track.width() * share));
            QPainterPath fill;
            fill.addRoundedRect(filled, thickness / 2.0, thickness / 2.0);
            painter.fillPath(fill, bar.amount.isNegative() ? muted : accent);
        }

        painter.setFont(bold);
        painter.setPen(bar.amount.isZero() ? muted : colours.color(QPalette::Text));
        painter.drawText(QRect(width() - amountWidth, top, amountWidth, row),
                         Qt::AlignRight | Qt::AlignVCenter, bar.text);
    }
}

}  // namespace aicp

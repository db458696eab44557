#include "widgets/cardframe.h"

#include "theme.h"

#include <QPainter>

namespace aicp {

CardFrame::CardFrame(QWidget* parent) : QFrame(parent) {
    const int padding = theme::spacing(font(), 0.9);
    setContentsMargins(padding, padding, padding, padding);
}

void CardFrame::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = theme::spacing(font(), 0.5);
    painter.setPen(QPen(theme::hairline(palette()), 1));
    painter.setBrush(theme::cardSurface(palette()));
    painter.drawRoundedRect(box, radius, radius);
}

}  // namespace aicp

#include "widgets/cardframe.h"

#include "theme.h"

#include <QColor>
#include <QPainter>

namespace aicp {

CardFrame::CardFrame(QWidget* parent) : QFrame(parent) {
    const int padding = theme::spacing(font(), 0.9);
    setContentsMargins(padding, padding, padding, padding);
}

void paintCard(QWidget* widget, const QPen& outline, const QColor& fill, qreal inset) {
    QPainter painter(widget);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(widget->rect()).adjusted(inset, inset, -inset, -inset);
    const qreal radius = theme::spacing(widget->font(), 0.5);
    painter.setPen(outline);
    painter.setBrush(fill);
    painter.drawRoundedRect(box, radius, radius);
}

void CardFrame::paintEvent(QPaintEvent* /*event*/) {
    paintCard(this, QPen(theme::hairline(palette()), 1), theme::cardSurface(palette()));
}

}  // namespace aicp

#include "widgets/badge.h"

#include "theme.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

namespace aicp {

Badge::Badge(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void Badge::setText(const QString& text) {
    text_ = text;
    setAccessibleName(text);
    updateGeometry();
    update();
}

void Badge::setTone(Tone tone) {
    tone_ = tone;
    update();
}

QFont Badge::badgeFont() const {
    return theme::scaledFont(font(), 0.85, true);
}

QSize Badge::sizeHint() const {
    const QFontMetrics metrics(badgeFont());
    const int padding = metrics.height() / 2;
    return {metrics.horizontalAdvance(text_) + 2 * padding, metrics.height() + padding / 2};
}

void Badge::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = box.height() / 2;

    QColor fill;
    QColor ink;
    if (tone_ == Tone::Accent) {
        fill = theme::accent(palette());
        ink = palette().color(QPalette::HighlightedText);
    } else {
        // Outlined: a warning should inform, not shout louder than the answer.
        ink = theme::warningText(palette());
        fill = Qt::transparent;
        painter.setPen(QPen(ink, 1));
    }
    if (tone_ == Tone::Accent)
        painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawRoundedRect(box, radius, radius);

    painter.setPen(ink);
    painter.setFont(badgeFont());
    painter.drawText(rect(), Qt::AlignCenter, text_);
}

}  // namespace aicp

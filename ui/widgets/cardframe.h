#pragma once

#include <QFrame>

class QColor;
class QPen;

namespace aicp {

// Paints `widget` as a card: a rounded box filled with `fill` and drawn with
// `outline`, `inset` in from the widget's edges so the line is not clipped.
void paintCard(QWidget* widget, const QPen& outline, const QColor& fill, qreal inset = 0.5);

// A rounded, hairline-bordered surface that groups related content (the
// calculator's inputs, the comparison table), painted from the palette.
class CardFrame : public QFrame {
    Q_OBJECT
public:
    explicit CardFrame(QWidget* parent = nullptr);

protected:
    void paintEvent(QPaintEvent* event) override;
};

}  // namespace aicp

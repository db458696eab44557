#pragma once

#include <QFrame>

namespace aicp {

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

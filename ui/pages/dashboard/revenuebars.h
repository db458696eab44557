#pragma once

#include "money/money.h"

#include <vector>

#include <QString>
#include <QWidget>

namespace aicp {

// A horizontal bar chart of amounts (revenue by pricing axis): a label,
// a bar whose length is the amount's share of the largest, and the amount
// as text. Negative amounts (a discount) are drawn in the muted colour.
// The bars are geometry only; every figure shown is the formatted amount.
class RevenueBars : public QWidget {
    Q_OBJECT
public:
    struct Bar {
        QString label;
        Money amount;
        QString text;  // the amount, formatted
    };

    explicit RevenueBars(QWidget* parent = nullptr);

    void setBars(std::vector<Bar> bars);
    [[nodiscard]] const std::vector<Bar>& bars() const { return bars_; }

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    [[nodiscard]] int rowHeight() const;

    std::vector<Bar> bars_;
};

}  // namespace aicp

#pragma once

#include "licensing/entitlements.h"

#include <optional>

#include <QColor>
#include <QFrame>
#include <QPalette>

class QLabel;

namespace aicp {

// Within green, near amber, over red, mixed from the palette's text colour
// so they keep the theme's contrast in light and dark palettes.
[[nodiscard]] QColor limitStateColour(const QPalette& palette, LimitState state);

// A horizontal bar: how much of a limit is used, coloured by its state; a
// value past the limit fills the bar and marks where the limit is.
class LimitGauge : public QWidget {
    Q_OBJECT
public:
    explicit LimitGauge(QWidget* parent = nullptr);

    // `fraction` of the limit used (may exceed 1).
    void setValue(double fraction, LimitState state);
    [[nodiscard]] double fraction() const { return fraction_; }
    [[nodiscard]] LimitState state() const { return state_; }

    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    double fraction_ = 0;
    LimitState state_ = LimitState::Within;
};

// One figure at the top of the Usage page: what it is, the number, a line
// of context and, when there is a limit, the gauge against it.
class UsageCard : public QFrame {
    Q_OBJECT
public:
    explicit UsageCard(const QString& title, QWidget* parent = nullptr);

    void setTitle(const QString& title);

    // `check` draws the gauge and the state word; nullopt hides them.
    void setFigure(const QString& value, const QString& caption,
                   const std::optional<LimitCheck>& check = std::nullopt);
    void showNothing(const QString& caption);

    [[nodiscard]] QString valueText() const;
    [[nodiscard]] QString captionText() const;
    [[nodiscard]] std::optional<LimitState> state() const { return state_; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void applyColours();

    QLabel* title_;
    QLabel* value_;
    QLabel* stateWord_;
    QLabel* caption_;
    LimitGauge* gauge_;
    std::optional<LimitState> state_;
};

}  // namespace aicp

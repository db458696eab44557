#pragma once

#include <QWidget>

namespace aicp {

// A small rounded label ("Cheapest", "Not eligible") painted from the
// palette, so it follows light and dark themes without a style sheet.
class Badge : public QWidget {
    Q_OBJECT
public:
    enum class Tone { Accent, Warning };

    explicit Badge(QWidget* parent = nullptr);

    void setText(const QString& text);
    [[nodiscard]] QString text() const { return text_; }
    void setTone(Tone tone);

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    [[nodiscard]] QFont badgeFont() const;

    QString text_;
    Tone tone_ = Tone::Accent;
};

}  // namespace aicp

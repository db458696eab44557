#include "theme.h"

#include <QFontMetrics>

namespace aicp::theme {

QColor mix(const QColor& from, const QColor& to, double amountOfTo) {
    const double keep = 1.0 - amountOfTo;
    return QColor::fromRgbF(static_cast<float>(from.redF() * keep + to.redF() * amountOfTo),
                            static_cast<float>(from.greenF() * keep + to.greenF() * amountOfTo),
                            static_cast<float>(from.blueF() * keep + to.blueF() * amountOfTo));
}

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor accent(const QPalette& palette) {
    const QColor highlight = palette.color(QPalette::Highlight);
    // A highlight that is too dark to read as text on a dark window (or too
    // light on a light one) is nudged towards the text colour.
    const double contrast =
        std::abs(highlight.lightnessF() - palette.color(QPalette::Window).lightnessF());
    if (contrast >= 0.3)
        return highlight;
    return isDark(palette) ? highlight.lighter(150) : highlight.darker(140);
}

QColor accentWash(const QPalette& palette) {
    return mix(palette.color(QPalette::Base), accent(palette), isDark(palette) ? 0.22 : 0.10);
}

QColor mutedText(const QPalette& palette) {
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.42);
}

QColor hairline(const QPalette& palette) {
    return mix(palette.color(QPalette::Window), palette.color(QPalette::Text), 0.16);
}

QColor cardSurface(const QPalette& palette) {
    return palette.color(QPalette::Base);
}

QColor sidebarSurface(const QPalette& palette) {
    const QColor window = palette.color(QPalette::Window);
    return mix(window, isDark(palette) ? QColor(Qt::black) : palette.color(QPalette::Text),
               isDark(palette) ? 0.22 : 0.045);
}

QColor warningText(const QPalette& palette) {
    // Red-orange, blended with the text colour so it keeps the theme's contrast.
    const QColor signal = isDark(palette) ? QColor(255, 138, 101) : QColor(191, 54, 12);
    return mix(palette.color(QPalette::Text), signal, 0.85);
}

QFont scaledFont(const QFont& base, double factor, bool bold) {
    QFont font = base;
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF() * factor);
    else
        font.setPixelSize(static_cast<int>(base.pixelSize() * factor));
    font.setBold(bold);
    return font;
}

int spacing(const QFont& font, double lines) {
    return static_cast<int>(QFontMetrics(font).height() * lines);
}

}  // namespace aicp::theme

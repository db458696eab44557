#pragma once

#include <QColor>
#include <QPalette>

namespace aicp::test {

// A dark desktop palette, as a dark system theme hands the console one, for
// screenshots and for checking that pages take every colour from the palette.
// Qt GUI only: a header for the UI tests, outside the compiled support.
inline QPalette darkPalette() {
    struct Shade {
        QPalette::ColorGroup group;
        QPalette::ColorRole role;
        QRgb rgb;
    };
    static constexpr Shade kShades[] = {
        {QPalette::All, QPalette::Window, qRgb(37, 38, 41)},
        {QPalette::All, QPalette::WindowText, qRgb(230, 230, 232)},
        {QPalette::All, QPalette::Base, qRgb(48, 49, 53)},
        {QPalette::All, QPalette::AlternateBase, qRgb(54, 55, 60)},
        {QPalette::All, QPalette::Text, qRgb(230, 230, 232)},
        {QPalette::All, QPalette::Button, qRgb(52, 53, 58)},
        {QPalette::All, QPalette::ButtonText, qRgb(230, 230, 232)},
        {QPalette::All, QPalette::Highlight, qRgb(64, 132, 214)},
        {QPalette::All, QPalette::HighlightedText, qRgb(255, 255, 255)},
        {QPalette::All, QPalette::ToolTipBase, qRgb(48, 49, 53)},
        {QPalette::All, QPalette::ToolTipText, qRgb(230, 230, 232)},
        {QPalette::All, QPalette::PlaceholderText, qRgb(140, 140, 145)},
        {QPalette::All, QPalette::Light, qRgb(70, 71, 76)},
        {QPalette::All, QPalette::Midlight, qRgb(60, 61, 66)},
        {QPalette::All, QPalette::Mid, qRgb(44, 45, 49)},
        {QPalette::All, QPalette::Dark, qRgb(25, 25, 28)},
        {QPalette::All, QPalette::Shadow, qRgb(10, 10, 12)},
        {QPalette::Disabled, QPalette::Text, qRgb(120, 120, 125)},
        {QPalette::Disabled, QPalette::WindowText, qRgb(120, 120, 125)},
        {QPalette::Disabled, QPalette::ButtonText, qRgb(120, 120, 125)},
    };
    QPalette dark;
    for (const Shade& shade : kShades)
        dark.setColor(shade.group, shade.role, QColor(shade.rgb));
    return dark;
}

}  // namespace aicp::test

#pragma once

#include <QColor>
#include <QPalette>

namespace aicp::test {

// A dark desktop palette, as a dark system theme hands the console one, for
// screenshots and for checking that pages take every colour from the palette.
inline QPalette darkPalette() {
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(37, 38, 41));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 232));
    dark.setColor(QPalette::Base, QColor(48, 49, 53));
    dark.setColor(QPalette::AlternateBase, QColor(54, 55, 60));
    dark.setColor(QPalette::Text, QColor(230, 230, 232));
    dark.setColor(QPalette::Button, QColor(52, 53, 58));
    dark.setColor(QPalette::ButtonText, QColor(230, 230, 232));
    dark.setColor(QPalette::Highlight, QColor(64, 132, 214));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::ToolTipBase, QColor(48, 49, 53));
    dark.setColor(QPalette::ToolTipText, QColor(230, 230, 232));
    dark.setColor(QPalette::PlaceholderText, QColor(140, 140, 145));
    dark.setColor(QPalette::Light, QColor(70, 71, 76));
    dark.setColor(QPalette::Midlight, QColor(60, 61, 66));
    dark.setColor(QPalette::Mid, QColor(44, 45, 49));
    dark.setColor(QPalette::Dark, QColor(25, 25, 28));
    dark.setColor(QPalette::Shadow, QColor(10, 10, 12));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 125));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 125));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 125));
    return dark;
}

}  // namespace aicp::test

#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>

namespace aicp::theme {

// The console's few visual constants, all derived from the palette in force
// so a light or dark system theme is followed without a colour of our own.
// The one accent is the palette's highlight.

// `from` moved `amountOfTo` (0..1) of the way towards `to`.
[[nodiscard]] QColor mix(const QColor& from, const QColor& to, double amountOfTo);
// Whether the palette is a dark theme (light text on a dark window).
[[nodiscard]] bool isDark(const QPalette& palette);

[[nodiscard]] QColor accent(const QPalette& palette);
// A faint wash of the accent for selected or emphasised backgrounds.
[[nodiscard]] QColor accentWash(const QPalette& palette);
// Secondary text (captions, "—", zero amounts): readable, but quieter than Text.
[[nodiscard]] QColor mutedText(const QPalette& palette);
// Hairlines between regions and around cards.
[[nodiscard]] QColor hairline(const QPalette& palette);
// Card surfaces: the Base colour, which stands off the Window background in
// both light and dark palettes.
[[nodiscard]] QColor cardSurface(const QPalette& palette);
// The navigation column: a step away from the Window colour, darker in
// both light and dark palettes.
[[nodiscard]] QColor sidebarSurface(const QPalette& palette);
// Warnings (ineligible tiers, invalid input), kept close to the text colour
// so it reads on any background.
[[nodiscard]] QColor warningText(const QPalette& palette);

// `base` scaled by `factor` in point size, optionally bold: titles and
// totals grow with the user's font setting instead of using pixel sizes.
[[nodiscard]] QFont scaledFont(const QFont& base, double factor, bool bold = false);

// Spacing in pixels derived from the font height, so layouts breathe the same
// at every DPI and font size.
[[nodiscard]] int spacing(const QFont& font, double lines = 0.5);

}  // namespace aicp::theme

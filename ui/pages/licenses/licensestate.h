#pragma once

#include <QColor>
#include <QDateTime>
#include <QPalette>
#include <QString>
#include <QUuid>

namespace aicp {

// How the console words and colours a license's registry state
// (LicenseRecord::stateAt) and a verification outcome (licenseStatusWord):
// green for usable, amber for grace, red for refused, quiet for history.
// Colours are mixed from the palette's text colour so they keep the theme's
// contrast in light and dark palettes.
[[nodiscard]] QColor licenseStateColour(const QPalette& palette, const QString& stateWord);
// "Active", "In grace", "Revoked", …: the state word for people.
[[nodiscard]] QString licenseStateLabel(const QString& stateWord);

// Active licenses ending within this many days are flagged as expiring soon.
inline constexpr int kExpiringSoonDays = 30;

// The first eight hex digits of a license id: what the table and messages
// show; the registry accepts it as a prefix.
[[nodiscard]] QString shortLicenseId(const QUuid& id);
[[nodiscard]] QString fullLicenseId(const QUuid& id);
// "2026-11-24", the UTC date of a license time.
[[nodiscard]] QString licenseDate(const QDateTime& time);

}  // namespace aicp

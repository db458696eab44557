#pragma once

#include <cstdint>

#include <QLocale>
#include <QString>

namespace aicp {

// Counts in machine-stable English ("1,234,567 requests") for the core's
// descriptions and messages; the console words numbers in the user's locale.
[[nodiscard]] inline QString englishCount(std::int64_t value) {
    static const QLocale kEnglish(QLocale::English, QLocale::UnitedStates);
    return kEnglish.toString(static_cast<qlonglong>(value));
}

// "1 seat", "3 seats".
[[nodiscard]] inline QString englishCount(std::int64_t value, const QString& one,
                                          const QString& many) {
    return QStringLiteral("%1 %2").arg(englishCount(value), value == 1 ? one : many);
}

}  // namespace aicp

#pragma once

#include <cstddef>
#include <optional>

#include <QLatin1String>
#include <QString>
#include <QStringView>

namespace aicp {

// The words of an enum's values, written once as a table next to the enum's
// functions, and read both ways: value to word for output, word to value for
// input and storage.
template <typename Enum>
struct EnumWord {
    Enum value;
    const char* word;
};

// The word of `value`; empty for a value the table lacks.
template <typename Enum, std::size_t N>
[[nodiscard]] QString wordOf(const EnumWord<Enum> (&words)[N], Enum value) {
    for (const EnumWord<Enum>& entry : words) {
        if (entry.value == value)
            return QString::fromLatin1(entry.word);
    }
    return {};
}

// The value `word` names, exactly as written; nullopt for any other word.
template <typename Enum, std::size_t N>
[[nodiscard]] std::optional<Enum> valueOf(const EnumWord<Enum> (&words)[N], QStringView word) {
    for (const EnumWord<Enum>& entry : words) {
        if (word == QLatin1String(entry.word))
            return entry.value;
    }
    return std::nullopt;
}

}  // namespace aicp

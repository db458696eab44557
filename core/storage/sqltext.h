#pragma once

#include <string_view>

#include <QString>

namespace aicp {

// True when `sql` holds nothing but white space and semicolons.
[[nodiscard]] inline bool isBlankSql(std::string_view sql) {
    return sql.find_first_not_of(" \t\r\n;") == std::string_view::npos;
}

// The start of a statement on one line, for an error message.
[[nodiscard]] inline QString sqlExcerpt(std::string_view sql) {
    constexpr qsizetype kMaxLength = 80;
    const QString text =
        QString::fromUtf8(sql.data(), static_cast<qsizetype>(sql.size())).simplified();
    return text.size() <= kMaxLength ? text : text.left(kMaxLength) + QStringLiteral("…");
}

}  // namespace aicp

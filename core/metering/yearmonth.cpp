#include "metering/yearmonth.h"

namespace aicp {

std::optional<YearMonth> YearMonth::parse(QStringView text) {
    if (text.size() != 7 || text[4] != u'-')
        return std::nullopt;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i != 4 && !text[i].isDigit())
            return std::nullopt;
    }
    const int year = text.left(4).toInt();
    const int month = text.mid(5, 2).toInt();
    if (month < 1 || month > 12)
        return std::nullopt;
    return YearMonth{year, month};
}

YearMonth YearMonth::fromIndex(std::int64_t index) {
    return {static_cast<int>(index / 12), static_cast<int>(index % 12) + 1};
}

QString YearMonth::toString() const {
    return QStringLiteral("%1-%2")
        .arg(year, 4, 10, QLatin1Char('0'))
        .arg(month, 2, 10, QLatin1Char('0'));
}

}  // namespace aicp

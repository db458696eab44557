#include "widgets/localdates.h"

namespace aicp {

QString dateFormatWithFullYear(const QLocale& locale) {
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return format;
}

QString displayDate(QDate date, const QLocale& locale) {
    return date.isValid() ? locale.toString(date, dateFormatWithFullYear(locale)) : QString();
}

QString displayUtcTime(const QDateTime& time, const QLocale& locale) {
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    return QStringLiteral("%1 %2 UTC")
        .arg(displayDate(utc.date(), locale), locale.toString(utc.time(), QLocale::ShortFormat));
}

}  // namespace aicp

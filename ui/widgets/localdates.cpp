#include "widgets/localdates.h"

#include <QRegularExpression>

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

QString displayDayMonth(QDate date, const QLocale& locale) {
    if (!date.isValid())
        return {};
    // The year and the separator that joins it to the day or month go.
    static const QRegularExpression year(QStringLiteral("[^dM]*y+[^dM]*"));
    QString format = locale.dateFormat(QLocale::ShortFormat);
    format.remove(year);
    return locale.toString(date, format.isEmpty() ? QStringLiteral("d MMM") : format);
}

QString displayDayWithWeekday(QDate date, const QLocale& locale) {
    if (!date.isValid())
        return {};
    return QStringLiteral("%1 %2").arg(locale.dayName(date.dayOfWeek(), QLocale::ShortFormat),
                                       displayDate(date, locale));
}

QString displayMonth(QDate date, const QLocale& locale) {
    return date.isValid() ? locale.toString(date, QStringLiteral("MMMM yyyy")) : QString();
}

QString displayUtcTime(const QDateTime& time, const QLocale& locale) {
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    return QStringLiteral("%1 %2 UTC")
        .arg(displayDate(utc.date(), locale), locale.toString(utc.time(), QLocale::ShortFormat));
}

}  // namespace aicp

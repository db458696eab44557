#pragma once

#include <QDateTime>

namespace aicp {

// Licenses, audit entries and stored times are exact to the second: a time
// with milliseconds would sign or hash differently from its printed form.
[[nodiscard]] inline QDateTime toWholeSecondsUtc(const QDateTime& time) {
    const QDateTime utc = time.toUTC();
    return utc.addMSecs(-utc.time().msec());
}

[[nodiscard]] inline QDateTime currentUtcToTheSecond() {
    return toWholeSecondsUtc(QDateTime::currentDateTimeUtc());
}

}  // namespace aicp

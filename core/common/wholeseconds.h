#pragma once

#include <functional>

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

// Where services read the time; the demo replaces it to make the same
// workspace on every run.
using Clock = std::function<QDateTime()>;
[[nodiscard]] inline Clock systemClock() {
    return &currentUtcToTheSecond;
}

}  // namespace aicp

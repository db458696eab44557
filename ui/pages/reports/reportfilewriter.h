#pragma once

#include "common/result.h"

#include <functional>

#include <QByteArray>
#include <QString>

namespace aicp {

// Writes `bytes` to `path` all or nothing (QSaveFile: the old file, if any,
// stays until the new one is complete), in chunks, calling `progress` with
// the bytes written so far and the total. For exports run off the GUI
// thread; the error names the file and what went wrong.
[[nodiscard]] Status writeReportFile(const QString& path, const QByteArray& bytes,
                                     const std::function<void(qint64, qint64)>& progress = {});

}  // namespace aicp

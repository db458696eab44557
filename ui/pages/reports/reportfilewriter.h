#pragma once

#include "common/result.h"

#include <functional>

#include <QByteArray>
#include <QString>

class QWidget;

namespace aicp {

// Writes `bytes` to `path` all or nothing (QSaveFile: the old file, if any,
// stays until the new one is complete), in chunks, calling `progress` with
// the bytes written so far and the total. For exports run off the GUI
// thread; the error names the file and what went wrong.
[[nodiscard]] Status writeReportFile(const QString& path, const QByteArray& bytes,
                                     const std::function<void(qint64, qint64)>& progress = {});

// Asks where to export, offering `fileName` in the folder of the last
// export (the home folder at first) and remembering the folder chosen;
// empty when the user backs out.
[[nodiscard]] QString chooseReportFile(QWidget* parent, const QString& title,
                                       const QString& fileName, const QString& filter);

}  // namespace aicp

#pragma once

#include "common/result.h"

#include <QByteArrayView>
#include <QString>

namespace aicp {

// Writes `bytes` to `path` through QSaveFile: the file appears whole or not
// at all, and an existing file is replaced only when every byte is written.
// The one place aicp writes a user's file; errors name the file.
[[nodiscard]] Status writeFileAtomically(const QString& path, QByteArrayView bytes);

}  // namespace aicp

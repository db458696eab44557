#pragma once

#include "common/error.h"
#include "metering/usageimporter.h"

#include <QLocale>
#include <QString>

namespace aicp {

// The words an import's outcome is told in, the same in the console and the
// CLI: "12,345 new, 20 duplicates, 3 rejected (see events.csv.rejects), 0 late".
[[nodiscard]] QString describeImport(const UsageImportReport& report,
                                     const QLocale& locale = QLocale());
// Why a file was not imported, and that nothing of it was.
[[nodiscard]] QString describeRefusal(const QString& path, const Error& error);

}  // namespace aicp

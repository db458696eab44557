#pragma once

#include <QString>

namespace aicp {

// The console's start after the command line is parsed: opens the workspace
// (`dbOption`, or the per-user default made into the demo on first start),
// lets the user pick another when it cannot be opened, and runs the main
// window. Returns the process exit status.
[[nodiscard]] int runConsole(const QString& dbOption);

}  // namespace aicp

#pragma once

#include "consoleoptions.h"

#include <QString>

class QWidget;

namespace aicp {

// aicp-console's whole start, so app/console/main.cpp stays one line: sets
// the identity, prints --help and --version without a display, reads the
// options and runs the console. Returns the process exit status.
[[nodiscard]] int consoleMain(int argc, char* argv[]);

// The console after the command line: opens the workspace the options ask
// for (StartWorkspace::decide), or shows the welcome when there is none yet,
// lets the user pick another when it cannot be opened, and runs the main
// window. Returns the process exit status.
[[nodiscard]] int runConsole(const ConsoleOptions& options);

}  // namespace aicp

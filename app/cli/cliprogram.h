#pragma once

#include <QStringList>

namespace aicp {

// The whole `aicp` program: makes the application object the command line
// needs (a QGuiApplication on the offscreen platform, unless QT_QPA_PLATFORM
// says otherwise, when its command needs the GUI layer: commandLineNeedsGui), then runs it
// (runCli).
int runCliProgram(int argc, char* argv[]);

}  // namespace aicp

#pragma once

#include <QStringList>
#include <QTextStream>

namespace aicp {

// Runs the `aicp` command line: parses `arguments` (argv, program name
// first), writes results to `out` and one clear line per error to `err`,
// and returns the process exit code.
int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err);

// Whether a command line (argv, program name first) needs the GUI layer: the
// command it names, parsed, says so (`report cost --format pdf`, `invoice
// show N -o FILE`). Every other command line runs on a QCoreApplication.
[[nodiscard]] bool commandLineNeedsGui(const QStringList& arguments);

// The same, on the process's stdout and stderr.
int runCli(const QStringList& arguments);

}  // namespace aicp

#pragma once

#include <QStringList>
#include <QTextStream>

namespace aicp {

// Runs the `aicp` command line: parses `arguments` (argv, program name
// first), writes results to `out` and one clear line per error to `err`,
// and returns the process exit code.
int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err);

// The same, on the process's stdout and stderr.
int runCli(const QStringList& arguments);

}  // namespace aicp

#pragma once

#include <QStringList>

namespace aicp {

// Whether a command line (argv, program name first) will render a PDF, and
// so needs a QGuiApplication for fonts: `report cost` with --format pdf or
// an -o FILE ending in .pdf, and `invoice issue|show` with -o. Every other
// command runs on a plain QCoreApplication, with no display connection.
//
//     commandLineRendersPdf({"aicp", "report", "cost", "--month", "2026-10",
//                            "--format", "pdf", "-o", "r.pdf"})  // true
[[nodiscard]] bool commandLineRendersPdf(const QStringList& arguments);

// The whole `aicp` program: makes the application object the command line
// needs (a QGuiApplication on the offscreen platform, unless QT_QPA_PLATFORM
// says otherwise, when it renders a PDF), then runs it (runCli).
int runCliProgram(int argc, char* argv[]);

}  // namespace aicp

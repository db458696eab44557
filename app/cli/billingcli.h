#pragma once

#include "cli/clicontext.h"
#include "metering/yearmonth.h"

#include <optional>

#include <QByteArray>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

namespace aicp::cli {

// The options and outputs the billing commands (bill, report, invoice) share.
[[nodiscard]] QCommandLineOption monthOption();
[[nodiscard]] QCommandLineOption customerIdOption(const QString& description);

// --month, required: a usage error (reported, its status in `exitStatus`)
// when missing or not YYYY-MM.
[[nodiscard]] std::optional<YearMonth> requiredMonth(const CliContext& context,
                                                     const QCommandLineParser& parser,
                                                     const QCommandLineOption& option,
                                                     const QString& command, int& exitStatus);

// A customer id option given exactly once.
[[nodiscard]] std::optional<QString> requiredCustomer(const CliContext& context,
                                                      const QCommandLineParser& parser,
                                                      const QCommandLineOption& option,
                                                      const QString& command, int& exitStatus);

// Writes a document: to `path` (replaced whole) or, when `path` is empty or
// "-", to standard output byte for byte. Binary output (a PDF) is refused on
// a terminal. Returns the exit status.
[[nodiscard]] int emitDocument(const CliContext& context, const QString& command,
                               const QString& path, const QByteArray& bytes, bool binary);

// Whether the process's standard output is a terminal.
[[nodiscard]] bool stdoutIsTerminal();

}  // namespace aicp::cli

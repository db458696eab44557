#pragma once

#include "cli/command.h"
#include "cli/progressline.h"
#include "documents/financepdf.h"
#include "metering/yearmonth.h"

#include <optional>

#include <QByteArray>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

namespace aicp::cli {

// The options and outputs the billing and usage commands (bill, report,
// invoice, recommend, usage) share.
[[nodiscard]] QCommandLineOption monthOption(
    const QString& description = QStringLiteral("The calendar month (UTC), e.g. 2026-10."));
[[nodiscard]] QCommandLineOption customerIdOption(const QString& description);
// --customer ID that a customer workspace may leave out (Invocation::customer).
[[nodiscard]] QCommandLineOption customerOption();

// --month, required, as YYYY-MM.
[[nodiscard]] Result<YearMonth> requiredMonth(const Invocation& call,
                                              const QCommandLineOption& option);
// --customer ID, required, trimmed.
[[nodiscard]] Result<QString> requiredCustomer(const Invocation& call,
                                               const QCommandLineOption& option);

// Who made a document, when, from which workspace: the stamp every PDF the
// command line renders carries.
[[nodiscard]] DocumentStamp documentStamp(const Workspace& workspace);

// The format a document is written in: --format (`format`), else the -o
// file's extension when it is one of `formats`, else the first of them;
// nullopt for a --format that is not one of them.
[[nodiscard]] std::optional<QString> chosenFormat(const QString& format, const QString& path,
                                                  const QStringList& formats);

// Writes a document: to `path` (replaced whole) or, when `path` is empty or
// "-", to standard output byte for byte. Binary output (a PDF) is refused on
// a terminal. Returns the exit status.
[[nodiscard]] int emitDocument(const CliContext& context, const QString& command,
                               const QString& path, const QByteArray& bytes, bool binary);

}  // namespace aicp::cli

#pragma once

#include "cli/clicontext.h"

#include <QStringList>

namespace aicp::cli {

// Each command gets the words after its name and returns the exit status;
// it has already reported any error on the context's stderr.
int runPriceBookCommand(const CliContext& context, const QStringList& arguments);
int runQuoteCommand(const CliContext& context, const QStringList& arguments);
int runDemoCommand(const CliContext& context, const QStringList& arguments);
int runKeysCommand(const CliContext& context, const QStringList& arguments);
int runLicenseCommand(const CliContext& context, const QStringList& arguments);
int runRevocationsCommand(const CliContext& context, const QStringList& arguments);
int runAuditCommand(const CliContext& context, const QStringList& arguments);
int runUsageCommand(const CliContext& context, const QStringList& arguments);
int runBillCommand(const CliContext& context, const QStringList& arguments);
int runReportCommand(const CliContext& context, const QStringList& arguments);
int runInvoiceCommand(const CliContext& context, const QStringList& arguments);
int runServeCommand(const CliContext& context, const QStringList& arguments);
int runTokensCommand(const CliContext& context, const QStringList& arguments);
int runRecommendCommand(const CliContext& context, const QStringList& arguments);

// `aicp license verify`, a subcommand of `license` in its own file.
int runLicenseVerify(const CliContext& context, const QStringList& arguments);

// `aicp usage pull`, a subcommand of `usage` in its own file.
int runUsagePull(const CliContext& context, const QStringList& arguments);

}  // namespace aicp::cli

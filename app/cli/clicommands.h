#pragma once

#include "cli/command.h"

namespace aicp::cli {

// The commands of `aicp`, one file each (or one file per group); the table
// in cliapp.cpp lists them under their top-level words.
[[nodiscard]] const CommandGroup& workspaceCommands();
[[nodiscard]] const CommandGroup& customerCommands();
[[nodiscard]] const CommandGroup& sellerCommands();
[[nodiscard]] const CommandGroup& creditsCommands();
[[nodiscard]] const CommandGroup& taxRatesCommands();
[[nodiscard]] const CommandGroup& priceBookCommands();
[[nodiscard]] const CommandGroup& keysCommands();
[[nodiscard]] const CommandGroup& licenseCommands();
[[nodiscard]] const CommandGroup& revocationsCommands();
[[nodiscard]] const CommandGroup& activationCommands();
[[nodiscard]] const CommandGroup& webhooksCommands();
[[nodiscard]] const CommandGroup& stripeCommands();
[[nodiscard]] const CommandGroup& auditCommands();
[[nodiscard]] const CommandGroup& usageCommands();
[[nodiscard]] const CommandGroup& reportCommands();
[[nodiscard]] const CommandGroup& invoiceCommands();
[[nodiscard]] const CommandGroup& ledgerCommands();
[[nodiscard]] const CommandGroup& tokensCommands();
[[nodiscard]] const Command& quoteCommand();
[[nodiscard]] const Command& recommendCommand();
[[nodiscard]] const Command& billCommand();
[[nodiscard]] const Command& demoCommand();
[[nodiscard]] const Command& serveCommand();

// Every command `aicp` runs, in the order of `aicp --help` (cliapp.cpp).
[[nodiscard]] QList<const Command*> allCommands();

// Subcommands in files of their own.
[[nodiscard]] const Command& grantRoleCommand();
[[nodiscard]] const Command& revokeRoleCommand();
[[nodiscard]] const Command& licenseVerifyCommand();
[[nodiscard]] const Command& licenseListCommand();
[[nodiscard]] const Command& licenseShowCommand();
[[nodiscard]] const Command& licenseAddCommand();
[[nodiscard]] const Command& usagePullCommand();
[[nodiscard]] const Command& workspaceCopyCommand();

}  // namespace aicp::cli

#pragma once

#include "common/error.h"

#include <QString>

class QWidget;

namespace aicp {

// The dialogs around opening a workspace, shared by the console's start and
// File ▸ Open so both speak the same words.

// Asks for an existing workspace file; empty when the user cancels.
[[nodiscard]] QString chooseWorkspaceFile(QWidget* parent, const QString& startFolder);

// What the user can do after a workspace failed to open.
enum class OpenFailureChoice { OpenAnother, Dismiss };

// Says which file could not be opened, why, and that it was left as it was.
// `dismissText` names the way out ("Quit" at start, "Close" otherwise).
OpenFailureChoice reportOpenFailure(QWidget* parent, const QString& path, const Error& error,
                                    const QString& dismissText);

}  // namespace aicp

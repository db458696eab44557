#pragma once

#include "common/result.h"
#include "pricing/pricebook.h"
#include "storage/workspace.h"

#include <QJsonObject>
#include <QString>

namespace aicp {

// Workspace settings whose every change is recorded in the audit log, each in
// the same transaction as the change: the log never tells of a change that
// was not saved, and no saved change is missing from it.

// Makes the workspace a vendor's or a customer's ("workspace.mode" in the
// log). Setting the mode it already has changes and records nothing.
[[nodiscard]] Status setWorkspaceMode(Workspace& workspace, Workspace::Mode mode);

// Stores a new price book (validated first; older ones are kept) and records
// its versions and digest as `action` ("pricebook.store" unless a caller
// says what the change was, with `details` beside them). Storing the book
// already current changes and records nothing.
[[nodiscard]] Status storePriceBook(Workspace& workspace, const PriceBook& book,
                                    const QString& action = QStringLiteral("pricebook.store"),
                                    QJsonObject details = {});

}  // namespace aicp

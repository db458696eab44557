#pragma once

#include "common/result.h"
#include "storage/workspace.h"

namespace aicp {

// Refuses what only the vendor's workspace may do (sign, invoice) with a
// Conflict "this is a customer workspace: <why>"; passes in a vendor's.
[[nodiscard]] inline Status refuseInCustomerWorkspace(const Workspace& workspace,
                                                      const QString& why) {
    auto mode = workspace.mode();
    if (!mode)
        return mode.error();
    if (*mode == Workspace::Mode::Customer)
        return Error(Error::Code::Conflict,
                     QStringLiteral("this is a customer workspace: %1").arg(why));
    return {};
}

}  // namespace aicp

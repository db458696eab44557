#pragma once

#include "common/result.h"
#include "common/wholeseconds.h"

#include <QString>

namespace aicp {
class Workspace;
}

namespace aicp::test {

// A customer's own workspace at `path`, made from the vendor's (the demo)
// the way a customer makes it: customer mode, the vendor's public keys
// trusted, the customer's license in force added as received
// (LicenseRegistry::add at `clock`'s time), and that customer's usage events
// imported as their gateway's log (JSON Lines). Refuses an existing file.
[[nodiscard]] Status makeCustomerWorkspace(Workspace& vendor, const QString& customerId,
                                           const QString& path, Clock clock);

}  // namespace aicp::test

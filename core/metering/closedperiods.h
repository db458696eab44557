#pragma once

#include "common/result.h"
#include "metering/yearmonth.h"

#include <vector>

#include <QString>

namespace aicp {

class Workspace;

// The months closed for billing, per customer: an invoice was issued for
// them, so usage for them that arrives later is stored and reported as late,
// never folded into that invoice. Billing closes periods; imports read them.
class ClosedPeriods {
public:
    explicit ClosedPeriods(Workspace& workspace) : workspace_(workspace) {}

    // Closing a closed month again changes nothing.
    [[nodiscard]] Status close(const QString& customerId, YearMonth month);
    [[nodiscard]] Result<bool> isClosed(const QString& customerId, YearMonth month) const;
    // Oldest first.
    [[nodiscard]] Result<std::vector<YearMonth>> closedMonths(const QString& customerId) const;

private:
    Workspace& workspace_;
};

}  // namespace aicp

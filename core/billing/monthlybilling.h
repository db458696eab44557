#pragma once

#include "billing/monthlybill.h"
#include "common/result.h"
#include "metering/yearmonth.h"

#include <vector>

#include <QStringList>

namespace aicp {

class Workspace;

// Computes monthly bills from a workspace: the customer's licenses in the
// registry, the current price book (its versions in force on each segment's
// start), and the hourly and monthly usage aggregates. Computed bills are not
// stored; issuing an invoice is a separate step.
class MonthlyBilling {
public:
    explicit MonthlyBilling(Workspace& workspace) : workspace_(workspace) {}

    // NotFound when the workspace has no such customer.
    [[nodiscard]] Result<MonthlyBill> bill(const QString& customerId, YearMonth month) const;
    // One bill per customer, ordered by customer id, each customer once;
    // every customer of the workspace when `customerIds` is empty.
    [[nodiscard]] Result<std::vector<MonthlyBill>> bills(YearMonth month,
                                                         const QStringList& customerIds = {}) const;

private:
    Workspace& workspace_;
};

}  // namespace aicp

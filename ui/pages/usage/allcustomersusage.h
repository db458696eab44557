#pragma once

#include "common/result.h"
#include "licensing/entitlements.h"
#include "metering/yearmonth.h"

#include <cstdint>
#include <vector>

#include <QDateTime>
#include <QString>

namespace aicp {

class Workspace;
struct LicenseRecord;

// One customer's month in the all-customers view.
struct CustomerMonthUsage {
    QString customerId;
    QString customerName;
    QString tier;  // of the license in force; empty without one
    std::int64_t requests = 0;
    std::int64_t activeUsers = 0;
    std::int64_t activeAgents = 0;
    std::int64_t activeInstances = 0;  // of the license in force, at the governing instant
};

// A customer at or past 80 % of one of its license's limits.
struct CustomerLimitUse {
    QString customerId;
    QString customerName;
    QString tier;
    LimitCheck check;  // state Near or Over
};

// A month across every customer, read from UsageQuery's aggregates and the
// license registry: requests per day summed over the customers, the
// customers by requests (most first, then by name) and who is near or over
// a limit of the license governing the month (over first, then by share).
struct AllCustomersUsage {
    YearMonth month;
    std::int64_t requests = 0;
    std::vector<std::int64_t> days;             // one per day of the month
    std::vector<CustomerMonthUsage> customers;  // with usage or instances in the month only
    std::vector<CustomerLimitUse> limits;
};

// Adds to `limits` each limit of `license` (requests, seats, agents,
// instances) that the customer's month comes near or goes over.
void addLimitUses(const CustomerMonthUsage& usage, const LicenseRecord& license,
                  std::vector<CustomerLimitUse>& limits);
// Over first, then by the share of the limit used, most first.
void sortLimitUses(std::vector<CustomerLimitUse>& limits);

[[nodiscard]] Result<AllCustomersUsage> readAllCustomersUsage(Workspace& workspace, YearMonth month,
                                                              const QDateTime& now);

}  // namespace aicp

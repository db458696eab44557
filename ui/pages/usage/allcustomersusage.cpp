#include "pages/usage/allcustomersusage.h"

#include "customers/customer.h"
#include "licensing/activationregistry.h"
#include "licensing/licenseregistry.h"
#include "metering/usagequery.h"
#include "pages/usage/usagefigures.h"

#include <algorithm>

namespace aicp {
namespace {

void sortForReading(AllCustomersUsage& usage) {
    std::stable_sort(usage.customers.begin(), usage.customers.end(),
                     [](const CustomerMonthUsage& a, const CustomerMonthUsage& b) {
                         if (a.requests != b.requests)
                             return a.requests > b.requests;
                         return a.customerName.localeAwareCompare(b.customerName) < 0;
                     });
    sortLimitUses(usage.limits);
}

}  // namespace

void addLimitUses(const CustomerMonthUsage& usage, const LicenseRecord& license,
                  std::vector<CustomerLimitUse>& limits) {
    const Entitlements terms(license.license);
    const std::pair<LicenseLimit, std::int64_t> uses[] = {
        {LicenseLimit::RequestsPerMonth, usage.requests},
        {LicenseLimit::Seats, usage.activeUsers},
        {LicenseLimit::Agents, usage.activeAgents},
        {LicenseLimit::Instances, usage.activeInstances}};
    for (const auto& [limit, used] : uses) {
        const LimitCheck check = terms.check(limit, used);
        if (check.state != LimitState::Within)
            limits.push_back({usage.customerId, usage.customerName, usage.tier, check});
    }
}

void sortLimitUses(std::vector<CustomerLimitUse>& limits) {
    std::stable_sort(limits.begin(), limits.end(),
                     [](const CustomerLimitUse& a, const CustomerLimitUse& b) {
                         if (a.check.state != b.check.state)
                             return a.check.state == LimitState::Over;
                         return a.check.percentUsed.value_or(0) > b.check.percentUsed.value_or(0);
                     });
}

Result<AllCustomersUsage> readAllCustomersUsage(Workspace& workspace, YearMonth month,
                                                const QDateTime& now) {
    auto customers = CustomerStore(workspace).list();
    if (!customers)
        return customers.error();
    auto licenses = LicenseRegistry(workspace).list();
    if (!licenses)
        return licenses.error();
    const UsageQuery query(workspace);
    const ActivationRegistry activations(workspace);
    const QDate first = month.firstDay();
    const QDate last = month.next().firstDay().addDays(-1);
    const QDateTime governing = governingInstant(month, now);
    AllCustomersUsage usage;
    usage.month = month;
    usage.days.assign(std::size_t(first.daysInMonth()), 0);
    for (const Customer& customer : *customers) {
        auto summary = query.monthlySummary(customer.id, month);
        if (!summary)
            return summary.error();
        CustomerMonthUsage row{customer.id,       customer.name,        QString(),
                               summary->requests, summary->activeUsers, summary->activeAgents};
        const std::optional<LicenseRecord> license =
            licenseInForce(*licenses, customer.id, governing);
        if (license) {
            row.tier = license->license.tier;
            auto instances = activations.activeCountAt(license->license.id, governing);
            if (!instances)
                return instances.error();
            row.activeInstances = *instances;
        }
        if (row.requests == 0 && row.activeUsers == 0 && row.activeAgents == 0 &&
            row.activeInstances == 0)
            continue;
        auto days = query.series(customer.id, first, last, UsageWindow::Day);
        if (!days)
            return days.error();
        for (std::size_t i = 0; i < days->size() && i < usage.days.size(); ++i)
            usage.days[i] += (*days)[i].requests;
        usage.requests += row.requests;
        if (license)
            addLimitUses(row, *license, usage.limits);
        usage.customers.push_back(std::move(row));
    }
    sortForReading(usage);
    return usage;
}

}  // namespace aicp

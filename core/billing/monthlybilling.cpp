#include "billing/monthlybilling.h"

#include "customers/customer.h"
#include "licensing/licenseregistry.h"
#include "metering/usagequery.h"
#include "storage/statement.h"
#include "storage/workspace.h"

#include <algorithm>
#include <map>

namespace aicp {

Result<MonthlyBill> MonthlyBilling::bill(const QString& customerId, YearMonth month) const {
    auto bills = this->bills(month, {customerId});
    if (!bills)
        return bills.error();
    return std::move(bills->front());
}

Result<std::vector<MonthlyBill>> MonthlyBilling::bills(YearMonth month,
                                                       const QStringList& customerIds) const {
    if (month.month < 1 || month.month > 12 || !month.firstDay().isValid())
        return Error::invalidInput(QStringLiteral("'%1' is not a month").arg(month.toString()));
    CustomerStore store(workspace_);
    std::vector<Customer> customers;
    if (customerIds.isEmpty()) {
        auto all = store.list();
        if (!all)
            return all.error();
        customers = std::move(all).value();
    } else {
        for (const QString& id : customerIds) {
            if (!isValidCustomerId(id))
                return Error::invalidInput(QStringLiteral("'%1' is not a customer id").arg(id));
            auto customer = store.find(id);
            if (!customer) {
                if (customer.error().code() == Error::Code::NotFound)
                    return Error::notFound(QStringLiteral("there is no customer '%1'").arg(id));
                return customer.error();
            }
            customers.push_back(std::move(customer).value());
        }
    }
    std::sort(customers.begin(), customers.end(),
              [](const Customer& a, const Customer& b) { return a.id < b.id; });
    customers.erase(std::unique(customers.begin(), customers.end(),
                                [](const Customer& a, const Customer& b) { return a.id == b.id; }),
                    customers.end());

    auto book = workspace_.priceBook();
    if (!book)
        return book.error();
    auto licenses = LicenseRegistry(workspace_).list();
    if (!licenses)
        return licenses.error();

    // The report bills every customer at once, so each customer costs a few
    // index seeks on prepared statements. A bill only needs each segment's
    // requests (an hour counts where it starts), so the hours are summed by
    // SQLite between the cuts where the license in force changes, rather
    // than handed over one by one: a month of hours for thousands of
    // customers would be millions of rows. Users and agents are counted; the
    // monthly usage summary would also sum every pack and module of every
    // hour, which a bill does not read.
    sqlite3* db = workspace_.handle();
    auto requestsBetween = Statement::prepare(
        db,
        "SELECT coalesce(sum(requests), 0) FROM usage_hourly WHERE customer_id = ?1 AND hour >= "
        "?2 AND hour < ?3",
        Statement::Lifetime::Reused);
    if (!requestsBetween)
        return requestsBetween.error();
    auto users = Statement::prepare(
        db, "SELECT count(*) FROM usage_monthly_users WHERE customer_id = ?1 AND month = ?2",
        Statement::Lifetime::Reused);
    if (!users)
        return users.error();
    auto agents = Statement::prepare(
        db, "SELECT count(*) FROM usage_monthly_agents WHERE customer_id = ?1 AND month = ?2",
        Statement::Lifetime::Reused);
    if (!agents)
        return agents.error();
    const auto countOf = [&month](Statement& query,
                                  const QString& customerId) -> Result<std::int64_t> {
        AICP_TRY(query.bindAll(customerId, month.toString()));
        auto row = query.step();
        if (!row)
            return row.error();
        const std::int64_t count = *row ? query.int64(0) : 0;
        query.reset();
        return count;
    };
    const QDateTime periodStart(month.firstDay(), QTime(0, 0), Qt::UTC);
    const QDateTime periodEnd(month.next().firstDay(), QTime(0, 0), Qt::UTC);
    const std::int64_t monthStart = periodStart.toSecsSinceEpoch();
    const std::int64_t monthEnd = periodEnd.toSecsSinceEpoch();

    std::map<QString, std::vector<LicenseRecord>> licensesByCustomer;
    for (LicenseRecord& record : *licenses)
        licensesByCustomer[record.license.customerId].push_back(std::move(record));

    std::vector<MonthlyBill> bills;
    bills.reserve(customers.size());
    for (const Customer& customer : customers) {
        MonthlyBillInputs inputs;
        inputs.customerId = customer.id;
        inputs.customerName = customer.name;
        inputs.month = month;
        inputs.priceBook = *book;
        if (const auto found = licensesByCustomer.find(customer.id);
            found != licensesByCustomer.end())
            inputs.licenses = found->second;
        std::vector<std::int64_t> cuts{monthStart, monthEnd};
        for (const LicenseCoverage& piece :
             licenseCoverage(inputs.licenses, customer.id, periodStart, periodEnd)) {
            cuts.push_back(
                std::clamp<std::int64_t>(piece.start.toSecsSinceEpoch(), monthStart, monthEnd));
            cuts.push_back(
                std::clamp<std::int64_t>(piece.end.toSecsSinceEpoch(), monthStart, monthEnd));
        }
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
            AICP_TRY(requestsBetween->bindAll(customer.id, cuts[i], cuts[i + 1]));
            auto row = requestsBetween->step();
            if (!row)
                return row.error();
            const std::int64_t requests = *row ? requestsBetween->int64(0) : 0;
            requestsBetween->reset();
            // The interval's first second stands for all its hours: each
            // lies wholly inside one segment, or outside every one.
            if (requests > 0)
                inputs.hourly.push_back(
                    {QDateTime::fromSecsSinceEpoch(cuts[i], Qt::UTC), requests});
        }
        auto activeUsers = countOf(*users, customer.id);
        if (!activeUsers)
            return activeUsers.error();
        inputs.activeUsers = *activeUsers;
        auto activeAgents = countOf(*agents, customer.id);
        if (!activeAgents)
            return activeAgents.error();
        inputs.activeAgents = *activeAgents;
        auto bill = computeMonthlyBill(inputs);
        if (!bill)
            return bill.error().withContext(
                QStringLiteral("bill for %1, %2").arg(customer.id, month.toString()));
        bills.push_back(std::move(bill).value());
    }
    return bills;
}

}  // namespace aicp

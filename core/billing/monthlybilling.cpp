#include "billing/monthlybilling.h"

#include "billing/contractbilling.h"
#include "common/assignto.h"
#include "company/seller.h"
#include "customers/customer.h"
#include "licensing/licenseregistry.h"
#include "metering/usagequery.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "tax/taxrates.h"

#include <algorithm>
#include <map>

namespace aicp {

Result<MonthlyBill> MonthlyBilling::bill(const QString& customerId, YearMonth month) const {
    auto bills = this->bills(month, {customerId});
    if (!bills)
        return bills.error();
    return std::move(bills->front());
}

namespace {

// The customers named (all when none), each once, in id order.
Result<std::vector<Customer>> customersToBill(Workspace& workspace,
                                              const QStringList& customerIds) {
    CustomerStore store(workspace);
    std::vector<Customer> customers;
    if (customerIds.isEmpty()) {
        auto all = store.list();
        if (!all)
            return all.error();
        customers = std::move(all).value();
    }
    for (const QString& id : customerIds) {
        AICP_TRY(checkCustomerId(id));
        auto customer = store.find(id);
        if (!customer)
            return customer.error();
        customers.push_back(std::move(customer).value());
    }
    std::sort(customers.begin(), customers.end(),
              [](const Customer& a, const Customer& b) { return a.id < b.id; });
    customers.erase(std::unique(customers.begin(), customers.end(),
                                [](const Customer& a, const Customer& b) { return a.id == b.id; }),
                    customers.end());
    return customers;
}

// A month's usage as bills read it: each segment's requests (an hour counts
// where it starts), so the hours are summed by the database between the cuts
// where the license in force changes, rather than handed over one by one: a
// month of hours for thousands of customers would be millions of rows. Users
// and agents are counted; the monthly usage summary would also sum every
// pack and module of every hour, which a bill does not read.
//
// Billing every customer asks once for all of them (loadAll): one query
// whose per-customer subqueries are index seeks, so the report costs one
// round trip to a server instead of several per customer. A customer whose
// license changes within the month, or one billed alone, is asked for with
// prepared per-customer statements.
class MonthUsage {
public:
    static Result<MonthUsage> prepare(Database* db, YearMonth month) {
        auto requests = Statement::prepare(db,
                                           "SELECT coalesce(sum(requests), 0) FROM usage_hourly "
                                           "WHERE customer_id = ?1 AND hour >= ?2 AND hour < ?3",
                                           Statement::Lifetime::Reused);
        if (!requests)
            return requests.error();
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
        return MonthUsage(db, std::move(requests).value(), std::move(users).value(),
                          std::move(agents).value(), month);
    }

    // The whole month's requests, users and agents of every customer.
    Status loadAll() {
        auto query =
            Statement::prepare(db_,
                               "SELECT c.id, "
                               "(SELECT coalesce(sum(h.requests), 0) FROM usage_hourly h "
                               " WHERE h.customer_id = c.id AND h.hour >= ?1 AND h.hour < ?2), "
                               "(SELECT count(*) FROM usage_monthly_users u "
                               " WHERE u.customer_id = c.id AND u.month = ?3), "
                               "(SELECT count(*) FROM usage_monthly_agents a "
                               " WHERE a.customer_id = c.id AND a.month = ?3) "
                               "FROM customers c");
        if (!query)
            return query.error();
        AICP_TRY(query->bindAll(periodStart_.toSecsSinceEpoch(), periodEnd_.toSecsSinceEpoch(),
                                month_.toString()));
        return query->forEachRow([this](const Statement& row) -> Status {
            totals_.insert_or_assign(row.text(0), Totals{row.int64(1), row.int64(2), row.int64(3)});
            return {};
        });
    }

    // Fills the customer's usage into `inputs`, whose licenses are set.
    Status fill(MonthlyBillInputs& inputs) {
        const std::vector<std::int64_t> bounds = cuts(inputs);
        const auto loaded = totals_.find(inputs.customerId);
        const bool known = loaded != totals_.end();
        if (known && bounds.size() == 2) {
            if (loaded->second.requests > 0)
                inputs.hourly.push_back({periodStart_, loaded->second.requests});
        } else {
            AICP_TRY(fillHourly(inputs, bounds));
        }
        if (known) {
            inputs.activeUsers = loaded->second.users;
            inputs.activeAgents = loaded->second.agents;
            return {};
        }
        auto activeUsers = countOf(users_, inputs.customerId);
        if (!activeUsers)
            return activeUsers.error();
        inputs.activeUsers = *activeUsers;
        auto activeAgents = countOf(agents_, inputs.customerId);
        if (!activeAgents)
            return activeAgents.error();
        inputs.activeAgents = *activeAgents;
        return {};
    }

private:
    struct Totals {
        std::int64_t requests = 0;
        std::int64_t users = 0;
        std::int64_t agents = 0;
    };

    MonthUsage(Database* db, Statement requests, Statement users, Statement agents, YearMonth month)
        : db_(db),
          requests_(std::move(requests)),
          users_(std::move(users)),
          agents_(std::move(agents)),
          month_(month),
          periodStart_(month.firstDay(), QTime(0, 0), Qt::UTC),
          periodEnd_(month.next().firstDay(), QTime(0, 0), Qt::UTC) {}

    Result<std::int64_t> countOf(Statement& query, const QString& customerId) const {
        AICP_TRY(query.bindAll(customerId, month_.toString()));
        auto row = query.step();
        if (!row)
            return row.error();
        const std::int64_t count = *row ? query.int64(0) : 0;
        query.reset();
        return count;
    }

    // Where the bill's segments change within the month, with its ends.
    std::vector<std::int64_t> cuts(const MonthlyBillInputs& inputs) const {
        const std::int64_t monthStart = periodStart_.toSecsSinceEpoch();
        const std::int64_t monthEnd = periodEnd_.toSecsSinceEpoch();
        std::vector<std::int64_t> points{monthStart, monthEnd};
        for (const BillingPiece& piece :
             billingPieces(inputs.licenses, inputs.customerId, periodStart_, periodEnd_)) {
            points.push_back(
                std::clamp<std::int64_t>(piece.start.toSecsSinceEpoch(), monthStart, monthEnd));
            points.push_back(
                std::clamp<std::int64_t>(piece.end.toSecsSinceEpoch(), monthStart, monthEnd));
        }
        std::sort(points.begin(), points.end());
        points.erase(std::unique(points.begin(), points.end()), points.end());
        return points;
    }

    Status fillHourly(MonthlyBillInputs& inputs, const std::vector<std::int64_t>& bounds) {
        for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
            AICP_TRY(requests_.bindAll(inputs.customerId, bounds[i], bounds[i + 1]));
            auto row = requests_.step();
            if (!row)
                return row.error();
            const std::int64_t requests = *row ? requests_.int64(0) : 0;
            requests_.reset();
            // The interval's first second stands for all its hours: each
            // lies wholly inside one segment, or outside every one.
            if (requests > 0)
                inputs.hourly.push_back(
                    {QDateTime::fromSecsSinceEpoch(bounds[i], Qt::UTC), requests});
        }
        return {};
    }

    Database* db_;
    Statement requests_;
    Statement users_;
    Statement agents_;
    YearMonth month_;
    QDateTime periodStart_;
    QDateTime periodEnd_;
    std::map<QString, Totals> totals_;
};

}  // namespace

Result<Money> MonthlyBilling::earlierCharges(const MonthlyBillInputs& inputs,
                                             const std::vector<QUuid>& chain,
                                             const QDateTime& yearStart, YearMonth before) const {
    return chargesBefore(inputs, chain, yearStart, before, [this](MonthlyBillInputs& earlier) {
        auto usage = MonthUsage::prepare(workspace_.handle(), earlier.month);
        if (!usage)
            return Status(usage.error());
        return usage->fill(earlier);
    });
}

Result<std::vector<MonthlyBill>> MonthlyBilling::bills(YearMonth month,
                                                       const QStringList& customerIds) const {
    if (month.month < 1 || month.month > 12 || !month.firstDay().isValid())
        return Error::invalidInput(QStringLiteral("'%1' is not a month").arg(month.toString()));
    auto customers = customersToBill(workspace_, customerIds);
    if (!customers)
        return customers.error();
    auto book = prices_ ? Result<PriceBook>(*prices_) : workspace_.priceBook();
    if (!book)
        return book.error();
    auto licenses = LicenseRegistry(workspace_).list();
    if (!licenses)
        return licenses.error();
    auto usage = MonthUsage::prepare(workspace_.handle(), month);
    if (!usage)
        return usage.error();
    if (customerIds.isEmpty())
        AICP_TRY(usage->loadAll());

    auto seller = SellerStore(workspace_).load();
    if (!seller)
        return seller.error();
    auto rates = TaxRateStore(workspace_).list();
    if (!rates)
        return rates.error();
    const QDate taxDate = taxDate_.isValid() ? taxDate_
                                             : std::max(QDateTime::currentDateTimeUtc().date(),
                                                        month.next().firstDay());

    std::map<QString, std::vector<LicenseRecord>> licensesByCustomer;
    for (LicenseRecord& record : *licenses)
        licensesByCustomer[record.license.customerId].push_back(std::move(record));

    std::map<QString, PriceBook> bookByCurrency;
    std::vector<MonthlyBill> bills;
    bills.reserve(customers->size());
    for (const Customer& customer : *customers) {
        MonthlyBillInputs inputs;
        inputs.customerId = customer.id;
        inputs.customerName = customer.name;
        inputs.month = month;
        // Each customer is billed from the versions in its own currency.
        auto held = bookByCurrency.find(customer.currency);
        if (held == bookByCurrency.end()) {
            auto prices = book->inCurrency(customer.currency);
            if (!prices)
                return prices.error().withContext(QStringLiteral("customer %1 is billed in %2")
                                                      .arg(customer.id, customer.currency));
            held = bookByCurrency.emplace(customer.currency, std::move(prices).value()).first;
        }
        inputs.priceBook = held->second;
        if (const auto found = licensesByCustomer.find(customer.id);
            found != licensesByCustomer.end())
            inputs.licenses = found->second;
        AICP_TRY(usage->fill(inputs));
        inputs.earlierCharges = [this, &inputs](const std::vector<QUuid>& chain,
                                                const QDateTime& yearStart, YearMonth before) {
            return earlierCharges(inputs, chain, yearStart, before);
        };
        auto bill = computeMonthlyBill(inputs);
        if (!bill)
            return bill.error().withContext(
                QStringLiteral("bill for %1, %2").arg(customer.id, month.toString()));
        AICP_TRY(applyTax(*bill, decideTax(*seller, customer, *rates, taxDate)));
        bills.push_back(std::move(bill).value());
    }
    return bills;
}

}  // namespace aicp

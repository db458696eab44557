#include "billing/monthlybilling.h"

#include "customers/customer.h"
#include "licensing/licenseregistry.h"
#include "metering/usagequery.h"
#include "storage/workspace.h"

#include <algorithm>

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

    const UsageQuery usage(workspace_);
    const QDate lastDay = month.next().firstDay().addDays(-1);
    std::vector<MonthlyBill> bills;
    bills.reserve(customers.size());
    for (const Customer& customer : customers) {
        MonthlyBillInputs inputs;
        inputs.customerId = customer.id;
        inputs.customerName = customer.name;
        inputs.month = month;
        inputs.priceBook = *book;
        for (const LicenseRecord& record : *licenses) {
            if (record.license.customerId == customer.id)
                inputs.licenses.push_back(record);
        }
        auto hourly = usage.series(customer.id, month.firstDay(), lastDay, UsageWindow::Hour);
        if (!hourly)
            return hourly.error();
        inputs.hourly = std::move(hourly).value();
        auto summary = usage.monthlySummary(customer.id, month);
        if (!summary)
            return summary.error();
        inputs.activeUsers = summary->activeUsers;
        inputs.activeAgents = summary->activeAgents;
        auto bill = computeMonthlyBill(inputs);
        if (!bill)
            return bill.error().withContext(
                QStringLiteral("bill for %1, %2").arg(customer.id, month.toString()));
        bills.push_back(std::move(bill).value());
    }
    return bills;
}

}  // namespace aicp

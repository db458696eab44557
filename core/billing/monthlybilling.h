#pragma once

#include "billing/monthlybill.h"
#include "common/result.h"
#include "metering/yearmonth.h"
#include "pricing/pricebook.h"

#include <optional>
#include <vector>

#include <QDate>
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
    // Bills with `prices` instead of the workspace's book: what a price book
    // not yet stored would charge (the impact preview of an import).
    MonthlyBilling(Workspace& workspace, PriceBook prices)
        : workspace_(workspace), prices_(std::move(prices)) {}

    // Bills tax at the rates in force on `date` (README, "Taxes"). Without
    // it, the day the month could be invoiced: today, or the first day
    // after the month when it has not ended.
    MonthlyBilling& taxedOn(QDate date) {
        taxDate_ = date;
        return *this;
    }

    // NotFound when the workspace has no such customer.
    [[nodiscard]] Result<MonthlyBill> bill(const QString& customerId, YearMonth month) const;
    // One bill per customer, ordered by customer id, each customer once;
    // every customer of the workspace when `customerIds` is empty.
    [[nodiscard]] Result<std::vector<MonthlyBill>> bills(YearMonth month,
                                                         const QStringList& customerIds = {}) const;

private:
    // The charges of the segments of `chain` from `yearStart` on in the
    // months before `before`: what a yearly commitment is settled against.
    [[nodiscard]] Result<Money> earlierCharges(const MonthlyBillInputs& inputs,
                                               const std::vector<QUuid>& chain,
                                               const QDateTime& yearStart, YearMonth before) const;

    Workspace& workspace_;
    std::optional<PriceBook> prices_;
    QDate taxDate_;
};

}  // namespace aicp

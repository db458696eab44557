#pragma once

#include "billing/monthlybill.h"
#include "common/result.h"
#include "metering/yearmonth.h"
#include "money/money.h"
#include "pricing/bill.h"

#include <vector>

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace aicp {

class Workspace;

// One customer's amount on one pricing axis, summed over the month's segments.
struct CostReportRow {
    QString customerId;
    QString customerName;
    BillAxis axis = BillAxis::Base;
    Money amount;
};

// One customer's part of the report: its rows in axis order, the net (their
// sum), the tax per rate and the total, in the customer's currency.
struct CostReportCustomer {
    QString id;
    QString name;
    QString currency;
    bool licensed = false;  // some license was in force during the month
    std::vector<CostReportRow> rows;
    Money net;
    std::vector<TaxSummary> taxes;
    Money tax;
    Money total;  // net plus tax
    std::vector<BillFinding> findings;
};

// The sums of one currency's customers: a subtotal per axis, the tax per
// rate (by name, then rate) and net, tax and total.
struct CostReportTotals {
    QString currency;
    std::vector<CostReportRow> subtotals;  // customerId empty, one per axis
    std::vector<TaxSummary> taxes;
    Money net;
    Money tax;
    Money total;
};

// The finance cost report for one month: one row per customer and pricing
// axis (every axis, zero included), customers by id, axes in bill order; the
// totals of each currency apart, by currency code, all sums of rounded bill
// lines. Amounts of two currencies are never added.
struct CostReport {
    YearMonth month;
    std::vector<CostReportCustomer> customers;
    std::vector<CostReportTotals> currencies;  // at least one once built

    // The totals in `currency`, or nullptr when no customer is billed in it.
    [[nodiscard]] const CostReportTotals* totalsIn(const QString& currency) const;
    // Whether customers are billed in more than one currency.
    [[nodiscard]] bool mixesCurrencies() const { return currencies.size() > 1; }
};

// Every axis a report has a row for, in order.
[[nodiscard]] std::vector<BillAxis> costReportAxes();

// Builds the report from computed bills, all of `month`; each bill counts in
// the totals of its own currency. With no bills, one zero set of totals in
// `emptyCurrency`.
[[nodiscard]] Result<CostReport> buildCostReport(
    YearMonth month, const std::vector<MonthlyBill>& bills,
    const QString& emptyCurrency = QStringLiteral("USD"));
// The report of `customerIds` (every customer when empty) from a workspace.
[[nodiscard]] Result<CostReport> costReportFor(Workspace& workspace, YearMonth month,
                                               const QStringList& customerIds = {});

// RFC 4180 CSV, UTF-8, LF line ends, a header and a fixed column order:
//   month,kind,customer_id,customer_name,axis,amount,currency
// Per customer, `kind` "line" (one per axis), then "customer_net",
// "customer_tax" and "customer_total"; then per currency "axis_subtotal"
// (one per axis), "tax_subtotal" (one per tax rate, `axis` naming it, "VAT
// 20%"), "net_total", "tax_total" and "grand_total". Amounts are plain
// decimals with two places ("-12.50"). The same report gives the same bytes.
[[nodiscard]] QByteArray costReportCsv(const CostReport& report);
// Indented UTF-8 JSON with keys in a fixed (alphabetical) order and amounts
// as decimal strings; the same report gives the same bytes.
[[nodiscard]] QByteArray costReportJson(const CostReport& report);
// How a tax rate is named in reports: "VAT 20%".
[[nodiscard]] QString taxRateLabel(const TaxSummary& tax);

// One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF, with
// quotes doubled.
[[nodiscard]] QString csvField(const QString& value);
// One RFC 4180 record of those fields, with its LF.
[[nodiscard]] QString csvLine(const QStringList& fields);

}  // namespace aicp

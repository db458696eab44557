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

// One customer's part of the report: its rows in axis order and its total.
struct CostReportCustomer {
    QString id;
    QString name;
    bool licensed = false;  // some license was in force during the month
    std::vector<CostReportRow> rows;
    Money total;
    std::vector<BillFinding> findings;
};

// The finance cost report for one month: one row per customer and pricing
// axis (every axis, zero included), customers by id, axes in bill order; a
// subtotal per axis and a grand total, all sums of rounded bill lines.
struct CostReport {
    YearMonth month;
    QString currency;
    std::vector<CostReportCustomer> customers;
    std::vector<CostReportRow> subtotals;  // customerId empty, one per axis
    Money total;
};

// Every axis a report has a row for, in order.
[[nodiscard]] std::vector<BillAxis> costReportAxes();

// Builds the report from computed bills (all of the same month and currency).
[[nodiscard]] Result<CostReport> buildCostReport(YearMonth month,
                                                 const std::vector<MonthlyBill>& bills);
// The report of `customerIds` (every customer when empty) from a workspace.
[[nodiscard]] Result<CostReport> costReportFor(Workspace& workspace, YearMonth month,
                                               const QStringList& customerIds = {});

// RFC 4180 CSV, UTF-8, LF line ends, a header and a fixed column order:
//   month,kind,customer_id,customer_name,axis,amount,currency
// `kind` is "line" (one per customer and axis), "customer_total",
// "axis_subtotal" or "grand_total"; amounts are plain decimals with two
// places ("-12.50"). The same report gives the same bytes.
[[nodiscard]] QByteArray costReportCsv(const CostReport& report);
// Indented UTF-8 JSON with keys in a fixed (alphabetical) order and amounts
// as decimal strings; the same report gives the same bytes.
[[nodiscard]] QByteArray costReportJson(const CostReport& report);

// One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF, with
// quotes doubled.
[[nodiscard]] QString csvField(const QString& value);
// One RFC 4180 record of those fields, with its LF.
[[nodiscard]] QString csvLine(const QStringList& fields);

}  // namespace aicp

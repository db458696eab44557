#include "billing/costreport.h"

#include "billing/monthlybilling.h"
#include "common/jsonfields.h"
#include "storage/workspace.h"

#include <iterator>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace aicp {

std::vector<BillAxis> costReportAxes() {
    return {std::begin(kBillAxes), std::end(kBillAxes)};
}

Result<CostReport> buildCostReport(YearMonth month, const std::vector<MonthlyBill>& bills) {
    CostReport report;
    report.month = month;
    const std::vector<BillAxis> axes = costReportAxes();
    for (BillAxis axis : axes)
        report.subtotals.push_back({{}, {}, axis, Money()});
    for (const MonthlyBill& bill : bills) {
        if (bill.month != month)
            return Error::invalidInput(
                QStringLiteral("the bill for %1 is for %2, not %3")
                    .arg(bill.customerId, bill.month.toString(), month.toString()));
        if (report.currency.isEmpty())
            report.currency = bill.currency;
        else if (bill.currency != report.currency)
            return Error::invalidInput(
                QStringLiteral("the bills mix currencies (%1 and %2); report them separately")
                    .arg(report.currency, bill.currency));
        CostReportCustomer customer{bill.customerId, bill.customerName, bill.hasLicense(), {},
                                    bill.net,        bill.findings};
        for (std::size_t i = 0; i < axes.size(); ++i) {
            const Money amount = bill.axisTotal(axes[i]);
            customer.rows.push_back({bill.customerId, bill.customerName, axes[i], amount});
            auto subtotal = report.subtotals[i].amount.plus(amount);
            if (!subtotal)
                return subtotal.error();
            report.subtotals[i].amount = *subtotal;
        }
        auto total = report.total.plus(bill.net);
        if (!total)
            return total.error();
        report.total = *total;
        report.customers.push_back(std::move(customer));
    }
    return report;
}

Result<CostReport> costReportFor(Workspace& workspace, YearMonth month,
                                 const QStringList& customerIds) {
    auto bills = MonthlyBilling(workspace).bills(month, customerIds);
    if (!bills)
        return bills.error();
    auto report = buildCostReport(month, *bills);
    if (!report)
        return report.error();
    if (report->currency.isEmpty()) {
        auto book = workspace.priceBook();
        if (!book)
            return book.error();
        report->currency = book->latest().currency;
    }
    return report;
}

QString csvField(const QString& value) {
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') &&
        !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString csvLine(const QStringList& fields) {
    QStringList quoted;
    for (const QString& field : fields)
        quoted.append(csvField(field));
    return quoted.join(u',') + u'\n';
}

QByteArray costReportCsv(const CostReport& report) {
    const QString month = report.month.toString();
    QString out = QStringLiteral("month,kind,customer_id,customer_name,axis,amount,currency\n");
    const auto row = [&](const QString& kind, const QString& id, const QString& name,
                         const QString& axis, Money amount) {
        const QStringList fields{month,          kind, id, name, axis, amount.toDecimalString(),
                                 report.currency};
        out += csvLine(fields);
    };
    for (const CostReportCustomer& customer : report.customers) {
        for (const CostReportRow& line : customer.rows)
            row(QStringLiteral("line"), customer.id, customer.name, billAxisKey(line.axis),
                line.amount);
        row(QStringLiteral("customer_total"), customer.id, customer.name, {}, customer.total);
    }
    for (const CostReportRow& subtotal : report.subtotals)
        row(QStringLiteral("axis_subtotal"), {}, {}, billAxisKey(subtotal.axis), subtotal.amount);
    row(QStringLiteral("grand_total"), {}, {}, {}, report.total);
    return out.toUtf8();
}

QByteArray costReportJson(const CostReport& report) {
    QJsonArray customers;
    for (const CostReportCustomer& customer : report.customers) {
        QJsonArray axes;
        for (const CostReportRow& line : customer.rows)
            axes.append(QJsonObject{{QStringLiteral("axis"), billAxisKey(line.axis)},
                                    {QStringLiteral("amount"), line.amount.toDecimalString()}});
        QJsonArray findings;
        for (const BillFinding& finding : customer.findings)
            findings.append(
                QJsonObject{{QStringLiteral("kind"), billFindingKey(finding.kind)},
                            {QStringLiteral("used"), qint64(finding.used)},
                            {QStringLiteral("allowed"), jsonCountOrNull(finding.allowed)},
                            {QStringLiteral("message"), finding.message}});
        customers.append(QJsonObject{{QStringLiteral("id"), customer.id},
                                     {QStringLiteral("name"), customer.name},
                                     {QStringLiteral("licensed"), customer.licensed},
                                     {QStringLiteral("axes"), axes},
                                     {QStringLiteral("total"), customer.total.toDecimalString()},
                                     {QStringLiteral("findings"), findings}});
    }
    QJsonArray subtotals;
    for (const CostReportRow& subtotal : report.subtotals)
        subtotals.append(
            QJsonObject{{QStringLiteral("axis"), billAxisKey(subtotal.axis)},
                        {QStringLiteral("amount"), subtotal.amount.toDecimalString()}});
    const QJsonObject root{{QStringLiteral("month"), report.month.toString()},
                           {QStringLiteral("currency"), report.currency},
                           {QStringLiteral("customers"), customers},
                           {QStringLiteral("subtotals"), subtotals},
                           {QStringLiteral("total"), report.total.toDecimalString()}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

}  // namespace aicp

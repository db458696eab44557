#include "billing/costreport.h"

#include "billing/monthlybilling.h"
#include "common/jsonfields.h"
#include "money/amount.h"
#include "storage/workspace.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace aicp {

std::vector<BillAxis> costReportAxes() {
    return {std::begin(kBillAxes), std::end(kBillAxes)};
}

const CostReportTotals* CostReport::totalsIn(const QString& currency) const {
    const auto found = std::find_if(
        currencies.begin(), currencies.end(),
        [&currency](const CostReportTotals& totals) { return totals.currency == currency; });
    return found == currencies.end() ? nullptr : &*found;
}

namespace {

// `amount` added to `sum`, both of `currency`: Amount refuses anything else.
Status addTo(Money& sum, Money amount, const QString& currency, const QString& billCurrency) {
    auto total = Amount(sum, currency).plus(Amount(amount, billCurrency));
    if (!total)
        return total.error();
    sum = total->money();
    return {};
}

CostReportTotals& totalsFor(std::map<QString, CostReportTotals>& byCurrency,
                            const QString& currency) {
    auto [it, added] = byCurrency.try_emplace(currency);
    if (added) {
        it->second.currency = currency;
        for (BillAxis axis : costReportAxes())
            it->second.subtotals.push_back({{}, {}, axis, Money()});
    }
    return it->second;
}

Status addTax(std::vector<TaxSummary>& taxes, const TaxSummary& tax, const QString& currency,
              const QString& billCurrency) {
    auto same = std::find_if(taxes.begin(), taxes.end(), [&tax](const TaxSummary& held) {
        return held.name == tax.name && held.rate == tax.rate;
    });
    if (same == taxes.end())
        same = taxes.insert(taxes.end(), {tax.name, tax.rate, Money()});
    AICP_TRY(addTo(same->amount, tax.amount, currency, billCurrency));
    std::sort(taxes.begin(), taxes.end(), [](const TaxSummary& a, const TaxSummary& b) {
        return std::tie(a.name, a.rate) < std::tie(b.name, b.rate);
    });
    return {};
}

// The bill's customer part, and its amounts added to its currency's totals.
Result<CostReportCustomer> addBill(const MonthlyBill& bill, CostReportTotals& totals) {
    CostReportCustomer customer;
    customer.id = bill.customerId;
    customer.name = bill.customerName;
    customer.currency = bill.currency;
    customer.licensed = bill.hasLicense();
    customer.net = bill.net;
    customer.taxes = taxSummary(bill.taxTreatment, bill.taxName, bill.taxRate, bill.tax);
    customer.tax = bill.tax;
    customer.total = bill.total;
    customer.findings = bill.findings;
    for (CostReportRow& subtotal : totals.subtotals) {
        const Money amount = bill.axisTotal(subtotal.axis);
        customer.rows.push_back({bill.customerId, bill.customerName, subtotal.axis, amount});
        AICP_TRY(addTo(subtotal.amount, amount, totals.currency, bill.currency));
    }
    for (const TaxSummary& tax : customer.taxes)
        AICP_TRY(addTax(totals.taxes, tax, totals.currency, bill.currency));
    AICP_TRY(addTo(totals.net, bill.net, totals.currency, bill.currency));
    AICP_TRY(addTo(totals.tax, bill.tax, totals.currency, bill.currency));
    AICP_TRY(addTo(totals.total, bill.total, totals.currency, bill.currency));
    return customer;
}

}  // namespace

Result<CostReport> buildCostReport(YearMonth month, const std::vector<MonthlyBill>& bills,
                                   const QString& emptyCurrency) {
    CostReport report;
    report.month = month;
    std::map<QString, CostReportTotals> byCurrency;
    for (const MonthlyBill& bill : bills) {
        if (bill.month != month)
            return Error::invalidInput(
                QStringLiteral("the bill for %1 is for %2, not %3")
                    .arg(bill.customerId, bill.month.toString(), month.toString()));
        auto customer = addBill(bill, totalsFor(byCurrency, bill.currency));
        if (!customer)
            return customer.error().withContext(QStringLiteral("bill for %1").arg(bill.customerId));
        report.customers.push_back(std::move(customer).value());
    }
    if (byCurrency.empty())
        totalsFor(byCurrency, emptyCurrency);
    for (auto& [currency, totals] : byCurrency)
        report.currencies.push_back(std::move(totals));
    return report;
}

Result<CostReport> costReportFor(Workspace& workspace, YearMonth month,
                                 const QStringList& customerIds) {
    auto bills = MonthlyBilling(workspace).bills(month, customerIds);
    if (!bills)
        return bills.error();
    if (!bills->empty())
        return buildCostReport(month, *bills);
    auto book = workspace.priceBook();
    if (!book)
        return book.error();
    return buildCostReport(month, *bills, book->homeCurrency());
}

QString taxRateLabel(const TaxSummary& tax) {
    return QStringLiteral("%1 %2%").arg(tax.name, tax.rate.toDecimalString());
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
                         const QString& axis, Money amount, const QString& currency) {
        out += csvLine({month, kind, id, name, axis, amount.toDecimalString(), currency});
    };
    for (const CostReportCustomer& customer : report.customers) {
        const auto customerRow = [&](const char* kind, const QString& axis, Money amount) {
            row(QLatin1String(kind), customer.id, customer.name, axis, amount, customer.currency);
        };
        for (const CostReportRow& line : customer.rows)
            customerRow("line", billAxisKey(line.axis), line.amount);
        customerRow("customer_net", {}, customer.net);
        customerRow("customer_tax", {}, customer.tax);
        customerRow("customer_total", {}, customer.total);
    }
    for (const CostReportTotals& totals : report.currencies) {
        const auto totalRow = [&](const char* kind, const QString& axis, Money amount) {
            row(QLatin1String(kind), {}, {}, axis, amount, totals.currency);
        };
        for (const CostReportRow& subtotal : totals.subtotals)
            totalRow("axis_subtotal", billAxisKey(subtotal.axis), subtotal.amount);
        for (const TaxSummary& tax : totals.taxes)
            totalRow("tax_subtotal", taxRateLabel(tax), tax.amount);
        totalRow("net_total", {}, totals.net);
        totalRow("tax_total", {}, totals.tax);
        totalRow("grand_total", {}, totals.total);
    }
    return out.toUtf8();
}

namespace {

QJsonArray axesJson(const std::vector<CostReportRow>& rows) {
    QJsonArray axes;
    for (const CostReportRow& line : rows)
        axes.append(QJsonObject{{QStringLiteral("axis"), billAxisKey(line.axis)},
                                {QStringLiteral("amount"), line.amount.toDecimalString()}});
    return axes;
}

QJsonArray findingsJson(const std::vector<BillFinding>& findings) {
    QJsonArray array;
    for (const BillFinding& finding : findings)
        array.append(QJsonObject{{QStringLiteral("kind"), billFindingKey(finding.kind)},
                                 {QStringLiteral("used"), qint64(finding.used)},
                                 {QStringLiteral("allowed"), jsonCountOrNull(finding.allowed)},
                                 {QStringLiteral("message"), finding.message}});
    return array;
}

}  // namespace

QByteArray costReportJson(const CostReport& report) {
    QJsonArray customers;
    for (const CostReportCustomer& customer : report.customers)
        customers.append(
            QJsonObject{{QStringLiteral("id"), customer.id},
                        {QStringLiteral("name"), customer.name},
                        {QStringLiteral("currency"), customer.currency},
                        {QStringLiteral("licensed"), customer.licensed},
                        {QStringLiteral("axes"), axesJson(customer.rows)},
                        {QStringLiteral("net"), customer.net.toDecimalString()},
                        {QStringLiteral("tax"), taxSummaryJson(customer.taxes)},
                        {QStringLiteral("total"), customer.total.toDecimalString()},
                        {QStringLiteral("findings"), findingsJson(customer.findings)}});
    QJsonArray currencies;
    for (const CostReportTotals& totals : report.currencies)
        currencies.append(QJsonObject{{QStringLiteral("currency"), totals.currency},
                                      {QStringLiteral("subtotals"), axesJson(totals.subtotals)},
                                      {QStringLiteral("net"), totals.net.toDecimalString()},
                                      {QStringLiteral("tax"), taxSummaryJson(totals.taxes)},
                                      {QStringLiteral("total"), totals.total.toDecimalString()}});
    const QJsonObject root{{QStringLiteral("month"), report.month.toString()},
                           {QStringLiteral("customers"), customers},
                           {QStringLiteral("currencies"), currencies}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

}  // namespace aicp

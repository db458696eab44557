#include "pages/reports/costreportmodel.h"

#include "catalognames.h"
#include "money/moneyformat.h"
#include "theme.h"
#include "widgets/pagetext.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace aicp {

namespace {

const std::vector<BillAxis>& axes() {
    static const std::vector<BillAxis> all = costReportAxes();
    return all;
}

// Money lines up on the right, headers and cells alike.
std::vector<TableColumn> costReportColumns() {
    constexpr Qt::Alignment left = Qt::AlignLeft | Qt::AlignVCenter;
    constexpr Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    std::vector<TableColumn> columns{{CostReportModel::tr("Customer"), left}};
    for (BillAxis axis : axes())
        columns.push_back(
            {billAxisName(axis), right,
             CostReportModel::tr("The month's %1 charges, summed over its license periods")
                 .arg(billAxisName(axis).toLower())});
    columns.push_back({CostReportModel::tr("Net"), right,
                       CostReportModel::tr("The sum of the month's charges, before tax")});
    columns.push_back({CostReportModel::tr("Tax"), right,
                       CostReportModel::tr("Each charge's net times the customer's rate, rounded "
                                           "once per charge")});
    columns.push_back({CostReportModel::tr("Total"), right});
    columns.push_back({CostReportModel::tr("Findings"), left});
    return columns;
}

}  // namespace

CostReportModel::CostReportModel(Part part, QObject* parent)
    : ColumnTableModel(costReportColumns(), parent), part_(part) {}

int CostReportModel::netColumn() {
    return int(axes().size()) + 1;
}

int CostReportModel::taxColumn() {
    return netColumn() + 1;
}

int CostReportModel::totalColumn() {
    return taxColumn() + 1;
}

int CostReportModel::findingsColumn() {
    return totalColumn() + 1;
}

bool CostReportModel::isMoneyColumn(int column) {
    return column >= axisColumn(0) && column <= totalColumn();
}

void CostReportModel::setReport(std::shared_ptr<const CostReport> report) {
    resetRows([&] {
        report_ = std::move(report);
        // The locale in force when the report arrives formats every amount of it.
        locale_ = QLocale();
    });
}

int CostReportModel::rows() const {
    if (!report_)
        return 0;
    return int(part_ == Part::Totals ? report_->currencies.size() : report_->customers.size());
}

QString CostReportModel::money(Money amount, const QString& currency) const {
    return formatMoney(amount, locale_, currency);
}

namespace {

// What the Net, Tax and Total columns or an axis column hold of a customer
// or a currency's totals.
template <typename Part>
Money columnAmount(const Part& part, const std::vector<CostReportRow>& rows, int column) {
    if (column == CostReportModel::netColumn())
        return part.net;
    if (column == CostReportModel::taxColumn())
        return part.tax;
    if (column == CostReportModel::totalColumn())
        return part.total;
    return rows[std::size_t(column - CostReportModel::axisColumn(0))].amount;
}

}  // namespace

QVariant CostReportModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !report_ || index.row() >= rowCount())
        return {};
    if (role == Qt::TextAlignmentRole)
        return alignment(index.column());
    if (part_ == Part::Totals)
        return totalsData(report_->currencies[std::size_t(index.row())], index.column(), role);
    return customerData(report_->customers[std::size_t(index.row())], index.column(), role);
}

QVariant CostReportModel::customerData(const CostReportCustomer& customer, int column,
                                       int role) const {
    const int findings = int(customer.findings.size());
    if (role == CustomerIdRole)
        return customer.id;
    if (column == customerColumn()) {
        switch (role) {
            case Qt::DisplayRole:
                return customer.name.isEmpty() ? customer.id : customer.name;
            case SortRole:
                return (customer.name.isEmpty() ? customer.id : customer.name).toCaseFolded();
            case Qt::ToolTipRole:
                return customer.licensed
                           ? customer.id
                           : tr("%1 — no license in force this month").arg(customer.id);
            case Qt::ForegroundRole:
                if (!customer.licensed)
                    return theme::mutedText(QGuiApplication::palette());
                return {};
            default:
                return {};
        }
    }
    if (column == findingsColumn()) {
        switch (role) {
            case Qt::DisplayRole:
                return findings == 0 ? QStringLiteral("—")
                                     : counted(findings, tr("%1 finding"), tr("%1 findings"));
            case SortRole:
                return findings;
            case Qt::ToolTipRole: {
                QStringList messages;
                for (const BillFinding& finding : customer.findings)
                    messages.append(finding.message);
                return messages.isEmpty() ? QVariant() : QVariant(messages.join(u'\n'));
            }
            case Qt::ForegroundRole:
                return findings == 0 ? theme::mutedText(QGuiApplication::palette())
                                     : theme::warningText(QGuiApplication::palette());
            default:
                return {};
        }
    }
    const Money amount = columnAmount(customer, customer.rows, column);
    switch (role) {
        case Qt::DisplayRole:
            return money(amount, customer.currency);
        case SortRole:
            return qint64(amount.micros());
        case Qt::ForegroundRole:
            if (amount.isZero())
                return theme::mutedText(QGuiApplication::palette());
            return {};
        case Qt::FontRole:
            return column == totalColumn() ? QVariant(boldFont()) : QVariant();
        default:
            return {};
    }
}

QVariant CostReportModel::totalsData(const CostReportTotals& totals, int column, int role) const {
    if (role == Qt::FontRole)
        return boldFont();
    qint64 customers = 0;
    int findings = 0;
    for (const CostReportCustomer& customer : report_->customers) {
        if (customer.currency != totals.currency)
            continue;
        ++customers;
        findings += int(customer.findings.size());
    }
    if (column == customerColumn()) {
        if (role == Qt::DisplayRole)
            return report_->mixesCurrencies()
                       ? tr("%1 · %2").arg(totals.currency, counted(customers, tr("%1 customer"),
                                                                    tr("%1 customers")))
                       : tr("Total · %1")
                             .arg(counted(customers, tr("%1 customer"), tr("%1 customers")));
        return {};
    }
    if (column == findingsColumn()) {
        if (role == Qt::DisplayRole)
            return findings == 0 ? QStringLiteral("—")
                                 : counted(findings, tr("%1 finding"), tr("%1 findings"));
        if (role == Qt::ForegroundRole)
            return findings == 0 ? theme::mutedText(QGuiApplication::palette())
                                 : theme::warningText(QGuiApplication::palette());
        return {};
    }
    const Money amount = columnAmount(totals, totals.subtotals, column);
    if (role == Qt::DisplayRole)
        return money(amount, totals.currency);
    if (role == SortRole)
        return qint64(amount.micros());
    return {};
}

}  // namespace aicp

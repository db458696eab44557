#pragma once

#include "billing/costreport.h"
#include "widgets/columntablemodel.h"

#include <memory>

#include <QLocale>

namespace aicp {

// A finance cost report as a table: one row per customer (name, one column
// per pricing axis in costReportAxes() order, net, tax, total, the
// findings), each amount in the customer's currency, or, as the Totals part,
// a footer row per currency of axis subtotals and totals. Shows a finished CostReport; it never
// computes an amount itself. SortRole gives money as micro-units and names folded for sorting.
class CostReportModel : public ColumnTableModel {
    Q_OBJECT
public:
    enum class Part { Customers, Totals };
    enum Role { SortRole = Qt::UserRole + 1, CustomerIdRole };

    explicit CostReportModel(Part part, QObject* parent = nullptr);

    // Shows `report`; null empties the table. The report is shared, not
    // copied: a large one is handed over from the thread that computed it.
    void setReport(std::shared_ptr<const CostReport> report);
    [[nodiscard]] const std::shared_ptr<const CostReport>& report() const { return report_; }

    [[nodiscard]] static int customerColumn() { return 0; }
    [[nodiscard]] static int axisColumn(std::size_t axisIndex) { return int(axisIndex) + 1; }
    [[nodiscard]] static int netColumn();
    [[nodiscard]] static int taxColumn();
    [[nodiscard]] static int totalColumn();
    [[nodiscard]] static int findingsColumn();
    // The columns that hold money, for alignment and widths.
    [[nodiscard]] static bool isMoneyColumn(int column);

    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;

private:
    [[nodiscard]] int rows() const override;
    [[nodiscard]] QVariant customerData(const CostReportCustomer& customer, int column,
                                        int role) const;
    [[nodiscard]] QVariant totalsData(const CostReportTotals& totals, int column, int role) const;
    [[nodiscard]] QString money(Money amount, const QString& currency) const;

    Part part_;
    std::shared_ptr<const CostReport> report_;
    QLocale locale_;
};

}  // namespace aicp

#pragma once

#include <vector>

#include <QAbstractTableModel>

namespace aicp {

// billing/invoice.h is kept out of this header: moc cannot parse what it pulls in.
struct Invoice;

// Issued invoices as a table: number, customer, month, total, status
// (issued, or credited with the credit note's number), issue time.
class InvoiceTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Number, Customer, Month, Total, Status, Issued, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit InvoiceTableModel(QObject* parent = nullptr);
    ~InvoiceTableModel() override;

    void setInvoices(std::vector<Invoice> invoices);
    [[nodiscard]] const std::vector<Invoice>& invoices() const { return invoices_; }
    [[nodiscard]] const Invoice* invoiceAt(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

private:
    std::vector<Invoice> invoices_;
};

}  // namespace aicp

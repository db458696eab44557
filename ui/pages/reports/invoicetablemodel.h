#pragma once

#include "widgets/columntablemodel.h"

#include <map>
#include <vector>

#include <QDate>
#include <QDateTime>
#include <QString>

namespace aicp {

// billing/invoice.h is kept out of this header: moc cannot parse what it pulls in.
struct Invoice;

// What the Reports page knows of Stripe: whether an account is configured
// (and its key, masked, for a confirmation) and what Stripe last said of
// each pushed invoice ("open", "paid 3 Dec 2026"), by invoice number.
struct StripePayments {
    bool configured = false;
    QString maskedKey;
    bool testMode = false;
    std::map<QString, QString> status;
};

// Issued invoices as a table: number, customer, month, total, the prepaid
// credit applied (empty when none), the amount due (the total less that
// credit), status (issued, or credited with the credit note's number),
// its payment in Stripe (empty when not pushed), issue time.
class InvoiceTableModel : public ColumnTableModel {
    Q_OBJECT
public:
    enum Column {
        Number,
        Customer,
        Month,
        Total,
        Credit,
        Due,
        Status,
        Payment,
        Issued,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit InvoiceTableModel(QObject* parent = nullptr);
    ~InvoiceTableModel() override;

    // `today` (UTC) decides which open invoices are overdue.
    void setInvoices(std::vector<Invoice> invoices,
                     QDate today = QDateTime::currentDateTimeUtc().date());
    [[nodiscard]] const std::vector<Invoice>& invoices() const { return invoices_; }
    [[nodiscard]] const Invoice* invoiceAt(int row) const;
    void setStripe(StripePayments stripe);
    [[nodiscard]] const StripePayments& stripe() const { return stripe_; }

    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;

private:
    [[nodiscard]] int rows() const override;
    [[nodiscard]] QVariant text(const Invoice& invoice, int column, int role) const;
    [[nodiscard]] QString statusText(const Invoice& invoice) const;

    std::vector<Invoice> invoices_;
    QDate today_;
    StripePayments stripe_;
};

}  // namespace aicp

#include "pages/reports/invoicetablemodel.h"

#include "billing/invoice.h"
#include "money/moneyformat.h"
#include "theme.h"

#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace aicp {

InvoiceTableModel::InvoiceTableModel(QObject* parent) : QAbstractTableModel(parent) {}

InvoiceTableModel::~InvoiceTableModel() = default;

void InvoiceTableModel::setInvoices(std::vector<Invoice> invoices) {
    beginResetModel();
    invoices_ = std::move(invoices);
    endResetModel();
}

const Invoice* InvoiceTableModel::invoiceAt(int row) const {
    return row >= 0 && row < rowCount() ? &invoices_[std::size_t(row)] : nullptr;
}

int InvoiceTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(invoices_.size());
}

int InvoiceTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InvoiceTableModel::data(const QModelIndex& index, int role) const {
    const Invoice* invoice = index.isValid() ? invoiceAt(index.row()) : nullptr;
    if (!invoice)
        return {};
    const QLocale locale;
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(
            Qt::Alignment((column == Total ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    if (role == Qt::FontRole && column == Total) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole && invoice->isCredited())
        return theme::mutedText(QGuiApplication::palette());
    if (role == Qt::ToolTipRole && column == Status && invoice->creditNote)
        return tr("Credited by %1: %2")
            .arg(invoice->creditNote->number, invoice->creditNote->reason);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (column) {
        case Number:
            return invoice->number;
        case Customer:
            return invoice->customerName.isEmpty() ? invoice->customerId : invoice->customerName;
        case Month:
            if (role == SortRole)
                return qint64(invoice->month.index());
            return locale.toString(invoice->month.firstDay(), QStringLiteral("MMMM yyyy"));
        case Total:
            if (role == SortRole)
                return qint64(invoice->total.micros());
            return formatMoney(invoice->total, locale, invoice->currency);
        case Status:
            return invoice->creditNote ? tr("Credited (%1)").arg(invoice->creditNote->number)
                                       : tr("Issued");
        case Issued:
            if (role == SortRole)
                return invoice->issuedAt;
            return locale.toString(invoice->issuedAt.toUTC(), QStringLiteral("d MMM yyyy HH:mm")) +
                   QStringLiteral(" UTC");
        default:
            return {};
    }
}

QVariant InvoiceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(
            Qt::Alignment((section == Total ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
        case Number:
            return tr("Number");
        case Customer:
            return tr("Customer");
        case Month:
            return tr("Month");
        case Total:
            return tr("Total");
        case Status:
            return tr("Status");
        case Issued:
            return tr("Issued");
        default:
            return {};
    }
}

}  // namespace aicp

#include "pages/reports/invoicetablemodel.h"

#include "billing/invoice.h"
#include "money/moneyformat.h"
#include "theme.h"

#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace aicp {

namespace {

constexpr Qt::Alignment kLeft = Qt::AlignLeft | Qt::AlignVCenter;

}  // namespace

InvoiceTableModel::InvoiceTableModel(QObject* parent)
    : ColumnTableModel({{tr("Number"), kLeft},
                        {tr("Customer"), kLeft},
                        {tr("Month"), kLeft},
                        {tr("Total"), Qt::AlignRight | Qt::AlignVCenter},
                        {tr("Credit"), Qt::AlignRight | Qt::AlignVCenter},
                        {tr("Due"), Qt::AlignRight | Qt::AlignVCenter},
                        {tr("Status"), kLeft},
                        {tr("Stripe"), kLeft},
                        {tr("Issued"), kLeft}},
                       parent) {}

InvoiceTableModel::~InvoiceTableModel() = default;

void InvoiceTableModel::setInvoices(std::vector<Invoice> invoices, QDate today) {
    resetRows([&] {
        invoices_ = std::move(invoices);
        today_ = today;
    });
}

QString InvoiceTableModel::statusText(const Invoice& invoice) const {
    const QLocale locale;
    const auto day = [&](QDate date) {
        return locale.toString(date, QStringLiteral("d MMM yyyy"));
    };
    if (invoice.isCredited())
        return tr("Credited (%1)").arg(invoice.lastCreditNote()->number);
    if (invoice.isOverdueOn(today_))
        return tr("Overdue since %1").arg(day(invoice.dueDate));
    if (invoice.isPartiallyCredited() && invoice.balance() > Money())
        return tr("Partly credited (%1), due %2")
            .arg(invoice.lastCreditNote()->number, day(invoice.dueDate));
    if (invoice.status() == QLatin1String("paid"))
        return invoice.payments.empty() ? tr("Nothing due")
                                        : tr("Paid %1").arg(day(invoice.payments.back().paidOn));
    return invoice.dueDate.isValid() ? tr("Open, due %1").arg(day(invoice.dueDate)) : tr("Open");
}

void InvoiceTableModel::setStripe(StripePayments stripe) {
    resetRows([&] { stripe_ = std::move(stripe); });
}

int InvoiceTableModel::rows() const {
    return int(invoices_.size());
}

const Invoice* InvoiceTableModel::invoiceAt(int row) const {
    return hasRow(row) ? &invoices_[std::size_t(row)] : nullptr;
}

QVariant InvoiceTableModel::data(const QModelIndex& index, int role) const {
    const Invoice* invoice = index.isValid() ? invoiceAt(index.row()) : nullptr;
    if (!invoice)
        return {};
    const QLocale locale;
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return alignment(column);
    if (role == Qt::FontRole && column == Due)
        return boldFont();
    if (role == Qt::ForegroundRole && invoice->isCredited())
        return theme::mutedText(QGuiApplication::palette());
    if (role == Qt::ForegroundRole && column == Status && invoice->isOverdueOn(today_))
        return theme::warningText(QGuiApplication::palette());
    if (role == Qt::ToolTipRole && column == Status && invoice->lastCreditNote())
        return tr("Credited by %1: %2")
            .arg(invoice->lastCreditNote()->number, invoice->lastCreditNote()->reason);
    if (role == Qt::ToolTipRole && (column == Credit || column == Due) && !invoice->credits.empty())
        return tr("%1 less %2 of prepaid credit: %3 due")
            .arg(formatMoney(invoice->total, locale, invoice->currency),
                 formatMoney(invoice->creditsApplied(), locale, invoice->currency),
                 formatMoney(invoice->amountDue(), locale, invoice->currency));
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    return text(*invoice, column, role);
}

QVariant InvoiceTableModel::text(const Invoice& invoice, int column, int role) const {
    const QLocale locale;
    switch (column) {
        case Number:
            return invoice.number;
        case Customer:
            return invoice.customerName.isEmpty() ? invoice.customerId : invoice.customerName;
        case Month:
            if (role == SortRole)
                return qint64(invoice.month.index());
            return locale.toString(invoice.month.firstDay(), QStringLiteral("MMMM yyyy"));
        case Total:
            if (role == SortRole)
                return qint64(invoice.total.micros());
            return formatMoney(invoice.total, locale, invoice.currency);
        case Credit:
            if (role == SortRole)
                return qint64(invoice.creditsApplied().micros());
            // Shown as the invoice shows it: a negative line.
            return invoice.credits.empty()
                       ? QString()
                       : formatMoney(invoice.creditsApplied().negated(), locale, invoice.currency);
        case Due:
            if (role == SortRole)
                return qint64(invoice.amountDue().micros());
            return formatMoney(invoice.amountDue(), locale, invoice.currency);
        case Status:
            return statusText(invoice);
        case Payment: {
            const auto found = stripe_.status.find(invoice.number);
            return found == stripe_.status.end() ? QString() : found->second;
        }
        case Issued:
            if (role == SortRole)
                return invoice.issuedAt;
            return locale.toString(invoice.issuedAt.toUTC(), QStringLiteral("d MMM yyyy HH:mm")) +
                   QStringLiteral(" UTC");
        default:
            return {};
    }
}

}  // namespace aicp

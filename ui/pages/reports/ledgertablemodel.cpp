#include "pages/reports/ledgertablemodel.h"

#include "accounting/ledger.h"
#include "money/moneyformat.h"

#include <QLocale>

namespace aicp {

namespace {

constexpr Qt::Alignment kLeft = Qt::AlignLeft | Qt::AlignVCenter;
constexpr Qt::Alignment kRight = Qt::AlignRight | Qt::AlignVCenter;

}  // namespace

LedgerTableModel::LedgerTableModel(QObject* parent)
    : ColumnTableModel({{tr("Date"), kLeft},
                        {tr("Document"), kLeft},
                        {tr("Kind"), kLeft},
                        {tr("Customer"), kLeft},
                        {tr("Account"), kLeft},
                        {tr("Debit"), kRight},
                        {tr("Credit"), kRight},
                        {tr("Currency"), kLeft}},
                       parent) {}

LedgerTableModel::~LedgerTableModel() = default;

QString LedgerTableModel::kindName(LedgerKind kind) {
    switch (kind) {
        case LedgerKind::Invoice:
            return tr("Invoice");
        case LedgerKind::CreditNote:
            return tr("Credit note");
        case LedgerKind::Payment:
            return tr("Payment");
        case LedgerKind::CreditGrant:
            return tr("Credit grant");
        case LedgerKind::CreditForfeit:
            return tr("Credit forfeited");
    }
    return {};
}

void LedgerTableModel::setLedger(std::shared_ptr<const Ledger> ledger) {
    resetRows([&] { ledger_ = std::move(ledger); });
}

int LedgerTableModel::rows() const {
    return ledger_ ? int(ledger_->postings.size()) : 0;
}

QVariant LedgerTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !hasRow(index.row()))
        return {};
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return alignment(column);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const LedgerPosting& posting = ledger_->postings[std::size_t(index.row())];
    const QLocale locale;
    const auto amount = [&](Money money) -> QVariant {
        if (role == SortRole)
            return qint64(money.micros());
        return money.isZero() ? QString() : formatMoney(money, locale, posting.currency);
    };
    switch (column) {
        case Date:
            // The ledger's own order: by date, then kind, then document.
            if (role == SortRole)
                return index.row();
            return locale.toString(posting.date, QLocale::ShortFormat);
        case Document:
            return posting.document;
        case Kind:
            return kindName(posting.kind);
        case Customer:
            return posting.customerId;
        case Account:
            return posting.account;
        case Debit:
            return amount(posting.debit);
        case Credit:
            return amount(posting.credit);
        case Currency:
            return posting.currency;
        default:
            return {};
    }
}

}  // namespace aicp

#pragma once

#include "widgets/columntablemodel.h"

#include <memory>

namespace aicp {

// accounting/ledger.h is kept out of this header: moc cannot parse what it pulls in.
struct Ledger;
enum class LedgerKind;

// A ledger's postings as a table: date, document, kind, customer, account,
// debit, credit (the side without an amount empty), currency. Sorting by
// date keeps each document's postings in their order.
class LedgerTableModel : public ColumnTableModel {
    Q_OBJECT
public:
    enum Column { Date, Document, Kind, Customer, Account, Debit, Credit, Currency, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit LedgerTableModel(QObject* parent = nullptr);
    ~LedgerTableModel() override;

    void setLedger(std::shared_ptr<const Ledger> ledger);
    [[nodiscard]] const std::shared_ptr<const Ledger>& ledger() const { return ledger_; }

    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;

private:
    [[nodiscard]] int rows() const override;
    // "Invoice", "Credit note", …
    [[nodiscard]] static QString kindName(LedgerKind kind);

    std::shared_ptr<const Ledger> ledger_;
};

}  // namespace aicp

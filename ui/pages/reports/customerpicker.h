#pragma once

#include "customers/customer.h"

#include <set>
#include <vector>

#include <QStringList>
#include <QToolButton>

class QLineEdit;
class QListView;
class QMenu;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace aicp {

// A button naming which customers a report covers ("All customers", "Acme
// Corporation", "3 of 38 customers") that drops down a checkable list with a
// filter box and All / None. Every customer is the default, and stays the
// choice as customers are added. Emits selectionChanged once, when the list
// closes with a different choice.
class CustomerPicker : public QToolButton {
    Q_OBJECT
public:
    explicit CustomerPicker(QWidget* parent = nullptr);

    // Keeps the chosen customers that are still in the list.
    void setCustomers(const std::vector<Customer>& customers);
    // Empty: every customer.
    void setSelection(const QStringList& customerIds);

    [[nodiscard]] bool isAll() const { return all_; }
    // The chosen ids in id order; empty when every customer is chosen (see
    // isAll) or when none is.
    [[nodiscard]] QStringList selectedIds() const;
    [[nodiscard]] bool isNothingSelected() const { return !all_ && chosen_.empty(); }

signals:
    void selectionChanged();

private:
    void fillList();
    void readList();
    void updateText();
    void checkShown(bool on);

    std::vector<Customer> customers_;
    bool all_ = true;
    std::set<QString> chosen_;  // when not all_

    QMenu* menu_;
    QLineEdit* filter_;
    QStandardItemModel* items_;
    QSortFilterProxyModel* shown_;
    QListView* list_;
};

}  // namespace aicp

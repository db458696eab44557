#pragma once

#include "customers/customer.h"

#include <vector>

#include <QDate>
#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace aicp {

// The strip above every page: which page this is and what it is for, and the
// context every page works in — the customer and the month.
class ContextBar : public QWidget {
    Q_OBJECT
public:
    explicit ContextBar(QWidget* parent = nullptr);

    void setPage(const QString& title, const QString& summary);
    // Keeps the selected customer when it is still in the list.
    void setCustomers(const std::vector<Customer>& customers);
    // Offers every month from `first` to `last` (days ignored), selecting `current`.
    void setMonths(QDate first, QDate last, QDate current);

    // Selects a customer of the list (empty: all customers); others are ignored.
    void setCustomerId(const QString& customerId);
    [[nodiscard]] QString customerId() const;  // empty: all customers
    [[nodiscard]] QDate month() const;         // the first day of the month

signals:
    void customerChanged(const QString& customerId);
    void monthChanged(QDate month);
    // Customer…: the selected customer's billing profile, to see or edit.
    void customerProfileRequested(const QString& customerId);

private:
    QLabel* title_;
    QLabel* summary_;
    QComboBox* customer_;
    QToolButton* profile_;
    QComboBox* month_;
};

}  // namespace aicp

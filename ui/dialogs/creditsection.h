#pragma once

#include <functional>

#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace aicp {

class GrantCreditDialog;
class Workspace;

// A customer's prepaid credit, in the customer dialog: the balance
// available now and what expired unused, each grant (as `aicp credits
// list` shows them) and Grant Credit…, which grants through the core.
// Granting belongs to the Invoices area: a role that may not write invoices,
// or a customer workspace, sees the credit and why it cannot grant.
class CreditSection : public QWidget {
    Q_OBJECT
public:
    CreditSection(Workspace& workspace, const QString& customerId, QWidget* parent = nullptr);

    // Runs the Grant Credit dialog (exec() unless a test sets one) and
    // returns its result.
    using GrantRunner = std::function<int(GrantCreditDialog&)>;
    void setGrantRunner(GrantRunner runner) { runner_ = std::move(runner); }

    // Opens Grant Credit…; true when credit was granted (then shown here).
    bool grantCredit();
    // Reads the balance and the grants again.
    void refresh();

    // "$1,000.00 available now", with what was forfeited; or why it
    // cannot be read.
    [[nodiscard]] QString balanceText() const;
    // Why Grant Credit… is disabled; empty when it is not.
    [[nodiscard]] QString grantRefusal() const { return refusal_; }

signals:
    void creditGranted();

private:
    void showGrants(const QString& currency);
    void guardGrant();
    void fitTable();

    Workspace& workspace_;
    QString customerId_;
    QString currency_;
    QString refusal_;
    GrantRunner runner_;
    QLabel* balance_;
    QLabel* note_;
    QLabel* empty_;
    QPushButton* grant_;  // made before the table: Tab reaches it first, as it is shown
    QTableWidget* grants_;
};

}  // namespace aicp

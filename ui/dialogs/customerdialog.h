#pragma once

#include "customers/customer.h"
#include "dialogs/profiledialog.h"

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace aicp {

class CreditSection;

// A customer's billing profile, to read and edit: name, legal name, billing
// email, address, country, tax id, currency, payment terms and tax
// exemption, and below it the customer's prepaid credit (CreditSection).
// Saved with CustomerStore::update, the call `aicp customer edit`
// makes, so the console writes and audits ("customer.edit") exactly what the
// CLI does. Changing it needs the role that may change customers.
class CustomerDialog : public ProfileDialog {
    Q_OBJECT
public:
    CustomerDialog(Workspace& workspace, const QString& customerId, QWidget* parent = nullptr);

    // The customer as typed (not normalized), with the stored id and
    // creation time.
    [[nodiscard]] Customer customer() const;
    // The customer's prepaid credit, below the profile.
    [[nodiscard]] CreditSection* credits() const { return credits_; }

protected:
    [[nodiscard]] Status validate() const override;
    [[nodiscard]] Status store() override;

private:
    void buildRows();
    void fill(const Customer& customer);

    Customer stored_;
    QLineEdit* name_;
    QLineEdit* legalName_;
    QLineEdit* email_;
    QPlainTextEdit* address_;
    QLineEdit* country_;
    QLineEdit* region_;
    QLineEdit* taxId_;
    QLineEdit* currency_;
    QSpinBox* terms_;
    QCheckBox* taxExempt_;
    CreditSection* credits_;
};

}  // namespace aicp

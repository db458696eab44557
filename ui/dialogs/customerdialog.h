#pragma once

#include "customers/customer.h"
#include "dialogs/profiledialog.h"

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace aicp {

// A customer's billing profile, to read and edit: name, legal name, billing
// email, address, country, tax id, currency, payment terms and tax
// exemption. Saved with CustomerStore::update, the call `aicp customer edit`
// makes, so the console writes and audits ("customer.edit") exactly what the
// CLI does. Changing it needs the role that may change customers.
class CustomerDialog : public ProfileDialog {
    Q_OBJECT
public:
    CustomerDialog(Workspace& workspace, const QString& customerId, QWidget* parent = nullptr);

    // The customer as typed (not normalized), with the stored id and
    // creation time.
    [[nodiscard]] Customer customer() const;

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
    QLineEdit* taxId_;
    QLineEdit* currency_;
    QSpinBox* terms_;
    QCheckBox* taxExempt_;
};

}  // namespace aicp

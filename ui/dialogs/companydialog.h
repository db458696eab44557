#pragma once

#include "company/seller.h"
#include "dialogs/profiledialog.h"

class QLineEdit;
class QPlainTextEdit;

namespace aicp {

// Settings ▸ Company: the seller profile every invoice carries — legal
// name, address, country, tax id, email, payment instructions and footer.
// Saved with SellerStore::save, the call `aicp seller set` makes, so the
// console writes and audits ("seller.set") exactly what the CLI does.
// Changing it needs the role that may change invoices.
class CompanyDialog : public ProfileDialog {
    Q_OBJECT
public:
    explicit CompanyDialog(Workspace& workspace, QWidget* parent = nullptr);

    // The profile as typed (not normalized).
    [[nodiscard]] SellerProfile profile() const;

protected:
    [[nodiscard]] Status validate() const override;
    [[nodiscard]] Status store() override;

private:
    void buildRows();
    void fill(const SellerProfile& seller);

    QLineEdit* name_;
    QPlainTextEdit* address_;
    QLineEdit* country_;
    QLineEdit* taxId_;
    QLineEdit* email_;
    QPlainTextEdit* paymentInstructions_;
    QPlainTextEdit* footer_;
};

}  // namespace aicp

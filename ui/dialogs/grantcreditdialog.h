#pragma once

#include "common/result.h"

#include <cstdint>
#include <vector>

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace aicp {

class Workspace;
struct CreditGrant;  // billing/creditbook.h is kept out: moc cannot parse it

// Grants a customer prepaid credit (README, "Contract terms"): the amount,
// what the customer paid for it (the amount unless typed), an optional
// expiry date (midnight UTC) and the reason. It grants through
// CreditBook::grant, the call `aicp credits grant` makes, so the core checks
// and audits it ("credits.grant"); a refusal is shown under the field the
// core names, and nothing is written then.
class GrantCreditDialog : public QDialog {
    Q_OBJECT
public:
    GrantCreditDialog(Workspace& workspace, const QString& customerId, const QString& currency,
                      QWidget* parent = nullptr);
    ~GrantCreditDialog() override;

    // Grants what the form holds; refused with the core's reason (or why an
    // amount cannot be read), then shown and nothing written.
    [[nodiscard]] Status grant();
    // The reason shown under the input named `objectName`; empty when none.
    [[nodiscard]] QString fieldProblem(const QString& objectName) const;
    // The reason shown under the form (one no field is named in).
    [[nodiscard]] QString problem() const;
    // The id of the grant made, once grant() succeeded; 0 before.
    [[nodiscard]] std::int64_t grantedId() const { return grantedId_; }

private:
    struct Field {
        QWidget* input = nullptr;
        QLabel* problem = nullptr;
        QString option;  // the CLI option the core's messages start with
    };

    void buildForm(const QString& intro);
    QLineEdit* lineInput(const QString& name, const QString& accessible, const QString& toolTip);
    void addField(const QString& label, QWidget* input, const QString& option);
    void showProblem(const QString& message);
    void clearProblems();
    void growToFit();

    Workspace& workspace_;
    QString customerId_;
    QString currency_;
    QLineEdit* amount_;
    QLineEdit* paid_;
    QCheckBox* expires_;
    QDateEdit* expiryDate_;
    QLineEdit* reason_;
    QLabel* message_;
    QFormLayout* form_;
    QDialogButtonBox* buttons_;
    std::vector<Field> fields_;
    std::int64_t grantedId_ = 0;
};

}  // namespace aicp

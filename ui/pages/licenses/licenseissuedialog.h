#pragma once

#include "common/result.h"
#include "customers/customer.h"
#include "licensing/licenseregistry.h"
#include "licensing/licenserequest.h"
#include "pricing/pricebook.h"

#include <optional>
#include <vector>

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace aicp {

class ActivationTermInputs;
class ContractTermInputs;
class FirstInvoiceView;
class LicenseDetailsView;

// The form behind Issue… and Upgrade…: customer, tier, add-ons, seats,
// agents, audit level, dates, grace and contract terms (discount, term,
// billing period, commitment, trial), with a live preview of what the
// signed license would grant and cost, and its first invoice. The preview is
// buildLicensePayload itself — the function the registry signs with — so a
// combination the tier cannot have is refused here with the registry's own
// reason, and OK stays disabled until the form is issuable.
class LicenseIssueDialog : public QDialog {
    Q_OBJECT
public:
    LicenseIssueDialog(PriceBook priceBook, std::vector<Customer> customers,
                       QWidget* parent = nullptr);

    // Prefills from an existing license for an upgrade: the customer is
    // fixed, the new license starts now and keeps the old end date.
    void setUpgradeOf(const LicensePayload& old);
    // Preselects a customer (the context bar's); unknown ids are ignored.
    void selectCustomer(const QString& customerId);
    // The registry's licenses (any customer's): the first invoice bills the
    // chosen customer's with the new one, as the month's bill will.
    void setRegisteredLicenses(std::vector<LicenseRecord> licenses);

    // The request the form describes; refused with the reason when the
    // payload it would build is not issuable.
    [[nodiscard]] Result<LicenseRequest> request() const;
    // Why OK is disabled; empty when it is enabled.
    [[nodiscard]] QString problem() const { return problem_; }
    [[nodiscard]] bool isUpgrade() const { return upgradeOf_.has_value(); }

private:
    void buildForm();
    void buildCustomerInputs();
    void buildLimitInputs();
    QHBoxLayout* buildTermInputs(int gap);
    void buildContractInputs();
    QWidget* buildFormColumn(QHBoxLayout* termRow, int gap);
    QWidget* buildPreviewCard(int gap);
    void buildButtons();
    void connectInputs();
    void tierChanged();
    void rebuildAddOns();
    void orderTabs();
    void updatePreview();
    void showMonthlyPrice(const LicensePayload& payload);
    void showFirstInvoice(const LicensePayload& payload);
    [[nodiscard]] Result<LicenseRequest> formRequest() const;
    void refreshPrices();
    [[nodiscard]] QDateTime startTime() const;

    PriceBook priceBook_;
    PriceBookVersion prices_;  // in force on the start date
    std::vector<Customer> customers_;
    std::vector<LicenseRecord> registered_;
    std::optional<LicensePayload> upgradeOf_;
    QString problem_;

    QComboBox* customer_;
    QLineEdit* newCustomerId_;
    QLineEdit* newCustomerName_;
    QWidget* newCustomerRow_;
    QComboBox* tier_;
    QGridLayout* packsGrid_;
    QGridLayout* modulesGrid_;
    QLabel* packsNote_;
    QLabel* modulesNote_;
    std::vector<QCheckBox*> packs_;
    std::vector<QCheckBox*> modules_;
    QSpinBox* seats_;
    QSpinBox* agents_;
    QComboBox* auditTier_;
    QDateEdit* start_;
    QRadioButton* forDays_;
    QSpinBox* days_;
    QRadioButton* untilDate_;
    QDateEdit* until_;
    QSpinBox* graceDays_;
    QLineEdit* discount_;
    QComboBox* termMonths_;
    ContractTermInputs* terms_;
    ActivationTermInputs* activation_;

    QLabel* price_;
    QLabel* priceNote_;
    FirstInvoiceView* firstInvoice_;
    LicenseDetailsView* preview_;
    QLabel* problemLabel_;
    QDialogButtonBox* buttons_;
};

}  // namespace aicp

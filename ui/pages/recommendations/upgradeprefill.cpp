#include "pages/recommendations/upgradeprefill.h"

#include "pages/licenses/licenseissuedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>

namespace aicp {

void prefillUpgrade(LicenseIssueDialog& dialog, const Recommendation& r) {
    const TierOption* best = r.recommendedOption();
    if (!best)
        return;
    if (auto* tier = dialog.findChild<QComboBox*>(QStringLiteral("tierInput"))) {
        const int index = tier->findData(best->tier());
        if (index >= 0)
            tier->setCurrentIndex(index);
    }
    // The add-on boxes are rebuilt for the new tier; tick what the needs name.
    for (QCheckBox* box : dialog.findChildren<QCheckBox*>()) {
        const QString id = box->property("catalogId").toString();
        if (id.isEmpty() || !box->isEnabled())
            continue;
        if (r.needs.policyPacks.contains(id) || r.needs.complianceModules.contains(id))
            box->setChecked(true);
    }
    // Seats beyond what the tier includes are priced in the recommendation,
    // so the license should carry them; agents are never sold beyond it.
    if (auto* seats = dialog.findChild<QSpinBox*>(QStringLiteral("seatsInput"))) {
        const BillLine* line = best->bill.line(BillAxis::Seats);
        if (line && line->quantity > 0 && r.needs.seats <= seats->maximum())
            seats->setValue(static_cast<int>(r.needs.seats));
    }
}

namespace {

// The customer of a new license: one the workspace knows, else a new one.
void chooseCustomer(LicenseIssueDialog& dialog, const LicenseRequest& request) {
    auto* customer = dialog.findChild<QComboBox*>(QStringLiteral("customerInput"));
    if (!customer || !customer->isEnabled())
        return;  // an upgrade keeps its customer
    const int known = customer->findData(request.customerId);
    if (known >= 0) {
        customer->setCurrentIndex(known);
        return;
    }
    customer->setCurrentIndex(customer->count() - 1);  // "New customer…"
    if (auto* id = dialog.findChild<QLineEdit*>(QStringLiteral("newCustomerIdInput")))
        id->setText(request.customerId);
    if (auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("newCustomerNameInput")))
        name->setText(request.customerName);
}

}  // namespace

void prefillRequested(LicenseIssueDialog& dialog, const LicenseRequest& request) {
    chooseCustomer(dialog, request);
    if (auto* tier = dialog.findChild<QComboBox*>(QStringLiteral("tierInput"))) {
        const int index = tier->findData(request.tier);
        if (index >= 0)
            tier->setCurrentIndex(index);
    }
    // Exactly what was asked; a tier with every one keeps its boxes ticked.
    for (QCheckBox* box : dialog.findChildren<QCheckBox*>()) {
        const QString id = box->property("catalogId").toString();
        if (!id.isEmpty() && box->isEnabled())
            box->setChecked(request.policyPacks.contains(id) ||
                            request.complianceModules.contains(id));
    }
    auto* seats = dialog.findChild<QSpinBox*>(QStringLiteral("seatsInput"));
    if (seats && request.seats && *request.seats <= seats->maximum())
        seats->setValue(static_cast<int>(*request.seats));
    if (dialog.isUpgrade() || !request.expiresAt.isValid())
        return;  // an upgrade keeps the old end date already
    if (auto* untilDate = dialog.findChild<QRadioButton*>(QStringLiteral("untilDateInput")))
        untilDate->setChecked(true);
    if (auto* until = dialog.findChild<QDateEdit*>(QStringLiteral("untilInput")))
        until->setDate(request.expiresAt.toUTC().date());
}

}  // namespace aicp

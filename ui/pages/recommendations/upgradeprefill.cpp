#include "pages/recommendations/upgradeprefill.h"

#include "pages/licenses/licenseissuedialog.h"

#include <QCheckBox>
#include <QComboBox>
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

}  // namespace aicp

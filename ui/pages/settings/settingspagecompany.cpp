// The Settings page's company card: the seller profile in brief, and Edit
// Company… (the card is built in settingspage.cpp with the others).

#include "chosenfile.h"
#include "company/seller.h"
#include "dialogs/companydialog.h"
#include "pages/settings/settingspage.h"
#include "roleguard.h"

#include <QLabel>
#include <QPushButton>

namespace aicp {

void SettingsPage::showCompany() {
    if (!workspace()) {
        company_->clear();
        return;
    }
    auto seller = SellerStore(*workspace()).load();
    if (!seller) {
        company_->setText(upperFirst(seller.error().message()));
        return;
    }
    if (!*seller) {
        company_->setText(
            tr("No company yet: invoices need the seller's legal name, address "
               "and tax id. Edit Company… to give them."));
        return;
    }
    const SellerProfile& profile = **seller;
    QStringList lines{profile.name};
    if (!profile.address.isEmpty())
        lines.append(profile.address);
    if (!profile.country.isEmpty())
        lines.append(tr("Country: %1").arg(profile.country));
    lines.append(profile.taxId.isEmpty() ? tr("No tax id") : tr("Tax id: %1").arg(profile.taxId));
    if (!profile.email.isEmpty())
        lines.append(profile.email);
    company_->setText(lines.join(u'\n'));
}

QString SettingsPage::companySummary() const {
    return company_->text();
}

bool SettingsPage::editCompany() {
    if (!workspace() || !editCompany_->isEnabled())
        return false;
    CompanyDialog dialog(*workspace(), this);
    if (!runCompany_(dialog))
        return false;
    showCompany();
    return true;
}

}  // namespace aicp

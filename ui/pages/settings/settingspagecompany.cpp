// The Settings page's company card: the seller profile in brief, Edit
// Company…, and the Stripe account invoices are sent for payment through
// (the card is built in settingspage.cpp with the others).

#include "chosenfile.h"
#include "company/seller.h"
#include "dialogs/companydialog.h"
#include "pages/settings/settingspage.h"
#include "payments/stripeaccount.h"
#include "roleguard.h"
#include "widgets/formdialog.h"

#include <QDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
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

void SettingsPage::showStripe() {
    if (!workspace() || mode_ == Workspace::Mode::Customer) {
        stripe_->clear();
        return;
    }
    auto account = StripeSettings(*workspace()).account();
    if (!account) {
        // A viewer or an account manager on a team workspace may not read it.
        stripe_->setText(tr("Stripe: only finance and admins see the account."));
        return;
    }
    if (!*account) {
        stripe_->setText(
            tr("Stripe: not configured. Configure Stripe… to send invoices for "
               "payment through your Stripe account."));
        return;
    }
    const StripeAccount& stripe = **account;
    const bool test = StripeAccount::isTestKey(stripe.secretKey);
    stripe_->setText(tr("Stripe: key %1, %2 at %3")
                         .arg(StripeAccount::maskedKey(stripe.secretKey),
                              test ? tr("test mode") : tr("live mode"), stripe.apiBase.host()));
}

QString SettingsPage::stripeSummary() const {
    return stripe_->text();
}

std::optional<SettingsPage::StripeChoice> SettingsPage::askStripeKey(QWidget* parent) {
    QDialog dialog(parent);
    dialog.setWindowTitle(tr("Configure Stripe"));
    auto* text = new QLabel(
        tr("Paste the account's secret key (sk_…) or a restricted key (rk_…) with write access "
           "to customers, invoices and credit notes, from Stripe's Dashboard ▸ Developers ▸ API "
           "keys. It is kept in the workspace and never shown again; a test mode key moves no "
           "real money."),
        &dialog);
    text->setWordWrap(true);
    auto* key = new QLineEdit(&dialog);
    key->setObjectName(QStringLiteral("stripeKey"));
    key->setEchoMode(QLineEdit::Password);
    key->setPlaceholderText(QStringLiteral("sk_live_…"));
    key->setToolTip(tr("The secret or restricted key; required, shown as dots"));
    auto* base = new QLineEdit(&dialog);
    base->setObjectName(QStringLiteral("stripeApiBase"));
    base->setPlaceholderText(QString::fromLatin1(StripeClient::kDefaultApiBase));
    base->setToolTip(tr("Leave empty for Stripe; a Stripe-compatible server's https address"));
    auto* form = new QFormLayout;
    form->addRow(tr("Secret &key:"), key);
    form->addRow(tr("&API address:"), base);
    if (!runFormDialog(dialog, text, form, key, tr("Save Key"), 520))
        return std::nullopt;
    return StripeChoice{key->text().trimmed().toLatin1(),
                        QUrl(base->text().trimmed(), QUrl::StrictMode)};
}

bool SettingsPage::configureStripe() {
    if (!workspace() || !configureStripe_->isEnabled() || !askStripe_)
        return false;
    const std::optional<StripeChoice> choice = askStripe_(this);
    if (!choice)
        return false;
    auto stored = StripeSettings(*workspace()).configure(choice->secretKey, choice->apiBase);
    if (!stored) {
        showMessage(stored.error().message(), true);
        return false;
    }
    showStripe();
    showMessage(tr("Stripe is configured: key %1. Reports ▸ Invoices sends invoices for payment.")
                    .arg(StripeAccount::maskedKey(stored->secretKey)),
                false);
    return true;
}

}  // namespace aicp

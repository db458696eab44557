#include "firstrun/vendorkeypage.h"

#include "customers/customer.h"
#include "firstrun/firstrunwizard.h"
#include "firstrun/locationpage.h"
#include "firstrun/newworkspace.h"
#include "licensing/keystore.h"
#include "theme.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace aicp {

VendorKeyPage::VendorKeyPage(QWidget* parent)
    : FirstRunPage("vendorKeyPage", tr("Your Signing Key"),
                   tr("Licenses and revocation lists are signed with this key (Ed25519). "
                      "Customers verify them with its public half, which you export from "
                      "Settings."),
                   parent),
      name_(new QLineEdit(this)),
      first_(new QLineEdit(this)),
      second_(new QLineEdit(this)),
      hint_(explanation({})) {
    name_->setObjectName(QStringLiteral("vendorNameInput"));
    name_->setAccessibleName(tr("Vendor name"));
    name_->setPlaceholderText(tr("e.g. Example Corp"));
    name_->setToolTip(tr("Who issues the licenses from this workspace"));
    name_->setMaxLength(CustomerStore::kMaxNameLength);
    for (QLineEdit* field : {first_, second_}) {
        field->setEchoMode(QLineEdit::Password);
        field->setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 36);
        connect(field, &QLineEdit::textChanged, this, &VendorKeyPage::check);
    }
    connect(name_, &QLineEdit::textChanged, this, &VendorKeyPage::check);
    first_->setObjectName(QStringLiteral("passphraseInput"));
    first_->setAccessibleName(tr("Passphrase"));
    first_->setToolTip(tr("At least %1 characters; never stored, so keep it safe")
                           .arg(KeyStore::kMinPassphraseLength));
    second_->setObjectName(QStringLiteral("passphraseRepeatInput"));
    second_->setAccessibleName(tr("Repeat the passphrase"));
    second_->setToolTip(tr("The same passphrase again, to catch a typing mistake"));
    hint_->setObjectName(QStringLiteral("passphraseHint"));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Vendor &name:"), name_);
    form->addRow(tr("&Passphrase:"), first_);
    form->addRow(tr("&Repeat:"), second_);
    form->addRow(QString(), hint_);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(theme::spacing(font(), 0.5));
    layout->addLayout(form);
    layout->addWidget(explanation(
        tr("The private key is stored only encrypted with this passphrase. Nobody can sign "
           "with it — or recover it — without the passphrase, so keep it somewhere safe. "
           "Making the key takes a moment.")));
    addStatusArea(layout);
    for (QWidget* input : std::initializer_list<QWidget*>{name_, first_, second_})
        addInput(input);
    check();
}

void VendorKeyPage::initializePage() {
    clearStatus();
    name_->setFocus();
}

void VendorKeyPage::cleanupPage() {
    // Going back forgets the passphrase rather than keep it in a hidden field.
    first_->clear();
    second_->clear();
    clearStatus();
}

QString VendorKeyPage::problem() const {
    if (name_->text().trimmed().isEmpty())
        return tr("Type the name licenses are issued under.");
    if (first_->text().isEmpty())
        return tr("Choose a passphrase of at least %1 characters.")
            .arg(KeyStore::kMinPassphraseLength);
    if (const Status strong = KeyStore::checkNewPassphrase(first_->text().toUtf8()); !strong)
        return tr("Too short: at least %1 characters.").arg(KeyStore::kMinPassphraseLength);
    if (second_->text() != first_->text())
        return second_->text().isEmpty() ? tr("Type the passphrase again below.")
                                         : tr("The two passphrases differ.");
    return {};
}

bool VendorKeyPage::isComplete() const {
    auto* wizard = qobject_cast<FirstRunWizard*>(this->wizard());
    return problem().isEmpty() && !(wizard && wizard->isBusy());
}

void VendorKeyPage::check() {
    const QString why = problem();
    hint_->setText(why.isEmpty() ? tr("Ready: Create Workspace makes the file and the key.") : why);
    emit completeChanged();
}

bool VendorKeyPage::validatePage() {
    auto* wizard = qobject_cast<FirstRunWizard*>(this->wizard());
    if (!wizard || !problem().isEmpty())
        return false;
    NewWorkspace plan;
    plan.path = wizard->locationPage()->path();
    plan.mode = Workspace::Mode::Vendor;
    plan.vendorName = name_->text().trimmed();
    plan.passphrase = first_->text().toUtf8();
    const bool made = wizard->createWorkspace(plan);
    plan.passphrase.fill('\0');
    return made;
}

}  // namespace aicp

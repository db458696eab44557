#include "pages/licenses/revokelicensedialog.h"

#include "pages/licenses/licensestate.h"
#include "theme.h"
#include "widgets/pagetext.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace aicp {

RevokeLicenseDialog::RevokeLicenseDialog(const LicenseRecord& record, const QString& tierName,
                                         QWidget* parent)
    : QDialog(parent),
      reason_(new QPlainTextEdit(this)),
      acknowledge_(new QCheckBox(this)),
      hint_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("revokeLicenseDialog"));
    const LicensePayload& license = record.license;
    setWindowTitle(tr("Revoke License %1").arg(shortLicenseId(license.id)));

    auto* lead = new QLabel(tr("Revoke %1's %2 license %3?")
                                .arg(license.customerName, tierName, shortLicenseId(license.id)),
                            this);
    lead->setObjectName(QStringLiteral("revokeLead"));
    lead->setFont(theme::scaledFont(font(), 1.15, true));
    lead->setWordWrap(true);

    auto* consequences = new QLabel(
        tr("License %1 (customer %2, valid until %3) will be refused by every installation "
           "that loads the new signed revocation list. A revocation is permanent: it cannot be "
           "undone, and the license can never be made valid again — issue a new license "
           "instead.")
            .arg(fullLicenseId(license.id), license.customerId, licenseDate(license.expiresAt)),
        this);
    consequences->setObjectName(QStringLiteral("revokeConsequences"));
    consequences->setWordWrap(true);

    auto* reasonLabel = new QLabel(tr("&Reason (recorded with your name and the time):"), this);
    reasonLabel->setBuddy(reason_);
    reason_->setObjectName(QStringLiteral("revokeReasonInput"));
    reason_->setTabChangesFocus(true);
    reason_->setPlaceholderText(tr("e.g. Contract terminated for non-payment"));
    reason_->setToolTip(tr("Why the license is revoked: kept in the registry's history"));
    reason_->setMaximumHeight(QFontMetrics(font()).height() * 5);

    acknowledge_->setObjectName(QStringLiteral("revokeAcknowledge"));
    acknowledge_->setText(tr("I understand that revoking license %1 of %2 is permanent.")
                              .arg(shortLicenseId(license.id), license.customerName));

    hint_->setObjectName(QStringLiteral("revokeHint"));
    setMuted(hint_);

    QPushButton* ok = buttons_->button(QDialogButtonBox::Ok);
    ok->setText(tr("Revoke Permanently…"));
    buttons_->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        if (canAccept())
            accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(reason_, &QPlainTextEdit::textChanged, this, &RevokeLicenseDialog::check);
    connect(acknowledge_, &QCheckBox::toggled, this, &RevokeLicenseDialog::check);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(theme::spacing(font(), 0.6));
    layout->addWidget(lead);
    layout->addWidget(consequences);
    layout->addWidget(reasonLabel);
    layout->addWidget(reason_);
    layout->addWidget(acknowledge_);
    layout->addWidget(hint_);
    layout->addWidget(buttons_);
    setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 70);
    check();
}

QString RevokeLicenseDialog::reason() const {
    return reason_->toPlainText().trimmed();
}

void RevokeLicenseDialog::setReason(const QString& reason) {
    reason_->setPlainText(reason);
}

void RevokeLicenseDialog::setAcknowledged(bool acknowledged) {
    acknowledge_->setChecked(acknowledged);
}

bool RevokeLicenseDialog::canAccept() const {
    return !reason().isEmpty() && acknowledge_->isChecked();
}

void RevokeLicenseDialog::check() {
    if (reason().isEmpty())
        hint_->setText(tr("A revocation needs a reason."));
    else if (!acknowledge_->isChecked())
        hint_->setText(tr("Tick the box to confirm the revocation is permanent."));
    else
        hint_->setText(tr("The signing key's passphrase is asked next."));
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(canAccept());
}

}  // namespace aicp

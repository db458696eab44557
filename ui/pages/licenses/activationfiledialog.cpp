#include "pages/licenses/activationfiledialog.h"

#include "licensing/activationfile.h"
#include "widgets/localdates.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace aicp {

ActivationFileDialog::ActivationFileDialog(const QString& license, const QDateTime& licenseEnd,
                                           QWidget* parent)
    : QDialog(parent),
      fingerprint_(new QLineEdit(this)),
      hostname_(new QLineEdit(this)),
      days_(new QSpinBox(this)),
      problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("activationFileDialog"));
    setWindowTitle(tr("Activation File"));
    auto* intro = new QLabel(
        tr("Activates %1 on a machine that cannot reach the service. The file is signed with "
           "the workspace's key; the gateway there checks it offline. It holds one of the "
           "license's instances until it expires or you release it.")
            .arg(license),
        this);
    intro->setWordWrap(true);

    fingerprint_->setObjectName(QStringLiteral("fingerprintInput"));
    fingerprint_->setPlaceholderText(tr("as the gateway reports it, e.g. sha256:4be1c0…"));
    fingerprint_->setMaxLength(int(ActivationPayload::kMaxFingerprintLength));
    fingerprint_->setToolTip(
        tr("What the gateway reports as its machine's fingerprint: 1 to 128 characters, no "
           "spaces. The file is valid on that machine only."));
    hostname_->setObjectName(QStringLiteral("hostnameInput"));
    hostname_->setToolTip(tr("The machine's name, shown in the list of instances"));
    hostname_->setPlaceholderText(tr("optional, for people"));
    hostname_->setMaxLength(int(ActivationPayload::kMaxHostnameLength));
    days_->setObjectName(QStringLiteral("daysInput"));
    days_->setRange(1, int(ActivationRegistry::kMaxDays));
    days_->setValue(kDefaultDays);
    days_->setSuffix(tr(" days"));
    days_->setToolTip(
        tr("How long the file lets the machine run the license; it holds one "
           "instance until then or until released"));
    auto* ends =
        new QLabel(tr("never past the license's end, %1").arg(displayUtcTime(licenseEnd)), this);
    ends->setForegroundRole(QPalette::PlaceholderText);

    auto* form = new QFormLayout;
    auto* fingerprintLabel = new QLabel(tr("&Machine fingerprint:"), this);
    fingerprintLabel->setBuddy(fingerprint_);
    auto* hostnameLabel = new QLabel(tr("&Hostname:"), this);
    hostnameLabel->setBuddy(hostname_);
    auto* daysLabel = new QLabel(tr("&Valid for:"), this);
    daysLabel->setBuddy(days_);
    form->addRow(fingerprintLabel, fingerprint_);
    form->addRow(hostnameLabel, hostname_);
    form->addRow(daysLabel, days_);
    form->addRow(QString(), ends);

    problem_->setObjectName(QStringLiteral("activationProblem"));
    problem_->setWordWrap(true);
    problem_->setForegroundRole(QPalette::PlaceholderText);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Save File…"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(fingerprint_, &QLineEdit::textChanged, this, &ActivationFileDialog::validate);
    connect(hostname_, &QLineEdit::textChanged, this, &ActivationFileDialog::validate);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);
    setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 64);
    validate();
}

ActivationRequest ActivationFileDialog::request() const {
    return {fingerprint_->text().trimmed(), hostname_->text().trimmed(), days_->value()};
}

void ActivationFileDialog::setFingerprint(const QString& fingerprint) {
    fingerprint_->setText(fingerprint);
}

void ActivationFileDialog::setHostname(const QString& hostname) {
    hostname_->setText(hostname);
}

void ActivationFileDialog::setDays(int days) {
    days_->setValue(days);
}

void ActivationFileDialog::validate() {
    const ActivationRequest wanted = request();
    QString why;
    if (wanted.fingerprint.isEmpty())
        why = tr("Enter the fingerprint the gateway reports for its machine.");
    else if (const Status checked = checkFingerprint(wanted.fingerprint); !checked.ok())
        why = checked.error().message();
    else if (const Status host = checkHostname(wanted.hostname); !host.ok())
        why = host.error().message();
    if (!why.isEmpty())
        why[0] = why[0].toUpper();
    problem_->setText(why);
    problem_->setVisible(!why.isEmpty());
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

}  // namespace aicp

#include "firstrun/customerlicensepage.h"

#include "firstrun/firstrunwizard.h"
#include "firstrun/locationpage.h"
#include "firstrun/newworkspace.h"
#include "theme.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace aicp {

CustomerLicensePage::CustomerLicensePage(QWidget* parent)
    : FirstRunPage("customerLicensePage", tr("Your License"),
                   tr("Import the license file your vendor sent. It is checked against the "
                      "vendor's public key before anything is kept."),
                   parent),
      publicKey_(new QLineEdit(this)),
      license_(new QLineEdit(this)),
      browseKey_(new QPushButton(tr("Bro&wse…"), this)),
      browseLicense_(new QPushButton(tr("Brow&se…"), this)),
      outcome_(new QLabel(this)),
      skip_(new QCheckBox(tr("S&kip for now: import the vendor's key and license later"), this)) {
    setUpPathFields();
    setUpBrowseButtons();
    setUpOutcomeAndSkip();
    buildLayout();
    verify();
}

void CustomerLicensePage::setUpPathFields() {
    publicKey_->setObjectName(QStringLiteral("publicKeyPathInput"));
    publicKey_->setAccessibleName(tr("Vendor's public key file"));
    publicKey_->setToolTip(
        tr("The PEM file the vendor exported from aicp "
           "(aicp-public-key-….pem)"));
    publicKey_->setPlaceholderText(tr("aicp-public-key-….pem"));
    license_->setObjectName(QStringLiteral("licensePathInput"));
    license_->setAccessibleName(tr("License file"));
    license_->setToolTip(tr("The license file (-----BEGIN AICP LICENSE-----) the vendor sent"));
    license_->setPlaceholderText(tr("license.lic"));
    for (QLineEdit* field : {publicKey_, license_}) {
        field->setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 44);
        connect(field, &QLineEdit::textChanged, this, &CustomerLicensePage::verify);
    }
}

void CustomerLicensePage::setUpBrowseButtons() {
    browseKey_->setObjectName(QStringLiteral("browsePublicKeyButton"));
    browseKey_->setAccessibleName(tr("Browse for the vendor's public key"));
    browseKey_->setToolTip(tr("Choose the vendor's public key file"));
    browseLicense_->setObjectName(QStringLiteral("browseLicenseButton"));
    browseLicense_->setAccessibleName(tr("Browse for the license file"));
    browseLicense_->setToolTip(tr("Choose the license file"));
    for (QPushButton* button : {browseKey_, browseLicense_})
        button->setAutoDefault(false);
    connect(browseKey_, &QPushButton::clicked, this, [this] {
        browse(publicKey_, tr("Vendor's Public Key"), tr("PEM public keys (*.pem);;All files (*)"));
    });
    connect(browseLicense_, &QPushButton::clicked, this, [this] {
        browse(license_, tr("License File"),
               tr("License files (*.lic *.license *.txt);;All files (*)"));
    });
}

void CustomerLicensePage::setUpOutcomeAndSkip() {
    outcome_->setObjectName(QStringLiteral("licenseOutcome"));
    outcome_->setWordWrap(true);
    outcome_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outcome_->setAccessibleName(tr("License check"));
    outcome_->setMinimumHeight(QFontMetrics(font()).lineSpacing() * 4);
    outcome_->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    skip_->setObjectName(QStringLiteral("skipLicenseCheck"));
    skip_->setToolTip(
        tr("Create the customer workspace without a license; Settings ▸ Import "
           "Public Key and Licenses ▸ Verify are there later"));
    connect(skip_, &QCheckBox::toggled, this, [this] {
        applySkip();
        emit completeChanged();
    });
}

void CustomerLicensePage::buildLayout() {
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addPathRow(form, tr("Vendor's public &key:"), publicKey_, browseKey_);
    addPathRow(form, tr("&License file:"), license_, browseLicense_);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(theme::spacing(font(), 0.5));
    layout->addWidget(explanation(
        tr("A license names the key that signed it but does not carry it, so the vendor's "
           "public key comes with it.")));
    layout->addLayout(form);
    layout->addWidget(outcome_);
    layout->addWidget(skip_);
    addStatusArea(layout);
    for (QWidget* input :
         std::initializer_list<QWidget*>{publicKey_, license_, browseKey_, browseLicense_, skip_})
        addInput(input);
}

void CustomerLicensePage::initializePage() {
    clearStatus();
    publicKey_->setFocus();
}

void CustomerLicensePage::setPublicKeyPath(const QString& path) {
    publicKey_->setText(QDir::toNativeSeparators(path));
}

void CustomerLicensePage::setLicensePath(const QString& path) {
    license_->setText(QDir::toNativeSeparators(path));
}

void CustomerLicensePage::setSkipped(bool skipped) {
    skip_->setChecked(skipped);
}

QString CustomerLicensePage::outcome() const {
    return outcome_->text();
}

void CustomerLicensePage::browse(QLineEdit* field, const QString& title, const QString& filter) {
    auto* wizard = qobject_cast<FirstRunWizard*>(this->wizard());
    if (!wizard)
        return;
    const QString start = field->text().isEmpty() ? QDir::homePath() : field->text();
    const QString chosen = wizard->chooseFile(title, start, filter, false);
    if (!chosen.isEmpty())
        field->setText(QDir::toNativeSeparators(chosen));
}

void CustomerLicensePage::verify() {
    checked_.reset();
    const QString keyPath = QDir::fromNativeSeparators(publicKey_->text().trimmed());
    const QString licensePath = QDir::fromNativeSeparators(license_->text().trimmed());
    const auto show = [this](const QString& text, bool problem) {
        QPalette palette = outcome_->palette();
        palette.setColor(QPalette::WindowText, problem
                                                   ? theme::warningText(this->palette())
                                                   : this->palette().color(QPalette::WindowText));
        outcome_->setPalette(palette);
        outcome_->setText(text);
    };
    if (keyPath.isEmpty() || licensePath.isEmpty()) {
        show(tr("Choose both files; the license is checked as soon as they are."), false);
    } else if (!QFileInfo(keyPath).isFile() || !QFileInfo(licensePath).isFile()) {
        show(
            tr("No file at %1.")
                .arg(QDir::toNativeSeparators(QFileInfo(keyPath).isFile() ? licensePath : keyPath)),
            true);
    } else if (auto received =
                   ReceivedLicense::check(keyPath, licensePath, QDateTime::currentDateTimeUtc());
               !received) {
        show(received.error().message() + QLatin1Char('\n') +
                 tr("Choose another file to try again, or skip for now."),
             true);
    } else {
        const LicensePayload& license = *received->verification.license;
        const QString until = license.expiresAt.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
        QString state;
        switch (received->verification.status) {
            case LicenseStatus::ValidInGrace:
                state = tr("✓ Valid, in its grace period (expired %1)").arg(until);
                break;
            case LicenseStatus::NotYetValid:
                state = tr("✓ Signed, valid from %1 until %2")
                            .arg(license.notBefore.toUTC().toString(QStringLiteral("yyyy-MM-dd")),
                                 until);
                break;
            default:
                state = tr("✓ Valid until %1").arg(until);
                break;
        }
        show(tr("%1: %2 (%3), tier %4. Signed by the vendor's key %5.")
                 .arg(state, license.customerName, license.customerId, license.tier, license.kid),
             false);
        checked_ = std::move(received).value();
    }
    emit completeChanged();
}

void CustomerLicensePage::applySkip() {
    const bool fields = inputsEnabled_ && !skip_->isChecked();
    for (QWidget* input : std::initializer_list<QWidget*>{publicKey_, license_, browseKey_,
                                                          browseLicense_, outcome_})
        input->setEnabled(fields);
}

void CustomerLicensePage::setInputsEnabled(bool enabled) {
    inputsEnabled_ = enabled;
    FirstRunPage::setInputsEnabled(enabled);
    applySkip();
}

bool CustomerLicensePage::isComplete() const {
    auto* wizard = qobject_cast<FirstRunWizard*>(this->wizard());
    if (wizard && wizard->isBusy())
        return false;
    return skip_->isChecked() || checked_.has_value();
}

bool CustomerLicensePage::validatePage() {
    auto* wizard = qobject_cast<FirstRunWizard*>(this->wizard());
    if (!wizard || !isComplete())
        return false;
    NewWorkspace plan;
    plan.path = wizard->locationPage()->path();
    plan.mode = Workspace::Mode::Customer;
    if (!skip_->isChecked())
        plan.license = checked_;
    return wizard->createWorkspace(plan);
}

}  // namespace aicp

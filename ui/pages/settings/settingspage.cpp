#include "pages/settings/settingspage.h"

#include "audit/auditedsettings.h"
#include "billing/pricebookimport.h"
#include "chosenfile.h"
#include "dialogs/companydialog.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "pages/licenses/licensestate.h"
#include "pages/settings/pricebookeditor.h"
#include "pages/settings/signingkeymodel.h"
#include "pages/usage/livesourcespanel.h"
#include "roleguard.h"
#include "taskrunner.h"
#include "theme.h"
#include "widgets/cardframe.h"
#include "widgets/localdates.h"
#include "widgets/pagetext.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace aicp {
namespace {

// A PEM public key is a few hundred bytes.
constexpr qint64 kMaxPemSize = 64 * 1024;
// A revocation list names every revoked license: generous room.
constexpr qint64 kMaxRevocationListSize = 16 * 1024 * 1024;

QLabel* value(const QString& name, QWidget* parent) {
    QLabel* label = wrappedLabel(parent, name);
    label->setMinimumWidth(1);
    return label;
}

// Each settings section is a named card whose content lines up with the
// page: its title, what it is for (when `explanation` is not empty), then
// what the caller adds to the column returned.
QVBoxLayout* settingsCard(const QString& name, const QString& title, const QString& explanation,
                          QWidget* page) {
    auto* card = new CardFrame(page);
    card->setObjectName(name);
    QVBoxLayout* column = cardColumn(card, title, {}, theme::spacing(page->font(), 0.75) / 2);
    if (!explanation.isEmpty())
        column->addWidget(mutedLabel(explanation, card));
    return column;
}

}  // namespace

SettingsPage::SettingsPage(QWidget* parent)
    : ConsolePage(parent),
      newPassphrase_(&PassphraseDialog::askNew),
      unlockPassphrase_(&PassphraseDialog::ask),
      keys_(new SigningKeyModel(this)),
      keyTable_(new QTableView(this)),
      generate_(new QPushButton(tr("&Generate Key…"), this)),
      rotate_(new QPushButton(tr("&Rotate Key…"), this)),
      export_(new QPushButton(tr("&Export Public Key…"), this)),
      import_(new QPushButton(tr("&Import Public Key…"), this)),
      loadRevocations_(new QPushButton(tr("&Load Revocation List…"), this)),
      keyMessage_(new QLabel(this)),
      path_(value(QStringLiteral("workspaceFile"), this)),
      modeLabel_(value(QStringLiteral("workspaceMode"), this)),
      switchMode_(new QPushButton(this)),
      schema_(value(QStringLiteral("schemaVersion"), this)),
      workspaceId_(value(QStringLiteral("workspaceId"), this)),
      created_(value(QStringLiteral("workspaceCreated"), this)),
      customerLicense_(value(QStringLiteral("customerLicense"), this)),
      priceVersion_(value(QStringLiteral("priceBookVersion"), this)),
      versions_(new QTableWidget(this)),
      newVersion_(new QPushButton(tr("&New Version…"), this)),
      viewVersion_(new QPushButton(tr("Show Versi&on…"), this)),
      loadPriceBook_(new QPushButton(tr("Load &Price Book…"), this)),
      priceMessage_(new QLabel(this)),
      runEditor_([](PriceBookEditor& editor) { return editor.exec() == QDialog::Accepted; }),
      company_(value(QStringLiteral("companySummary"), this)),
      editCompany_(new QPushButton(tr("Edit Compan&y…"), this)),
      runCompany_([](CompanyDialog& dialog) { return dialog.exec() == QDialog::Accepted; }) {
    setObjectName(QStringLiteral("settingsPage"));
    keys_->setPalette(palette());
    buildLayout();
    updateButtons();
    for (auto edited : {&SettingsPage::keysChanged, &SettingsPage::modeChanged,
                        &SettingsPage::usageChanged, &SettingsPage::licensesChanged})
        connect(this, edited, this, &ConsolePage::workspaceEdited);
}

void SettingsPage::buildLayout() {
    const int gap = theme::spacing(font(), 0.75);

    QWidget* keysCard = buildKeysCard();
    QWidget* companyCard = buildCompanyCard();
    QWidget* workspaceCard = buildWorkspaceCard();
    QWidget* pricesCard = buildPricesCard();
    QWidget* liveCard = buildLiveSourcesCard();

    auto* lower = new QHBoxLayout;
    lower->setSpacing(gap);
    lower->addWidget(workspaceCard, 3);
    lower->addWidget(pricesCard, 2);

    auto* upper = new QHBoxLayout;
    upper->setSpacing(gap);
    upper->addWidget(keysCard, 3);
    upper->addWidget(companyCard, 2);

    auto* layout = flushColumn(this, gap);
    layout->addLayout(upper);
    layout->addLayout(lower);
    layout->addWidget(liveCard);
    layout->addStretch(1);
}

QWidget* SettingsPage::buildKeysCard() {
    const int gap = theme::spacing(font(), 0.75);
    // Signing keys.
    generate_->setObjectName(QStringLiteral("generateKeyButton"));
    generate_->setToolTip(tr("Create the workspace's first signing key"));
    rotate_->setObjectName(QStringLiteral("rotateKeyButton"));
    rotate_->setToolTip(
        tr("Create a new signing key; the current one retires and keeps "
           "verifying what it signed"));
    export_->setObjectName(QStringLiteral("exportPublicKeyButton"));
    export_->setToolTip(
        tr("Save the selected key's public half (PEM) for customers and for "
           "`openssl pkeyutl -verify`"));
    import_->setObjectName(QStringLiteral("importPublicKeyButton"));
    import_->setToolTip(tr("Trust a vendor's public key (PEM) to verify their licenses"));
    connect(generate_, &QPushButton::clicked, this, [this] { generateKey(); });
    connect(rotate_, &QPushButton::clicked, this, [this] { rotateKey(); });
    connect(export_, &QPushButton::clicked, this, &SettingsPage::exportPublicKeyAs);
    connect(import_, &QPushButton::clicked, this, &SettingsPage::importPublicKeyFrom);
    auto* keyButtons = new QHBoxLayout;
    keyButtons->setSpacing(gap / 2);
    keyButtons->addWidget(generate_);
    keyButtons->addWidget(rotate_);
    keyButtons->addSpacing(gap);
    keyButtons->addWidget(export_);
    keyButtons->addWidget(import_);
    keyButtons->addStretch();

    setUpRowTable(keyTable_, QStringLiteral("signingKeyTable"), keys_, tr("Signing keys"));
    keyTable_->setSelectionMode(QAbstractItemView::SingleSelection);
    keyTable_->horizontalHeader()->setStretchLastSection(true);
    keyTable_->horizontalHeader()->setFont(theme::scaledFont(font(), 1.0, true));
    // Room for five keys; years of yearly rotations before it scrolls.
    const int rowHeight = keyTable_->verticalHeader()->defaultSectionSize();
    keyTable_->setFixedHeight(keyTable_->horizontalHeader()->sizeHint().height() + 5 * rowHeight +
                              2);
    connect(keyTable_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SettingsPage::updateButtons);

    keyMessage_->setObjectName(QStringLiteral("keysMessage"));
    keyMessage_->setWordWrap(true);
    keyMessage_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    QVBoxLayout* keysLayout = settingsCard(
        QStringLiteral("signingKeysCard"), tr("Signing keys"),
        tr("Licenses and revocation lists are signed with the one signing key (Ed25519). "
           "Rotating creates a new one; retired keys keep verifying what they signed. Private "
           "keys are stored only encrypted with their passphrase, which is never kept."),
        this);
    keysLayout->addSpacing(gap / 2);
    keysLayout->addLayout(keyButtons);
    keysLayout->addWidget(keyTable_);
    keysLayout->addWidget(keyMessage_);
    // The table is made before the buttons above it.
    QWidget::setTabOrder(generate_, rotate_);
    QWidget::setTabOrder(rotate_, export_);
    QWidget::setTabOrder(export_, import_);
    QWidget::setTabOrder(import_, keyTable_);
    return keysLayout->parentWidget();
}

QWidget* SettingsPage::buildWorkspaceCard() {
    // The workspace.
    switchMode_->setObjectName(QStringLiteral("switchModeButton"));
    connect(switchMode_, &QPushButton::clicked, this, [this] { switchMode(); });
    auto* modeRow = new QHBoxLayout;
    modeRow->setContentsMargins(0, 0, 0, 0);
    modeRow->addWidget(modeLabel_, 1);
    modeRow->addWidget(switchMode_);
    QVBoxLayout* workspaceLayout =
        settingsCard(QStringLiteral("workspaceCard"), tr("Workspace"), {}, this);
    auto* workspaceForm = new QFormLayout;
    workspaceForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    workspaceForm->addRow(tr("File"), path_);
    workspaceForm->addRow(tr("Mode"), modeRow);
    workspaceForm->addRow(tr("Schema version"), schema_);
    workspaceForm->addRow(tr("Workspace id"), workspaceId_);
    workspaceForm->addRow(tr("Created"), created_);
    loadRevocations_->setObjectName(QStringLiteral("loadRevocationListButton"));
    loadRevocations_->setToolTip(
        tr("Load the vendor's newest signed revocation list: licenses it names are revoked "
           "here too"));
    connect(loadRevocations_, &QPushButton::clicked, this, &SettingsPage::loadRevocationListFrom);
    auto* licenseRow = new QVBoxLayout;
    licenseRow->setContentsMargins(0, 0, 0, 0);
    licenseRow->addWidget(customerLicense_);
    licenseRow->addWidget(loadRevocations_, 0, Qt::AlignLeft);
    workspaceForm->addRow(tr("License in use"), licenseRow);
    // The button is made before the mode switch above it.
    QWidget::setTabOrder(switchMode_, loadRevocations_);
    workspaceLayout->addLayout(workspaceForm);
    workspaceLayout->addStretch();
    return workspaceLayout->parentWidget();
}

QWidget* SettingsPage::buildPricesCard() {
    const int gap = theme::spacing(font(), 0.75);
    // The price book, and what comes next.
    QVBoxLayout* pricesLayout =
        settingsCard(QStringLiteral("priceBookCard"), tr("Price book"), {}, this);
    auto* pricesForm = new QFormLayout;
    pricesForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    pricesForm->addRow(tr("Latest version"), priceVersion_);
    pricesLayout->addLayout(pricesForm);
    versions_->setObjectName(QStringLiteral("priceBookVersions"));
    versions_->setColumnCount(4);
    versions_->setHorizontalHeaderLabels({tr("Version"), tr("From"), tr("Currency"), tr("State")});
    versions_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    versions_->verticalHeader()->hide();
    versions_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    versions_->setSelectionBehavior(QAbstractItemView::SelectRows);
    versions_->setSelectionMode(QAbstractItemView::SingleSelection);
    // A few rows tall: a book holds a version or two a year.
    versions_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    versions_->setMaximumHeight(theme::spacing(font(), 6));
    versions_->setTabKeyNavigation(false);
    versions_->setAccessibleName(tr("Price book versions"));
    versions_->setToolTip(tr("Every version of the price book and the day it takes effect"));
    connect(versions_, &QTableWidget::doubleClicked, this, &SettingsPage::viewPriceBookVersion);
    pricesLayout->addWidget(versions_);
    pricesLayout->addSpacing(gap / 2);
    newVersion_->setObjectName(QStringLiteral("newPriceBookVersionButton"));
    newVersion_->setToolTip(
        tr("Write the next price book version, seeded with the latest one, with its impact on "
           "the customers' bills"));
    connect(newVersion_, &QPushButton::clicked, this, [this] {
        if (const Status saved = newPriceBookVersion(); !saved.ok())
            priceMessage_->setText(upperFirst(saved.error().message()));
    });
    viewVersion_->setObjectName(QStringLiteral("viewPriceBookVersionButton"));
    viewVersion_->setToolTip(tr("Show the selected version's prices"));
    connect(viewVersion_, &QPushButton::clicked, this, &SettingsPage::viewPriceBookVersion);
    loadPriceBook_->setObjectName(QStringLiteral("loadPriceBookButton"));
    loadPriceBook_->setToolTip(
        tr("Add the versions of a price book document (JSON), such as the vendor's: bills and "
           "quotes use each from the day it takes effect"));
    connect(loadPriceBook_, &QPushButton::clicked, this, &SettingsPage::loadPriceBookFrom);
    auto* priceButtons = new QHBoxLayout;
    priceButtons->addWidget(newVersion_);
    priceButtons->addWidget(viewVersion_);
    priceButtons->addWidget(loadPriceBook_);
    priceButtons->addStretch();
    pricesLayout->addLayout(priceButtons);
    priceMessage_->setObjectName(QStringLiteral("priceBookMessage"));
    priceMessage_->setWordWrap(true);
    priceMessage_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    pricesLayout->addWidget(priceMessage_);
    pricesLayout->addStretch();
    return pricesLayout->parentWidget();
}

QWidget* SettingsPage::buildCompanyCard() {
    // The seller invoices name (settingspagecompany.cpp).
    editCompany_->setObjectName(QStringLiteral("editCompanyButton"));
    editCompany_->setToolTip(
        tr("Edit the company's legal name, address, tax id and payment instructions"));
    connect(editCompany_, &QPushButton::clicked, this, [this] { editCompany(); });
    stripe_ = new QLabel(this);
    stripe_->setObjectName(QStringLiteral("stripeSummary"));
    stripe_->setWordWrap(true);
    configureStripe_ = new QPushButton(tr("Configure &Stripe…"), this);
    configureStripe_->setObjectName(QStringLiteral("configureStripeButton"));
    configureStripe_->setToolTip(
        tr("Give aicp the Stripe account's secret key, to send invoices for payment"));
    connect(configureStripe_, &QPushButton::clicked, this, [this] { configureStripe(); });
    askStripe_ = askStripeKey;
    QVBoxLayout* column =
        settingsCard(QStringLiteral("companyCard"), tr("Company"),
                     tr("The seller every invoice names, with its tax id and how to pay."), this);
    column->addWidget(company_);
    column->addWidget(stripe_);
    column->addStretch();
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(editCompany_);
    buttons->addWidget(configureStripe_);
    buttons->addStretch();
    column->addLayout(buttons);
    // Made after the other cards' buttons; read after the keys beside it.
    QWidget::setTabOrder(keyTable_, editCompany_);
    QWidget::setTabOrder(editCompany_, configureStripe_);
    return column->parentWidget();
}

QWidget* SettingsPage::buildLiveSourcesCard() {
    // Live usage sources.
    liveSources_ = new LiveSourcesPanel(this);
    connect(liveSources_, &LiveSourcesPanel::usageChanged, this, &SettingsPage::usageChanged);
    QVBoxLayout* liveLayout = settingsCard(
        QStringLiteral("liveSourcesCard"), tr("Live sources"),
        tr("Services this workspace pulls usage from: an aicp service's events by cursor, or an "
           "OpenMeter API's hourly values. Each pull fetches only what is new or revised. "
           "Tokens are stored in the workspace and shown masked."),
        this);
    liveLayout->addWidget(liveSources_);
    return liveLayout->parentWidget();
}

void SettingsPage::workspaceChanged() {
    liveSources_->setWorkspace(workspace());
    keyMessage_->clear();
}

void SettingsPage::runnerChanged() {
    liveSources_->setTaskRunner(runner());
}

void SettingsPage::runnerBusyChanged(bool busy) {
    Q_UNUSED(busy);
    updateButtons();
}

void SettingsPage::setNewPassphraseProvider(PassphraseProvider provider) {
    newPassphrase_ = std::move(provider);
}

void SettingsPage::setUnlockPassphraseProvider(PassphraseProvider provider) {
    unlockPassphrase_ = std::move(provider);
}

void SettingsPage::confirmerChanged() {
    liveSources_->setConfirmer(confirmer());
}

bool SettingsPage::isBusy() const {
    return this->runner()->isBusy();
}

QString SettingsPage::message() const {
    return keyMessage_->text();
}

void SettingsPage::load() {
    mode_.reset();
    hasSigningKey_ = false;
    if (!this->workspace()) {
        keys_->setKeys({});
        updateButtons();
        return;
    }
    const QString kept = selectedKid();
    auto keys = KeyStore(*this->workspace()).list();
    if (keys) {
        for (const SigningKeyInfo& key : *keys)
            hasSigningKey_ = hasSigningKey_ || key.isSigning;
        keys_->setKeys(std::move(keys).value());
    } else {
        keys_->setKeys({});
        showMessage(keys.error().message(), true);
    }
    for (int row = 0; row < keys_->rowCount(); ++row) {
        if (keys_->key(row)->kid == kept)
            keyTable_->selectRow(row);
    }
    // Columns as wide as their contents, with air between them.
    keyTable_->resizeColumnsToContents();
    const int air = QFontMetrics(font()).averageCharWidth() * 3;
    for (int column = 0; column + 1 < SigningKeyModel::ColumnCount; ++column)
        keyTable_->setColumnWidth(column, keyTable_->columnWidth(column) + air);

    path_->setText(QDir::toNativeSeparators(this->workspace()->path()));
    auto mode = this->workspace()->mode();
    if (mode) {
        mode_ = *mode;
        modeLabel_->setText(*mode == Workspace::Mode::Vendor
                                ? tr("Vendor — issues and signs licenses")
                                : tr("Customer — verifies licenses, never signs"));
    } else {
        modeLabel_->setText(mode.error().message());
    }
    switchMode_->setText(mode_ == Workspace::Mode::Customer ? tr("Switch to Vendor Mode…")
                                                            : tr("Switch to Customer Mode…"));
    schema_->setText(tr("%1 (this aicp writes %2)")
                         .arg(this->workspace()->schemaVersion())
                         .arg(Workspace::kSchemaVersion));
    workspaceId_->setText(this->workspace()->id().toString(QUuid::WithoutBraces));
    created_->setText(displayUtcTime(this->workspace()->createdAt()));
    customerLicense_->setText(describeCustomerLicense());

    if (this->priceBook()) {
        const PriceBookVersion& latest = this->priceBook()->latest();
        priceVersion_->setText(
            tr("%1 (%2), from %3")
                .arg(latest.version, latest.currency, displayDate(latest.effectiveFrom)));
        fillVersions();
    }
    showCompany();
    showStripe();
    updateButtons();
}

QString SettingsPage::describeCustomerLicense() const {
    // The license in force from the registry: the one every page prices with.
    auto records = LicenseRegistry(*workspace(), clock()).list();
    if (!records)
        return records.error().message();
    if (records->empty())
        return mode_ == Workspace::Mode::Customer
                   ? tr("None received yet: add the vendor's license with File \u25b8 Add "
                        "License\u2026")
                   : tr("None: a vendor workspace issues them");
    if (mode_ != Workspace::Mode::Customer)
        return records->size() == 1
                   ? tr("1 license in the registry (Licenses page)")
                   : tr("%1 licenses in the registry (Licenses page)").arg(records->size());
    const QDateTime at = now().toUTC();
    const QString customer = records->front().license.customerId;
    const std::optional<LicenseRecord> inForce = licenseInForce(*records, customer, at);
    const LicenseRecord& shown = inForce ? *inForce : records->front();
    const LicensePayload& license = shown.license;
    const QString text = tr("%1 for %2, until %3")
                             .arg(tierName(license.tier), license.customerName,
                                  displayDate(license.expiresAt.date()));
    if (inForce)
        return text;
    return tr("%1 (%2: no license is in force; ask the vendor for a current one)")
        .arg(text, licenseStateLabel(word(shown.stateAt(at))));
}

QString SettingsPage::selectedKid() const {
    const QModelIndexList rows = keyTable_->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return keys_->key(rows.front().row())->kid;
}

void SettingsPage::updateButtons() {
    const bool busy = this->runner()->isBusy();
    const bool open = this->workspace() != nullptr;
    const bool vendor = mode_ == Workspace::Mode::Vendor;
    const QString customerWhy =
        tr("A customer workspace holds public keys only; switch to vendor mode to sign.");

    generate_->setEnabled(open && !busy && vendor && !hasSigningKey_);
    generate_->setToolTip(!vendor          ? customerWhy
                          : hasSigningKey_ ? tr("The workspace has a signing key; rotate it to "
                                                "replace it")
                                           : tr("Create the workspace's first signing key"));
    rotate_->setEnabled(open && !busy && vendor && hasSigningKey_);
    rotate_->setToolTip(!vendor           ? customerWhy
                        : !hasSigningKey_ ? tr("There is no signing key to rotate yet; generate "
                                               "the first one")
                                          : tr("Create a new signing key; the current one "
                                               "retires and keeps verifying what it signed"));
    // A customer workspace never signs: the signing key buttons are not there.
    generate_->setVisible(mode_ != Workspace::Mode::Customer);
    rotate_->setVisible(mode_ != Workspace::Mode::Customer);
    export_->setEnabled(open && !busy && keys_->rowCount() > 0);
    import_->setEnabled(open && !busy);
    loadRevocations_->setEnabled(open && !busy);
    loadPriceBook_->setEnabled(open && !busy);
    newVersion_->setEnabled(open && !busy && priceBook());
    viewVersion_->setEnabled(open && priceBook());
    switchMode_->setEnabled(open && !busy && mode_.has_value());
    for (QPushButton* button : {generate_, rotate_, import_, loadRevocations_})
        guardRole(button, workspace(), WorkspaceArea::Licenses);
    guardRole(loadPriceBook_, workspace(), WorkspaceArea::PriceBooks);
    guardRole(newVersion_, workspace(), WorkspaceArea::PriceBooks);
    guardRole(switchMode_, workspace(), WorkspaceArea::Settings);
    editCompany_->setEnabled(open && !busy);
    guardRole(editCompany_, workspace(), WorkspaceArea::Invoices);
    // Only a vendor's workspace sends invoices.
    configureStripe_->setVisible(mode_ != Workspace::Mode::Customer);
    configureStripe_->setEnabled(open && !busy);
    guardRole(configureStripe_, workspace(), WorkspaceArea::Settings);
}

void SettingsPage::showMessage(const QString& text, bool problem) {
    showMessageLine(keyMessage_, this, text, problem);
}

void SettingsPage::showRefusal(const Status& outcome) {
    if (!outcome)
        showMessage(upperFirst(outcome.error().message()), true);
}

bool SettingsPage::generateKey() {
    return runKeyOperation(false);
}

bool SettingsPage::rotateKey() {
    if (!this->workspace() || !hasSigningKey_ || this->runner()->isBusy())
        return false;
    auto current = KeyStore(*this->workspace()).find();
    const QString kid = current ? current->kid : QString();
    if (!confirm(tr("Rotate Signing Key"),
                 tr("Create a new signing key and retire %1?\n\n"
                    "New licenses and revocation lists will be signed with the new key. The "
                    "retired key keeps verifying every license it signed, so nothing already "
                    "issued stops working. Customers need the new public key to verify "
                    "licenses signed from now on: export it after rotating.")
                     .arg(kid),
                 tr("Rotate Key")))
        return false;
    return runKeyOperation(true);
}

bool SettingsPage::runKeyOperation(bool rotate) {
    if (!this->workspace() || this->runner()->isBusy())
        return false;
    if (rotate ? !hasSigningKey_ : hasSigningKey_)
        return false;
    // Rotating proves the current key can be unlocked, and the new key keeps
    // that passphrase (KeyStore::rotate): so it is asked once, as for signing.
    const std::optional<QByteArray> passphrase =
        rotate ? unlockPassphrase_(this, tr("Enter the signing key's passphrase. The new key "
                                            "is protected by the same passphrase."))
               : newPassphrase_(this,
                                tr("Choose the passphrase for the workspace's first signing key."));
    if (!passphrase) {
        showMessage(tr("Cancelled; no key was made."), false);
        return false;
    }
    showMessage(tr("Creating the key…"), false);
    Workspace* workspace = this->workspace();
    return this->runner()->run<Result<SigningKeyInfo>>(
        this,
        [workspace, rotate, secret = *passphrase]() mutable {
            KeyStore store(*workspace);
            Result<SigningKeyInfo> made = rotate ? store.rotate(secret) : store.generate(secret);
            secret.fill('\0');
            return made;
        },
        [this, rotate](Result<SigningKeyInfo> made) {
            reload();
            if (!made) {
                showMessage(upperFirst(made.error().message()), true);
                return;
            }
            showMessage(rotate ? tr("Key %1 now signs; the previous key is retired and keeps "
                                    "verifying.")
                                     .arg(made->kid)
                               : tr("Key %1 created; it signs from now on. Export its public "
                                    "key for your customers.")
                                     .arg(made->kid),
                        false);
            emit keysChanged();
        });
}

bool SettingsPage::switchMode() {
    if (!this->workspace() || !mode_ || this->runner()->isBusy())
        return false;
    const bool toCustomer = *mode_ == Workspace::Mode::Vendor;
    const QString text =
        toCustomer
            ? tr("Switch this workspace to customer mode?\n\n"
                 "A customer workspace only verifies licenses: issuing, renewing, upgrading, "
                 "revoking and key generation are refused. Private keys already in the file "
                 "stay there, encrypted, unused until you switch back.")
            : tr("Switch this workspace to vendor mode?\n\n"
                 "A vendor workspace generates signing keys and issues, renews, upgrades and "
                 "revokes licenses.");
    if (!confirm(tr("Switch Workspace Mode"), text,
                 toCustomer ? tr("Switch to Customer Mode") : tr("Switch to Vendor Mode")))
        return false;
    const Status changed = setWorkspaceMode(
        *this->workspace(), toCustomer ? Workspace::Mode::Customer : Workspace::Mode::Vendor);
    reload();
    if (!changed) {
        showMessage(upperFirst(changed.error().message()), true);
        return false;
    }
    showMessage(toCustomer ? tr("The workspace is now in customer mode.")
                           : tr("The workspace is now in vendor mode."),
                false);
    emit modeChanged();
    return true;
}

Status SettingsPage::exportPublicKey(const QString& path) {
    if (!this->workspace())
        return Error::invalidInput(tr("No workspace is open."));
    auto key = KeyStore(*this->workspace()).find(selectedKid());
    if (!key)
        return key.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(
            Error::Code::Io,
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    file.write(key->publicKeyPem);
    if (!file.commit())
        return Error(
            Error::Code::Io,
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    showMessage(
        tr("Exported the public key %1 to %2.").arg(key->kid, QDir::toNativeSeparators(path)),
        false);
    return {};
}

Status SettingsPage::importPublicKey(const QString& path) {
    if (!this->workspace())
        return Error::invalidInput(tr("No workspace is open."));
    auto pem = readChosenFile(path, kMaxPemSize, tr("a public key"));
    if (!pem)
        return pem.error();
    auto imported = KeyStore(*this->workspace()).importPublicKey(*pem);
    if (!imported)
        return imported.error().withContext(QFileInfo(path).fileName());
    reload();
    showMessage(tr("Key %1 is trusted for verification.").arg(imported->kid), false);
    emit keysChanged();
    return {};
}

void SettingsPage::exportPublicKeyAs() {
    if (!this->workspace())
        return;
    auto key = KeyStore(*this->workspace()).find(selectedKid());
    const QString suggested =
        QStringLiteral("aicp-public-key-%1.pem").arg(key ? key->kid : QStringLiteral("key"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Public Key"),
                                                      QDir::home().filePath(suggested),
                                                      tr("PEM public keys (*.pem);;All files (*)"));
    if (!path.isEmpty())
        showRefusal(exportPublicKey(path));
}

void SettingsPage::importPublicKeyFrom() {
    openChosenFile(this, tr("Import Public Key"), QString(),
                   tr("PEM public keys (*.pem);;All files (*)"),
                   [this](const QString& path) { showRefusal(importPublicKey(path)); });
}

Status SettingsPage::loadRevocationList(const QString& path) {
    if (!this->workspace())
        return Error::invalidInput(tr("No workspace is open."));
    auto list = readChosenFile(path, kMaxRevocationListSize, tr("a revocation list"));
    if (!list)
        return list.error();
    auto imported = LicenseRegistry(*this->workspace(), clock()).importRevocationList(*list);
    if (!imported)
        return imported.error().withContext(QFileInfo(path).fileName());
    reload();
    showMessage(describeRevocationImport(*imported), false);
    if (!imported->newlyRevoked.empty() || !imported->alreadyKnown)
        emit licensesChanged();
    return {};
}

QString SettingsPage::describeRevocationImport(const RevocationImport& imported) const {
    const qsizetype revoked = static_cast<qsizetype>(imported.newlyRevoked.size());
    if (imported.alreadyKnown && revoked == 0)
        return tr("Revocation list %1 was loaded before; nothing changed.").arg(imported.sequence);
    QStringList ids;
    for (const QUuid& id : imported.newlyRevoked)
        ids.append(shortLicenseId(id));
    const QString listed = tr("Revocation list %1 loaded; it names %n license(s).", nullptr,
                              static_cast<int>(imported.listed))
                               .arg(imported.sequence);
    if (revoked == 0)
        return tr("%1 None of the licenses held here is revoked by it.").arg(listed);
    return tr("%1 Now revoked here: %2.").arg(listed, ids.join(QStringLiteral(", ")));
}

void SettingsPage::loadRevocationListFrom() {
    openChosenFile(this, tr("Load Revocation List"), QString(), tr("All files (*)"),
                   [this](const QString& path) { showRefusal(loadRevocationList(path)); });
}

void SettingsPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        keys_->setPalette(palette());
    QWidget::changeEvent(event);
}

}  // namespace aicp

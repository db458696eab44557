#include "pages/licenses/licensespage.h"

#include "customers/customer.h"
#include "dialogs/customerdialog.h"
#include "licensing/keystore.h"
#include "licensing/licensefile.h"
#include "pages/licenses/instancespanel.h"
#include "pages/licenses/licensedetailsview.h"
#include "pages/licenses/licensefiltermodel.h"
#include "pages/licenses/licenseissuedialog.h"
#include "pages/licenses/licensestate.h"
#include "pages/licenses/licensestatedelegate.h"
#include "pages/licenses/licensetablemodel.h"
#include "pages/licenses/revokelicensedialog.h"
#include "pages/licenses/verifylicensedialog.h"
#include "roleguard.h"
#include "storage/workspace.h"
#include "taskrunner.h"
#include "widgets/cardframe.h"
#include "widgets/pagetext.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace aicp {

LicensesPage::LicensesPage(QWidget* parent)
    : ConsolePage(parent),
      passphrase_(&PassphraseDialog::ask),
      model_(new LicenseTableModel(this)),
      filter_(new LicenseFilterModel(this)),
      table_(new QTableView(this)),
      details_(new LicenseDetailsView(this)),
      instances_(new InstancesPanel(this)),
      search_(new QLineEdit(this)),
      tierFilter_(new QComboBox(this)),
      stateFilter_(new QComboBox(this)),
      count_(new QLabel(this)),
      modeBanner_(new QLabel(this)),
      message_(new QLabel(this)),
      busy_(new QProgressBar(this)) {
    setObjectName(QStringLiteral("licensesPage"));
    revocationReason_ = [](QWidget* parentWidget, const LicenseRecord& record,
                           const QString& tier) -> std::optional<QString> {
        RevokeLicenseDialog dialog(record, tier, parentWidget);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.reason();
    };
    issueDialogRunner_ = [](LicenseIssueDialog& dialog) { return dialog.exec(); };
    customerDialogRunner_ = [](CustomerDialog& dialog) { return dialog.exec(); };

    filter_->setSourceModel(model_);
    model_->setPalette(palette());
    buildActions();
    buildLayout();
    // The customer filters the list; nothing is read again.
    setFollows(FollowsNothing);
    connect(this, &LicensesPage::registryChanged, this, &ConsolePage::workspaceEdited);
    connect(instances_, &InstancesPanel::finished, this,
            [this](const QString& text, bool problem) { showMessage(text, problem); });
    details_->showMessage(tr("Select a license to see everything it grants."));
    updateActions();
}

LicensesPage::~LicensesPage() = default;

void LicensesPage::workspaceChanged() {
    if (this->priceBook()) {
        const QSignalBlocker blocker(tierFilter_);
        const QString kept = tierFilter_->currentData().toString();
        while (tierFilter_->count() > 1)
            tierFilter_->removeItem(1);
        for (const TierDefinition& tier : this->priceBook()->latest().tiers)
            tierFilter_->addItem(tier.name, tier.id);
        const int index = tierFilter_->findData(kept);
        tierFilter_->setCurrentIndex(index < 0 ? 0 : index);
        filter_->setTier(tierFilter_->currentData().toString());
    }
    message_->clear();
}

void LicensesPage::runnerBusyChanged(bool busy) {
    Q_UNUSED(busy);
    updateActions();
}

void LicensesPage::customerChanged() {
    setCustomerFilter(customerId());
}

void LicensesPage::setPassphraseProvider(PassphraseProvider provider) {
    instances_->setPassphraseProvider(provider);
    passphrase_ = std::move(provider);
}

void LicensesPage::setRevocationReasonProvider(RevocationReasonProvider provider) {
    revocationReason_ = std::move(provider);
}

void LicensesPage::setIssueDialogRunner(IssueDialogRunner runner) {
    issueDialogRunner_ = std::move(runner);
}

void LicensesPage::setCustomerDialogRunner(CustomerDialogRunner runner) {
    customerDialogRunner_ = std::move(runner);
}

bool LicensesPage::openCustomerDialog() {
    const std::optional<LicenseRecord> record = selectedRecord();
    if (!record || !this->workspace())
        return false;
    CustomerDialog dialog(*this->workspace(), record->license.customerId, this);
    if (customerDialogRunner_(dialog) != QDialog::Accepted)
        return false;
    showMessage(tr("Saved the billing profile of %1.").arg(dialog.customer().name), false);
    // The customer's name may have changed: the context bar reads it again.
    emit registryChanged();
    return true;
}

void LicensesPage::setCustomerFilter(const QString& customerId) {
    filter_->setCustomerId(customerId);
    updateCount();
    showSelection();
    updateActions();
}

void LicensesPage::load() {
    const std::optional<LicenseRecord> kept = selectedRecord();
    canSign_ = false;
    whyCannotSign_.clear();
    if (!this->workspace()) {
        model_->setRecords({}, QDateTime::currentDateTimeUtc(), {});
        whyCannotSign_ = tr("No workspace is open.");
        updateActions();
        return;
    }

    std::map<QString, QString> tierNames;
    for (const PriceBookVersion& version : this->priceBook()->versions()) {
        for (const TierDefinition& tier : version.tiers)
            tierNames[tier.id] = tier.name;
    }
    auto records = LicenseRegistry(*this->workspace()).list();
    if (!records) {
        showMessage(records.error().message(), true);
        model_->setRecords({}, QDateTime::currentDateTimeUtc(), tierNames);
    } else {
        model_->setRecords(std::move(records).value(), QDateTime::currentDateTimeUtc(),
                           std::move(tierNames));
    }

    auto mode = this->workspace()->mode();
    customerMode_ = mode && *mode == Workspace::Mode::Customer;
    showSigningActions(!customerMode_);
    if (customerMode_) {
        whyCannotSign_ =
            tr("This is a customer workspace: it verifies licenses but cannot issue "
               "or revoke them. Switch the mode in Settings to issue.");
        modeBanner_->setText(
            tr("<b>Customer workspace.</b> These are the licenses received from the vendor, "
               "verified and never issued here. Add a new one with Add License\u2026 "
               "or by dropping its file on the window."));
        modeBanner_->show();
    } else if (!mode) {
        whyCannotSign_ = mode.error().message();
        modeBanner_->hide();
    } else {
        modeBanner_->hide();
        auto key = KeyStore(*this->workspace()).find();
        if (key)
            canSign_ = true;
        else
            whyCannotSign_ = tr("The workspace has no signing key yet: generate one in Settings.");
    }

    if (kept)
        static_cast<void>(selectLicense(kept->license.id));
    updateCount();
    showSelection();
    updateActions();
}

void LicensesPage::showSigningActions(bool shown) {
    // Absent rather than disabled: a customer can never do these here.
    for (QAction* action : {issueAction_, renewAction_, upgradeAction_, revokeAction_}) {
        action->setVisible(shown);
        if (auto* button = findChild<QWidget*>(action->objectName() + QStringLiteral("Button")))
            button->setVisible(shown);
    }
}

bool LicensesPage::selectLicense(const QUuid& id) {
    const int sourceRow = model_->rowOf(id);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = filter_->mapFromSource(model_->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    table_->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table_->scrollTo(index);
    return true;
}

std::optional<LicenseRecord> LicensesPage::selectedRecord() const {
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const LicenseRecord* record = model_->record(filter_->mapToSource(rows.front()).row());
    if (!record)
        return std::nullopt;
    return *record;
}

bool LicensesPage::isBusy() const {
    return this->runner()->isBusy();
}

QString LicensesPage::message() const {
    return message_->text();
}

const PriceBookVersion* LicensesPage::pricesAt(const QDateTime& time) const {
    if (!this->priceBook())
        return nullptr;
    const QDate date = time.toUTC().date();
    const PriceBookVersion* found = &this->priceBook()->versions().front();
    for (const PriceBookVersion& version : this->priceBook()->versions()) {
        if (version.effectiveFrom <= date)
            found = &version;
    }
    return found;
}

void LicensesPage::updateActions() {
    const bool busy = this->runner()->isBusy();
    const std::optional<LicenseRecord> record = selectedRecord();
    const bool selected = record.has_value();
    const bool revoked = selected && record->revocation.has_value();
    const bool open = this->workspace() != nullptr;

    const auto set = [&](QAction* action, bool enabled, const QString& why) {
        action->setEnabled(enabled);
        const QString base = action->property("baseToolTip").toString();
        action->setToolTip(why.isEmpty() ? base : tr("%1\n%2").arg(base, why));
    };
    const QString busyWhy = busy ? tr("Wait for the running operation to finish.") : QString();
    const QString signWhy = !canSign_ ? whyCannotSign_ : busyWhy;
    const QString pickWhy = selected ? QString() : tr("Select a license first.");
    const auto first = [](std::initializer_list<QString> reasons) {
        for (const QString& reason : reasons) {
            if (!reason.isEmpty())
                return reason;
        }
        return QString();
    };

    set(issueAction_, open && canSign_ && !busy, signWhy);
    const QString revokedWhy =
        revoked ? tr("This license was revoked; issue a new one instead.") : QString();
    set(renewAction_, canSign_ && !busy && selected && !revoked,
        first({signWhy, pickWhy, revokedWhy}));
    set(upgradeAction_, canSign_ && !busy && selected && !revoked,
        first({signWhy, pickWhy, revokedWhy}));
    set(revokeAction_, canSign_ && !busy && selected && !revoked,
        first({signWhy, pickWhy, revoked ? tr("This license is already revoked.") : QString()}));
    set(saveAction_, selected, pickWhy);
    set(copyAction_, selected, pickWhy);
    set(customerAction_, selected, pickWhy);
    set(verifyAction_, open && !busy, open ? busyWhy : tr("No workspace is open."));
    set(refreshAction_, open && !busy, busyWhy);
    for (QAction* action : {issueAction_, renewAction_, upgradeAction_, revokeAction_})
        guardRole(action, this->workspace(), WorkspaceArea::Licenses);
    busy_->setVisible(busy);
}

void LicensesPage::updateCount() {
    const int shown = filter_->rowCount();
    const int total = model_->rowCount();
    const QString licenses = total == 1 ? tr("1 license") : tr("%1 licenses").arg(total);
    count_->setText(shown == total ? licenses : tr("%1 of %2").arg(shown).arg(licenses));
}

void LicensesPage::showSelection() {
    const std::optional<LicenseRecord> record = selectedRecord();
    if (!record) {
        instances_->showLicense(nullptr, std::nullopt, false);
        details_->showMessage(filter_->rowCount() == 0 && model_->rowCount() > 0
                                  ? tr("No license matches the filters.")
                              : model_->rowCount() == 0 && customerMode_
                                  ? tr("No license received yet: add the one your vendor sent "
                                       "with File \u25b8 Add License\u2026")
                              : model_->rowCount() == 0
                                  ? tr("No license has been issued in this workspace yet.")
                                  : tr("Select a license to see everything it grants."));
        return;
    }
    details_->showRecord(*record, word(record->stateAt(model_->now())),
                         pricesAt(record->license.issuedAt));
    instances_->setRunner(this->runner());
    instances_->showLicense(this->workspace(), record, canSign_);
}

void LicensesPage::showMessage(const QString& text, bool problem) {
    showMessageLine(message_, this, text, problem);
}

void LicensesPage::showContextMenu(const QPoint& position) {
    const QModelIndex index = table_->indexAt(position);
    if (index.isValid())
        table_->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QMenu menu(this);
    menu.addAction(copyAction_);
    menu.addAction(saveAction_);
    menu.addAction(customerAction_);
    menu.addSeparator();
    menu.addAction(renewAction_);
    menu.addAction(upgradeAction_);
    menu.addSeparator();
    menu.addAction(revokeAction_);
    menu.exec(table_->viewport()->mapToGlobal(position));
}

bool LicensesPage::runSigning(const QString& purpose,
                              std::function<Result<LicenseRecord>(Workspace&, QByteArrayView)> work,
                              std::function<QString(const LicenseRecord&)> describe) {
    if (!this->workspace() || this->runner()->isBusy())
        return false;
    if (!canSign_) {
        showMessage(whyCannotSign_, true);
        return false;
    }
    std::optional<QByteArray> passphrase = passphrase_(this, purpose);
    if (!passphrase) {
        showMessage(tr("Cancelled; nothing was signed."), false);
        return false;
    }
    showMessage(tr("Signing…"), false);
    Workspace* workspace = this->workspace();
    // The passphrase lives only in this task and is wiped when it is done.
    return this->runner()->run<Result<LicenseRecord>>(
        this,
        [workspace, work = std::move(work), secret = std::move(*passphrase)]() mutable {
            Result<LicenseRecord> result = work(*workspace, secret);
            secret.fill('\0');
            return result;
        },
        [this, describe = std::move(describe)](Result<LicenseRecord> result) {
            if (!result) {
                QString why = result.error().message();
                if (!why.isEmpty())
                    why[0] = why[0].toUpper();
                showMessage(why, true);
                reload();
                emit operationFinished(false, why);
                return;
            }
            reload();
            static_cast<void>(selectLicense(result->license.id));
            const QString text = describe(*result);
            showMessage(text, false);
            emit registryChanged();
            emit operationFinished(true, text);
        });
}

bool LicensesPage::openIssueDialog(const std::function<void(LicenseIssueDialog&)>& prefill) {
    if (!this->workspace() || !canSign_ || this->runner()->isBusy())
        return false;
    const auto request = askForRequest(
        [this](LicenseIssueDialog& dialog) { dialog.selectCustomer(filter_->customerId()); },
        prefill);
    return request && issue(*request);
}

std::optional<LicenseRequest> LicensesPage::askForRequest(
    const std::function<void(LicenseIssueDialog&)>& setUp,
    const std::function<void(LicenseIssueDialog&)>& prefill) {
    auto customers = CustomerStore(*this->workspace()).list();
    LicenseIssueDialog dialog(*this->priceBook(), customers ? *customers : std::vector<Customer>{},
                              this);
    std::vector<LicenseRecord> registered;
    for (int row = 0; row < model_->rowCount(); ++row)
        registered.push_back(*model_->record(row));
    dialog.setRegisteredLicenses(std::move(registered));
    setUp(dialog);
    if (prefill)
        prefill(dialog);
    if (issueDialogRunner_(dialog) != QDialog::Accepted)
        return std::nullopt;
    auto request = dialog.request();
    if (!request) {
        showMessage(request.error().message(), true);
        return std::nullopt;
    }
    return std::move(request).value();
}

bool LicensesPage::openUpgradeDialog(const std::function<void(LicenseIssueDialog&)>& prefill) {
    const std::optional<LicenseRecord> record = selectedRecord();
    if (!record || !canSign_ || this->runner()->isBusy())
        return false;
    const auto request = askForRequest(
        [&record](LicenseIssueDialog& dialog) { dialog.setUpgradeOf(record->license); }, prefill);
    return request && upgradeSelected(*request);
}

bool LicensesPage::openUpgradeDialogFor(const QUuid& licenseId,
                                        const std::function<void(LicenseIssueDialog&)>& prefill) {
    if (!selectLicense(licenseId)) {
        search_->clear();
        tierFilter_->setCurrentIndex(0);
        stateFilter_->setCurrentIndex(0);
        if (!selectLicense(licenseId))
            return false;
    }
    return openUpgradeDialog(prefill);
}

bool LicensesPage::issue(const LicenseRequest& request) {
    const QString purpose =
        tr("Sign a new %1 license for %2.").arg(tierName(request.tier), request.customerName);
    return runSigning(
        purpose,
        [request](Workspace& workspace, QByteArrayView passphrase) {
            return LicenseRegistry(workspace).issue(request, passphrase);
        },
        [this](const LicenseRecord& issued) {
            return tr("Issued %1 license %2 for %3, valid until %4.")
                .arg(tierName(issued.license.tier), shortLicenseId(issued.license.id),
                     issued.license.customerName, licenseDate(issued.license.expiresAt));
        });
}

bool LicensesPage::upgradeSelected(const LicenseRequest& changes) {
    const std::optional<LicenseRecord> record = selectedRecord();
    if (!record)
        return false;
    const QUuid id = record->license.id;
    const QString purpose =
        tr("Sign a %1 license for %2 that supersedes %3.")
            .arg(tierName(changes.tier), record->license.customerName, shortLicenseId(id));
    return runSigning(
        purpose,
        [id, changes](Workspace& workspace, QByteArrayView passphrase) {
            return LicenseRegistry(workspace).upgrade(id, changes, passphrase);
        },
        [this, id](const LicenseRecord& issued) {
            return tr("Issued %1 license %2 for %3; it supersedes %4.")
                .arg(tierName(issued.license.tier), shortLicenseId(issued.license.id),
                     issued.license.customerName, shortLicenseId(id));
        });
}

bool LicensesPage::renewSelected() {
    const std::optional<LicenseRecord> record = selectedRecord();
    if (!record || !canSign_)
        return false;
    const QUuid id = record->license.id;
    const QString purpose =
        tr("Sign the renewal of %1's %2 license %3.")
            .arg(record->license.customerName, tierName(record->license.tier), shortLicenseId(id));
    return runSigning(
        purpose,
        [id](Workspace& workspace, QByteArrayView passphrase) {
            return LicenseRegistry(workspace).renew(id, passphrase);
        },
        [id](const LicenseRecord& issued) {
            return tr("Renewed %1 as %2, valid %3 to %4.")
                .arg(shortLicenseId(id), shortLicenseId(issued.license.id),
                     licenseDate(issued.license.notBefore), licenseDate(issued.license.expiresAt));
        });
}

bool LicensesPage::revokeSelected() {
    const std::optional<LicenseRecord> record = selectedRecord();
    if (!record || !canSign_ || record->revocation || this->runner()->isBusy())
        return false;
    const std::optional<QString> reason =
        revocationReason_(this, *record, tierName(record->license.tier));
    if (!reason || reason->trimmed().isEmpty()) {
        showMessage(tr("Not revoked."), false);
        return false;
    }
    const QUuid id = record->license.id;
    const QString purpose = tr("Sign the revocation of %1's license %2 and a new revocation list.")
                                .arg(record->license.customerName, shortLicenseId(id));
    return runSigning(
        purpose,
        [id, why = *reason](Workspace& workspace, QByteArrayView passphrase) {
            return LicenseRegistry(workspace).revoke(id, why, passphrase);
        },
        [](const LicenseRecord& revoked) {
            return tr("Revoked license %1 of %2; the new revocation list is published.")
                .arg(shortLicenseId(revoked.license.id), revoked.license.customerName);
        });
}

Status LicensesPage::saveSelectedLicenseFile(const QString& path) {
    const std::optional<LicenseRecord> record = selectedRecord();
    if (!record)
        return Error::invalidInput(tr("Select a license first."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(
            Error::Code::Io,
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    file.write(licenseFileText(record->key, record->license));
    if (!file.commit())
        return Error(
            Error::Code::Io,
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    showMessage(tr("Saved license %1 to %2.")
                    .arg(shortLicenseId(record->license.id), QDir::toNativeSeparators(path)),
                false);
    return {};
}

void LicensesPage::saveLicenseFileAs() {
    const std::optional<LicenseRecord> record = selectedRecord();
    if (!record)
        return;
    const QString suggested =
        QStringLiteral("%1-%2.lic")
            .arg(record->license.customerId, shortLicenseId(record->license.id));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save License File"),
                                                      QDir::home().filePath(suggested),
                                                      tr("License files (*.lic);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const Status saved = saveSelectedLicenseFile(path); !saved)
        showMessage(saved.error().message(), true);
}

void LicensesPage::copySelectedKey() {
    const std::optional<LicenseRecord> record = selectedRecord();
    if (!record)
        return;
    QGuiApplication::clipboard()->setText(QString::fromLatin1(record->key));
    showMessage(tr("Copied the key of license %1 to the clipboard.")
                    .arg(shortLicenseId(record->license.id)),
                false);
}

void LicensesPage::openVerifyDialog() {
    if (!this->workspace() || this->runner()->isBusy())
        return;
    auto* dialog = new VerifyLicenseDialog(*this->workspace(), *this->priceBook(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void LicensesPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        model_->setPalette(palette());
        setMuted(count_);
    }
    QWidget::changeEvent(event);
}

}  // namespace aicp

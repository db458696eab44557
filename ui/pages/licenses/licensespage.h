#pragma once

#include "licensing/licenseregistry.h"
#include "pages/consolepage.h"
#include "pricing/pricebook.h"

#include <functional>
#include <optional>

#include <QWidget>

class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QProgressBar;
class QTableView;

namespace aicp {

class CustomerDialog;
class LicenseDetailsView;
class InstancesPanel;
class LicenseFilterModel;
class LicenseIssueDialog;
class LicenseTableModel;
class TaskRunner;
class Workspace;

// The Licenses page: the registry of every license the workspace issued,
// filtered by the context bar's customer and the page's own tier, state and
// text filters, with the selected license's entitlements beside it, and the
// operations — issue, renew, upgrade, revoke, save the file, copy the key,
// verify. Signing operations ask for the passphrase (never kept) and run off
// the GUI thread on the shared TaskRunner. A customer workspace lists the
// licenses it received and verifies only; the signing actions are absent.
class LicensesPage : public ConsolePage {
    Q_OBJECT
public:
    // Asks why a license is revoked, after an explicit confirmation; nullopt
    // when the user backs out. The default shows RevokeLicenseDialog.
    using RevocationReasonProvider = std::function<std::optional<QString>(
        QWidget* parent, const LicenseRecord& record, const QString& tierName)>;
    // Runs the issue/upgrade dialog; Accepted to go ahead. The default execs it.
    using IssueDialogRunner = std::function<int(LicenseIssueDialog& dialog)>;

    explicit LicensesPage(QWidget* parent = nullptr);
    ~LicensesPage() override;

    void setPassphraseProvider(PassphraseProvider provider);
    void setRevocationReasonProvider(RevocationReasonProvider provider);
    void setIssueDialogRunner(IssueDialogRunner runner);

    // The context bar's customer; empty for every customer.
    void setCustomerFilter(const QString& customerId);

    [[nodiscard]] bool selectLicense(const QUuid& id);
    [[nodiscard]] std::optional<LicenseRecord> selectedRecord() const;
    [[nodiscard]] bool isBusy() const;
    [[nodiscard]] bool canSign() const { return canSign_; }
    // The last operation's outcome, as shown under the table.
    [[nodiscard]] QString message() const;

    // The operations behind the actions; signing ones return false when
    // they did not start (busy, nothing selected, cancelled).
    // `prefill` adjusts the new form (an upgrade request for a license not held here).
    bool openIssueDialog(const std::function<void(LicenseIssueDialog&)>& prefill = {});
    // `prefill` adjusts the form once it holds the selected license (the
    // Recommendations page sets the recommended tier).
    bool openUpgradeDialog(const std::function<void(LicenseIssueDialog&)>& prefill = {});
    // Selects `licenseId` (clearing the page's own filters when they hide it)
    // and opens the upgrade dialog for it.
    bool openUpgradeDialogFor(const QUuid& licenseId,
                              const std::function<void(LicenseIssueDialog&)>& prefill = {});
    bool issue(const LicenseRequest& request);
    bool upgradeSelected(const LicenseRequest& changes);
    bool renewSelected();
    bool revokeSelected();
    [[nodiscard]] Status saveSelectedLicenseFile(const QString& path);
    void copySelectedKey();
    void openVerifyDialog();
    // The selected license's customer in CustomerDialog; false when none is
    // selected or the dialog was not saved.
    bool openCustomerDialog();
    // Runs the customer dialog; Accepted when it saved. The default execs it.
    using CustomerDialogRunner = std::function<int(CustomerDialog& dialog)>;
    void setCustomerDialogRunner(CustomerDialogRunner runner);
    // Shows the main window's File ▸ Add License… as a button beside Verify
    // License, so a license received is kept from where licenses are listed.
    void showAddLicenseAction(QAction* action);

signals:
    // A license was issued or revoked: customers may have been added.
    void registryChanged();
    // A signing operation ended; `ok` false when it was refused.
    void operationFinished(bool ok, const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    // Re-reads the registry (and the workspace mode), keeping the selection.
    void load() override;
    void workspaceChanged() override;
    void runnerBusyChanged(bool busy) override;
    void customerChanged() override;
    void buildActions();
    void buildLayout();
    QLayout* buildFilters();
    void buildTable();
    QWidget* buildSplitter(QLayout* filters);
    void updateActions();
    void showSigningActions(bool shown);
    void showSelection();
    void updateCount();
    void showMessage(const QString& text, bool problem);
    void showContextMenu(const QPoint& position);
    void saveLicenseFileAs();
    [[nodiscard]] const PriceBookVersion* pricesAt(const QDateTime& time) const;
    // Shows the issue dialog, set up by `setUp` and then `prefill`; the
    // request entered, or nullopt when it was cancelled or is not valid.
    std::optional<LicenseRequest> askForRequest(
        const std::function<void(LicenseIssueDialog&)>& setUp,
        const std::function<void(LicenseIssueDialog&)>& prefill);
    bool runSigning(const QString& purpose,
                    std::function<Result<LicenseRecord>(Workspace&, QByteArrayView)> work,
                    std::function<QString(const LicenseRecord&)> describe);

    PassphraseProvider passphrase_;
    RevocationReasonProvider revocationReason_;
    IssueDialogRunner issueDialogRunner_;
    CustomerDialogRunner customerDialogRunner_;
    bool canSign_ = false;
    bool customerMode_ = false;
    QString whyCannotSign_;

    LicenseTableModel* model_;
    LicenseFilterModel* filter_;
    QTableView* table_;
    LicenseDetailsView* details_;
    InstancesPanel* instances_;
    QLineEdit* search_;
    QComboBox* tierFilter_;
    QComboBox* stateFilter_;
    QLabel* count_;
    QLabel* modeBanner_;
    QLabel* message_;
    QProgressBar* busy_;

    QAction* issueAction_;
    QAction* renewAction_;
    QAction* upgradeAction_;
    QAction* revokeAction_;
    QAction* saveAction_;
    QAction* copyAction_;
    QAction* customerAction_;
    QAction* verifyAction_;
    QAction* refreshAction_;
    QHBoxLayout* actionsRow_ = nullptr;
};

}  // namespace aicp

#pragma once

#include "licensing/licenseregistry.h"
#include "pages/consolepage.h"
#include "storage/workspace.h"

#include <functional>
#include <optional>

#include <QByteArray>
#include <QUrl>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace aicp {

class CompanyDialog;
class LiveSourcesPanel;
class PriceBookEditor;
class SigningKeyModel;
class TaskRunner;

// The Settings page: the workspace's signing keys (generate the first one,
// rotate, export a public key as PEM, import a vendor's public key), the
// workspace itself (file, mode with a confirmed switch, schema version), its
// price book, the company invoices name as the seller (CompanyDialog) and
// the Stripe account they are sent for payment through, and the live usage
// sources (LiveSourcesPanel). Key generation
// and rotation encrypt the new private key with a passphrase asked twice
// (scrypt: run off the GUI thread on the shared TaskRunner).
class SettingsPage : public ConsolePage {
    Q_OBJECT
public:
    explicit SettingsPage(QWidget* parent = nullptr);

    // Asks for a new key's passphrase (twice, in the default dialog).
    void setNewPassphraseProvider(PassphraseProvider provider);
    // Asks for the current signing key's passphrase (once), for rotating.
    void setUnlockPassphraseProvider(PassphraseProvider provider);
    [[nodiscard]] bool isBusy() const;
    [[nodiscard]] QString message() const;
    [[nodiscard]] LiveSourcesPanel* liveSources() const { return liveSources_; }

    // The operations behind the buttons; false when they did not start.
    bool generateKey();
    bool rotateKey();
    bool switchMode();
    // The selected key, or the signing key when none is selected.
    [[nodiscard]] Status exportPublicKey(const QString& path);
    [[nodiscard]] Status importPublicKey(const QString& path);
    // A vendor's signed revocation list (LicenseRegistry::importRevocationList);
    // what changed is shown under the keys.
    [[nodiscard]] Status loadRevocationList(const QString& path);
    // Stores a price book document (the vendor's, in a customer workspace)
    // as the current one, recorded in the audit log; bills use it from now on.
    [[nodiscard]] Status loadPriceBook(const QString& path);
    // New Version…: the editor seeded with the latest version, to take
    // effect on the first day the workspace allows (the first of next month,
    // after every invoiced month); saved as one audited import. `edit` runs
    // the dialog (exec() unless a test drives it) and says whether to save.
    using EditorRunner = std::function<bool(PriceBookEditor&)>;
    void setEditorRunner(EditorRunner runner) { runEditor_ = std::move(runner); }
    [[nodiscard]] Status newPriceBookVersion();
    // View…: the selected version (the latest when none is), read-only.
    void viewPriceBookVersion();
    // Edit Company…: the seller profile in CompanyDialog; `run` runs it
    // (exec() unless a test drives it) and says whether it was saved.
    using CompanyRunner = std::function<bool(CompanyDialog&)>;
    void setCompanyRunner(CompanyRunner runner) { runCompany_ = std::move(runner); }
    // False when no workspace is open or the dialog was not saved.
    bool editCompany();
    // The company card's summary, as shown.
    [[nodiscard]] QString companySummary() const;
    // Configure Stripe…: the account's secret key, pasted into a password
    // field (never on a command line, never shown again), and the API's
    // address (Stripe's own when empty). An admin's; audited masked.
    struct StripeChoice {
        QByteArray secretKey;
        QUrl apiBase;
    };
    using StripeProvider = std::function<std::optional<StripeChoice>(QWidget* parent)>;
    void setStripeProvider(StripeProvider provider) { askStripe_ = std::move(provider); }
    // False when nothing was stored (backed out, or refused: message() says why).
    bool configureStripe();
    // The Stripe line of the company card, as shown.
    [[nodiscard]] QString stripeSummary() const;

signals:
    // Keys were added or retired, or the mode changed: what the Licenses
    // page may do has changed.
    void keysChanged();
    void modeChanged();
    // A live source's pull committed events.
    void usageChanged();
    // A revocation list revoked licenses held here.
    void licensesChanged();
    // Another price book is in force: every cost shown changes.
    void priceBookChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void load() override;
    void workspaceChanged() override;
    void runnerChanged() override;
    void runnerBusyChanged(bool busy) override;
    void confirmerChanged() override;
    void buildLayout();
    QWidget* buildKeysCard();
    QWidget* buildWorkspaceCard();
    QWidget* buildPricesCard();
    QWidget* buildCompanyCard();
    void showCompany();
    void showStripe();
    // The default StripeProvider: a dialog with a password field.
    static std::optional<StripeChoice> askStripeKey(QWidget* parent);
    void fillVersions();
    QWidget* buildLiveSourcesCard();
    void updateButtons();
    void showMessage(const QString& text, bool problem);
    // Says why a chosen file was refused; nothing when it was taken.
    void showRefusal(const Status& outcome);
    void exportPublicKeyAs();
    void importPublicKeyFrom();
    void loadRevocationListFrom();
    void loadPriceBookFrom();
    [[nodiscard]] QString describeRevocationImport(const RevocationImport& imported) const;
    [[nodiscard]] QString selectedKid() const;
    // The license the welcome stored for a customer workspace, in words.
    [[nodiscard]] QString describeCustomerLicense() const;
    bool runKeyOperation(bool rotate);

    std::optional<Workspace::Mode> mode_;
    bool hasSigningKey_ = false;
    PassphraseProvider newPassphrase_;
    PassphraseProvider unlockPassphrase_;

    SigningKeyModel* keys_;
    QTableView* keyTable_;
    QPushButton* generate_;
    QPushButton* rotate_;
    QPushButton* export_;
    QPushButton* import_;
    QPushButton* loadRevocations_;
    QLabel* keyMessage_;
    QLabel* path_;
    QLabel* modeLabel_;
    QPushButton* switchMode_;
    QLabel* schema_;
    QLabel* workspaceId_;
    QLabel* created_;
    QLabel* customerLicense_;
    QLabel* priceVersion_;
    // In the order of the card, which is the tab order.
    QTableWidget* versions_;
    QPushButton* newVersion_;
    QPushButton* viewVersion_;
    QPushButton* loadPriceBook_;
    QLabel* priceMessage_;
    EditorRunner runEditor_;
    QLabel* company_;
    QPushButton* editCompany_;
    CompanyRunner runCompany_;
    QLabel* stripe_ = nullptr;
    QPushButton* configureStripe_ = nullptr;
    StripeProvider askStripe_;
    LiveSourcesPanel* liveSources_ = nullptr;
};

}  // namespace aicp

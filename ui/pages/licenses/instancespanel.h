#pragma once

#include "dialogs/passphrasedialog.h"
#include "licensing/activationregistry.h"
#include "licensing/licenseregistry.h"

#include <functional>
#include <optional>

#include <QWidget>

class QLabel;
class QToolButton;
class QTreeWidget;

namespace aicp {

class TaskRunner;
class Workspace;

// The machines a license runs on (SPEC section 13), under the license's
// details: each activation's machine, state, last heartbeat and expiry, with
// how many of the license's instances are in use. An account manager
// releases an instance (after confirming) and signs an activation file for
// an air-gapped site; both run off the GUI thread on the page's runner.
class InstancesPanel : public QWidget {
    Q_OBJECT
public:
    // What the air-gapped site's file is for and where it goes; nullopt
    // when the user backs out. The default runs ActivationFileDialog, then
    // a save dialog.
    struct FileRequest {
        ActivationRequest activation;
        QString path;
    };
    using FileRequestProvider =
        std::function<std::optional<FileRequest>(QWidget* parent, const LicenseRecord& license)>;

    explicit InstancesPanel(QWidget* parent = nullptr);

    void setRunner(TaskRunner* runner) { runner_ = runner; }
    void setPassphraseProvider(PassphraseProvider provider) { passphrase_ = std::move(provider); }
    void setConfirmer(Confirmer confirmer) { confirm_ = std::move(confirmer); }
    void setFileRequestProvider(FileRequestProvider provider) {
        fileRequest_ = std::move(provider);
    }

    // Reads the license's activations from `workspace`; `canSign` says
    // whether releasing and issuing are offered. nullptr: nothing selected.
    void showLicense(Workspace* workspace, const std::optional<LicenseRecord>& license,
                     bool canSign);

    // The operations behind the buttons; false when they did not start.
    bool releaseSelected();
    bool issueFile();

    // The focusable widgets in order, for the page's tab chain.
    [[nodiscard]] QList<QWidget*> tabStops() const;
    [[nodiscard]] int rowCount() const;
    [[nodiscard]] QString summary() const;

signals:
    // An operation ended: what it did, or why it did not.
    void finished(const QString& message, bool problem);

private:
    void reload();
    void updateButtons();
    [[nodiscard]] std::optional<ActivationRecord> selected() const;

    QLabel* summary_;
    QTreeWidget* list_;
    QToolButton* release_;
    QToolButton* issue_;
    TaskRunner* runner_ = nullptr;
    PassphraseProvider passphrase_;
    Confirmer confirm_;
    FileRequestProvider fileRequest_;
    Workspace* workspace_ = nullptr;
    std::optional<LicenseRecord> license_;
    std::vector<ActivationRecord> activations_;
    bool canSign_ = false;
};

}  // namespace aicp

#pragma once

#include <functional>
#include <memory>

#include <QWizard>

namespace aicp {

struct NewWorkspace;
class CustomerLicensePage;
class LocationPage;
class TaskRunner;
class VendorKeyPage;
class WelcomePage;
class WorkspaceSession;

// The console's welcome, shown on a first start with no workspace: explore
// the demo (one click), create a new workspace as a vendor (with its first
// signing key) or as a customer (with the license received), or open an
// existing one. File ▸ New Workspace runs the same create flow. Ends with an
// open session; cancelling writes nothing. Slow work (the demo, scrypt)
// runs off the GUI thread with the inputs locked and Cancel refused.
class FirstRunWizard : public QWizard {
    Q_OBJECT
public:
    enum class Purpose { FirstRun, NewWorkspace };
    enum PageId { WelcomePageId, LocationPageId, VendorPageId, CustomerPageId };
    // Asks for a file: `save` for a new one. Empty when the user cancels.
    using FileChooser =
        std::function<QString(QWidget* parent, const QString& title, const QString& start,
                              const QString& filter, bool save)>;

    explicit FirstRunWizard(Purpose purpose, QWidget* parent = nullptr);
    ~FirstRunWizard() override;

    // The workspace the welcome ended on; null until it was accepted.
    [[nodiscard]] std::unique_ptr<WorkspaceSession> takeSession();
    [[nodiscard]] bool isBusy() const;
    // Where the demo is created or opened (the per-user demo path by default).
    void setDemoPath(const QString& path);
    [[nodiscard]] const QString& demoPath() const { return demoPath_; }
    // File dialogs by default; tests answer with paths.
    void setFileChooser(FileChooser chooser);
    [[nodiscard]] QString chooseFile(const QString& title, const QString& start,
                                     const QString& filter, bool save);

    void exploreDemo();
    void openExisting();
    // Starts creating the workspace at Finish; true once it exists.
    bool createWorkspace(const NewWorkspace& plan);

    [[nodiscard]] LocationPage* locationPage() const { return location_; }

public slots:
    void reject() override;

private:
    void updateButtonLayout(int id);
    void lock(bool busy);

    Purpose purpose_;
    TaskRunner* runner_;
    WelcomePage* welcome_;
    LocationPage* location_;
    VendorKeyPage* vendor_;
    CustomerLicensePage* customer_;
    QString demoPath_;
    FileChooser chooseFile_;
    std::unique_ptr<WorkspaceSession> session_;
};

}  // namespace aicp

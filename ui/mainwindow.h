#pragma once

#include "common/result.h"

#include <memory>
#include <vector>

#include <QDate>
#include <QMainWindow>
#include <QSet>

class QAction;
class QMenu;
class QLabel;
class QMimeData;
class QListWidget;
class QStackedWidget;

namespace aicp {

class ChangeFeed;
class DesktopNotices;
class ConsolePage;
class ContextBar;
class DashboardPage;
class LicensesPage;
class RecommendationsPage;
class ReportsPage;
struct AddedLicense;
struct Recommendation;
class SettingsPage;
class TaskRunner;
class TiersPage;
class UsagePage;
class WorkspaceSession;

// The console's main window: the sidebar of pages, the customer and month
// context above them, menus with the standard shortcuts and a status bar
// naming the workspace and price book in use. Remembers its geometry and
// page between runs (QSettings under the application's name).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Page { Dashboard, Tiers, Licenses, Usage, Recommendations, Reports, Settings };

    explicit MainWindow(std::unique_ptr<WorkspaceSession> session, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    [[nodiscard]] Page currentPage() const;

    // File ▸ Add License… and a dropped license file: verifies and stores
    // it in the registry (LicenseRegistry::add), says what happened in the
    // status bar (a refusal also in a message box) and reads the pages again.
    Result<AddedLicense> addLicenseFile(const QString& path);
    // File ▸ Review Upgrade Request… (vendor): reads a customer's request and
    // opens the issue dialog prefilled with it, as an upgrade of the license
    // it names when that one is held here. An edited request is refused
    // with the reason. False when no dialog was opened or nothing was signed.
    bool openUpgradeRequest(const QString& path);
    // The local files of a drop that look like licenses (.lic, or a small
    // text file holding a license key).
    [[nodiscard]] static QStringList licenseFiles(const QMimeData* mime);
    // File ▸ Open Team Workspace…: the dialog, then the workspace it opened.
    void openTeamWorkspace();
    // What others changed (ChangeFeed::changed): the page on screen reads
    // again keeping its selection, the others when next shown.
    void showChanges(const QSet<QString>& tables);

protected:
    void closeEvent(QCloseEvent* event) override;
    // Usage files dropped anywhere on the window are imported on the Usage page.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct PageInfo {
        QString title;
        QString summary;
    };

    void buildPages();
    // Whether a drag carries usage or license files the window can take now.
    [[nodiscard]] bool canTakeDrop(const QMimeData* mime) const;
    void wirePages();
    [[nodiscard]] std::vector<ConsolePage*> consolePages() const;
    // The month a workspace opens on: the latest with usage, up to today's.
    [[nodiscard]] QDate openingMonth(QDate today) const;
    void buildMenus();
    void applyTheme();
    void restoreLayout();
    void saveLayout() const;
    void useSession(std::unique_ptr<WorkspaceSession> session);
    void showPricesForMonth();
    void refreshCustomers();
    // The context bar's Profile…: the customer's billing profile dialog.
    void editCustomer(const QString& customerId);
    void openWorkspace();
    void showAbout();
    void prepareUpgrade(const Recommendation& recommendation);
    // Shows what the workspace's mode allows: a customer workspace has no
    // vendor-only actions and opens on its own customer.
    void applyMode();
    // Settings stored another price book: every page prices with it now.
    void usePriceBookStored();
    void chooseLicenseToAdd();
    void chooseUpgradeRequest();
    void reportProblem(const QString& title, const QString& text);
    void reloadAllPages();
    // The team workspace parts (mainwindowteam.cpp): the live feed of the
    // session's changes, its state and the login's role in the status bar,
    // and the window's own actions the role may not take.
    void watchChanges();
    void showLiveState();
    void applyRole();
    // Desktop notifications of the workspace's notices (mainwindowteam.cpp):
    // watched while a vendor's workspace is open; a click opens the page.
    void watchNotices(QMenu* view);
    void openNotice(const QString& type, const QString& customerId);

    std::unique_ptr<WorkspaceSession> session_;
    std::vector<PageInfo> pages_;
    QWidget* sidebar_;
    QListWidget* pageList_;
    QStackedWidget* stack_;
    ContextBar* context_;
    TiersPage* tiersPage_;
    // One background runner for every page on the workspace, so two pages
    // never use it from two threads at once.
    TaskRunner* runner_;
    LicensesPage* licensesPage_;
    UsagePage* usagePage_;
    RecommendationsPage* recommendationsPage_;
    ReportsPage* reportsPage_;
    DashboardPage* dashboardPage_;
    SettingsPage* settingsPage_;
    std::vector<QAction*> pageActions_;
    QAction* openAction_ = nullptr;
    QAction* openTeamAction_ = nullptr;
    QAction* addLicenseAction_ = nullptr;
    QAction* openRequestAction_ = nullptr;
    std::unique_ptr<ChangeFeed> feed_;
    DesktopNotices* notices_ = nullptr;
    // Changes seen while work ran on the workspace, shown when it ends.
    QSet<QString> changesWhileBusy_;
    QLabel* liveLabel_;
    QLabel* workspaceLabel_;
    QLabel* priceBookLabel_;
};

}  // namespace aicp

#include "mainwindow.h"

#include "consoleoptions.h"
#include "contextbar.h"
#include "desktopnotices.h"
#include "dialogs/customerdialog.h"
#include "firstrun/firstrunwizard.h"
#include "metering/usagequery.h"
#include "pages/dashboard/dashboardpage.h"
#include "pages/licenses/licensespage.h"
#include "pages/placeholderpage.h"
#include "pages/recommendations/recommendationspage.h"
#include "pages/recommendations/upgradeprefill.h"
#include "pages/reports/reportspage.h"
#include "pages/settings/settingspage.h"
#include "pages/tiers/tierspage.h"
#include "pages/usage/livesourcespanel.h"
#include "pages/usage/usagepage.h"
#include "roleguard.h"
#include "storage/changefeed.h"
#include "taskrunner.h"
#include "theme.h"
#include "widgets/localdates.h"
#include "workspacedialogs.h"
#include "workspacesession.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace aicp {
namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kPageKey = QStringLiteral("mainWindow/page");

// The size a first start opens at, when the screen has room for it.
constexpr QSize kPreferredSize(1280, 800);

// Pages are laid out for a full window; in a smaller one they scroll rather
// than squeeze their columns past reading.
QScrollArea* scrollable(QWidget* page) {
    auto* area = new QScrollArea;
    area->setObjectName(page->objectName() + QStringLiteral("Scroller"));
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setWidget(page);
    area->viewport()->setAutoFillBackground(false);
    page->setAutoFillBackground(false);
    return area;
}

}  // namespace

MainWindow::MainWindow(std::unique_ptr<WorkspaceSession> session, QWidget* parent)
    : QMainWindow(parent),
      sidebar_(new QWidget(this)),
      pageList_(new QListWidget(sidebar_)),
      stack_(new QStackedWidget(this)),
      context_(new ContextBar(this)),
      tiersPage_(new TiersPage(this)),
      runner_(new TaskRunner(this)),
      licensesPage_(new LicensesPage(this)),
      usagePage_(new UsagePage(this)),
      recommendationsPage_(new RecommendationsPage(this)),
      reportsPage_(new ReportsPage(this)),
      dashboardPage_(new DashboardPage(this)),
      settingsPage_(new SettingsPage(this)),
      liveLabel_(new QLabel(this)),
      workspaceLabel_(new QLabel(this)),
      priceBookLabel_(new QLabel(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QApplication::applicationDisplayName());
    buildPages();
    buildMenus();

    workspaceLabel_->setObjectName(QStringLiteral("workspacePath"));
    priceBookLabel_->setObjectName(QStringLiteral("priceBookVersion"));
    workspaceLabel_->setMinimumWidth(1);  // a long path is clipped; the tooltip has it whole
    // Permanent, so a temporary message (showMessage) takes the free space
    // instead of being painted over the path.
    liveLabel_->setObjectName(QStringLiteral("liveState"));
    liveLabel_->hide();
    statusBar()->addPermanentWidget(liveLabel_);
    statusBar()->addPermanentWidget(workspaceLabel_);
    statusBar()->addPermanentWidget(priceBookLabel_);
    statusBar()->setSizeGripEnabled(true);

    connect(context_, &ContextBar::monthChanged, this, &MainWindow::showPricesForMonth);
    connect(context_, &ContextBar::customerProfileRequested, this, &MainWindow::editCustomer);
    wirePages();
    connect(recommendationsPage_, &RecommendationsPage::upgradeRequested, this,
            &MainWindow::prepareUpgrade);
    connect(settingsPage_, &SettingsPage::modeChanged, this, &MainWindow::applyMode);
    connect(settingsPage_, &SettingsPage::priceBookChanged, this, &MainWindow::usePriceBookStored);
    // The dashboard's lists lead to the customer's usage and to the license.
    connect(dashboardPage_, &DashboardPage::customerActivated, this,
            [this](const QString& customerId) {
                context_->setCustomerId(customerId);
                showPage(Page::Usage);
            });
    connect(dashboardPage_, &DashboardPage::recommendationActivated, this,
            [this](const QString& customerId) {
                context_->setCustomerId(customerId);
                showPage(Page::Recommendations);
            });
    connect(dashboardPage_, &DashboardPage::licenseActivated, this,
            [this](const QUuid& licenseId, const QString& customerId) {
                context_->setCustomerId(customerId);
                showPage(Page::Licenses);
                if (!licensesPage_->selectLicense(licenseId))
                    statusBar()->showMessage(tr("That license is not in the list any more."), 5000);
            });
    // The all-customers usage leads to one customer's.
    connect(usagePage_, &UsagePage::customerActivated, context_, &ContextBar::setCustomerId);
    connect(usagePage_, &UsagePage::liveSourcesRequested, this, [this] {
        showPage(Page::Settings);
        for (QWidget* up = settingsPage_->parentWidget(); up; up = up->parentWidget()) {
            if (auto* scroller = qobject_cast<QScrollArea*>(up)) {
                scroller->ensureWidgetVisible(settingsPage_->liveSources());
                break;
            }
        }
    });
    // Another workspace cannot be opened while work runs on this one.
    connect(runner_, &TaskRunner::busyChanged, this, [this](bool busy) {
        for (QAction* action : {openAction_, openTeamAction_})
            if (action)
                action->setEnabled(!busy);
    });
    // After the menus' own busy handling: what the role forbids stays off.
    connect(runner_, &TaskRunner::busyChanged, this, [this](bool busy) {
        if (session_)
            applyRole();
        // After the finished work's own result is shown (it may start more).
        if (!busy && !changesWhileBusy_.isEmpty())
            QTimer::singleShot(0, this, [this] {
                if (!changesWhileBusy_.isEmpty())
                    showChanges(std::exchange(changesWhileBusy_, {}));
            });
    });
    setAcceptDrops(true);

    applyTheme();
    useSession(std::move(session));
    restoreLayout();
}

std::vector<ConsolePage*> MainWindow::consolePages() const {
    // In the sidebar's order (Page).
    return {dashboardPage_,       tiersPage_,   licensesPage_, usagePage_,
            recommendationsPage_, reportsPage_, settingsPage_};
}

void MainWindow::wirePages() {
    for (ConsolePage* page : consolePages()) {
        page->setTaskRunner(runner_);
        connect(context_, &ContextBar::customerChanged, page, &ConsolePage::setCustomer);
        connect(context_, &ContextBar::monthChanged, page, &ConsolePage::setMonth);
        // What one page changes (licenses, keys, mode, usage), the others read again.
        connect(page, &ConsolePage::workspaceEdited, this, [this, page] {
            refreshCustomers();
            for (ConsolePage* other : consolePages()) {
                if (other != page)
                    other->reload();
            }
        });
    }
}

MainWindow::~MainWindow() {
    // The session's workspace goes before the child widgets do: no work may
    // still use it, and no page may be told to reload from it.
    runner_->waitForIdle();
    runner_->disconnect();
    feed_.reset();
}

void MainWindow::buildPages() {
    pages_ = {
        {tr("Dashboard"), tr("The month so far across every customer")},
        {tr("Tiers"), tr("Compare the tiers side by side and price a prospect's needs")},
        {tr("Licenses"), tr("Issue, renew, upgrade and revoke signed licenses")},
        {tr("Usage"), tr("Metered traffic against each license's limits")},
        {tr("Recommendations"), tr("The tier each customer's usage calls for")},
        {tr("Reports"), tr("Monthly cost reports and invoices for finance")},
        {tr("Settings"),
         tr("Signing keys, company, price book versions, live sources, workspace mode")},
    };

    stack_->setObjectName(QStringLiteral("pages"));
    for (ConsolePage* page : consolePages())
        stack_->addWidget(scrollable(page));

    pageList_->setObjectName(QStringLiteral("pageList"));
    pageList_->setFrameShape(QFrame::NoFrame);
    pageList_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    pageList_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    pageList_->setAccessibleName(tr("Pages"));
    for (const PageInfo& page : pages_)
        pageList_->addItem(page.title);
    // A page's scroller is its first tab stop, and what a screen reader announces.
    for (int i = 0; i < stack_->count() && i < static_cast<int>(pages_.size()); ++i)
        stack_->widget(i)->setAccessibleName(
            tr("%1 page").arg(pages_[static_cast<std::size_t>(i)].title));

    auto* brand = new QLabel(tr("AI Control Plane"), sidebar_);
    brand->setFont(theme::scaledFont(font(), 1.1, true));
    auto* product = new QLabel(tr("Pricing & licensing"), sidebar_);
    product->setObjectName(QStringLiteral("productLine"));

    sidebar_->setObjectName(QStringLiteral("sidebar"));
    sidebar_->setAutoFillBackground(true);
    const int padding = theme::spacing(font(), 0.9);
    auto* sidebarLayout = new QVBoxLayout(sidebar_);
    sidebarLayout->setContentsMargins(padding, padding, padding / 2, padding);
    sidebarLayout->setSpacing(0);
    sidebarLayout->addWidget(brand);
    sidebarLayout->addWidget(product);
    sidebarLayout->addSpacing(padding);
    sidebarLayout->addWidget(pageList_, 1);
    const QFontMetrics metrics(font());
    sidebar_->setFixedWidth(metrics.averageCharWidth() * 28);

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(padding * 3 / 2, padding, padding * 3 / 2, padding);
    contentLayout->setSpacing(padding);
    contentLayout->addWidget(context_);
    contentLayout->addWidget(stack_, 1);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sidebar_);
    layout->addWidget(content, 1);
    setCentralWidget(central);

    connect(pageList_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= static_cast<int>(pages_.size()))
            return;
        stack_->setCurrentIndex(row);
        context_->setPage(pages_[static_cast<std::size_t>(row)].title,
                          pages_[static_cast<std::size_t>(row)].summary);
        if (row < static_cast<int>(pageActions_.size()))
            pageActions_[static_cast<std::size_t>(row)]->setChecked(true);
    });
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    // The welcome's create flow: a vendor workspace with its key, or a
    // customer one with the license received; nothing is written on Cancel.
    QAction* create = file->addAction(tr("&New Workspace…"), this, [this] {
        FirstRunWizard wizard(FirstRunWizard::Purpose::NewWorkspace, this);
        if (wizard.exec() != QDialog::Accepted)
            return;
        if (auto created = wizard.takeSession()) {
            const QString path = created->path();
            forgetLastTeamWorkspace();
            useSession(std::move(created));
            statusBar()->showMessage(tr("Created %1").arg(QDir::toNativeSeparators(path)), 5000);
        }
    });
    create->setObjectName(QStringLiteral("newWorkspaceAction"));
    create->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));  // Ctrl+N issues a license
    connect(runner_, &TaskRunner::busyChanged, create,
            [create](bool busy) { create->setEnabled(!busy); });
    QAction* open = file->addAction(tr("&Open Workspace…"), this, &MainWindow::openWorkspace);
    openAction_ = open;
    open->setObjectName(QStringLiteral("openWorkspaceAction"));
    open->setShortcut(QKeySequence::Open);
    openTeamAction_ =
        file->addAction(tr("Open &Team Workspace…"), this, &MainWindow::openTeamWorkspace);
    openTeamAction_->setObjectName(QStringLiteral("openTeamWorkspaceAction"));
    openTeamAction_->setStatusTip(
        tr("Open the workspace a team shares in PostgreSQL, by its connection URI"));
    file->addSeparator();
    addLicenseAction_ = file->addAction(tr("&Add License…"), this, &MainWindow::chooseLicenseToAdd);
    addLicenseAction_->setObjectName(QStringLiteral("addLicenseAction"));
    addLicenseAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    addLicenseAction_->setStatusTip(
        tr("Verify a license received from the vendor and keep it in this workspace"));
    openRequestAction_ =
        file->addAction(tr("Review &Upgrade Request…"), this, &MainWindow::chooseUpgradeRequest);
    openRequestAction_->setObjectName(QStringLiteral("openUpgradeRequestAction"));
    openRequestAction_->setStatusTip(
        tr("Open a customer's upgrade request in the license dialog, ready to review and sign"));
    licensesPage_->showAddLicenseAction(addLicenseAction_);
    for (QAction* action : {addLicenseAction_, openRequestAction_})
        connect(runner_, &TaskRunner::busyChanged, action,
                [action](bool busy) { action->setEnabled(!busy); });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    auto* group = new QActionGroup(this);
    for (std::size_t i = 0; i < pages_.size(); ++i) {
        QAction* action = view->addAction(pages_[i].title);
        action->setObjectName(QStringLiteral("showPage%1Action").arg(i + 1));
        action->setCheckable(true);
        QList<QKeySequence> keys{QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i))};
        if (i == static_cast<std::size_t>(Page::Settings))
            keys += QKeySequence::keyBindings(QKeySequence::Preferences);
        action->setShortcuts(keys);
        group->addAction(action);
        // The keyboard lands in the page, so its own shortcuts work at once.
        connect(action, &QAction::triggered, this, [this, i] {
            pageList_->setCurrentRow(static_cast<int>(i));
            stack_->currentWidget()->setFocus(Qt::ShortcutFocusReason);
        });
        pageActions_.push_back(action);
    }

    watchNotices(view);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About aicp Console"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::applyTheme() {
    const QPalette colours = palette();
    QPalette sidebarColours = sidebar_->palette();
    sidebarColours.setColor(QPalette::Window, theme::sidebarSurface(colours));
    sidebar_->setPalette(sidebarColours);
    if (auto* product = sidebar_->findChild<QLabel*>(QStringLiteral("productLine"))) {
        QPalette muted = product->palette();
        muted.setColor(QPalette::WindowText, theme::mutedText(colours));
        product->setPalette(muted);
    }
    // The only style sheet: item shapes a palette cannot express. Every
    // colour in it comes from the palette in force.
    const int radius = theme::spacing(font(), 0.35);
    const int padding = theme::spacing(font(), 0.45);
    pageList_->setStyleSheet(
        QStringLiteral("QListWidget#pageList { background: transparent; outline: 0; }"
                       "QListWidget#pageList::item { padding: %1px %2px; margin: 1px 0;"
                       " border-radius: %3px; color: %4; }"
                       "QListWidget#pageList::item:hover { background: %5; }"
                       "QListWidget#pageList::item:selected { background: %6; color: %7; }")
            .arg(padding)
            .arg(padding * 2)
            .arg(radius)
            .arg(colours.color(QPalette::Text).name(),
                 theme::hairline(colours).name(QColor::HexArgb), theme::accent(colours).name(),
                 colours.color(QPalette::HighlightedText).name()));
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QMainWindow::changeEvent(event);
}

void MainWindow::useSession(std::unique_ptr<WorkspaceSession> session) {
    // Work running on the old workspace finishes before it is closed.
    runner_->waitForIdle();
    feed_.reset();
    changesWhileBusy_.clear();
    session_ = std::move(session);
    workspaceLabel_->setText(tr("Workspace: %1").arg(QDir::toNativeSeparators(session_->path())));
    workspaceLabel_->setToolTip(QDir::toNativeSeparators(session_->path()));
    setWindowFilePath(session_->path());

    // The context changes quietly: the pages still hold the old workspace
    // until open() gives them the new one with the customer and month.
    {
        const QSignalBlocker quiet(context_);
        refreshCustomers();
        // The months a price can be asked for: from the first price book
        // version to a year ahead, for quotes on next year's renewals. The
        // console opens on the latest month with usage, not an empty one.
        const auto& versions = session_->priceBook().versions();
        const QDate today = QDate::currentDate();
        const QDate first = versions.front().effectiveFrom;
        const QDate last = std::max(today, first).addMonths(12);
        context_->setMonths(first, last, openingMonth(today));
        applyMode();
    }
    showPricesForMonth();
    for (ConsolePage* page : consolePages())
        page->open(&session_->workspace(), session_->priceBook(), context_->customerId(),
                   context_->month());
    applyRole();
    watchChanges();
    const auto mode = session_->workspace().mode();
    notices_->setWorkspace(
        mode && *mode == Workspace::Mode::Vendor ? session_->location() : QString(),
        session_->workspace().id().toString(QUuid::WithoutBraces));

    if (session_->createdDemo())
        statusBar()->showMessage(
            tr("First start: this is the demo workspace, with sample customers to explore."));
    else if (!session_->notice().isEmpty())
        statusBar()->showMessage(session_->notice(), 15000);
}

void MainWindow::applyMode() {
    const bool customer = session_ && session_->isCustomerWorkspace();
    // A customer asks for upgrades; only a vendor opens the requests.
    openRequestAction_->setVisible(!customer);
    // The pages whose summary speaks to a customer or to a vendor.
    const struct {
        Page page;
        QString forCustomer;
        QString forVendor;
    } summaries[] = {
        {Page::Dashboard, tr("Your month so far: usage, projected cost, limits and expiry"),
         tr("The month so far across every customer")},
        {Page::Licenses, tr("The licenses received from your vendor, verified here"),
         tr("Issue, renew, upgrade and revoke signed licenses")},
        {Page::Usage, tr("Your metered traffic against your license's limits"),
         tr("Metered traffic against each license's limits")},
        {Page::Recommendations, tr("The tier your usage calls for, and asking your vendor for it"),
         tr("The tier each customer's usage calls for")},
        {Page::Reports, tr("Your estimated bill, month by month"),
         tr("Monthly cost reports and invoices for finance")},
    };
    for (const auto& summary : summaries)
        pages_[static_cast<std::size_t>(summary.page)].summary =
            customer ? summary.forCustomer : summary.forVendor;
    const int row = pageList_->currentRow();
    if (row >= 0 && row < static_cast<int>(pages_.size()))
        context_->setPage(pages_[static_cast<std::size_t>(row)].title,
                          pages_[static_cast<std::size_t>(row)].summary);
    // A customer workspace is about its one customer: it opens on them.
    if (customer && context_->customerId().isEmpty()) {
        auto customers = session_->customers();
        if (customers && !customers->empty())
            context_->setCustomerId(customers->front().id);
    }
}

void MainWindow::reloadAllPages() {
    refreshCustomers();
    for (ConsolePage* page : consolePages())
        page->reload();
    applyMode();
}

void MainWindow::refreshCustomers() {
    auto customers = session_->customers();
    context_->setCustomers(customers ? *customers : std::vector<Customer>{});
    if (!customers)
        statusBar()->showMessage(customers.error().message());
}

void MainWindow::editCustomer(const QString& customerId) {
    if (!session_ || customerId.isEmpty())
        return;
    CustomerDialog dialog(session_->workspace(), customerId, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    statusBar()->showMessage(tr("Saved the billing profile of %1.").arg(dialog.customer().name),
                             5000);
    // The name may have changed: every page shows it.
    reloadAllPages();
}

void MainWindow::showPricesForMonth() {
    if (!session_)
        return;
    const QDate month = context_->month();
    auto version = session_->priceBook().versionAt(month.isValid() ? month : QDate::currentDate());
    const PriceBookVersion& prices = version ? *version : session_->priceBook().latest();
    priceBookLabel_->setText(tr("Price book %1, in force from %2")
                                 .arg(prices.version, displayDate(prices.effectiveFrom)));
}

void MainWindow::usePriceBookStored() {
    if (!session_)
        return;
    if (const Status read = session_->reloadPriceBook(); !read.ok()) {
        statusBar()->showMessage(read.error().message(), 8000);
        return;
    }
    for (ConsolePage* page : consolePages())
        page->setWorkspace(&session_->workspace(), session_->priceBook());
    showPricesForMonth();
}

QDate MainWindow::openingMonth(QDate today) const {
    auto latest = UsageQuery(session_->workspace()).latestMonthWithUsage(today);
    return latest && *latest ? (*latest)->firstDay() : today;
}

void MainWindow::openWorkspace() {
    QString folder = QFileInfo(session_->path()).absolutePath();
    for (;;) {
        const QString path = chooseWorkspaceFile(this, folder);
        if (path.isEmpty())
            return;
        auto opened = WorkspaceSession::open(path, WorkspaceSession::WhenMissing::Refuse);
        if (opened) {
            rememberDemo(false);
            forgetLastTeamWorkspace();
            useSession(std::move(opened).value());
            statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
            return;
        }
        if (reportOpenFailure(this, path, opened.error(), tr("Close")) !=
            OpenFailureChoice::OpenAnother)
            return;
        folder = QFileInfo(path).absolutePath();
    }
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About aicp Console"),
        tr("<h3>aicp Console %1</h3>"
           "<p>The commercial back office of the AI Control Plane: compare tiers, issue and "
           "revoke licenses, see usage against limits, export cost reports and invoices.</p>"
           "<p>Every amount is exact, in integer millionths of the currency, and the console "
           "prices with the same engine as the <tt>aicp</tt> command line.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::prepareUpgrade(const Recommendation& recommendation) {
    if (!recommendation.license)
        return;
    if (!licensesPage_->canSign()) {
        showPage(Page::Licenses);
        statusBar()->showMessage(
            tr("This workspace cannot sign the upgrade: see the Licenses page."), 8000);
        return;
    }
    showPage(Page::Licenses);
    const Recommendation copy = recommendation;
    if (!licensesPage_->openUpgradeDialogFor(
            recommendation.license->license.id,
            [copy](LicenseIssueDialog& dialog) { prefillUpgrade(dialog, copy); }) &&
        !licensesPage_->isBusy())
        statusBar()->showMessage(tr("The upgrade was not signed."), 5000);
}

void MainWindow::showPage(Page page) {
    pageList_->setCurrentRow(static_cast<int>(page));
}

MainWindow::Page MainWindow::currentPage() const {
    return static_cast<Page>(std::max(0, stack_->currentIndex()));
}

void MainWindow::restoreLayout() {
    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        const QSize available = screen() ? screen()->availableSize() : kPreferredSize;
        resize(kPreferredSize.boundedTo(available * 9 / 10));
        // On a laptop-sized screen the pages need all of it; a smaller window
        // would only add scroll bars.
        if (available.width() < kPreferredSize.width() * 11 / 10 ||
            available.height() < kPreferredSize.height() * 11 / 10)
            setWindowState(windowState() | Qt::WindowMaximized);
    }
    restoreState(settings.value(kStateKey).toByteArray());
    const int page = settings.value(kPageKey, 0).toInt();
    pageList_->setCurrentRow(page >= 0 && page < pageList_->count() ? page : 0);
}

void MainWindow::saveLayout() const {
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kPageKey, pageList_->currentRow());
}

bool MainWindow::canTakeDrop(const QMimeData* mime) const {
    Workspace* workspace = session_ ? &session_->workspace() : nullptr;
    const bool usage =
        !UsagePage::usageFiles(mime).isEmpty() && mayChange(workspace, WorkspaceArea::Usage);
    const bool licenses =
        !licenseFiles(mime).isEmpty() && mayChange(workspace, WorkspaceArea::Licenses);
    return (usage || licenses) && !runner_->isBusy();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (canTakeDrop(event->mimeData()))
        event->acceptProposedAction();
    else
        QMainWindow::dragEnterEvent(event);
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event) {
    if (canTakeDrop(event->mimeData()))
        event->acceptProposedAction();
    else
        QMainWindow::dragMoveEvent(event);
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QStringList licenses = licenseFiles(event->mimeData());
    const QStringList files = UsagePage::usageFiles(event->mimeData());
    if (files.isEmpty() && licenses.isEmpty()) {
        QMainWindow::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    for (const QString& license : licenses)
        static_cast<void>(addLicenseFile(license));
    if (files.isEmpty())
        return;
    showPage(Page::Usage);
    usagePage_->importFiles(files);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // A running import stops at once and keeps nothing, rather than hold the window open.
    usagePage_->cancelImport();
    saveLayout();
    QMainWindow::closeEvent(event);
}

}  // namespace aicp

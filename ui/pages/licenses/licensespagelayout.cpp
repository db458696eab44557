// The Licenses page's widgets and their layout: the actions, the filters,
// the registry table and the details beside it. Kept apart from the page's
// operations (licensespage.cpp) so each file reads on its own.
#include "customers/customer.h"
#include "licensing/keystore.h"
#include "licensing/licensefile.h"
#include "pages/licenses/instancespanel.h"
#include "pages/licenses/licensedetailsview.h"
#include "pages/licenses/licensefiltermodel.h"
#include "pages/licenses/licenseissuedialog.h"
#include "pages/licenses/licensespage.h"
#include "pages/licenses/licensestate.h"
#include "pages/licenses/licensestatedelegate.h"
#include "pages/licenses/licensetablemodel.h"
#include "pages/licenses/revokelicensedialog.h"
#include "pages/licenses/verifylicensedialog.h"
#include "storage/workspace.h"
#include "taskrunner.h"
#include "theme.h"
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
namespace {

QToolButton* actionButton(QAction* action, QWidget* parent) {
    auto* button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    return button;
}

}  // namespace

void LicensesPage::buildActions() {
    const auto make = [this](const QString& text, const QString& name, const QKeySequence& keys,
                             const QString& tip, std::function<void()> slot) {
        auto* action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setProperty("baseToolTip", tip);
        action->setToolTip(tip);
        connect(action, &QAction::triggered, this, std::move(slot));
        addAction(action);
        return action;
    };
    issueAction_ =
        make(tr("Issue License…"), QStringLiteral("issueLicenseAction"), QKeySequence::New,
             tr("Issue a new signed license"), [this] { openIssueDialog(); });
    renewAction_ =
        make(tr("Renew"), QStringLiteral("renewLicenseAction"), QKeySequence(Qt::CTRL | Qt::Key_R),
             tr("Issue the same terms for another period, starting when this one ends"),
             [this] { renewSelected(); });
    upgradeAction_ = make(tr("Upgrade…"), QStringLiteral("upgradeLicenseAction"),
                          QKeySequence(Qt::CTRL | Qt::Key_U),
                          tr("Issue a license with another tier or add-ons that supersedes this "
                             "one"),
                          [this] { openUpgradeDialog(); });
    revokeAction_ = make(tr("Revoke…"), QStringLiteral("revokeLicenseAction"),
                         QKeySequence(Qt::SHIFT | Qt::Key_Delete),
                         tr("Permanently revoke this license and publish a new revocation list"),
                         [this] { revokeSelected(); });
    saveAction_ =
        make(tr("Save File…"), QStringLiteral("saveLicenseFileAction"), QKeySequence::Save,
             tr("Save the license file to send to the customer"), [this] { saveLicenseFileAs(); });
    copyAction_ =
        make(tr("Copy Key"), QStringLiteral("copyLicenseKeyAction"), QKeySequence::Copy,
             tr("Copy the one-line license key to the clipboard"), [this] { copySelectedKey(); });
    verifyAction_ = make(tr("Verify License…"), QStringLiteral("verifyLicenseAction"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V),
                         tr("Check a pasted key or a license file and see what it grants"),
                         [this] { openVerifyDialog(); });
    customerAction_ = make(tr("Customer…"), QStringLiteral("customerProfileAction"), {},
                           tr("The billing profile of the selected license's customer"),
                           [this] { openCustomerDialog(); });
    refreshAction_ =
        make(tr("Refresh"), QStringLiteral("refreshLicensesAction"), QKeySequence::Refresh,
             tr("Read the registry again"), [this] { reload(); });
    // Every binding of the standard keys, not just the first (Copy is also Ctrl+Ins).
    issueAction_->setShortcuts(QKeySequence::New);
    saveAction_->setShortcuts(QKeySequence::Save);
    copyAction_->setShortcuts(QKeySequence::Copy);
    // Where Refresh is also Ctrl+R (GNOME, macOS), that stays Renew's.
    QList<QKeySequence> refreshKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    refreshKeys.removeAll(renewAction_->shortcut());
    refreshAction_->setShortcuts(refreshKeys);
    auto* find = new QAction(tr("Find"), this);
    find->setObjectName(QStringLiteral("findLicenseAction"));
    find->setShortcuts(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        search_->setFocus(Qt::ShortcutFocusReason);
        search_->selectAll();
    });
    addAction(find);
    issueAction_->setPriority(QAction::HighPriority);
    for (QAction* action : {issueAction_, renewAction_, upgradeAction_, revokeAction_, saveAction_,
                            copyAction_, customerAction_, verifyAction_, refreshAction_}) {
        const QKeySequence keys = action->shortcut();
        if (!keys.isEmpty())
            action->setProperty("baseToolTip",
                                tr("%1 (%2)").arg(action->property("baseToolTip").toString(),
                                                  keys.toString(QKeySequence::NativeText)));
    }
}

void LicensesPage::buildLayout() {
    const int gap = theme::spacing(font(), 0.75);

    // Actions: what to do with licenses first, then with the selected one.
    // Tab follows the layout: the buttons, the filters, the table, the details
    // (the table and filters are made before the buttons).
    QList<QWidget*> tabChain;
    const auto button = [this, &tabChain](QAction* action) {
        QToolButton* made = actionButton(action, this);
        tabChain.append(made);
        return made;
    };
    auto* actions = new QHBoxLayout;
    actions->setSpacing(gap / 2);
    actions->addWidget(button(issueAction_));
    actions->addSpacing(gap);
    for (QAction* action : {renewAction_, upgradeAction_, revokeAction_})
        actions->addWidget(button(action));
    actions->addSpacing(gap);
    for (QAction* action : {saveAction_, copyAction_, customerAction_})
        actions->addWidget(button(action));
    actions->addStretch();
    actions->addWidget(button(verifyAction_));
    actionsRow_ = actions;

    modeBanner_->setObjectName(QStringLiteral("customerModeBanner"));
    modeBanner_->setWordWrap(true);
    modeBanner_->hide();

    QLayout* filters = buildFilters();

    buildTable();

    QWidget* splitter = buildSplitter(filters);

    message_->setObjectName(QStringLiteral("licensesMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    busy_->setObjectName(QStringLiteral("licensesBusy"));
    busy_->setRange(0, 0);
    busy_->setTextVisible(false);
    busy_->setMaximumWidth(QFontMetrics(font()).averageCharWidth() * 16);
    busy_->setMaximumHeight(QFontMetrics(font()).height() / 2);
    busy_->hide();
    auto* footer = new QHBoxLayout;
    footer->addWidget(message_, 1);
    footer->addWidget(busy_);

    auto* layout = flushColumn(this, gap);
    layout->addLayout(actions);
    layout->addWidget(modeBanner_);
    layout->addWidget(splitter, 1);
    layout->addLayout(footer);

    // Last: moving widgets into the cards and the splitter reorders the chain.
    tabChain << search_ << tierFilter_ << stateFilter_ << table_ << details_->tabStop()
             << instances_->tabStops();
    for (qsizetype i = 1; i < tabChain.size(); ++i)
        QWidget::setTabOrder(tabChain[i - 1], tabChain[i]);
}

QLayout* LicensesPage::buildFilters() {
    const int gap = theme::spacing(font(), 0.75);
    // Filters: free text, tier, state; the customer comes from the context bar.
    search_->setObjectName(QStringLiteral("licenseSearch"));
    search_->setPlaceholderText(tr("Filter by id, customer or key…"));
    search_->setClearButtonEnabled(true);
    search_->setAccessibleName(tr("Filter licenses"));
    search_->setToolTip(
        tr("Shows only the licenses whose id, customer or key contains the text "
           "(%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    search_->setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 30);
    tierFilter_->setObjectName(QStringLiteral("tierFilter"));
    tierFilter_->addItem(tr("All tiers"), QString());
    tierFilter_->setAccessibleName(tr("Tier filter"));
    tierFilter_->setToolTip(tr("Shows only the licenses of one tier"));
    stateFilter_->setObjectName(QStringLiteral("stateFilter"));
    stateFilter_->addItem(tr("Any state"), QString());
    stateFilter_->setAccessibleName(tr("State filter"));
    stateFilter_->setToolTip(tr("Shows only the licenses in one state, or expiring soon"));
    for (const LicenseState state : kLicenseStates)
        stateFilter_->addItem(licenseStateLabel(word(state)), word(state));
    stateFilter_->addItem(tr("Expiring within %1 days").arg(kExpiringSoonDays),
                          LicenseFilterModel::kExpiringSoon);
    count_->setObjectName(QStringLiteral("licenseCount"));
    setMuted(count_);
    connect(search_, &QLineEdit::textChanged, this, [this](const QString& text) {
        filter_->setText(text);
        updateCount();
    });
    connect(tierFilter_, &QComboBox::currentIndexChanged, this, [this] {
        filter_->setTier(tierFilter_->currentData().toString());
        updateCount();
    });
    connect(stateFilter_, &QComboBox::currentIndexChanged, this, [this] {
        filter_->setState(stateFilter_->currentData().toString());
        updateCount();
    });
    auto* filters = new QHBoxLayout;
    filters->setSpacing(gap / 2);
    filters->addWidget(search_, 1);
    filters->addWidget(tierFilter_);
    filters->addWidget(stateFilter_);
    filters->addSpacing(gap);
    filters->addWidget(count_);
    return filters;
}

void LicensesPage::buildTable() {
    // The registry table.
    setUpRowTable(table_, QStringLiteral("licenseTable"), filter_, tr("License registry"));
    table_->setItemDelegate(new LicenseStateDelegate(LicenseTableModel::StateColumn, table_));
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setSortingEnabled(true);
    table_->sortByColumn(LicenseTableModel::IssuedColumn, Qt::DescendingOrder);
    table_->setWordWrap(false);
    table_->setContextMenuPolicy(Qt::CustomContextMenu);
    table_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView* header = table_->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LicenseTableModel::CustomerColumn, QHeaderView::Stretch);
    header->setFont(theme::scaledFont(font(), 1.0, true));
    connect(table_, &QTableView::customContextMenuRequested, this, &LicensesPage::showContextMenu);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showSelection();
        updateActions();
    });
    connect(filter_, &QAbstractItemModel::modelReset, this, &LicensesPage::updateCount);
}

QWidget* LicensesPage::buildSplitter(QLayout* filters) {
    const int gap = theme::spacing(font(), 0.75);
    auto* tableCard = new CardFrame(this);
    tableCard->setObjectName(QStringLiteral("registryCard"));
    auto* tableLayout = flushColumn(tableCard, gap / 2);
    tableLayout->addWidget(sectionTitle(tr("Registry"), tableCard));
    tableLayout->addLayout(filters);
    tableLayout->addWidget(table_, 1);

    // The selected license, in full.
    auto* detailsCard = new CardFrame(this);
    detailsCard->setObjectName(QStringLiteral("detailsCard"));
    details_->setParent(detailsCard);
    instances_->setParent(detailsCard);
    auto* detailsLayout = new QVBoxLayout(detailsCard);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(details_, 1);
    detailsLayout->addWidget(instances_);
    detailsCard->setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 40);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("licensesSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->setHandleWidth(gap);
    splitter->addWidget(tableCard);
    splitter->addWidget(detailsCard);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // The details get a little over a third of the width to start with.
    splitter->setSizes({640, 380});
    return splitter;
}

void LicensesPage::showAddLicenseAction(QAction* action) {
    if (!actionsRow_ || !action)
        return;
    QToolButton* added = actionButton(action, this);
    added->setObjectName(QStringLiteral("addLicenseButton"));
    // Before Verify License, the last widget of the row, and so in tab order.
    QWidget* verify = actionsRow_->itemAt(actionsRow_->count() - 1)->widget();
    QWidget* before = nullptr;
    for (int index = actionsRow_->count() - 1; index >= 0 && !before; --index) {
        QWidget* widget = actionsRow_->itemAt(index)->widget();
        before = widget != verify ? widget : nullptr;
    }
    actionsRow_->insertWidget(actionsRow_->count() - 1, added);
    if (before)
        QWidget::setTabOrder(before, added);
    QWidget::setTabOrder(added, verify);
}

}  // namespace aicp

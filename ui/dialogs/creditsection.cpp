#include "dialogs/creditsection.h"

#include "billing/creditbook.h"
#include "chosenfile.h"
#include "dialogs/grantcreditdialog.h"
#include "money/moneyformat.h"
#include "roleguard.h"
#include "storage/vendoronly.h"
#include "storage/workspace.h"
#include "theme.h"
#include "widgets/pagetext.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace aicp {
namespace {

// Enough rows to read a few grants without the dialog growing tall.
constexpr int kVisibleRows = 4;
// The table widens the dialog up to this many characters.
constexpr int kWidestInCharacters = 120;

QTableWidgetItem* cell(const QString& text, bool number) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(number ? (Qt::AlignRight | Qt::AlignVCenter)
                                  : (Qt::AlignLeft | Qt::AlignVCenter));
    return item;
}

}  // namespace

CreditSection::CreditSection(Workspace& workspace, const QString& customerId, QWidget* parent)
    : QWidget(parent),
      workspace_(workspace),
      customerId_(customerId),
      runner_([](GrantCreditDialog& dialog) { return dialog.exec(); }),
      balance_(new QLabel(this)),
      note_(mutedLabel(QString(), this)),
      empty_(mutedLabel(tr("No credit granted yet."), this)),
      grant_(new QPushButton(tr("&Grant Credit…"), this)),
      grants_(new QTableWidget(0, 8, this)) {
    setObjectName(QStringLiteral("creditSection"));
    balance_->setObjectName(QStringLiteral("creditBalanceLabel"));
    balance_->setWordWrap(true);
    balance_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    note_->setObjectName(QStringLiteral("creditGrantNote"));
    note_->hide();
    empty_->setObjectName(QStringLiteral("creditEmptyNote"));
    grants_->setObjectName(QStringLiteral("creditGrantTable"));
    grants_->setAccessibleName(tr("Credit grants"));
    grants_->setHorizontalHeaderLabels({tr("Granted"), tr("Expires"), tr("Amount"), tr("Paid"),
                                        tr("Used"), tr("Available"), tr("Forfeited"),
                                        tr("Reason")});
    grants_->verticalHeader()->hide();
    grants_->horizontalHeader()->setStretchLastSection(true);
    grants_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    grants_->setSelectionBehavior(QAbstractItemView::SelectRows);
    grants_->setTabKeyNavigation(false);
    grants_->setWordWrap(false);
    const int row = grants_->verticalHeader()->defaultSectionSize();
    grants_->setFixedHeight(row * (kVisibleRows + 1) + 2 * grants_->frameWidth());
    grant_->setObjectName(QStringLiteral("grantCreditButton"));
    grant_->setToolTip(tr("Grant this customer prepaid credit, as 'aicp credits grant' does"));
    connect(grant_, &QPushButton::clicked, this, [this] { (void)grantCredit(); });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(theme::spacing(font(), 0.4));
    layout->addWidget(sectionTitle(tr("Prepaid credit"), this));
    auto* top = new QHBoxLayout;
    top->addWidget(balance_, 1);
    top->addWidget(grant_, 0, Qt::AlignTop);
    layout->addLayout(top);
    layout->addWidget(note_);
    layout->addWidget(empty_);
    layout->addWidget(grants_);
    refresh();
}

void CreditSection::refresh() {
    auto balance = CreditBook(workspace_).balance(customerId_);
    if (!balance) {
        currency_.clear();
        showStatus(balance_, upperFirst(balance.error().message()), true);
        grants_->setRowCount(0);
        fitTable();
        guardGrant();
        return;
    }
    currency_ = balance->currency;
    const QLocale locale;
    QString text = tr("%1 of prepaid credit available now")
                       .arg(formatMoney(balance->balance, locale, balance->currency));
    if (!balance->forfeited.isZero())
        text += tr("; %1 expired unused and was forfeited")
                    .arg(formatMoney(balance->forfeited, locale, balance->currency));
    showStatus(balance_, text, false);
    balance_->setAccessibleName(text);
    showGrants(balance->currency);
    guardGrant();
}

void CreditSection::showGrants(const QString& currency) {
    auto grants = CreditBook(workspace_).list(customerId_);
    grants_->setRowCount(0);
    if (!grants) {
        showStatus(balance_, upperFirst(grants.error().message()), true);
        fitTable();
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QLocale locale;
    const auto money = [&locale](Money amount, const QString& in) {
        return formatMoney(amount, locale, in);
    };
    grants_->setRowCount(int(grants->size()));
    int row = 0;
    for (const CreditGrant& grant : *grants) {
        const QString in = grant.currency.isEmpty() ? currency : grant.currency;
        const QStringList texts{
            locale.toString(grant.grantedAt.toUTC().date(), QStringLiteral("d MMM yyyy")),
            grant.expiresAt.isValid()
                ? locale.toString(grant.expiresAt.toUTC().date(), QStringLiteral("d MMM yyyy"))
                : tr("never"),
            money(grant.amount, in),
            money(grant.paid, in),
            money(grant.used, in),
            money(grant.availableAt(now), in),
            money(grant.forfeitedAt(now), in),
            grant.reason};
        for (int column = 0; column < texts.size(); ++column)
            grants_->setItem(row, column, cell(texts[column], column >= 2 && column <= 6));
        ++row;
    }
    fitTable();
}

void CreditSection::fitTable() {
    // Every column readable without scrolling sideways, up to a wide dialog.
    grants_->resizeColumnsToContents();
    const int padding = fontMetrics().averageCharWidth() * 2;
    int wanted = 2 * grants_->frameWidth() + grants_->verticalScrollBar()->sizeHint().width();
    for (int column = 0; column < grants_->columnCount(); ++column) {
        grants_->setColumnWidth(column, grants_->columnWidth(column) + padding);
        wanted += grants_->columnWidth(column);
    }
    grants_->setMinimumWidth(
        std::min(wanted, fontMetrics().averageCharWidth() * kWidestInCharacters));
    const bool any = grants_->rowCount() > 0;
    grants_->setVisible(any);
    empty_->setVisible(!any);
}

void CreditSection::guardGrant() {
    refusal_.clear();
    if (currency_.isEmpty())
        refusal_ = tr("The customer's credit cannot be read.");
    const Status vendor =
        refuseInCustomerWorkspace(workspace_, tr("credits are granted in the vendor's workspace"));
    if (!vendor.ok())
        refusal_ = upperFirst(vendor.error().message());
    grant_->setEnabled(refusal_.isEmpty());
    guardRole(grant_, &workspace_, WorkspaceArea::Invoices);
    if (refusal_.isEmpty() && !mayChange(&workspace_, WorkspaceArea::Invoices))
        refusal_ = refusalReason(workspace_.role(), WorkspaceArea::Invoices);
    if (!refusal_.isEmpty() && mayChange(&workspace_, WorkspaceArea::Invoices))
        grant_->setToolTip(refusal_);
    note_->setText(refusal_.isEmpty()
                       ? QString()
                       : tr("You can read this credit but not grant any: %1").arg(refusal_));
    note_->setVisible(!refusal_.isEmpty());
}

bool CreditSection::grantCredit() {
    if (!refusal_.isEmpty() || currency_.isEmpty())
        return false;
    GrantCreditDialog dialog(workspace_, customerId_, currency_, window());
    if (runner_(dialog) != QDialog::Accepted || dialog.grantedId() == 0)
        return false;
    refresh();
    emit creditGranted();
    return true;
}

QString CreditSection::balanceText() const {
    return balance_->text();
}

}  // namespace aicp

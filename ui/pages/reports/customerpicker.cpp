#include "pages/reports/customerpicker.h"

#include "theme.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace aicp {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kSearchRole = Qt::UserRole + 2;

}  // namespace

CustomerPicker::CustomerPicker(QWidget* parent)
    : QToolButton(parent),
      menu_(new QMenu(this)),
      filter_(new QLineEdit),
      items_(new QStandardItemModel(this)),
      shown_(new QSortFilterProxyModel(this)),
      list_(new QListView) {
    setObjectName(QStringLiteral("customerPicker"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setToolTip(tr("The customers the report covers"));
    setMenu(menu_);

    auto* panel = new QWidget;
    const int gap = theme::spacing(font(), 0.4);
    filter_->setObjectName(QStringLiteral("customerPickerFilter"));
    filter_->setPlaceholderText(tr("Filter by name or id"));
    filter_->setClearButtonEnabled(true);
    shown_->setSourceModel(items_);
    shown_->setFilterRole(kSearchRole);
    shown_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(filter_, &QLineEdit::textChanged, shown_, &QSortFilterProxyModel::setFilterFixedString);
    list_->setObjectName(QStringLiteral("customerPickerList"));
    list_->setModel(shown_);
    list_->setUniformItemSizes(true);
    list_->setMinimumSize(fontMetrics().averageCharWidth() * 42, fontMetrics().height() * 16);
    auto* all = new QPushButton(tr("All"), panel);
    all->setObjectName(QStringLiteral("customerPickerAll"));
    all->setToolTip(tr("Check every customer the filter shows"));
    auto* none = new QPushButton(tr("None"), panel);
    none->setObjectName(QStringLiteral("customerPickerNone"));
    none->setToolTip(tr("Uncheck every customer the filter shows"));
    connect(all, &QPushButton::clicked, this, [this] { checkShown(true); });
    connect(none, &QPushButton::clicked, this, [this] { checkShown(false); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(all);
    buttons->addWidget(none);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(gap, gap, gap, gap);
    layout->setSpacing(gap);
    layout->addWidget(filter_);
    layout->addWidget(list_);
    layout->addLayout(buttons);
    auto* action = new QWidgetAction(menu_);
    action->setDefaultWidget(panel);
    menu_->addAction(action);

    connect(menu_, &QMenu::aboutToShow, this, [this] {
        filter_->clear();
        fillList();
        filter_->setFocus();
    });
    // The report is computed once, when the choice is made, not per tick.
    connect(menu_, &QMenu::aboutToHide, this, [this] {
        const bool wasAll = all_;
        const std::set<QString> was = chosen_;
        readList();
        updateText();
        if (wasAll != all_ || was != chosen_)
            emit selectionChanged();
    });
    updateText();
}

void CustomerPicker::setCustomers(const std::vector<Customer>& customers) {
    customers_ = customers;
    // An empty list is a workspace not read yet, not one without the chosen customers.
    if (!all_ && !customers_.empty()) {
        std::set<QString> known;
        for (const Customer& customer : customers_)
            known.insert(customer.id);
        std::erase_if(chosen_, [&known](const QString& id) { return !known.contains(id); });
    }
    updateText();
}

void CustomerPicker::setSelection(const QStringList& customerIds) {
    all_ = customerIds.isEmpty();
    chosen_.clear();
    if (!all_)
        chosen_.insert(customerIds.begin(), customerIds.end());
    updateText();
}

QStringList CustomerPicker::selectedIds() const {
    QStringList ids;
    if (!all_)
        ids = QStringList(chosen_.begin(), chosen_.end());
    return ids;
}

void CustomerPicker::fillList() {
    items_->clear();
    for (const Customer& customer : customers_) {
        auto* item = new QStandardItem(customer.name.isEmpty() ? customer.id : customer.name);
        item->setData(customer.id, kIdRole);
        item->setData(customer.name + u' ' + customer.id, kSearchRole);
        item->setToolTip(customer.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(all_ || chosen_.contains(customer.id) ? Qt::Checked : Qt::Unchecked);
        items_->appendRow(item);
    }
}

void CustomerPicker::readList() {
    if (items_->rowCount() == 0)
        return;
    std::set<QString> checked;
    for (int row = 0; row < items_->rowCount(); ++row) {
        const QStandardItem* item = items_->item(row);
        if (item->checkState() == Qt::Checked)
            checked.insert(item->data(kIdRole).toString());
    }
    all_ = checked.size() == customers_.size();
    chosen_ = all_ ? std::set<QString>{} : std::move(checked);
}

void CustomerPicker::checkShown(bool on) {
    for (int row = 0; row < shown_->rowCount(); ++row)
        items_->itemFromIndex(shown_->mapToSource(shown_->index(row, 0)))
            ->setCheckState(on ? Qt::Checked : Qt::Unchecked);
}

void CustomerPicker::updateText() {
    QString text;
    if (all_) {
        text = tr("All customers");
    } else if (chosen_.empty()) {
        text = tr("No customer");
    } else if (chosen_.size() == 1) {
        text = *chosen_.begin();
        for (const Customer& customer : customers_) {
            if (customer.id == text && !customer.name.isEmpty())
                text = customer.name;
        }
    } else {
        text = tr("%1 of %2 customers")
                   .arg(QLocale().toString(qint64(chosen_.size())),
                        QLocale().toString(qint64(customers_.size())));
    }
    setText(text);
}

}  // namespace aicp

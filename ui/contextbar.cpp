#include "contextbar.h"

#include "theme.h"
#include "widgets/pagetext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

namespace aicp {

ContextBar::ContextBar(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      summary_(new QLabel(this)),
      customer_(new QComboBox(this)),
      profile_(new QToolButton(this)),
      month_(new QComboBox(this)) {
    setObjectName(QStringLiteral("contextBar"));
    title_->setObjectName(QStringLiteral("pageTitle"));
    title_->setFont(theme::scaledFont(font(), 1.6, true));
    summary_->setObjectName(QStringLiteral("pageSummary"));
    setMuted(summary_);
    // In a narrow window the summary gives way (clipped) before the selectors do.
    summary_->setMinimumWidth(1);
    title_->setMinimumWidth(1);

    customer_->setObjectName(QStringLiteral("customerSelector"));
    customer_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    customer_->setMinimumContentsLength(20);
    customer_->setToolTip(tr("The customer the pages work on"));
    profile_->setObjectName(QStringLiteral("customerProfileButton"));
    profile_->setText(tr("Profile…"));
    profile_->setAccessibleName(tr("Customer billing profile"));
    profile_->setToolTip(tr("See or edit the selected customer's billing profile"));
    profile_->setEnabled(false);
    month_->setObjectName(QStringLiteral("monthSelector"));
    month_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    month_->setToolTip(tr("The month: usage, reports and the price book version in force"));

    auto* customerLabel = new QLabel(tr("&Customer"), this);
    customerLabel->setBuddy(customer_);
    auto* monthLabel = new QLabel(tr("&Month"), this);
    monthLabel->setBuddy(month_);

    auto* heading = new QVBoxLayout;
    heading->setSpacing(0);
    heading->addWidget(title_);
    heading->addWidget(summary_);

    const int gap = theme::spacing(font(), 0.5);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(gap);
    layout->addLayout(heading, 1);
    layout->addWidget(customerLabel);
    layout->addWidget(customer_);
    layout->addWidget(profile_);
    layout->addSpacing(gap);
    layout->addWidget(monthLabel);
    layout->addWidget(month_);

    connect(customer_, &QComboBox::currentIndexChanged, this, [this] {
        profile_->setEnabled(!customerId().isEmpty());
        emit customerChanged(customerId());
    });
    connect(profile_, &QToolButton::clicked, this,
            [this] { emit customerProfileRequested(customerId()); });
    connect(month_, &QComboBox::currentIndexChanged, this, [this] { emit monthChanged(month()); });
}

void ContextBar::setPage(const QString& title, const QString& summary) {
    title_->setText(title);
    summary_->setText(summary);
}

void ContextBar::setCustomers(const std::vector<Customer>& customers) {
    const QString kept = customerId();
    {
        const QSignalBlocker blocker(customer_);
        customer_->clear();
        customer_->addItem(tr("All customers"), QString());
        for (const Customer& customer : customers)
            customer_->addItem(customer.name, customer.id);
        const int index = customer_->findData(kept);
        customer_->setCurrentIndex(index < 0 ? 0 : index);
    }
    profile_->setEnabled(!customerId().isEmpty());
    if (customerId() != kept)
        emit customerChanged(customerId());
}

void ContextBar::setMonths(QDate first, QDate last, QDate current) {
    const QDate previous = month();
    const QLocale locale;
    {
        const QSignalBlocker blocker(month_);
        month_->clear();
        for (QDate month(first.year(), first.month(), 1); month <= last; month = month.addMonths(1))
            month_->addItem(locale.toString(month, QStringLiteral("MMMM yyyy")), month);
        const int index = month_->findData(QDate(current.year(), current.month(), 1));
        month_->setCurrentIndex(index < 0 ? month_->count() - 1 : index);
    }
    if (month() != previous)
        emit monthChanged(month());
}

void ContextBar::setCustomerId(const QString& customerId) {
    const int index = customer_->findData(customerId);
    if (index >= 0)
        customer_->setCurrentIndex(index);
}

QString ContextBar::customerId() const {
    return customer_->currentData().toString();
}

QDate ContextBar::month() const {
    return month_->currentData().toDate();
}

}  // namespace aicp

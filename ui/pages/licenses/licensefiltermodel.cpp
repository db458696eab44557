#include "pages/licenses/licensefiltermodel.h"

#include "pages/licenses/licensetablemodel.h"

namespace aicp {

LicenseFilterModel::LicenseFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(LicenseTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void LicenseFilterModel::setCustomerId(const QString& customerId) {
    refilter(customerId_, customerId);
}

void LicenseFilterModel::setTier(const QString& tierId) {
    refilter(tier_, tierId);
}

void LicenseFilterModel::setState(const QString& stateWord) {
    refilter(state_, stateWord);
}

void LicenseFilterModel::setText(const QString& text) {
    refilter(text_, text.trimmed());
}

void LicenseFilterModel::refilter(QString& criterion, const QString& value) {
    if (criterion == value)
        return;
    criterion = value;
    // Qt 6.4 has no begin/endFilterChange; invalidateFilter keeps the sort.
    invalidateFilter();
}

bool LicenseFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!customerId_.isEmpty() &&
        index.data(LicenseTableModel::CustomerIdRole).toString() != customerId_)
        return false;
    if (!tier_.isEmpty() && index.data(LicenseTableModel::TierIdRole).toString() != tier_)
        return false;
    if (state_ == kExpiringSoon) {
        if (!index.data(LicenseTableModel::ExpiringSoonRole).toBool())
            return false;
    } else if (!state_.isEmpty() && index.data(LicenseTableModel::StateRole).toString() != state_) {
        return false;
    }
    if (!text_.isEmpty()) {
        const QString haystack = index.data(LicenseTableModel::SearchTextRole).toString();
        const QStringList words = text_.split(u' ', Qt::SkipEmptyParts);
        for (const QString& word : words) {
            if (!haystack.contains(word, Qt::CaseInsensitive))
                return false;
        }
    }
    return true;
}

}  // namespace aicp

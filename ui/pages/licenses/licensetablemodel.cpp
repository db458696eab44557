#include "pages/licenses/licensetablemodel.h"

#include "pages/licenses/licensestate.h"
#include "theme.h"

#include <QFont>

namespace aicp {

LicenseTableModel::LicenseTableModel(QObject* parent)
    : ColumnTableModel(QStringList{tr("License"), tr("Customer"), tr("Tier"), tr("State"),
                                   tr("Issued"), tr("Expires"), tr("Supersedes")},
                       parent) {}

void LicenseTableModel::setRecords(std::vector<LicenseRecord> records, const QDateTime& now,
                                   std::map<QString, QString> tierNames) {
    beginResetModel();
    now_ = now;
    tierNames_ = std::move(tierNames);
    rows_.clear();
    rows_.reserve(records.size());
    for (LicenseRecord& record : records) {
        Row row{std::move(record), {}, false};
        row.state = row.record.stateAt(now);
        row.expiringSoon = row.state == LicenseState::Active &&
                           now.daysTo(row.record.license.expiresAt) <= kExpiringSoonDays;
        rows_.push_back(std::move(row));
    }
    endResetModel();
}

const LicenseRecord* LicenseTableModel::record(int row) const {
    return hasRow(row) ? &rows_[static_cast<std::size_t>(row)].record : nullptr;
}

int LicenseTableModel::rowOf(const QUuid& id) const {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].record.license.id == id)
            return static_cast<int>(i);
    }
    return -1;
}

QString LicenseTableModel::tierName(const QString& id) const {
    const auto it = tierNames_.find(id);
    return it == tierNames_.end() ? id : it->second;
}

QVariant LicenseTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = rows_[static_cast<std::size_t>(index.row())];
    const LicensePayload& license = row.record.license;

    switch (role) {
        case StateRole:
            return word(row.state);
        case CustomerIdRole:
            return license.customerId;
        case TierIdRole:
            return license.tier;
        case ExpiringSoonRole:
            return row.expiringSoon;
        case SearchTextRole:
            return QStringList{
                fullLicenseId(license.id), license.customerId, license.customerName, license.tier,
                tierName(license.tier),    word(row.state),    license.kid}
                .join(u' ');
        default:
            break;
    }

    const auto column = static_cast<Column>(index.column());
    switch (role) {
        case SortRole:
            return sortData(row, column);
        case Qt::DisplayRole:
            return displayData(row, column);
        case Qt::ToolTipRole:
            return toolTipData(row, column);
        case Qt::ForegroundRole:
            return foregroundData(row, column);
        case Qt::FontRole:
            return column == ExpiresColumn && row.expiringSoon ? QVariant(boldFont()) : QVariant();
        default:
            return {};
    }
}

QVariant LicenseTableModel::sortData(const Row& row, Column column) const {
    const LicensePayload& license = row.record.license;
    switch (column) {
        case IssuedColumn:
            return license.issuedAt;
        case ExpiresColumn:
            return license.expiresAt;
        case CustomerColumn:
            return license.customerName.toLower();
        default:
            return displayData(row, column);
    }
}

QVariant LicenseTableModel::displayData(const Row& row, Column column) const {
    const LicensePayload& license = row.record.license;
    switch (column) {
        case IdColumn:
            return shortLicenseId(license.id);
        case CustomerColumn:
            return license.customerName;
        case TierColumn:
            return tierName(license.tier);
        case StateColumn:
            return licenseStateLabel(word(row.state));
        case IssuedColumn:
            return licenseDate(license.issuedAt);
        case ExpiresColumn:
            return licenseDate(license.expiresAt);
        case SupersedesColumn:
            return license.supersedes ? shortLicenseId(*license.supersedes) : QString();
        case ColumnCount:
            break;
    }
    return {};
}

QVariant LicenseTableModel::toolTipData(const Row& row, Column column) const {
    const LicensePayload& license = row.record.license;
    switch (column) {
        case IdColumn:
            return fullLicenseId(license.id);
        case CustomerColumn:
            return license.customerId;
        case ExpiresColumn:
            if (row.expiringSoon) {
                const qint64 days = now_.daysTo(license.expiresAt);
                return days == 0   ? tr("Expires today")
                       : days == 1 ? tr("Expires tomorrow")
                                   : tr("Expires in %1 days").arg(days);
            }
            return {};
        case SupersedesColumn:
            return license.supersedes
                       ? tr("Renews or upgrades %1").arg(fullLicenseId(*license.supersedes))
                       : QVariant();
        default:
            return {};
    }
}

QVariant LicenseTableModel::foregroundData(const Row& row, Column column) const {
    if (column == ExpiresColumn && row.expiringSoon)
        return theme::warningText(palette());
    if (column == IdColumn || column == SupersedesColumn || column == IssuedColumn)
        return theme::mutedText(palette());
    if (row.state == LicenseState::Revoked || row.state == LicenseState::Superseded ||
        row.state == LicenseState::Expired)
        return theme::mutedText(palette());
    return {};
}

}  // namespace aicp

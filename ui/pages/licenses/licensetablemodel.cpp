#include "pages/licenses/licensetablemodel.h"

#include "pages/licenses/licensestate.h"
#include "theme.h"

#include <QFont>

namespace aicp {

LicenseTableModel::LicenseTableModel(QObject* parent) : QAbstractTableModel(parent) {}

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

void LicenseTableModel::setPalette(const QPalette& palette) {
    palette_ = palette;
    if (!rows_.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const LicenseRecord* LicenseTableModel::record(int row) const {
    if (row < 0 || row >= rowCount())
        return nullptr;
    return &rows_[static_cast<std::size_t>(row)].record;
}

int LicenseTableModel::rowOf(const QUuid& id) const {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].record.license.id == id)
            return static_cast<int>(i);
    }
    return -1;
}

int LicenseTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int LicenseTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
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
    if (role == SortRole) {
        switch (column) {
            case IssuedColumn:
                return license.issuedAt;
            case ExpiresColumn:
                return license.expiresAt;
            case CustomerColumn:
                return license.customerName.toLower();
            default:
                return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::DisplayRole) {
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
    if (role == Qt::ToolTipRole) {
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
    if (role == Qt::ForegroundRole) {
        if (column == ExpiresColumn && row.expiringSoon)
            return theme::warningText(palette_);
        if (column == IdColumn || column == SupersedesColumn || column == IssuedColumn)
            return theme::mutedText(palette_);
        if (row.state == LicenseState::Revoked || row.state == LicenseState::Superseded ||
            row.state == LicenseState::Expired)
            return theme::mutedText(palette_);
        return {};
    }
    if (role == Qt::FontRole && column == ExpiresColumn && row.expiringSoon) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

QVariant LicenseTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
        case IdColumn:
            return tr("License");
        case CustomerColumn:
            return tr("Customer");
        case TierColumn:
            return tr("Tier");
        case StateColumn:
            return tr("State");
        case IssuedColumn:
            return tr("Issued");
        case ExpiresColumn:
            return tr("Expires");
        case SupersedesColumn:
            return tr("Supersedes");
        case ColumnCount:
            break;
    }
    return {};
}

}  // namespace aicp

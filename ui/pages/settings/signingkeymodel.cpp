#include "pages/settings/signingkeymodel.h"

#include "pages/licenses/licensestate.h"
#include "theme.h"
#include "widgets/localdates.h"

#include <QFont>
#include <QFontDatabase>

namespace aicp {
namespace {

QString keyTime(const QDateTime& time) {
    return displayUtcTime(time);
}

}  // namespace

SigningKeyModel::SigningKeyModel(QObject* parent) : QAbstractTableModel(parent) {}

void SigningKeyModel::setKeys(std::vector<SigningKeyInfo> keys) {
    beginResetModel();
    keys_ = std::move(keys);
    endResetModel();
}

const SigningKeyInfo* SigningKeyModel::key(int row) const {
    if (row < 0 || row >= rowCount())
        return nullptr;
    return &keys_[static_cast<std::size_t>(row)];
}

void SigningKeyModel::setPalette(const QPalette& palette) {
    palette_ = palette;
    if (!keys_.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int SigningKeyModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(keys_.size());
}

int SigningKeyModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SigningKeyModel::data(const QModelIndex& index, int role) const {
    const SigningKeyInfo* info = key(index.row());
    if (!info)
        return {};
    const QString state = info->stateWord();
    if (role == StateRole)
        return state;
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::DisplayRole) {
        switch (column) {
            case KidColumn:
                return info->kid;
            case StateColumn:
                if (state == QLatin1String("signing"))
                    return tr("Signing");
                if (state == QLatin1String("retired"))
                    return tr("Retired — verifies only");
                return tr("Verify-only (imported)");
            case CreatedColumn:
                return keyTime(info->createdAt);
            case RetiredColumn:
                return info->retiredAt.isValid() ? keyTime(info->retiredAt)
                                                 : QStringLiteral("\u2014");
            case ColumnCount:
                break;
        }
        return {};
    }
    if (role == Qt::FontRole && column == KidColumn)
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (role == Qt::FontRole && column == StateColumn && state == QLatin1String("signing")) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole) {
        if (column == StateColumn)
            return state == QLatin1String("signing")
                       ? licenseStateColour(palette_, QStringLiteral("active"))
                   : state == QLatin1String("retired") ? theme::mutedText(palette_)
                                                       : theme::accent(palette_);
        if (column == RetiredColumn && !info->retiredAt.isValid())
            return theme::mutedText(palette_);
    }
    if (role == Qt::ToolTipRole && column == StateColumn) {
        if (state == QLatin1String("signing"))
            return tr("New licenses and revocation lists are signed with this key");
        if (state == QLatin1String("retired"))
            return tr("Replaced by a newer key; still verifies the licenses it signed");
        return tr("A vendor's public key: verifies licenses, never signs");
    }
    return {};
}

QVariant SigningKeyModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
        case KidColumn:
            return tr("Key id");
        case StateColumn:
            return tr("State");
        case CreatedColumn:
            return tr("Created");
        case RetiredColumn:
            return tr("Retired");
        case ColumnCount:
            break;
    }
    return {};
}

}  // namespace aicp

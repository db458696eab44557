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

SigningKeyModel::SigningKeyModel(QObject* parent)
    : ColumnTableModel(QStringList{tr("Key id"), tr("State"), tr("Created"), tr("Retired")},
                       parent) {}

void SigningKeyModel::setKeys(std::vector<SigningKeyInfo> keys) {
    resetRows([&] { keys_ = std::move(keys); });
}

const SigningKeyInfo* SigningKeyModel::key(int row) const {
    return hasRow(row) ? &keys_[static_cast<std::size_t>(row)] : nullptr;
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
    if (role == Qt::FontRole && column == StateColumn && state == QLatin1String("signing"))
        return boldFont();
    if (role == Qt::ForegroundRole) {
        if (column == StateColumn)
            return state == QLatin1String("signing")
                       ? licenseStateColour(palette(), QStringLiteral("active"))
                   : state == QLatin1String("retired") ? theme::mutedText(palette())
                                                       : theme::accent(palette());
        if (column == RetiredColumn && !info->retiredAt.isValid())
            return theme::mutedText(palette());
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

}  // namespace aicp

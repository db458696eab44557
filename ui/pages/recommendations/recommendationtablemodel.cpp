#include "pages/recommendations/recommendationtablemodel.h"

#include "money/moneyformat.h"
#include "theme.h"

#include <QApplication>
#include <QFont>
#include <QLocale>
#include <QPalette>

namespace aicp {

RecommendationTableModel::RecommendationTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RecommendationTableModel::setRecommendation(std::optional<Recommendation> recommendation) {
    beginResetModel();
    shown_ = std::move(recommendation);
    endResetModel();
}

int RecommendationTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !shown_ ? 0 : static_cast<int>(shown_->tiers.size());
}

int RecommendationTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecommendationTableModel::headerData(int section, Qt::Orientation orientation,
                                              int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == CostColumn || section == SavingColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
        case TierColumn:
            return tr("Tier");
        case CostColumn:
            return tr("Projected cost / month");
        case SavingColumn:
            return tr("Saving vs current");
        case EligibleColumn:
            return tr("Can serve");
        case WhyColumn:
            return tr("Why");
        default:
            return {};
    }
}

QVariant RecommendationTableModel::data(const QModelIndex& index, int role) const {
    if (!shown_ || !index.isValid() || index.row() >= rowCount())
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const TierOption& option = shown_->tiers[row];
    const bool recommended = shown_->recommended == row;
    const bool current = shown_->current == row;
    const QLocale locale;
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case TierColumn: {
                    QStringList marks;
                    if (current)
                        marks.append(tr("current"));
                    if (recommended)
                        marks.append(tr("recommended"));
                    return marks.isEmpty()
                               ? option.bill.tierName
                               : tr("%1 (%2)").arg(option.bill.tierName, marks.join(tr(", ")));
                }
                case CostColumn:
                    return formatMoney(option.total(), locale, shown_->currency);
                case SavingColumn: {
                    // A saving a tier cannot deliver is no saving: the Why column says why.
                    if (!shown_->current || current || !option.eligible)
                        return QStringLiteral("—");
                    auto saving = shown_->tiers[*shown_->current].total().minus(option.total());
                    if (!saving)
                        return {};
                    if (saving->isNegative())
                        return tr("%1 more").arg(
                            formatMoney(saving->negated(), locale, shown_->currency));
                    return formatMoney(*saving, locale, shown_->currency);
                }
                case EligibleColumn:
                    return option.eligible ? tr("Yes") : tr("No");
                case WhyColumn:
                    return option.reason;
                default:
                    return {};
            }
        case Qt::ToolTipRole:
            if (index.column() == WhyColumn || index.column() == TierColumn)
                return option.reason;
            return {};
        case Qt::TextAlignmentRole:
            return index.column() == CostColumn || index.column() == SavingColumn
                       ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        case Qt::FontRole:
            if (recommended) {
                QFont bold = QApplication::font();
                bold.setBold(true);
                return bold;
            }
            return {};
        case Qt::BackgroundRole:
            if (recommended)
                return theme::accentWash(QApplication::palette());
            return {};
        case Qt::ForegroundRole:
            if (!option.eligible && index.column() != TierColumn)
                return theme::warningText(QApplication::palette());
            return {};
        default:
            return {};
    }
}

}  // namespace aicp

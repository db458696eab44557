#include "pages/recommendations/recommendationtablemodel.h"

#include "money/moneyformat.h"
#include "theme.h"

#include <QApplication>
#include <QFont>
#include <QLocale>
#include <QPalette>

namespace aicp {

RecommendationTableModel::RecommendationTableModel(QObject* parent)
    : ColumnTableModel({{tr("Tier"), Qt::AlignLeft | Qt::AlignVCenter},
                        {tr("Projected cost / month"), Qt::AlignRight | Qt::AlignVCenter},
                        {tr("Saving vs current"), Qt::AlignRight | Qt::AlignVCenter},
                        {tr("Can serve"), Qt::AlignLeft | Qt::AlignVCenter},
                        {tr("Why"), Qt::AlignLeft | Qt::AlignVCenter}},
                       parent) {}

void RecommendationTableModel::setRecommendation(std::optional<Recommendation> recommendation) {
    resetRows([&] { shown_ = std::move(recommendation); });
}

int RecommendationTableModel::rows() const {
    return shown_ ? static_cast<int>(shown_->tiers.size()) : 0;
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
            return alignment(index.column());
        case Qt::FontRole:
            return recommended ? QVariant(boldFont()) : QVariant();
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

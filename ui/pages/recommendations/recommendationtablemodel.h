#pragma once

#include "recommend/recommendation.h"
#include "widgets/columntablemodel.h"

#include <optional>

namespace aicp {

// Every tier's projected monthly cost for the customer's needs, one row per
// tier in the price book's order: the cost, the difference from the current
// tier, whether it can serve, and why. The recommended row is bold and
// washed with the accent; the current one says so.
class RecommendationTableModel : public ColumnTableModel {
    Q_OBJECT
public:
    enum Column { TierColumn, CostColumn, SavingColumn, EligibleColumn, WhyColumn, ColumnCount };

    explicit RecommendationTableModel(QObject* parent = nullptr);

    void setRecommendation(std::optional<Recommendation> recommendation);
    [[nodiscard]] const std::optional<Recommendation>& recommendation() const { return shown_; }

    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;

private:
    [[nodiscard]] int rows() const override;

    std::optional<Recommendation> shown_;
};

}  // namespace aicp

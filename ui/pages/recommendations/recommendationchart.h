#pragma once

#include "recommend/recommendation.h"

#include <QChartView>

namespace aicp {

// Each tier's projected monthly cost as a bar: the recommended tier in the
// accent, the current one (when it is not the recommendation) in a muted
// accent, the other eligible tiers neutral and those that cannot serve
// faded. Categories name the tier and its cost, so no bar label is needed.
// Amounts pass through double for drawing only.
class RecommendationChart : public QChartView {
    Q_OBJECT
public:
    explicit RecommendationChart(QWidget* parent = nullptr);

    void showRecommendation(const Recommendation& recommendation);
    void clear();

protected:
    void changeEvent(QEvent* event) override;

private:
    void restyle();
};

}  // namespace aicp

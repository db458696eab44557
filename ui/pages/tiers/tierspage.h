#pragma once

#include "pages/consolepage.h"
#include "pricing/costengine.h"

#include <optional>
#include <vector>

#include <QWidget>

class QLabel;
class QTableView;
class QToolButton;
class QHBoxLayout;

namespace aicp {

class CalculatorForm;
class CardFrame;
class TierComparisonModel;
class TierResultCard;

// The Tiers page: the calculator (needs in, every tier's monthly cost out,
// the cheapest eligible highlighted, ineligible tiers saying why) above the
// side-by-side comparison of the price book. Prices with the same
// CostEngine::compare as `aicp quote --compare`, so the totals cannot drift.
class TiersPage : public ConsolePage {
    Q_OBJECT
public:
    explicit TiersPage(QWidget* parent = nullptr);

    // The price book version in force for the month being looked at.
    void setPrices(const PriceBookVersion& prices);

private:
    // The workspace's price book version for the context bar's month.
    void load() override;
    // The constructor's sections, in the order the widgets are made.
    CardFrame* buildInputs(int gap);
    void setUpCommand();
    void setUpResults();
    QHBoxLayout* buildResultsHeading(int gap);
    void setUpTable(int gap);
    CardFrame* buildComparison(int gap);
    void rebuildCards(const PriceBookVersion& prices);
    void recalculate();
    void showComparison(const TierComparison& comparison, const std::vector<Money>& annual);
    void showInputError(const QString& message);

    std::optional<CostEngine> engine_;
    CalculatorForm* form_;
    TierComparisonModel* model_;
    QTableView* table_;
    QLabel* summary_;
    QLabel* inputError_;
    QToolButton* breakdownToggle_;
    QLabel* commandCaption_;
    QLabel* command_;
    QHBoxLayout* cardsRow_;
    std::vector<TierResultCard*> cards_;
};

}  // namespace aicp

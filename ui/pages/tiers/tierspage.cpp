#include "pages/tiers/tierspage.h"

#include "money/moneyformat.h"
#include "pages/tiers/calculatorform.h"
#include "pages/tiers/tiercomparisonmodel.h"
#include "pages/tiers/tierresultcard.h"
#include "theme.h"
#include "widgets/cardframe.h"
#include "widgets/pagetext.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace aicp {
namespace {

// Table rows with air above and below, as a printed price list has; the
// default rows are packed for dense data grids.
class RoomyRowsDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        const QSize natural = QStyledItemDelegate::sizeHint(option, index);
        return {natural.width(), natural.height() + option.fontMetrics.height() / 2};
    }
};

}  // namespace

TiersPage::TiersPage(QWidget* parent)
    : ConsolePage(parent),
      form_(new CalculatorForm(this)),
      model_(new TierComparisonModel(this)),
      table_(new QTableView(this)),
      summary_(new QLabel(this)),
      inputError_(new QLabel(this)),
      breakdownToggle_(new QToolButton(this)),
      commandCaption_(new QLabel(tr("Same figures from the command line:"), this)),
      command_(new QLabel(this)),
      cardsRow_(new QHBoxLayout) {
    setObjectName(QStringLiteral("tiersPage"));
    setFollows(FollowsMonth);
    const int gap = theme::spacing(font(), 0.75);

    CardFrame* inputs = buildInputs(gap);
    setUpCommand();
    setUpResults();
    QHBoxLayout* resultsHeading = buildResultsHeading(gap);
    cardsRow_->setContentsMargins(0, 0, 0, 0);
    cardsRow_->setSpacing(gap);
    setUpTable(gap);
    CardFrame* comparison = buildComparison(gap);

    auto* results = new QVBoxLayout;
    results->setSpacing(gap);
    results->addLayout(resultsHeading);
    results->addLayout(cardsRow_);
    results->addWidget(comparison, 1);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(gap);
    layout->addWidget(inputs);
    layout->addLayout(results, 1);

    connect(form_, &CalculatorForm::inputChanged, this, &TiersPage::recalculate);
    setMuted(summary_);
}

// Inputs: a card on the left, as narrow as its fields allow.
CardFrame* TiersPage::buildInputs(int gap) {
    auto* inputs = new CardFrame(this);
    inputs->setObjectName(QStringLiteral("calculatorInputs"));
    auto* inputsLayout = flushColumn(inputs, gap);
    inputsLayout->addWidget(sectionTitle(tr("Your needs"), inputs));
    inputsLayout->addWidget(form_, 1);
    auto* commandLayout = new QVBoxLayout;
    commandLayout->setSpacing(gap / 4);
    commandLayout->addWidget(commandCaption_);
    commandLayout->addWidget(command_);
    inputsLayout->addLayout(commandLayout);
    inputs->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    inputs->setFixedWidth(QFontMetrics(font()).averageCharWidth() * 52);
    return inputs;
}

void TiersPage::setUpCommand() {
    command_->setObjectName(QStringLiteral("equivalentCommand"));
    command_->setWordWrap(true);
    command_->setTextFormat(Qt::PlainText);
    command_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    command_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    command_->setToolTip(tr("Select to copy; `aicp quote --compare` prints the same totals"));
    commandCaption_->setFont(theme::scaledFont(font(), 0.9));
    setMuted(commandCaption_);
    setMuted(command_);
}

// Results: the answer in words, then one card per tier.
void TiersPage::setUpResults() {
    summary_->setObjectName(QStringLiteral("cheapestTier"));
    summary_->setTextFormat(Qt::PlainText);
    inputError_->setObjectName(QStringLiteral("inputError"));
    inputError_->setWordWrap(true);
    inputError_->hide();
    QPalette palette = inputError_->palette();
    palette.setColor(QPalette::WindowText, theme::warningText(palette));
    inputError_->setPalette(palette);

    breakdownToggle_->setObjectName(QStringLiteral("breakdownToggle"));
    breakdownToggle_->setText(tr("Itemise"));
    breakdownToggle_->setToolTip(tr("Show every tier's bill line by line"));
    breakdownToggle_->setCheckable(true);
    breakdownToggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    breakdownToggle_->setArrowType(Qt::RightArrow);
    breakdownToggle_->setAutoRaise(true);
    connect(breakdownToggle_, &QToolButton::toggled, this, [this](bool itemised) {
        breakdownToggle_->setArrowType(itemised ? Qt::DownArrow : Qt::RightArrow);
        for (TierResultCard* card : cards_)
            card->setBreakdownVisible(itemised);
    });
}

QHBoxLayout* TiersPage::buildResultsHeading(int gap) {
    auto* resultsHeading = new QHBoxLayout;
    resultsHeading->setSpacing(gap);
    resultsHeading->addWidget(sectionTitle(tr("Monthly estimate"), this), 0, Qt::AlignBaseline);
    resultsHeading->addWidget(summary_, 1, Qt::AlignBaseline);
    resultsHeading->addWidget(inputError_, 1, Qt::AlignBaseline);
    resultsHeading->addWidget(breakdownToggle_, 0, Qt::AlignBaseline);
    return resultsHeading;
}

// Comparison: the price book side by side, tiers as columns.
void TiersPage::setUpTable(int gap) {
    table_->setObjectName(QStringLiteral("comparisonTable"));
    table_->setModel(model_);
    table_->setAccessibleName(tr("Tier comparison"));
    table_->setItemDelegate(new RoomyRowsDelegate(table_));
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setFocusPolicy(Qt::NoFocus);
    table_->setShowGrid(false);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(true);
    table_->setFrameShape(QFrame::NoFrame);
    table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->verticalHeader()->setMinimumSectionSize(QFontMetrics(font()).height() + gap / 2);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->horizontalHeader()->setHighlightSections(false);
    table_->horizontalHeader()->setFont(theme::scaledFont(font(), 1.0, true));
}

CardFrame* TiersPage::buildComparison(int gap) {
    auto* comparison = new CardFrame(this);
    auto* comparisonLayout = flushColumn(comparison, gap / 2);
    comparisonLayout->addWidget(sectionTitle(tr("Compare tiers"), comparison));
    comparisonLayout->addWidget(table_, 1);
    return comparison;
}

void TiersPage::setPrices(const PriceBookVersion& prices) {
    engine_.emplace(prices);
    model_->setPrices(prices);
    // The label column is as wide as its longest label, the tier columns share the rest.
    const QFontMetrics metrics(table_->font());
    int labelWidth = 0;
    for (int row = 0; row < model_->rowCount(); ++row)
        labelWidth = std::max(labelWidth,
                              metrics.horizontalAdvance(model_->index(row, 0).data().toString()));
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Fixed);
    table_->setColumnWidth(0, labelWidth + 2 * metrics.averageCharWidth() * 2);
    rebuildCards(prices);
    form_->setCatalog(prices);  // re-prices through inputChanged
}

void TiersPage::rebuildCards(const PriceBookVersion& prices) {
    for (TierResultCard* card : cards_)
        delete card;
    cards_.clear();
    for (const TierDefinition& tier : prices.tiers) {
        auto* card = new TierResultCard(tier.id, tier.name, this);
        card->setBreakdownVisible(breakdownToggle_->isChecked());
        cardsRow_->addWidget(card, 1);
        cards_.push_back(card);
    }
}

void TiersPage::recalculate() {
    if (!engine_)
        return;
    auto input = form_->input();
    if (!input) {
        showInputError(input.error().message());
        command_->clear();
        return;
    }
    command_->setText(quoteCommandLine(*input));
    // The same calls as `aicp quote --compare`, with the same needs, usage and terms.
    auto comparison = engine_->compare(input->needs, input->usage);
    if (!comparison) {
        showInputError(comparison.error().message());
        return;
    }
    if (input->terms.commitment) {
        const Status floor = applyCommitmentFloor(*comparison, *input->terms.commitment);
        if (!floor) {
            showInputError(tr("Commitment: %1").arg(floor.error().message()));
            return;
        }
    }
    std::vector<Money> annual;
    if (input->terms.isAnnual()) {
        auto years = annualInAdvance(comparison->bills, engine_->prices(), input->needs.discount);
        if (!years) {
            showInputError(years.error().message());
            return;
        }
        annual = std::move(years).value();
    }
    showComparison(*comparison, annual);
}

void TiersPage::showComparison(const TierComparison& comparison, const std::vector<Money>& annual) {
    inputError_->hide();
    const QLocale locale;
    const Bill* cheapest =
        comparison.cheapestEligible ? &comparison.bills[*comparison.cheapestEligible] : nullptr;
    // The runner-up is what the cheapest saves against.
    const Bill* runnerUp = nullptr;
    for (const Bill& bill : comparison.bills) {
        if (bill.eligible && &bill != cheapest && (!runnerUp || bill.total < runnerUp->total))
            runnerUp = &bill;
    }

    for (std::size_t i = 0; i < comparison.bills.size() && i < cards_.size(); ++i) {
        const Bill& bill = comparison.bills[i];
        QString note;
        if (cheapest && &bill == cheapest) {
            if (runnerUp) {
                const Money saving = runnerUp->total.minus(bill.total).valueOr(Money());
                // Under a commitment's floor several tiers cost the same.
                note = saving.isZero() ? tr("The same as %1").arg(runnerUp->tierName)
                                       : tr("%1 less than %2")
                                             .arg(formatMoney(saving, locale, bill.currency),
                                                  runnerUp->tierName);
            } else {
                note = tr("The only tier that fits");
            }
        } else if (cheapest && bill.eligible) {
            const Money extra = bill.total.minus(cheapest->total).valueOr(Money());
            note = tr("%1 more than %2")
                       .arg(formatMoney(extra, locale, bill.currency), cheapest->tierName);
        }
        if (i < annual.size() && bill.eligible)
            note += (note.isEmpty() ? QString() : QStringLiteral("\n")) +
                    tr("%1 a year in advance").arg(formatMoney(annual[i], locale, bill.currency));
        cards_[i]->showBill(bill, cheapest && &bill == cheapest, note);
    }

    if (cheapest) {
        // One line: what annual billing charges in advance is on each card.
        summary_->setText(
            tr("%1 fits these needs for the least: %2 a month.")
                .arg(cheapest->tierName, formatMoney(cheapest->total, locale, cheapest->currency)));
        summary_->setProperty("tierId", cheapest->tier);
        model_->setHighlightedTier(cheapest->tier);
    } else {
        summary_->setText(tr("No tier can serve these needs; each card says why."));
        summary_->setProperty("tierId", QString());
        model_->setHighlightedTier({});
    }
}

void TiersPage::showInputError(const QString& message) {
    inputError_->setText(message);
    inputError_->show();
    summary_->clear();
    summary_->setProperty("tierId", QString());
    model_->setHighlightedTier({});
    for (TierResultCard* card : cards_)
        card->showNoEstimate();
}

void TiersPage::load() {
    if (!priceBook())
        return;
    auto version = priceBook()->versionAt(month().isValid() ? month() : now().date());
    setPrices(version ? *version : priceBook()->latest());
}

}  // namespace aicp

#include "pages/recommendations/recommendationspage.h"

#include "catalognames.h"
#include "money/moneyformat.h"
#include "pages/recommendations/recommendationchart.h"
#include "pages/recommendations/recommendationtablemodel.h"
#include "recommend/recommendationservice.h"
#include "recommend/recommender.h"
#include "roleguard.h"
#include "storage/workspace.h"
#include "taskrunner.h"
#include "theme.h"
#include "widgets/badge.h"
#include "widgets/cardframe.h"
#include "widgets/pagetext.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QResizeEvent>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace aicp {
namespace {

// What the background task hands back.
struct Computed {
    std::optional<Recommendation> recommendation;
    QString problem;
    bool customerMode = false;
};

}  // namespace

RecommendationsPage::RecommendationsPage(QWidget* parent)
    : ConsolePage(parent),
      content_(new QStackedWidget(this)),
      prompt_(new QLabel(this)),
      headline_(new QLabel(this)),
      savingBadge_(new Badge(this)),
      reason_(wrappedLabel(this, QStringLiteral("recommendationReason"))),
      upgradeButton_(new QPushButton(tr("Prepare Upgrade…"), this)),
      askButton_(new QPushButton(tr("Ask for Upgrade…"), this)),
      requestMessage_(wrappedLabel(this, QStringLiteral("upgradeRequestMessage"))),
      projection_(wrappedLabel(this, QStringLiteral("projectionExplanation"))),
      needs_(wrappedLabel(this, QStringLiteral("needsSummary"))),
      alertsBox_(new QWidget(this)),
      alertsLayout_(new QVBoxLayout(alertsBox_)),
      chart_(new RecommendationChart(this)),
      model_(new RecommendationTableModel(this)),
      table_(new QTableView(this)),
      footnote_(wrappedLabel(this, QStringLiteral("recommendationFootnote"))) {
    setObjectName(QStringLiteral("recommendationsPage"));
    setFollows(FollowsCustomer | FollowsMonth);
    buildLayout();
    reload();
}

RecommendationsPage::~RecommendationsPage() = default;

void RecommendationsPage::setUpgradeRequestAsker(UpgradeRequestAsker asker) {
    asker_ = std::move(asker);
}

void RecommendationsPage::buildLayout() {
    const int gap = theme::spacing(font(), 0.75);
    stylePrompt(prompt_, QStringLiteral("recommendationPrompt"));
    auto* middle = new QHBoxLayout;
    middle->setSpacing(gap);
    middle->addWidget(buildChartCard(), 3);
    middle->addWidget(buildBasisCard(), 2);

    auto* shown = new QWidget(this);
    auto* shownLayout = flushColumn(shown, gap);
    shownLayout->addWidget(buildAnswerCard());
    shownLayout->addLayout(middle, 1);
    shownLayout->addWidget(buildTableCard());

    content_->setObjectName(QStringLiteral("recommendationContent"));
    content_->addWidget(prompt_);
    content_->addWidget(shown);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(content_);
}

QWidget* RecommendationsPage::buildAnswerCard() {
    // The answer first: the tier, the money, the reason and the one action.
    const int gap = theme::spacing(font(), 0.75);
    headline_->setObjectName(QStringLiteral("recommendationHeadline"));
    headline_->setFont(theme::scaledFont(font(), 1.35, true));
    savingBadge_->setObjectName(QStringLiteral("savingBadge"));
    upgradeButton_->setObjectName(QStringLiteral("prepareUpgradeButton"));
    connect(upgradeButton_, &QPushButton::clicked, this, &RecommendationsPage::prepareUpgrade);
    askButton_->setObjectName(QStringLiteral("askUpgradeButton"));
    askButton_->hide();
    connect(askButton_, &QPushButton::clicked, this, [this] { askForUpgrade(); });
    requestMessage_->hide();
    reason_->setFont(theme::scaledFont(font(), 1.05));
    auto* answer = new CardFrame(this);
    answer->setObjectName(QStringLiteral("recommendationCard"));
    auto* answerLayout = new QGridLayout(answer);
    answerLayout->setContentsMargins(gap * 3 / 2, gap, gap * 3 / 2, gap);
    answerLayout->setHorizontalSpacing(gap);
    answerLayout->setVerticalSpacing(gap / 2);
    auto* headlineRow = new QHBoxLayout;
    headlineRow->setSpacing(gap);
    headlineRow->addWidget(headline_);
    headlineRow->addWidget(savingBadge_, 0, Qt::AlignVCenter);
    headlineRow->addStretch();
    answerLayout->addLayout(headlineRow, 0, 0);
    auto* actions = new QHBoxLayout;
    actions->setSpacing(gap / 2);
    actions->addWidget(upgradeButton_);
    actions->addWidget(askButton_);
    answerLayout->addLayout(actions, 0, 1, Qt::AlignRight | Qt::AlignVCenter);
    answerLayout->addWidget(reason_, 1, 0, 1, 2);
    answerLayout->addWidget(requestMessage_, 2, 0, 1, 2);
    answerLayout->setColumnStretch(0, 1);
    return answer;
}

QWidget* RecommendationsPage::buildChartCard() {
    // The chart of every tier's cost beside how the needs were worked out.
    const int gap = theme::spacing(font(), 0.75);
    chart_->setObjectName(QStringLiteral("recommendationChart"));
    chart_->setAccessibleName(tr("Monthly cost on each tier"));
    chart_->setMinimumHeight(theme::spacing(font(), 15));
    auto* chartCard = new CardFrame(this);
    cardColumn(chartCard, tr("Projected monthly cost by tier"),
               QMargins(gap, gap * 2 / 3, gap, gap / 3), gap / 4)
        ->addWidget(chart_, 1);
    return chartCard;
}

QWidget* RecommendationsPage::buildBasisCard() {
    const int gap = theme::spacing(font(), 0.75);
    alertsBox_->setObjectName(QStringLiteral("alertsList"));
    alertsLayout_->setContentsMargins(0, 0, 0, 0);
    alertsLayout_->setSpacing(gap / 3);
    auto* basis = new CardFrame(this);
    QVBoxLayout* basisLayout = cardColumn(basis, tr("Month-end projection"),
                                          QMargins(gap, gap * 2 / 3, gap, gap * 2 / 3), gap / 3);
    basisLayout->addWidget(projection_);
    basisLayout->addSpacing(gap / 2);
    basisLayout->addWidget(sectionTitle(tr("Needs priced on every tier"), this));
    basisLayout->addWidget(needs_);
    basisLayout->addSpacing(gap / 2);
    basisLayout->addWidget(sectionTitle(tr("License limit alerts"), this));
    basisLayout->addWidget(alertsBox_);
    basisLayout->addStretch();
    return basis;
}

QWidget* RecommendationsPage::buildTableCard() {
    const int gap = theme::spacing(font(), 0.75);
    table_->setObjectName(QStringLiteral("recommendationTable"));
    table_->setModel(model_);
    table_->setAccessibleName(tr("Recommendations"));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setFocusPolicy(Qt::NoFocus);
    table_->verticalHeader()->hide();
    table_->setWordWrap(true);
    table_->setShowGrid(false);
    table_->setAlternatingRowColors(false);
    QHeaderView* header = table_->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RecommendationTableModel::WhyColumn, QHeaderView::Stretch);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* tableCard = new CardFrame(this);
    QVBoxLayout* tableLayout = cardColumn(tableCard, tr("Every tier for these needs"),
                                          QMargins(gap, gap * 2 / 3, gap, gap * 2 / 3), gap / 3);
    tableLayout->addWidget(table_);
    footnote_->setFont(theme::scaledFont(font(), 0.9));
    setMuted(footnote_);
    tableLayout->addWidget(footnote_);
    return tableCard;
}

void RecommendationsPage::runnerBusyChanged(bool busy) {
    Q_UNUSED(busy);
    updateUpgradeAction();
}

QString RecommendationsPage::message() const {
    return recommendation_ ? QString() : prompt_->text();
}

void RecommendationsPage::showPrompt(const QString& text) {
    recommendation_.reset();
    requestMessage_->hide();
    model_->setRecommendation(std::nullopt);
    chart_->clear();
    prompt_->setText(text);
    content_->setCurrentWidget(prompt_);
    updateUpgradeAction();
}

void RecommendationsPage::load() {
    ++generation_;
    if (!workspace()) {
        loading_ = false;
        showPrompt(tr("No workspace is open."));
        return;
    }
    if (customerId().isEmpty()) {
        loading_ = false;
        showPrompt(
            tr("Pick a customer in the bar above to see which tier their usage calls "
               "for."));
        return;
    }
    loading_ = true;
    Workspace* workspace = this->workspace();
    const QString customerId = this->customerId();
    const std::optional<YearMonth> month =
        this->month().isValid() ? std::optional<YearMonth>(YearMonth::of(this->month()))
                                : std::nullopt;
    const Clock clock = this->clock();
    const int generation = generation_;
    const bool started = runner()->run<Computed>(
        this,
        [workspace, customerId, month, clock] {
            Computed computed;
            auto mode = workspace->mode();
            computed.customerMode = mode && *mode == Workspace::Mode::Customer;
            auto result = RecommendationService(*workspace, clock).recommend(customerId, month);
            if (result)
                computed.recommendation = std::move(result).value();
            else
                computed.problem = result.error().message();
            return computed;
        },
        [this, generation](Computed computed) {
            if (generation != generation_ || isReloadPending())
                return;  // the customer or month changed meanwhile; a newer run follows
            loading_ = false;
            customerMode_ = computed.customerMode;
            show(std::move(computed.recommendation), computed.problem);
            emit loaded();
        });
    if (!started)
        deferReload();
}

void RecommendationsPage::show(std::optional<Recommendation> recommendation,
                               const QString& problem) {
    if (!recommendation) {
        QString why = problem;
        if (!why.isEmpty())
            why[0] = why[0].toUpper();
        showPrompt(why);
        return;
    }
    recommendation_ = std::move(recommendation);
    const Recommendation& r = *recommendation_;
    const QLocale locale;
    const TierOption* best = r.recommendedOption();
    if (!best)
        headline_->setText(tr("No tier serves these needs"));
    else if (!r.suggestsChange())
        headline_->setText(tr("Stay on %1").arg(best->bill.tierName));
    else if (r.currentTier.isEmpty())
        headline_->setText(tr("Recommended: %1").arg(best->bill.tierName));
    else
        headline_->setText(tr("Move to %1").arg(best->bill.tierName));

    savingBadge_->setVisible(r.saving.has_value() && r.suggestsChange());
    if (r.saving && r.suggestsChange()) {
        if (r.saving->isNegative()) {
            savingBadge_->setTone(Badge::Tone::Warning);
            savingBadge_->setText(tr("%1 more a month, avoids a limit")
                                      .arg(formatMoney(r.saving->negated(), locale, r.currency)));
        } else {
            savingBadge_->setTone(Badge::Tone::Accent);
            savingBadge_->setText(
                tr("Saves %1 a month").arg(formatMoney(*r.saving, locale, r.currency)));
        }
    }
    reason_->setText(r.reason);
    projection_->setText(r.projection.explanation());
    QString needs = r.needs.summary();
    // The catalog's names, never its ids ("PII protection", not "pii-protection").
    const auto names = [](const QStringList& ids, QString (*name)(const QString&)) {
        QStringList named;
        for (const QString& id : ids)
            named.append(name(id));
        return named.join(QStringLiteral(", "));
    };
    if (!r.needs.policyPacks.isEmpty())
        needs += tr("\nPolicy packs: %1").arg(names(r.needs.policyPacks, &policyPackName));
    if (!r.needs.complianceModules.isEmpty())
        needs += tr("\nCompliance modules: %1")
                     .arg(names(r.needs.complianceModules, &complianceModuleName));
    if (!r.needs.auditTier.isEmpty())
        needs += tr("\nAudit level: %1").arg(r.needs.auditTier);
    if (!r.needs.discount.isZero())
        needs += tr("\nContract discount: %1 %")
                     .arg(r.needs.discount.toDecimalString().replace(QLatin1Char('.'),
                                                                     QLocale().decimalPoint()));
    needs_->setText(needs);
    showAlerts();
    footnote_->setText(
        tr("Price book %1. A tier is eligible when it can serve the needs and each of its hard "
           "limits (request cap, agents, add-ons it sells no more of) leaves at least a %2 % "
           "margin above the need; equal costs go to the current tier, then the smaller one.")
            .arg(r.priceBookVersion)
            .arg(r.marginPercent));
    model_->setRecommendation(r);
    fitTable();
    chart_->showRecommendation(r);
    content_->setCurrentIndex(1);
    updateUpgradeAction();
}

void RecommendationsPage::showAlerts() {
    while (QLayoutItem* item = alertsLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!recommendation_)
        return;
    const Recommendation& r = *recommendation_;
    if (!r.license) {
        auto* none =
            new QLabel(tr("No license is in force, so there are no limits to watch."), alertsBox_);
        none->setWordWrap(true);
        setMuted(none);
        alertsLayout_->addWidget(none);
        return;
    }
    if (r.alerts.empty()) {
        auto* none = new QLabel(tr("Every limit is below 80 %."), alertsBox_);
        setMuted(none);
        alertsLayout_->addWidget(none);
        return;
    }
    for (const LimitAlert& alert : r.alerts) {
        auto* row = new QWidget(alertsBox_);
        row->setObjectName(QStringLiteral("alert_%1").arg(licenseLimitKey(alert.limit)));
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto* badge = new Badge(row);
        // All of a limit used is the 100 % alert; only beyond it is "Over".
        badge->setText(alert.exceeded                    ? tr("Over")
                       : alert.level == AlertLevel::Over ? tr("At limit")
                                                         : tr("Near"));
        badge->setTone(alert.exceeded ? Badge::Tone::Warning : Badge::Tone::Accent);
        auto* text = new QLabel(alert.message, row);
        text->setWordWrap(true);
        rowLayout->addWidget(badge, 0, Qt::AlignTop);
        rowLayout->addWidget(text, 1);
        alertsLayout_->addWidget(row);
    }
}

void RecommendationsPage::fitTable() {
    // A handful of rows: the table shows them all rather than scroll inside
    // the page's own scroll area.
    table_->resizeRowsToContents();
    int height = table_->horizontalHeader()->height() + 2 * table_->frameWidth();
    for (int row = 0; row < model_->rowCount(); ++row)
        height += table_->rowHeight(row);
    table_->setFixedHeight(height);
}

void RecommendationsPage::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // Wrapped reasons take more or fewer lines at another width.
    if (recommendation_)
        fitTable();
}

bool RecommendationsPage::canPrepareUpgrade() const {
    return upgradeButton_->isEnabled();
}

void RecommendationsPage::updateUpgradeAction() {
    QString why;
    const Recommendation* r = recommendation_ ? &*recommendation_ : nullptr;
    if (!r)
        why = tr("Nothing to upgrade yet.");
    else if (customerMode_)
        why =
            tr("This is a customer workspace: it cannot issue licenses. Ask the vendor for "
               "the upgrade.");
    else if (!r->recommendedOption())
        why = tr("No tier serves these needs.");
    else if (!r->license)
        why = tr("No license is in force to upgrade: issue one on the Licenses page.");
    else if (!r->suggestsChange())
        why = tr("%1 is already the customer's tier.").arg(r->recommendedOption()->bill.tierName);
    else if (const LicenseState state = r->license->stateAt(now()); !isInForce(state))
        why = tr("The license of that month is %1 now; look at the current month to upgrade.")
                  .arg(word(state));
    else if (runner()->isBusy())
        why = tr("Wait for the running operation to finish.");
    whyNoUpgrade_ = why;
    // A customer asks the vendor; only a vendor workspace signs the upgrade.
    upgradeButton_->setVisible(!customerMode_);
    askButton_->setVisible(customerMode_);
    const QString whyNotAsk = whyNoRequest();
    askButton_->setEnabled(customerMode_ && whyNotAsk.isEmpty());
    const QString askBase =
        tr("Save an upgrade request for your vendor: the tier and terms asked, with the usage "
           "that calls for them");
    askButton_->setToolTip(whyNotAsk.isEmpty() ? askBase : tr("%1\n%2").arg(askBase, whyNotAsk));
    upgradeButton_->setEnabled(why.isEmpty());
    const QString base =
        r && r->recommendedOption()
            ? tr("Open the upgrade dialog for this customer's license, prefilled with %1")
                  .arg(r->recommendedOption()->bill.tierName)
            : tr("Open the upgrade dialog prefilled with the recommended tier");
    upgradeButton_->setToolTip(why.isEmpty() ? base : tr("%1\n%2").arg(base, why));
    guardRole(upgradeButton_, workspace(), WorkspaceArea::Licenses);
}

void RecommendationsPage::prepareUpgrade() {
    updateUpgradeAction();
    if (!canPrepareUpgrade() || !recommendation_)
        return;
    emit upgradeRequested(*recommendation_);
}

void RecommendationsPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        setMuted(prompt_);
        setMuted(footnote_);
        if (recommendation_)
            chart_->showRecommendation(*recommendation_);
    }
    QWidget::changeEvent(event);
}

}  // namespace aicp

#include "pages/recommendations/recommendationchart.h"

#include "money/moneyformat.h"
#include "theme.h"
#include "widgets/chartstyle.h"

#include <algorithm>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLocale>
#include <QStackedBarSeries>
#include <QValueAxis>

namespace aicp {
namespace {

enum Kind { Recommended, Current, Eligible, CannotServe, KindCount };

double units(Money amount) {
    return static_cast<double>(amount.micros()) / static_cast<double>(Money::kMicrosPerUnit);
}

QColor kindColour(Kind kind, const QPalette& palette) {
    const QColor accent = theme::accent(palette);
    switch (kind) {
        case Recommended:
            return accent;
        case Current:
            return theme::mix(accent, palette.color(QPalette::Base), 0.55);
        case Eligible:
            return theme::mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.6);
        case CannotServe:
        case KindCount:
            break;
    }
    return theme::mix(theme::warningText(palette), palette.color(QPalette::Base), 0.6);
}

}  // namespace

RecommendationChart::RecommendationChart(QWidget* parent) : QChartView(parent) {
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::NoFrame);
    setChart(new QChart);
    restyle();
}

void RecommendationChart::clear() {
    chart()->removeAllSeries();
    for (QAbstractAxis* axis : chart()->axes())
        chart()->removeAxis(axis);
}

void RecommendationChart::showRecommendation(const Recommendation& r) {
    clear();
    const QPalette colours = palette();
    const QLocale locale;
    // One set per kind; each tier has its amount in exactly one of them, so
    // the stacked bar shows one coloured bar per tier.
    const QString names[KindCount] = {tr("Recommended"), tr("Current"), tr("Serves the needs"),
                                      tr("Cannot serve")};
    QBarSet* sets[KindCount];
    for (int kind = 0; kind < KindCount; ++kind) {
        sets[kind] = new QBarSet(names[kind]);
        sets[kind]->setColor(kindColour(static_cast<Kind>(kind), colours));
        sets[kind]->setBorderColor(sets[kind]->color());
    }
    QStringList categories;
    bool used[KindCount] = {};
    double highest = 0;
    for (std::size_t i = 0; i < r.tiers.size(); ++i) {
        const TierOption& option = r.tiers[i];
        const Kind kind = r.recommended == i ? Recommended
                          : r.current == i   ? Current
                          : option.eligible  ? Eligible
                                             : CannotServe;
        used[kind] = true;
        const double value = units(option.total());
        highest = std::max(highest, value);
        for (int k = 0; k < KindCount; ++k)
            sets[k]->append(k == kind ? value : 0.0);
        // Axis labels are rich text: the cost goes on a line of its own.
        const QString cost = formatMoney(option.total(), locale, r.currency);
        categories.append(
            r.current == i ? tr("%1<br>%2, current").arg(option.bill.tierName.toHtmlEscaped(), cost)
                           : tr("%1<br>%2").arg(option.bill.tierName.toHtmlEscaped(), cost));
    }
    auto* series = new QStackedBarSeries;
    series->setBarWidth(0.6);
    for (int kind = 0; kind < KindCount; ++kind)
        series->append(sets[kind]);
    chart()->addSeries(series);
    for (int kind = 0; kind < KindCount; ++kind) {
        if (!used[kind]) {
            for (auto* marker : chart()->legend()->markers(series)) {
                if (marker->label() == names[kind])
                    marker->setVisible(false);
            }
        }
    }

    auto* x = new QBarCategoryAxis;
    x->append(categories);
    auto* y = new QValueAxis;
    y->setRange(0, highest > 0 ? highest * 1.1 : 1.0);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(tr("%1 per month").arg(r.currency));
    y->applyNiceNumbers();
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    restyle();
}

void RecommendationChart::restyle() {
    styleChart(chart(), this, 0.85, true);
}

void RecommendationChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        restyle();
    QChartView::changeEvent(event);
}

}  // namespace aicp

#include "pages/tiers/tierresultcard.h"

#include "catalognames.h"
#include "money/moneyformat.h"
#include "theme.h"
#include "widgets/badge.h"
#include "widgets/cardframe.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace aicp {
namespace {

void setTextColour(QWidget* widget, const QColor& colour) {
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, colour);
    palette.setColor(QPalette::Text, colour);
    widget->setPalette(palette);
}

}  // namespace

TierResultCard::TierResultCard(const QString& tierId, const QString& tierName, QWidget* parent)
    : QFrame(parent),
      tierId_(tierId),
      name_(new QLabel(tierName, this)),
      badge_(new Badge(this)),
      total_(new QLabel(this)),
      perMonth_(new QLabel(tr("/ month"), this)),
      note_(new QLabel(this)),
      breakdown_(new QWidget(this)),
      breakdownGrid_(new QGridLayout(breakdown_)) {
    setObjectName(QStringLiteral("tierCard_") + tierId);
    setAccessibleName(tierName);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);

    name_->setFont(theme::scaledFont(font(), 1.05, true));
    total_->setObjectName(QStringLiteral("total"));
    total_->setFont(theme::scaledFont(font(), 1.55, true));
    total_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    perMonth_->setFont(theme::scaledFont(font(), 0.9));
    note_->setObjectName(QStringLiteral("note"));
    note_->setWordWrap(true);
    note_->setFont(theme::scaledFont(font(), 0.9));
    note_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    badge_->setObjectName(QStringLiteral("badge"));
    badge_->hide();

    const int gap = theme::spacing(font(), 0.35);
    breakdownGrid_->setContentsMargins(0, gap, 0, 0);
    breakdownGrid_->setHorizontalSpacing(gap);
    breakdownGrid_->setVerticalSpacing(gap / 2);
    breakdownGrid_->setColumnStretch(0, 1);
    breakdown_->setObjectName(QStringLiteral("breakdown"));
    breakdown_->hide();

    // The badge keeps its room when hidden, so names and totals line up
    // across the cards whichever of them carries one.
    QSizePolicy badgeRoom = badge_->sizePolicy();
    badgeRoom.setRetainSizeWhenHidden(true);
    badge_->setSizePolicy(badgeRoom);
    badge_->setText(tr("Cheapest"));

    auto* figure = new QHBoxLayout;
    figure->setSpacing(gap);
    figure->addWidget(total_, 0, Qt::AlignBaseline);
    figure->addWidget(perMonth_, 0, Qt::AlignBaseline);
    figure->addStretch();

    auto* layout = new QVBoxLayout(this);
    const int padding = theme::spacing(font(), 0.75);
    layout->setContentsMargins(padding, padding, padding, padding);
    layout->setSpacing(gap);
    layout->addWidget(badge_, 0, Qt::AlignLeft);
    layout->addWidget(name_);
    layout->addLayout(figure);
    // Lines before the note, so they line up across the cards whatever the
    // notes say.
    layout->addWidget(breakdown_);
    layout->addWidget(note_);
    layout->addStretch();

    applyColours();
}

void TierResultCard::showBill(const Bill& bill, bool cheapest, const QString& note) {
    cheapest_ = cheapest;
    eligible_ = bill.eligible;
    total_->setText(formatMoney(bill.total, QLocale(), bill.currency));
    perMonth_->show();
    if (cheapest) {
        badge_->setText(tr("Cheapest"));
        badge_->setTone(Badge::Tone::Accent);
        badge_->show();
    } else if (!bill.eligible) {
        badge_->setText(tr("Not eligible"));
        badge_->setTone(Badge::Tone::Warning);
        badge_->show();
    } else {
        badge_->hide();
    }
    // Each reason on its own line: they are separate obstacles, each with its own fix.
    note_->setText(bill.eligible ? note : bill.reasons.join(u'\n'));
    note_->setVisible(!note_->text().isEmpty());
    total_->setToolTip(bill.eligible
                           ? QString()
                           : tr("What the tier would cost, were it able to serve these needs"));
    fillBreakdown(bill);
    applyColours();  // also colours the new lines
    update();
}

void TierResultCard::showNoEstimate() {
    cheapest_ = false;
    eligible_ = false;
    total_->setText(QStringLiteral("\u2014"));
    perMonth_->hide();
    badge_->hide();
    note_->clear();
    note_->hide();
    fillBreakdown(Bill{});
    applyColours();
    update();
}

void TierResultCard::setBreakdownVisible(bool visible) {
    breakdown_->setVisible(visible);
}

QString TierResultCard::totalText() const {
    return total_->text();
}

QString TierResultCard::noteText() const {
    return note_->text();
}

void TierResultCard::fillBreakdown(const Bill& bill) {
    while (QLayoutItem* item = breakdownGrid_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QLocale locale;
    int row = 0;
    for (const BillLine& line : bill.lines) {
        auto* label = new QLabel(billAxisName(line.axis), breakdown_);
        auto* amount = new QLabel(formatMoney(line.amount, locale, bill.currency), breakdown_);
        amount->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        label->setToolTip(line.description);
        amount->setToolTip(line.description);
        // Free lines step back so the ones that cost something stand out.
        label->setProperty("freeLine", line.amount.isZero());
        amount->setProperty("freeLine", line.amount.isZero());
        breakdownGrid_->addWidget(label, row, 0);
        breakdownGrid_->addWidget(amount, row, 1);
        ++row;
    }
}

void TierResultCard::applyColours() {
    const QPalette& colours = palette();
    setTextColour(perMonth_, theme::mutedText(colours));
    setTextColour(note_, eligible_ ? theme::mutedText(colours) : theme::warningText(colours));
    // An ineligible tier's figure is for reference only, so it steps back.
    setTextColour(total_, eligible_ ? colours.color(QPalette::Text) : theme::mutedText(colours));
    setTextColour(name_, cheapest_ ? theme::accent(colours) : colours.color(QPalette::Text));
    for (QLabel* line : breakdown_->findChildren<QLabel*>())
        setTextColour(line, line->property("freeLine").toBool() ? theme::mutedText(colours)
                                                                : colours.color(QPalette::Text));
}

void TierResultCard::paintEvent(QPaintEvent* /*event*/) {
    const qreal border = cheapest_ ? 2.0 : 1.0;
    paintCard(this, QPen(cheapest_ ? theme::accent(palette()) : theme::hairline(palette()), border),
              cheapest_ ? theme::accentWash(palette()) : theme::cardSurface(palette()), border / 2);
}

void TierResultCard::changeEvent(QEvent* event) {
    // Child labels hold colours derived from this palette; derive them again.
    if (event->type() == QEvent::PaletteChange)
        applyColours();
    QFrame::changeEvent(event);
}

}  // namespace aicp

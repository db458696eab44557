#include "pages/usage/usagecard.h"

#include "theme.h"
#include "widgets/cardframe.h"

#include <algorithm>

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace aicp {
namespace {

void setTextColour(QWidget* widget, const QColor& colour) {
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, colour);
    widget->setPalette(palette);
}

}  // namespace

QColor limitStateColour(const QPalette& palette, LimitState state) {
    const QColor text = palette.color(QPalette::Text);
    const bool dark = theme::isDark(palette);
    switch (state) {
        case LimitState::Within:
            return theme::mix(text, dark ? QColor(102, 204, 140) : QColor(27, 128, 62), 0.85);
        case LimitState::Near:
            return theme::mix(text, dark ? QColor(240, 190, 80) : QColor(196, 125, 0), 0.9);
        case LimitState::Over:
            break;
    }
    return theme::warningText(palette);
}

LimitGauge::LimitGauge(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void LimitGauge::setValue(double fraction, LimitState state) {
    fraction_ = std::max(0.0, fraction);
    state_ = state;
    update();
}

QSize LimitGauge::sizeHint() const {
    return {theme::spacing(font(), 6), std::max(6, theme::spacing(font(), 0.4))};
}

void LimitGauge::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF track = QRectF(rect()).adjusted(0, 1, 0, -1);
    const qreal radius = track.height() / 2;
    painter.setPen(Qt::NoPen);
    painter.setBrush(theme::hairline(palette()));
    painter.drawRoundedRect(track, radius, radius);
    // Past the limit the bar is full and the limit is where it was reached.
    const double shown = std::min(1.0, fraction_);
    QRectF used = track;
    used.setWidth(track.width() * shown);
    painter.setBrush(limitStateColour(palette(), state_));
    if (used.width() > 0)
        painter.drawRoundedRect(used, radius, radius);
    if (fraction_ > 1.0) {
        const qreal x = track.left() + track.width() / fraction_;
        painter.setPen(QPen(theme::cardSurface(palette()), 2));
        painter.drawLine(QPointF(x, track.top()), QPointF(x, track.bottom()));
    }
}

UsageCard::UsageCard(const QString& title, QWidget* parent)
    : QFrame(parent),
      title_(new QLabel(title, this)),
      value_(new QLabel(this)),
      stateWord_(new QLabel(this)),
      caption_(new QLabel(this)),
      gauge_(new LimitGauge(this)) {
    value_->setObjectName(QStringLiteral("value"));
    value_->setFont(theme::scaledFont(font(), 1.55, true));
    value_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    stateWord_->setObjectName(QStringLiteral("state"));
    stateWord_->setFont(theme::scaledFont(font(), 0.9, true));
    caption_->setObjectName(QStringLiteral("caption"));
    caption_->setWordWrap(true);
    caption_->setFont(theme::scaledFont(font(), 0.9));
    caption_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    title_->setFont(theme::scaledFont(font(), 0.95, true));
    QSizePolicy keep = gauge_->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    gauge_->setSizePolicy(keep);

    const int gap = theme::spacing(font(), 0.35);
    auto* figure = new QHBoxLayout;
    figure->setSpacing(gap * 2);
    figure->addWidget(value_, 0, Qt::AlignBaseline);
    figure->addWidget(stateWord_, 0, Qt::AlignBaseline);
    figure->addStretch();

    auto* layout = new QVBoxLayout(this);
    const int padding = theme::spacing(font(), 0.75);
    layout->setContentsMargins(padding, padding, padding, padding);
    layout->setSpacing(gap);
    layout->addWidget(title_);
    layout->addLayout(figure);
    layout->addWidget(gauge_);
    layout->addWidget(caption_, 1);
    applyColours();
    showNothing(QString());
}

void UsageCard::setFigure(const QString& value, const QString& caption,
                          const std::optional<LimitCheck>& check) {
    value_->setText(value);
    caption_->setText(caption);
    if (check && check->allowed) {
        state_ = check->state;
        const double fraction = *check->allowed > 0 ? static_cast<double>(check->used) /
                                                          static_cast<double>(*check->allowed)
                                                    : (check->used > 0 ? 2.0 : 0.0);
        gauge_->setValue(fraction, check->state);
        gauge_->show();
        stateWord_->setText(
            check->percentUsed
                ? tr("%1 % · %2").arg(*check->percentUsed).arg(limitStateWord(check->state))
                : limitStateWord(check->state));
        stateWord_->show();
    } else {
        state_.reset();
        gauge_->hide();
        stateWord_->hide();
    }
    applyColours();
}

void UsageCard::showNothing(const QString& caption) {
    setFigure(QStringLiteral("—"), caption);
}

void UsageCard::setTitle(const QString& title) {
    title_->setText(title);
}

QString UsageCard::valueText() const {
    return value_->text();
}

QString UsageCard::captionText() const {
    return caption_->text();
}

void UsageCard::applyColours() {
    setTextColour(title_, theme::mutedText(palette()));
    setTextColour(caption_, theme::mutedText(palette()));
    if (state_)
        setTextColour(stateWord_, limitStateColour(palette(), *state_));
}

void UsageCard::paintEvent(QPaintEvent* /*event*/) {
    const bool alarm = state_ && *state_ != LimitState::Within;
    paintCard(this,
              QPen(alarm ? limitStateColour(palette(), *state_) : theme::hairline(palette()),
                   alarm ? 1.5 : 1),
              theme::cardSurface(palette()));
}

void UsageCard::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        applyColours();
    QFrame::changeEvent(event);
}

}  // namespace aicp

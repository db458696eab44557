#include "pages/licenses/licensestatedelegate.h"

#include "pages/licenses/licensestate.h"
#include "pages/licenses/licensetablemodel.h"
#include "theme.h"

#include <QApplication>
#include <QPainter>

namespace aicp {

void LicenseStateDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    if (index.column() != stateColumn_) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The background (selection, alternating rows) as for any cell, no text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QString word = index.data(LicenseTableModel::StateRole).toString();
    const QString label = index.data(Qt::DisplayRole).toString();
    QFont font = theme::scaledFont(option.font, 0.9, true);
    const QFontMetrics metrics(font);
    const int padX = metrics.height() / 2;
    const int height = metrics.height() + metrics.height() / 4;
    const int width = metrics.horizontalAdvance(label) + 2 * padX;
    const int margin = metrics.averageCharWidth();
    const QRectF pill(option.rect.left() + margin, option.rect.center().y() - height / 2.0 + 0.5,
                      width, height);

    QColor ink = licenseStateColour(option.palette, word);
    if (option.state & QStyle::State_Selected)
        ink = option.palette.color(QPalette::HighlightedText);
    QColor fill = ink;
    fill.setAlphaF(0.12F);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(ink, 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
    painter->setFont(font);
    painter->drawText(pill, Qt::AlignCenter, label);
    painter->restore();
}

QSize LicenseStateDelegate::sizeHint(const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const {
    const QSize natural = QStyledItemDelegate::sizeHint(option, index);
    const int air = option.fontMetrics.height() * 2 / 3;
    if (index.column() != stateColumn_)
        return {natural.width(), natural.height() + air};
    const QFontMetrics metrics(theme::scaledFont(option.font, 0.9, true));
    return {metrics.horizontalAdvance(index.data(Qt::DisplayRole).toString()) + metrics.height() +
                2 * metrics.averageCharWidth(),
            natural.height() + air};
}

}  // namespace aicp

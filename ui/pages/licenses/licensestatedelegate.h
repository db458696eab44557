#pragma once

#include <QStyledItemDelegate>

namespace aicp {

// Draws the State column as a small outlined pill in the state's colour
// (licenseStateColour), so the table can be scanned for trouble at a glance.
// Other columns are drawn with a little air above and below.
class LicenseStateDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit LicenseStateDelegate(int stateColumn, QObject* parent = nullptr)
        : QStyledItemDelegate(parent), stateColumn_(stateColumn) {}

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const override;

private:
    int stateColumn_;
};

}  // namespace aicp

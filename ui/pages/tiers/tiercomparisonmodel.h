#pragma once

#include "pricing/pricebook.h"

#include <vector>

#include <QAbstractTableModel>
#include <QLocale>

namespace aicp {

// The side-by-side tier comparison of SPEC section 2 as a table: one column
// per tier after a column of row labels, one row per price or limit or
// feature, worded for people in the given locale. Built from a price book
// version, so a new tier or feature appears without code changes.
class TierComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // What a cell says, so a view can draw yes/no differently from text.
    enum class CellKind { Text, Yes, No };
    static constexpr int CellKindRole = Qt::UserRole + 1;
    static constexpr int kLabelColumn = 0;

    explicit TierComparisonModel(QObject* parent = nullptr);

    void setPrices(const PriceBookVersion& prices, const QLocale& locale = QLocale());
    // The tier whose column is emphasised (the calculator's cheapest); empty for none.
    void setHighlightedTier(const QString& tierId);
    [[nodiscard]] QString highlightedTier() const { return highlightedTier_; }
    [[nodiscard]] int columnOfTier(const QString& tierId) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Cell {
        QString text;
        QString toolTip;
        CellKind kind = CellKind::Text;
    };
    struct Row {
        QString label;
        QString toolTip;
        std::vector<Cell> cells;  // one per tier
    };
    // Words the price book's rows, one section of the table at a time.
    class RowBuilder;

    std::vector<QString> tierIds_;
    std::vector<QString> tierNames_;
    std::vector<Row> rows_;
    QString highlightedTier_;
};

}  // namespace aicp

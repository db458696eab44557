#pragma once

#include <vector>

#include <QAbstractTableModel>
#include <QPalette>
#include <QString>

namespace aicp {

// One column of a console table: its header, how its header and cells line
// up, and the header's tool tip.
struct TableColumn {
    QString title;
    // None leaves the header to the style and the cells to the model.
    Qt::Alignment alignment = {};
    QString toolTip = {};
};

// A flat table whose columns are fixed when the model is made. The console's
// tables all answered row and column counts and headers the same way; here
// that is written once, from the model's table of columns, and a model
// writes only what its rows show.
class ColumnTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const final;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const final;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

    // The colours the cells are drawn from; views repaint every row.
    void setPalette(const QPalette& palette);

protected:
    ColumnTableModel(std::vector<TableColumn> columns, QObject* parent);
    // Columns that are only titled.
    ColumnTableModel(const QStringList& titles, QObject* parent);

    // How many rows there are to show now.
    [[nodiscard]] virtual int rows() const = 0;
    [[nodiscard]] bool hasRow(int row) const { return row >= 0 && row < rows(); }
    // The column's alignment for Qt::TextAlignmentRole; null when it has none.
    [[nodiscard]] QVariant alignment(int column) const;
    [[nodiscard]] const QPalette& palette() const { return palette_; }
    // Replaces all that is shown in one step, which views take as a reset.
    template <typename Replace>
    void resetRows(Replace&& replace) {
        beginResetModel();
        replace();
        endResetModel();
    }

private:
    std::vector<TableColumn> columns_;
    QPalette palette_;
};

// The application font in bold, for a cell that must stand out.
[[nodiscard]] QFont boldFont();

}  // namespace aicp

#include "widgets/columntablemodel.h"

#include <QFont>
#include <QStringList>

namespace aicp {

ColumnTableModel::ColumnTableModel(std::vector<TableColumn> columns, QObject* parent)
    : QAbstractTableModel(parent), columns_(std::move(columns)) {}

ColumnTableModel::ColumnTableModel(const QStringList& titles, QObject* parent)
    : QAbstractTableModel(parent) {
    for (const QString& title : titles)
        columns_.push_back({title});
}

int ColumnTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : rows();
}

int ColumnTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(columns_.size());
}

QVariant ColumnTableModel::alignment(int column) const {
    if (column < 0 || column >= int(columns_.size()) || !columns_[std::size_t(column)].alignment)
        return {};
    return QVariant::fromValue(columns_[std::size_t(column)].alignment);
}

QVariant ColumnTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= int(columns_.size()))
        return {};
    const TableColumn& column = columns_[std::size_t(section)];
    switch (role) {
        case Qt::DisplayRole:
            return column.title;
        case Qt::TextAlignmentRole:
            return alignment(section);
        case Qt::ToolTipRole:
            return column.toolTip.isEmpty() ? QVariant() : QVariant(column.toolTip);
        default:
            return {};
    }
}

void ColumnTableModel::setPalette(const QPalette& palette) {
    palette_ = palette;
    if (rows() > 0)
        emit dataChanged(index(0, 0), index(rows() - 1, columnCount() - 1));
}

QFont boldFont() {
    QFont bold;
    bold.setBold(true);
    return bold;
}

}  // namespace aicp

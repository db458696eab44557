#pragma once

#include "metering/usagequery.h"

#include <vector>

#include <QAbstractTableModel>

namespace aicp {

// The imports history, newest first, as UsageQuery::imports() records it:
// when, which file, how big, and what it added.
class UsageImportModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        FinishedColumn,
        FileColumn,
        FormatColumn,
        SizeColumn,
        NewColumn,
        DuplicatesColumn,
        RejectedColumn,
        LateColumn,
        ColumnCount
    };

    explicit UsageImportModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    void setImports(std::vector<UsageImportRecord> imports);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

private:
    std::vector<UsageImportRecord> imports_;
};

}  // namespace aicp

#pragma once

#include "metering/usagequery.h"
#include "widgets/columntablemodel.h"

#include <vector>

namespace aicp {

// The imports history, newest first, as UsageQuery::imports() records it:
// when, which file, how big, and what it added.
class UsageImportModel : public ColumnTableModel {
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

    explicit UsageImportModel(QObject* parent = nullptr);

    void setImports(std::vector<UsageImportRecord> imports);

    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;

private:
    [[nodiscard]] int rows() const override { return static_cast<int>(imports_.size()); }

    std::vector<UsageImportRecord> imports_;
};

}  // namespace aicp

#include "pages/usage/usageimportmodel.h"

#include "widgets/localdates.h"

#include <QLocale>

namespace aicp {

void UsageImportModel::setImports(std::vector<UsageImportRecord> imports) {
    beginResetModel();
    imports_ = std::move(imports);
    endResetModel();
}

int UsageImportModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(imports_.size());
}

int UsageImportModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsageImportModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const UsageImportRecord& record = imports_[static_cast<std::size_t>(index.row())];
    const QLocale locale;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
            case FinishedColumn:
                return locale.toString(record.finishedAt.toLocalTime(), QLocale::ShortFormat);
            case FileColumn:
                return record.fileName;
            case FormatColumn:
                return record.format == QLatin1String("jsonl") ? tr("JSON Lines") : tr("CSV");
            case SizeColumn:
                return locale.formattedDataSize(record.bytes, 1, QLocale::DataSizeSIFormat);
            case NewColumn:
                return locale.toString(qint64(record.newEvents));
            case DuplicatesColumn:
                return locale.toString(qint64(record.duplicates));
            case RejectedColumn:
                return locale.toString(qint64(record.rejected));
            case LateColumn:
                return locale.toString(qint64(record.late));
            default:
                return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= SizeColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (index.column() == FileColumn)
            return tr("SHA-256 %1").arg(record.sha256);
        if (index.column() == FinishedColumn)
            return tr("Started %1, finished %2")
                .arg(displayUtcTime(record.startedAt), displayUtcTime(record.finishedAt));
    }
    return {};
}

QVariant UsageImportModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
        case FinishedColumn:
            return tr("Imported");
        case FileColumn:
            return tr("File");
        case FormatColumn:
            return tr("Format");
        case SizeColumn:
            return tr("Size");
        case NewColumn:
            return tr("New");
        case DuplicatesColumn:
            return tr("Duplicates");
        case RejectedColumn:
            return tr("Rejected");
        case LateColumn:
            return tr("Late");
        default:
            return {};
    }
}

}  // namespace aicp

#include "pages/usage/usageimportmodel.h"

#include "widgets/localdates.h"

#include <QLocale>

namespace aicp {

// The headers keep the style's alignment; data() right-aligns the numbers.
UsageImportModel::UsageImportModel(QObject* parent)
    : ColumnTableModel(QStringList{tr("Imported"), tr("File"), tr("Format"), tr("Size"), tr("New"),
                                   tr("Duplicates"), tr("Rejected"), tr("Late")},
                       parent) {}

void UsageImportModel::setImports(std::vector<UsageImportRecord> imports) {
    resetRows([&] { imports_ = std::move(imports); });
}

QVariant UsageImportModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !hasRow(index.row()))
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

}  // namespace aicp

#include "common/texttable.h"

#include <algorithm>

namespace aicp {

TextTable::TextTable(QStringList headers, std::vector<Align> align)
    : headers_(std::move(headers)), align_(std::move(align)) {
    align_.resize(static_cast<std::size_t>(headers_.size()), Align::Left);
}

void TextTable::addRow(QStringList cells) {
    // A short row is padded rather than refused: trailing empty cells are
    // the common case (a note without figures).
    while (cells.size() < headers_.size())
        cells.append(QString());
    rows_.push_back(Row{std::move(cells), false});
}

void TextTable::addRule() {
    rows_.push_back(Row{{}, true});
}

QString TextTable::render(int indent) const {
    const qsizetype columns = headers_.size();
    std::vector<qsizetype> widths(static_cast<std::size_t>(columns), 0);
    const auto measure = [&widths](const QStringList& cells) {
        for (qsizetype column = 0; column < cells.size(); ++column) {
            const QStringList lines = cells.at(column).split(u'\n');
            for (const QString& line : lines)
                widths[static_cast<std::size_t>(column)] =
                    std::max(widths[static_cast<std::size_t>(column)], line.size());
        }
    };
    const bool hasHeader = std::any_of(headers_.begin(), headers_.end(),
                                       [](const QString& h) { return !h.isEmpty(); });
    if (hasHeader)
        measure(headers_);
    for (const Row& row : rows_)
        if (!row.rule)
            measure(row.cells);

    constexpr qsizetype kGap = 2;
    qsizetype totalWidth = 0;
    for (qsizetype width : widths)
        totalWidth += width;
    totalWidth += kGap * std::max<qsizetype>(0, columns - 1);

    const QString margin(indent, u' ');
    QString text;
    const auto emitCells = [&](const QStringList& cells) {
        qsizetype height = 1;
        for (const QString& cell : cells)
            height = std::max(height, cell.count(u'\n') + 1);
        for (qsizetype lineIndex = 0; lineIndex < height; ++lineIndex) {
            QString line = margin;
            for (qsizetype column = 0; column < columns; ++column) {
                const QStringList parts = cells.value(column).split(u'\n');
                const QString part = parts.value(lineIndex);
                const qsizetype width = widths[static_cast<std::size_t>(column)];
                if (column > 0)
                    line += QString(kGap, u' ');
                line += align_[static_cast<std::size_t>(column)] == Align::Right
                            ? part.rightJustified(width)
                            : part.leftJustified(width);
            }
            // Trailing padding is invisible in a terminal but noise in a diff.
            while (line.endsWith(u' '))
                line.chop(1);
            text += line + u'\n';
        }
    };
    if (hasHeader)
        emitCells(headers_);
    for (const Row& row : rows_) {
        if (row.rule)
            text += margin + QString(totalWidth, u'-') + u'\n';
        else
            emitCells(row.cells);
    }
    return text;
}

}  // namespace aicp

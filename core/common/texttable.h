#pragma once

#include <vector>

#include <QString>
#include <QStringList>

namespace aicp {

// A plain-text table for a terminal: every column padded to its widest cell,
// numbers right-aligned so their digits line up. A cell may hold several
// lines ("\n"); its row then takes that many lines. Nothing here knows about
// money or bills, so both the CLI and the bill formatter use it.
class TextTable {
public:
    enum class Align { Left, Right };

    // One column per header; `align` gives each column's alignment (left when
    // shorter than the headers). An empty header row is not printed.
    explicit TextTable(QStringList headers, std::vector<Align> align = {});

    void addRow(QStringList cells);
    // A line across the table's full width, e.g. above a total.
    void addRule();

    // Every line indented by `indent` spaces, trailing spaces trimmed, each
    // line ending in "\n".
    [[nodiscard]] QString render(int indent = 0) const;

private:
    struct Row {
        QStringList cells;
        bool rule = false;
    };

    QStringList headers_;
    std::vector<Align> align_;
    std::vector<Row> rows_;
};

}  // namespace aicp

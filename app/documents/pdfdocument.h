#pragma once

#include "common/result.h"

#include <cstdint>
#include <utility>
#include <vector>

#include <QByteArray>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace aicp {

// One table of a PDF document: a header row repeated on every page the table
// runs over, body rows, and emphasised rows for totals.
struct PdfTable {
    enum class Align { Left, Right };
    struct Column {
        QString header;
        double width = 1;  // relative to the other columns
        Align align = Align::Left;
    };
    struct Row {
        QStringList cells;        // one per column; a long cell is elided
        bool emphasised = false;  // bold on a shaded band (subtotals, totals)
    };

    QString caption;
    std::vector<Column> columns;
    std::vector<Row> rows;
};

// A block of address lines under a heading ("From", "Bill to"); a
// document's blocks stand side by side under its title.
struct PdfBlock {
    QString heading;
    QStringList lines;  // a long line is elided
};

// The content of a printable document: a title, blocks of addresses, facts
// about it (label and value: month, customer, generated at…), tables and
// closing notes. Rendered
// on A4 (portrait, or landscape for wide tables) with "Page N of M" and
// `footer` on every page.
struct PdfDocument {
    QString title;
    QString subtitle;
    std::vector<PdfBlock> blocks;
    std::vector<std::pair<QString, QString>> facts;
    std::vector<PdfTable> tables;
    QStringList notes;  // paragraphs after the tables, word-wrapped
    QString footer;
    bool landscape = false;
};

// Draws `document` into PDF bytes. A pure function of its input, safe on any
// thread, but a QGuiApplication must exist (fonts); without one it fails with
// Unsupported instead of crashing.
//
//     auto pdf = renderPdf(document);   // then writeDocumentFile(path, *pdf)
[[nodiscard]] Result<QByteArray> renderPdf(const PdfDocument& document);

// Documents are read by finance in many countries but compared with the CSV:
// figures are written the one way the CLI prints them (en_US).
[[nodiscard]] const QLocale& documentLocale();
// A count in that form ("1,000,000").
[[nodiscard]] QString documentCount(std::int64_t value);

// Replaces `path` with `bytes` all at once (QSaveFile): a reader never sees a
// half-written document.
[[nodiscard]] Status writeDocumentFile(const QString& path, const QByteArray& bytes);

}  // namespace aicp

#include "documents/pdfdocument.h"

#include "money/moneyformat.h"

#include <algorithm>
#include <numeric>

#include <QBuffer>
#include <QDir>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace aicp {

namespace {

// Layout is worked out in points (1/72 inch) on A4, then drawn at the
// writer's resolution. The table is painted row by row rather than laid out
// by QTextDocument: a report of thousands of customers then costs time in
// proportion to its rows, and every page can repeat the table's header.
constexpr double kA4Short = 595.0;  // points
constexpr double kA4Long = 842.0;   // points
constexpr double kMargin = 42.0;
constexpr double kFooterHeight = 24.0;

// The page in points: A4 portrait or landscape.
struct PageGeometry {
    double width = kA4Short;
    double height = kA4Long;

    [[nodiscard]] double contentWidth() const { return width - 2 * kMargin; }
    [[nodiscard]] double contentBottom() const { return height - kMargin - kFooterHeight; }
};
constexpr int kResolution = 300;
constexpr double kCellPadding = 3.0;

enum class FontRole { Title, Subtitle, Body, Bold, Caption, Small };

QFont fontFor(FontRole role) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    // No ligatures: text read back from the PDF (search, pdftotext) must
    // spell names as they are written ("Mifflin", not a single glyph "ffl").
    font.setStyleStrategy(QFont::PreferNoShaping);
    switch (role) {
        case FontRole::Title:
            font.setPointSizeF(17);
            font.setBold(true);
            break;
        case FontRole::Subtitle:
            font.setPointSizeF(11);
            break;
        case FontRole::Body:
            font.setPointSizeF(8);
            break;
        case FontRole::Bold:
            font.setPointSizeF(8);
            font.setBold(true);
            break;
        case FontRole::Caption:
            font.setPointSizeF(10.5);
            font.setBold(true);
            break;
        case FontRole::Small:
            font.setPointSizeF(7);
            break;
    }
    return font;
}

// One thing to paint, in points.
struct Op {
    enum class Kind { Text, Band, Rule };
    Kind kind = Kind::Text;
    QRectF rect;
    QString text;
    FontRole font = FontRole::Body;
    int flags = Qt::AlignLeft | Qt::AlignVCenter;
};

using Page = std::vector<Op>;

class Layout {
public:
    Layout(QPaintDevice* device, PageGeometry page) : device_(device), page_(page) { newPage(); }

    std::vector<Page> takePages() { return std::move(pages_); }

    double lineHeight(FontRole role) const { return metrics(role).height() * 72.0 / kResolution; }
    QFontMetricsF metrics(FontRole role) const { return QFontMetricsF(fontFor(role), device_); }

    void newPage() {
        pages_.emplace_back();
        y_ = kMargin;
    }
    void ensureRoom(double height) {
        if (y_ + height > page_.contentBottom())
            newPage();
    }
    void skip(double height) { y_ += height; }

    void text(const QString& text, FontRole role, double x, double width, int flags) {
        const double height = lineHeight(role);
        ensureRoom(height);
        add({Op::Kind::Text, QRectF(kMargin + x, y_, width, height), elided(text, role, width),
             role, flags});
        y_ += height;
    }

    void paragraph(const QString& text, FontRole role) {
        const QFontMetricsF fm = metrics(role);
        const double scale = 72.0 / kResolution;
        QStringList words = text.split(u' ', Qt::SkipEmptyParts);
        QString line;
        const auto flush = [&] {
            this->text(line, role, 0, page_.contentWidth(), Qt::AlignLeft | Qt::AlignVCenter);
            line.clear();
        };
        for (const QString& word : words) {
            const QString candidate = line.isEmpty() ? word : line + u' ' + word;
            if (!line.isEmpty() && fm.horizontalAdvance(candidate) * scale > page_.contentWidth())
                flush();
            line = line.isEmpty() ? word : line + u' ' + word;
        }
        if (!line.isEmpty())
            flush();
    }

    void table(const PdfTable& table) {
        const double total = std::accumulate(
            table.columns.begin(), table.columns.end(), 0.0,
            [](double sum, const PdfTable::Column& column) { return sum + column.width; });
        std::vector<double> widths;
        for (const PdfTable::Column& column : table.columns)
            widths.push_back(page_.contentWidth() * column.width / (total > 0 ? total : 1));
        const double rowHeight = lineHeight(FontRole::Body) * 1.45;

        if (!table.caption.isEmpty()) {
            // A caption never sits alone at the foot of a page.
            ensureRoom(lineHeight(FontRole::Caption) + 3 * rowHeight);
            text(table.caption, FontRole::Caption, 0, page_.contentWidth(),
                 Qt::AlignLeft | Qt::AlignVCenter);
            skip(3);
        }
        const auto header = [&] {
            add({Op::Kind::Band, QRectF(kMargin, y_, page_.contentWidth(), rowHeight), {}, {}, 0});
            row(table, widths, rowHeight, headerCells(table), FontRole::Bold);
            add({Op::Kind::Rule, QRectF(kMargin, y_, page_.contentWidth(), 0), {}, {}, 0});
        };
        ensureRoom(2 * rowHeight);
        header();
        for (const PdfTable::Row& body : table.rows) {
            if (y_ + rowHeight > page_.contentBottom()) {
                newPage();
                header();
            }
            if (body.emphasised)
                add({Op::Kind::Band,
                     QRectF(kMargin, y_, page_.contentWidth(), rowHeight),
                     {},
                     {},
                     0});
            row(table, widths, rowHeight, body.cells,
                body.emphasised ? FontRole::Bold : FontRole::Body);
        }
        add({Op::Kind::Rule, QRectF(kMargin, y_, page_.contentWidth(), 0), {}, {}, 0});
        skip(rowHeight);
    }

private:
    static QStringList headerCells(const PdfTable& table) {
        QStringList cells;
        for (const PdfTable::Column& column : table.columns)
            cells.append(column.header);
        return cells;
    }

    void row(const PdfTable& table, const std::vector<double>& widths, double height,
             const QStringList& cells, FontRole role) {
        double x = kMargin;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            const double inner = widths[i] - 2 * kCellPadding;
            const int align =
                table.columns[i].align == PdfTable::Align::Right ? Qt::AlignRight : Qt::AlignLeft;
            const QString cell = cells.value(static_cast<qsizetype>(i));
            if (!cell.isEmpty())
                add({Op::Kind::Text, QRectF(x + kCellPadding, y_, inner, height),
                     elided(cell, role, inner), role, align | Qt::AlignVCenter});
            x += widths[i];
        }
        y_ += height;
    }

    QString elided(const QString& text, FontRole role, double width) const {
        const double scale = kResolution / 72.0;
        return metrics(role).elidedText(text, Qt::ElideRight, width * scale);
    }

    void add(Op op) { pages_.back().push_back(std::move(op)); }

    QPaintDevice* device_;
    PageGeometry page_;
    std::vector<Page> pages_;
    double y_ = kMargin;
};

QRectF toDevice(const QRectF& points) {
    const double scale = kResolution / 72.0;
    return {points.x() * scale, points.y() * scale, points.width() * scale,
            points.height() * scale};
}

void paint(QPainter& painter, const Op& op) {
    const QRectF rect = toDevice(op.rect);
    switch (op.kind) {
        case Op::Kind::Band:
            painter.fillRect(rect, QColor(0xEE, 0xF1, 0xF5));
            return;
        case Op::Kind::Rule:
            painter.setPen(QPen(QColor(0x88, 0x90, 0x99), kResolution / 144.0));
            painter.drawLine(rect.topLeft(), rect.topRight());
            return;
        case Op::Kind::Text:
            painter.setPen(Qt::black);
            painter.setFont(fontFor(op.font));
            painter.drawText(rect, op.flags, op.text);
            return;
    }
}

// The blocks side by side, each in an equal share of the width; the layout
// then goes on under the tallest. They come first on the first page, so
// they never break across pages.
void drawBlocks(Layout& layout, const std::vector<PdfBlock>& blocks, double contentWidth) {
    if (blocks.empty())
        return;
    const double share = contentWidth / static_cast<double>(blocks.size());
    double tallest = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const double x = share * static_cast<double>(i);
        const double width = share - 12;
        double used = 0;
        layout.text(blocks[i].heading, FontRole::Bold, x, width, Qt::AlignLeft | Qt::AlignVCenter);
        used += layout.lineHeight(FontRole::Bold);
        for (const QString& line : blocks[i].lines) {
            layout.text(line, FontRole::Body, x, width, Qt::AlignLeft | Qt::AlignVCenter);
            used += layout.lineHeight(FontRole::Body);
        }
        layout.skip(-used);
        tallest = std::max(tallest, used);
    }
    layout.skip(tallest + 10);
}

}  // namespace

Result<QByteArray> renderPdf(const PdfDocument& document) {
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return Error(Error::Code::Unsupported,
                     QStringLiteral("rendering a PDF needs a QGuiApplication (for its fonts)"));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(kResolution);
        const PageGeometry page =
            document.landscape ? PageGeometry{kA4Long, kA4Short} : PageGeometry{kA4Short, kA4Long};
        const double contentWidth = page.contentWidth();
        // The margins are drawn by the layout itself, so the full page is ours.
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4),
                        document.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                        QMarginsF(0, 0, 0, 0), QPageLayout::Point));
        writer.setTitle(document.title + (document.subtitle.isEmpty()
                                              ? QString()
                                              : QStringLiteral(" — ") + document.subtitle));
        writer.setCreator(QStringLiteral("aicp %1").arg(QStringLiteral(AICP_VERSION)));

        Layout layout(&writer, page);
        layout.text(document.title, FontRole::Title, 0, contentWidth,
                    Qt::AlignLeft | Qt::AlignVCenter);
        if (!document.subtitle.isEmpty())
            layout.text(document.subtitle, FontRole::Subtitle, 0, contentWidth,
                        Qt::AlignLeft | Qt::AlignVCenter);
        layout.skip(8);
        drawBlocks(layout, document.blocks, contentWidth);
        for (const auto& [label, value] : document.facts) {
            layout.text(label, FontRole::Bold, 0, 110, Qt::AlignLeft | Qt::AlignVCenter);
            layout.skip(-layout.lineHeight(FontRole::Bold));
            layout.text(value, FontRole::Body, 115, contentWidth - 115,
                        Qt::AlignLeft | Qt::AlignVCenter);
        }
        layout.skip(12);
        for (const PdfTable& table : document.tables)
            layout.table(table);
        for (const QString& note : document.notes) {
            layout.paragraph(note, FontRole::Small);
            layout.skip(3);
        }
        const std::vector<Page> pages = layout.takePages();

        QPainter painter;
        if (!painter.begin(&writer))
            return Error(Error::Code::Io, QStringLiteral("the PDF writer could not start"));
        const double footerY = page.height - kMargin - kFooterHeight / 2;
        for (std::size_t i = 0; i < pages.size(); ++i) {
            if (i > 0 && !writer.newPage())
                return Error(Error::Code::Io,
                             QStringLiteral("the PDF writer could not add a page"));
            for (const Op& op : pages[i])
                paint(painter, op);
            paint(painter, {Op::Kind::Rule, QRectF(kMargin, footerY, contentWidth, 0), {}, {}, 0});
            paint(painter, {Op::Kind::Text, QRectF(kMargin, footerY + 2, contentWidth * 0.75, 14),
                            document.footer, FontRole::Small, Qt::AlignLeft | Qt::AlignVCenter});
            paint(painter,
                  {Op::Kind::Text,
                   QRectF(kMargin + contentWidth * 0.75, footerY + 2, contentWidth * 0.25, 14),
                   QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages.size()), FontRole::Small,
                   Qt::AlignRight | Qt::AlignVCenter});
        }
        if (!painter.end())
            return Error(Error::Code::Io, QStringLiteral("the PDF writer could not finish"));
    }
    return bytes;
}

Status writeDocumentFile(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    const QString name = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(Error::Code::Io,
                     QStringLiteral("cannot write '%1' (%2)").arg(name, file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error(Error::Code::Io,
                     QStringLiteral("cannot write '%1' (%2)").arg(name, file.errorString()));
    return {};
}

const QLocale& documentLocale() {
    static const QLocale kLocale(QLocale::English, QLocale::UnitedStates);
    return kLocale;
}

QString documentCount(std::int64_t value) {
    return formatCount(value, documentLocale());
}

}  // namespace aicp

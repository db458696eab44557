#pragma once

#include "licensing/entitlements.h"
#include "metering/yearmonth.h"

#include <cstdint>

#include <QDate>
#include <QString>

class QAbstractItemModel;
class QLabel;
class QListWidget;
class QMargins;
class QTableView;
class QVBoxLayout;
class QWidget;

namespace aicp {

// The small pieces of text every console page builds the same way.

// A card's or section's title: the body font, a little larger, bold.
[[nodiscard]] QLabel* sectionTitle(const QString& text, QWidget* parent);
// Secondary text in the palette's muted colour (again after a palette change).
void setMuted(QWidget* widget);
// A word-wrapped label of secondary text in the muted colour.
[[nodiscard]] QLabel* mutedLabel(const QString& text, QWidget* parent);
// A page's outcome line: in the warning colour for a problem, hidden when empty.
void showStatus(QLabel* label, const QString& text, bool problem);
// A page's message line in the muted colour, or the warning colour for a
// problem, both from `page`'s palette.
void showMessageLine(QLabel* label, const QWidget* page, const QString& text, bool problem);
// A titled card holding one list or chart, which a screen reader names by
// the title; `note` (optional) goes between the title and the body.
[[nodiscard]] QWidget* titledCard(const QString& title, QWidget* body, QLabel* note,
                                  QWidget* parent);
// A column of `owner`'s content, flush with its edges, `spacing` apart.
[[nodiscard]] QVBoxLayout* flushColumn(QWidget* owner, int spacing);
// The column of a card's content, starting with its section title, set
// `margins` in from the card's edge.
[[nodiscard]] QVBoxLayout* cardColumn(QWidget* card, const QString& title, const QMargins& margins,
                                      int spacing);
// A page's centred prompt ("Pick a customer…", "No workspace is open.").
void stylePrompt(QLabel* prompt, const QString& name);
// A selectable, word-wrapped label named `name`.
[[nodiscard]] QLabel* wrappedLabel(QWidget* parent, const QString& name);
// A form's reason a field is refused: word-wrapped, in the warning colour,
// hidden until there is one.
[[nodiscard]] QLabel* warningLabel(const QString& name, QWidget* parent);
// A borderless list of clickable rows inside a card.
[[nodiscard]] QListWidget* cardList(const QString& name, QWidget* parent);
// A frameless table of whole rows, two lines high, in alternating colours
// under left-aligned headers, showing `model`; Tab leaves it and the arrow
// keys move within it.
void setUpRowTable(QTableView* table, const QString& name, QAbstractItemModel* model,
                   const QString& accessibleName);
// "1 customer", "3 customers": the console ships no translations, so Qt's
// %n plurals would read "3 customer(s)".
[[nodiscard]] QString counted(qint64 count, const QString& one, const QString& many);
// "November 2026", in the locale's words.
[[nodiscard]] QString monthName(YearMonth month);
// "12 seats of 10", "1 agent of 1".
[[nodiscard]] QString limitUsedOf(LicenseLimit limit, std::int64_t used, const QString& allowed);

}  // namespace aicp

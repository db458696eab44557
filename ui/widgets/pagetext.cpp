#include "widgets/pagetext.h"

#include "money/moneyformat.h"
#include "theme.h"
#include "widgets/cardframe.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace aicp {
namespace {

// The words of these helpers, translated in the context PageText.
struct PageText {
    Q_DECLARE_TR_FUNCTIONS(PageText)
};

}  // namespace

QLabel* sectionTitle(const QString& text, QWidget* parent) {
    auto* title = new QLabel(text, parent);
    title->setFont(theme::scaledFont(title->font(), 1.05, true));
    return title;
}

void setMuted(QWidget* widget) {
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, theme::mutedText(palette));
    widget->setPalette(palette);
}

QLabel* mutedLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    setMuted(label);
    return label;
}

void showStatus(QLabel* label, const QString& text, bool problem) {
    const QPalette page =
        label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    QPalette colours = label->palette();
    colours.setColor(QPalette::WindowText,
                     problem ? theme::warningText(page) : page.color(QPalette::WindowText));
    label->setPalette(colours);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QVBoxLayout* flushColumn(QWidget* owner, int spacing) {
    auto* layout = new QVBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(spacing);
    return layout;
}

QVBoxLayout* cardColumn(QWidget* card, const QString& title, const QMargins& margins, int spacing) {
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(margins);
    layout->setSpacing(spacing);
    layout->addWidget(sectionTitle(title, card));
    return layout;
}

void showMessageLine(QLabel* label, const QWidget* page, const QString& text, bool problem) {
    QPalette colours = label->palette();
    colours.setColor(QPalette::WindowText, problem ? theme::warningText(page->palette())
                                                   : theme::mutedText(page->palette()));
    label->setPalette(colours);
    label->setText(text);
}

QWidget* titledCard(const QString& title, QWidget* body, QLabel* note, QWidget* parent) {
    auto* card = new CardFrame(parent);
    const int gap = theme::spacing(card->font(), 0.6);
    QVBoxLayout* layout = cardColumn(card, title, QMargins(gap, gap, gap, gap), gap / 2);
    if (body->accessibleName().isEmpty())
        body->setAccessibleName(title);
    if (note)
        layout->addWidget(note);
    layout->addWidget(body, 1);
    return card;
}

void stylePrompt(QLabel* prompt, const QString& name) {
    prompt->setObjectName(name);
    prompt->setAlignment(Qt::AlignCenter);
    prompt->setWordWrap(true);
    prompt->setFont(theme::scaledFont(prompt->font(), 1.1));
    prompt->setMinimumHeight(theme::spacing(prompt->font(), 10));
    setMuted(prompt);
}

QLabel* wrappedLabel(QWidget* parent, const QString& name) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel* warningLabel(const QString& name, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    QPalette warning = label->palette();
    warning.setColor(QPalette::WindowText, theme::warningText(warning));
    label->setPalette(warning);
    label->hide();
    return label;
}

QListWidget* cardList(const QString& name, QWidget* parent) {
    auto* list = new QListWidget(parent);
    list->setObjectName(name);
    list->setFrameShape(QFrame::NoFrame);
    list->setUniformItemSizes(true);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->viewport()->setAutoFillBackground(false);
    list->setCursor(Qt::PointingHandCursor);
    list->setMinimumHeight(list->fontMetrics().height() * 5);
    list->setSpacing(2);
    return list;
}

void setUpRowTable(QTableView* table, const QString& name, QAbstractItemModel* model,
                   const QString& accessibleName) {
    table->setObjectName(name);
    table->setModel(model);
    table->setAccessibleName(accessibleName);
    table->setTabKeyNavigation(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    table->setFrameShape(QFrame::NoFrame);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(QFontMetrics(table->font()).height() * 2);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

QString counted(qint64 count, const QString& one, const QString& many) {
    return (count == 1 ? one : many).arg(QLocale().toString(count));
}

QString monthName(YearMonth month) {
    return QLocale().toString(month.firstDay(), QStringLiteral("MMMM yyyy"));
}

QString limitUsedOf(LicenseLimit limit, std::int64_t used, const QString& allowed) {
    const QString count = formatCount(used, QLocale());
    const bool one = used == 1;
    switch (limit) {
        case LicenseLimit::RequestsPerMonth:
            return (one ? PageText::tr("%1 request of %2") : PageText::tr("%1 requests of %2"))
                .arg(count, allowed);
        case LicenseLimit::Seats:
            return (one ? PageText::tr("%1 seat of %2") : PageText::tr("%1 seats of %2"))
                .arg(count, allowed);
        case LicenseLimit::Agents:
            return (one ? PageText::tr("%1 agent of %2") : PageText::tr("%1 agents of %2"))
                .arg(count, allowed);
        case LicenseLimit::PolicyPacks:
            return PageText::tr("%1 policy packs of %2").arg(count, allowed);
        case LicenseLimit::ComplianceModules:
            return PageText::tr("%1 compliance modules of %2").arg(count, allowed);
        case LicenseLimit::Instances:
            return (one ? PageText::tr("%1 instance of %2") : PageText::tr("%1 instances of %2"))
                .arg(count, allowed);
    }
    return {};
}

}  // namespace aicp

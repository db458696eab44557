#include "pages/placeholderpage.h"

#include "theme.h"
#include "widgets/cardframe.h"
#include "widgets/pagetext.h"

#include <QLabel>
#include <QVBoxLayout>

namespace aicp {

PlaceholderPage::PlaceholderPage(const QString& title, const QString& summary,
                                 const QStringList& plans, QWidget* parent)
    : QWidget(parent) {
    auto* card = new CardFrame(this);
    card->setObjectName(QStringLiteral("placeholderCard"));
    card->setMaximumWidth(QFontMetrics(font()).averageCharWidth() * 90);

    auto* badge = new QLabel(tr("Coming in a later release"), card);
    badge->setFont(theme::scaledFont(font(), 0.9, true));
    QPalette accentText = badge->palette();
    accentText.setColor(QPalette::WindowText, theme::accent(accentText));
    badge->setPalette(accentText);

    // The page title is already above the card; the card leads with the purpose.
    card->setAccessibleName(title);
    auto* lead = new QLabel(summary, card);
    lead->setFont(theme::scaledFont(font(), 1.15));
    lead->setWordWrap(true);

    // Plain rich text for the list: bullets wrap and indent correctly.
    QString items;
    for (const QString& plan : plans)
        items +=
            QStringLiteral("<li style=\"margin-bottom:4px\">%1</li>").arg(plan.toHtmlEscaped());
    auto* list =
        new QLabel(QStringLiteral("<ul style=\"margin-left:-20px\">%1</ul>").arg(items), card);
    list->setTextFormat(Qt::RichText);
    list->setWordWrap(true);
    setMuted(list);

    auto* cardLayout = flushColumn(card, theme::spacing(font(), 0.6));
    cardLayout->addWidget(badge);
    cardLayout->addWidget(lead);
    cardLayout->addWidget(list);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // No alignment flag: an aligned widget is sized by its sizeHint, which
    // ignores how tall the wrapped text gets at the width it is given.
    layout->addWidget(card);
    layout->addStretch();
}

}  // namespace aicp

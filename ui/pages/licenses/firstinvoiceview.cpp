#include "pages/licenses/firstinvoiceview.h"

#include "billing/contractbilling.h"
#include "money/moneyformat.h"
#include "theme.h"
#include "widgets/pagetext.h"

#include <algorithm>

#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

namespace aicp {

Result<MonthlyBill> draftFirstInvoice(const LicensePayload& draft,
                                      const std::vector<LicenseRecord>& registered,
                                      const PriceBook& book) {
    MonthlyBillInputs inputs;
    inputs.customerId = draft.customerId;
    inputs.customerName = draft.customerName;
    inputs.month = YearMonth::of(draft.notBefore.toUTC().date());
    for (const LicenseRecord& record : registered) {
        if (record.license.customerId != draft.customerId)
            continue;
        inputs.licenses.push_back(record);
        // As the registry will record it once the draft is issued.
        if (draft.supersedes && record.license.id == *draft.supersedes)
            inputs.licenses.back().supersededBy = draft.id;
    }
    LicenseRecord issued;
    issued.license = draft;
    // Issued after every license held, as it will be: where it overlaps one
    // issued in the same second, it must still be the one in force.
    for (const LicenseRecord& record : inputs.licenses) {
        if (record.license.issuedAt >= issued.license.issuedAt)
            issued.license.issuedAt = record.license.issuedAt.addSecs(1);
    }
    inputs.licenses.push_back(std::move(issued));
    inputs.priceBook = book;
    // A yearly commitment closing in the month settles against the year's
    // earlier months, previewed like this one: without usage.
    inputs.earlierCharges = [&inputs](const std::vector<QUuid>& chain, const QDateTime& yearStart,
                                      YearMonth before) {
        return chargesBefore(inputs, chain, yearStart, before, {});
    };
    return computeMonthlyBill(inputs);
}

FirstInvoiceView::FirstInvoiceView(QWidget* parent)
    : QWidget(parent),
      caption_(new QLabel(this)),
      body_(new QLabel(this)),
      totalRow_(new QLabel(this)) {
    setObjectName(QStringLiteral("firstInvoice"));
    caption_->setObjectName(QStringLiteral("firstInvoiceMonth"));
    caption_->setFont(theme::scaledFont(font(), 1.0, true));
    body_->setObjectName(QStringLiteral("firstInvoiceLines"));
    body_->setWordWrap(true);
    body_->setTextFormat(Qt::RichText);
    body_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    body_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    totalRow_->setObjectName(QStringLiteral("firstInvoiceTotal"));
    totalRow_->setTextFormat(Qt::RichText);
    // A month with several licenses has many lines: they scroll rather than
    // push the license's details out of the preview.
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("firstInvoiceScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->viewport()->setAutoFillBackground(false);
    scroll->setWidget(body_);
    body_->setAutoFillBackground(false);
    scroll_ = scroll;
    auto* layout = flushColumn(this, 0);
    layout->addWidget(caption_);
    layout->addWidget(scroll);
    layout->addWidget(totalRow_);
}

void FirstInvoiceView::fitHeight() {
    // As tall as the lines, up to kMaxLines of them.
    constexpr int kMaxLines = 9;
    const int most = fontMetrics().lineSpacing() * kMaxLines;
    // This widget's width: the scroll area's own may not follow it yet.
    const int wanted = body_->heightForWidth(width());
    scroll_->setFixedHeight(std::min(most, wanted > 0 ? wanted : body_->sizeHint().height()));
}

void FirstInvoiceView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitHeight();
}

void FirstInvoiceView::showBill(const MonthlyBill& bill) {
    const QLocale locale;
    caption_->setText(tr("First invoice: %1").arg(monthName(bill.month)));
    total_ = formatMoney(bill.total, locale, bill.currency);
    lines_.clear();
    const QString muted = theme::mutedText(palette()).name();
    const QString table =
        QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\">");
    QString html = table;
    const auto row = [](QString& into, const QString& name, const QString& amount,
                        const QString& style) {
        into += QStringLiteral(
                    "<tr><td style=\"%3\">%1</td><td align=\"right\" style=\"%3\">%2</td></tr>")
                    .arg(name.toHtmlEscaped(), amount.toHtmlEscaped(), style);
    };
    for (const MonthlyBillLine& line : bill.lines) {
        const QString amount = formatMoney(line.amount, locale, bill.currency);
        lines_.append(tr("%1: %2").arg(line.description, amount));
        row(html, line.description, amount, QStringLiteral("color:%1").arg(muted));
    }
    if (bill.lines.empty())
        row(html, tr("Nothing is charged this month"), QString(),
            QStringLiteral("color:%1").arg(muted));
    html += QStringLiteral("</table>");
    body_->setText(html);
    // Below the lines, so it shows however many they are.
    QString total = table;
    row(total, tr("Total"), total_, QStringLiteral("font-weight:600"));
    totalRow_->setText(total + QStringLiteral("</table>"));
    totalRow_->show();
    body_->setAccessibleName(tr("First invoice, %1, total %2").arg(monthName(bill.month), total_));
    fitHeight();
}

void FirstInvoiceView::showMessage(const QString& text) {
    caption_->setText(tr("First invoice"));
    total_.clear();
    lines_.clear();
    totalRow_->clear();
    totalRow_->hide();
    body_->setText(QStringLiteral("<span style=\"color:%1\">%2</span>")
                       .arg(theme::mutedText(palette()).name(), text.toHtmlEscaped()));
    body_->setAccessibleName(tr("First invoice: %1").arg(text));
    fitHeight();
}

}  // namespace aicp

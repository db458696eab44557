#include "pages/licenses/firstinvoiceview.h"

#include "money/moneyformat.h"
#include "theme.h"
#include "widgets/pagetext.h"

#include <QLabel>
#include <QLocale>
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
    inputs.licenses.push_back(std::move(issued));
    inputs.priceBook = book;
    return computeMonthlyBill(inputs);
}

FirstInvoiceView::FirstInvoiceView(QWidget* parent)
    : QWidget(parent), caption_(new QLabel(this)), body_(new QLabel(this)) {
    setObjectName(QStringLiteral("firstInvoice"));
    caption_->setObjectName(QStringLiteral("firstInvoiceMonth"));
    caption_->setFont(theme::scaledFont(font(), 1.0, true));
    body_->setObjectName(QStringLiteral("firstInvoiceLines"));
    body_->setWordWrap(true);
    body_->setTextFormat(Qt::RichText);
    body_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = flushColumn(this, 0);
    layout->addWidget(caption_);
    layout->addWidget(body_);
}

void FirstInvoiceView::showBill(const MonthlyBill& bill) {
    const QLocale locale;
    caption_->setText(tr("First invoice: %1").arg(monthName(bill.month)));
    total_ = formatMoney(bill.total, locale, bill.currency);
    lines_.clear();
    const QString muted = theme::mutedText(palette()).name();
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\">");
    const auto row = [&html](const QString& name, const QString& amount, const QString& style) {
        html += QStringLiteral(
                    "<tr><td style=\"%3\">%1</td><td align=\"right\" style=\"%3\">%2</td></tr>")
                    .arg(name.toHtmlEscaped(), amount.toHtmlEscaped(), style);
    };
    for (const MonthlyBillLine& line : bill.lines) {
        const QString amount = formatMoney(line.amount, locale, bill.currency);
        lines_.append(tr("%1: %2").arg(line.description, amount));
        row(line.description, amount, QStringLiteral("color:%1").arg(muted));
    }
    if (bill.lines.empty())
        row(tr("Nothing is charged this month"), QString(), QStringLiteral("color:%1").arg(muted));
    row(tr("Total"), total_, QStringLiteral("font-weight:600; padding-top:4px"));
    html += QStringLiteral("</table>");
    body_->setText(html);
    body_->setAccessibleName(tr("First invoice, %1, total %2").arg(monthName(bill.month), total_));
}

void FirstInvoiceView::showMessage(const QString& text) {
    caption_->setText(tr("First invoice"));
    total_.clear();
    lines_.clear();
    body_->setText(QStringLiteral("<span style=\"color:%1\">%2</span>")
                       .arg(theme::mutedText(palette()).name(), text.toHtmlEscaped()));
    body_->setAccessibleName(tr("First invoice: %1").arg(text));
}

}  // namespace aicp

// The issue dialog's preview: what the form would issue, its monthly price
// and its first invoice, or why it cannot be issued (the dialog's form is
// built in licenseissuedialog.cpp).

#include "billing/contractbilling.h"
#include "money/moneyformat.h"
#include "pages/licenses/contractterminputs.h"
#include "pages/licenses/firstinvoiceview.h"
#include "pages/licenses/licensedetailsview.h"
#include "pages/licenses/licenseissuedialog.h"
#include "pricing/costengine.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>

namespace aicp {

void LicenseIssueDialog::updatePreview() {
    auto request = formRequest();
    std::optional<LicensePayload> payload;
    if (request) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto built = buildLicensePayload(*request, prices_, QString(), now);
        if (built)
            payload = std::move(built).value();
        else
            problem_ = built.error().message();
    } else {
        problem_ = request.error().message();
    }
    if (payload)
        problem_.clear();

    if (!problem_.isEmpty()) {
        // The registry's reasons start in lower case; a sentence here.
        QString sentence = ContractTermInputs::readable(problem_);
        sentence[0] = sentence[0].toUpper();
        problemLabel_->setText(tr("Cannot issue: %1").arg(sentence));
    } else {
        problemLabel_->clear();
    }
    terms_->showProblem(problem_);
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(problem_.isEmpty());
    buttons_->button(QDialogButtonBox::Ok)->setToolTip(problemLabel_->text());

    if (!payload) {
        price_->setText(QStringLiteral("\u2014"));
        priceNote_->setText(tr("No license can be issued as the form stands."));
        firstInvoice_->showMessage(tr("No invoice until the form can be issued."));
        preview_->showMessage(problemLabel_->text());
        return;
    }
    if (upgradeOf_)
        payload->supersedes = upgradeOf_->id;
    preview_->showLicense(*payload, &prices_, {{}, {}, {}, {}, true});
    showMonthlyPrice(*payload);
    showFirstInvoice(*payload);
}

void LicenseIssueDialog::showFirstInvoice(const LicensePayload& payload) {
    auto bill = draftFirstInvoice(payload, registered_, priceBook_);
    if (bill)
        firstInvoice_->showBill(*bill);
    else
        firstInvoice_->showMessage(bill.error().message());
}

void LicenseIssueDialog::showMonthlyPrice(const LicensePayload& payload) {
    const QLocale locale;
    // The recurring monthly price before any request overage, from the
    // same engine that prices quotes and bills.
    auto bill = CostEngine(prices_).quote(subscriptionOf(payload), MonthlyUsage{});
    if (bill && bill->eligible) {
        price_->setText(tr("%1 / month").arg(formatMoney(bill->total, locale, bill->currency)));
        QString note = payload.requestsPerMonth
                           ? tr("Before requests beyond the %1 included each month.")
                                 .arg(formatCount(*payload.requestsPerMonth, locale))
                           : tr("Requests are unlimited on this tier.");
        if (payload.contract.isAnnual())
            note += u' ' + tr("Billed a contract year at a time, in advance.");
        priceNote_->setText(note);
    } else {
        price_->setText(QStringLiteral("\u2014"));
        priceNote_->setText(bill ? bill->reason() : bill.error().message());
    }
}

}  // namespace aicp

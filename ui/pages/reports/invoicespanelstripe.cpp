// The Invoices tab's Stripe actions: push the selected invoice, read the
// payments back, and stop either while it runs.
#include "billing/invoice.h"
#include "money/moneyformat.h"
#include "pages/reports/invoicespanel.h"
#include "payments/stripeaccount.h"
#include "payments/stripebilling.h"
#include "roleguard.h"
#include "storage/workspace.h"
#include "taskrunner.h"
#include "widgets/pagetext.h"

#include <QLocale>
#include <QPushButton>

namespace aicp {

namespace {

// The client of the configured account, stopping when `stop` is set.
Result<StripeClient> stripeClient(Workspace& workspace,
                                  const std::shared_ptr<std::atomic<bool>>& stop) {
    StripeClient::Options options;
    options.cancelled = [stop] { return stop->load(); };
    return StripeSettings(workspace).client(std::move(options));
}

QString pushedMessage(const StripePushOutcome& outcome) {
    const StripeInvoiceLink& link = outcome.link;
    QString text = outcome.created
                       ? InvoicesPanel::tr("Invoice %1 is in Stripe as %2 (%3).")
                             .arg(outcome.invoiceNumber, link.stripeNumber, link.describe())
                       : InvoicesPanel::tr("Invoice %1 was in Stripe already (%2).")
                             .arg(outcome.invoiceNumber, link.describe());
    if (outcome.created && !link.hostedUrl.isEmpty())
        text += u' ' + InvoicesPanel::tr("The customer pays at %1.").arg(link.hostedUrl.toString());
    if (!outcome.creditNotes.isEmpty())
        text += u' ' + InvoicesPanel::tr("Credit notes sent: %1.")
                           .arg(outcome.creditNotes.join(QStringLiteral(", ")));
    return text;
}

QString syncedMessage(const std::vector<StripeSyncChange>& changes) {
    if (changes.empty())
        return InvoicesPanel::tr("No change in Stripe since the last sync.");
    QStringList each;
    for (const StripeSyncChange& change : changes)
        each << (change.recordedPayment ? InvoicesPanel::tr("%1 %2 (recorded as paid)")
                                              .arg(change.invoiceNumber, change.link.describe())
                                        : InvoicesPanel::tr("%1 %2").arg(change.invoiceNumber,
                                                                         change.link.describe()));
    return InvoicesPanel::tr("From Stripe: %1.").arg(each.join(QStringLiteral("; ")));
}

}  // namespace

StripePayments InvoicesPanel::readStripe(Workspace& workspace) {
    StripePayments stripe;
    if (auto account = StripeSettings(workspace).account(); account && *account) {
        stripe.configured = true;
        stripe.maskedKey = StripeAccount::maskedKey((*account)->secretKey);
        stripe.testMode = StripeAccount::isTestKey((*account)->secretKey);
    }
    if (auto links = StripeBilling::links(workspace)) {
        const QLocale locale;
        for (const StripeInvoiceLink& link : *links)
            stripe.status[link.invoiceNumber] =
                link.status == QLatin1String("paid") && link.paidAt
                    ? tr("paid %1").arg(
                          locale.toString(link.paidAt->date(), QStringLiteral("d MMM yyyy")))
                    : link.status;
    }
    return stripe;
}

bool InvoicesPanel::runStripe(
    std::function<Result<QString>(const std::shared_ptr<std::atomic<bool>>&)> work) {
    auto stop = std::make_shared<std::atomic<bool>>(false);
    const bool started = runner_->run<Result<QString>>(
        this, [work = std::move(work), stop] { return work(stop); },
        [this](Result<QString> outcome) {
            stripeStop_.reset();
            if (!outcome && outcome.error().code() == Error::Code::Cancelled)
                outcome = Error(Error::Code::Cancelled,
                                tr("Stopped. What was sent stays in Stripe; push again to go on "
                                   "where it stopped."));
            finishOperation(outcome);
        });
    if (started)
        stripeStop_ = stop;
    updateActions();
    return started;
}

bool InvoicesPanel::pushSelectedToStripe() {
    if (stripeStop_) {
        stripeStop_->store(true);
        showMessage(tr("Stopping after the request under way…"), false);
        return false;
    }
    const Invoice* selected = selectedInvoice();
    const StripePayments& stripe = model_->stripe();
    if (!workspace_ || !runner_ || isBusy() || !selected || !stripe.configured)
        return false;
    const Invoice invoice = *selected;
    const bool pushed = stripe.status.count(invoice.number) > 0;
    const QString mode = stripe.testMode ? tr("test mode: no real money moves")
                                         : tr("live mode: the customer is asked to pay");
    const QString question =
        pushed
            ? tr("Send what is new of invoice %1 (its credit notes) to Stripe?").arg(invoice.number)
            : tr("Send invoice %1 of %2 to Stripe for payment: %3 due?\n\nStripe numbers it "
                 "and sends it to the customer as the account's settings say (key %4, %5). "
                 "It cannot be taken back from here: a credit note corrects it, and a push "
                 "sends that too.")
                  .arg(invoice.number, invoice.customerName,
                       formatMoney(invoice.amountDue(), QLocale(), invoice.currency),
                       stripe.maskedKey, mode);
    if (!confirmer_(this, tr("Push to Stripe"), question))
        return false;
    Workspace* workspace = workspace_;
    const QString number = invoice.number;
    showMessage(tr("Pushing %1 to Stripe…").arg(number), false);
    return runStripe([this, workspace,
                      number](const std::shared_ptr<std::atomic<bool>>& stop) -> Result<QString> {
        auto client = stripeClient(*workspace, stop);
        if (!client)
            return client.error();
        // Progress comes from the worker: it is shown on the GUI thread.
        const StripeProgress progress = [this](int done, int total, const QString& what) {
            if (what.isEmpty())
                return;
            QMetaObject::invokeMethod(
                this,
                [this, done, total, what] {
                    showMessage(
                        tr("Pushing to Stripe: %1 (%2 of %3)…").arg(what).arg(done).arg(total),
                        false);
                },
                Qt::QueuedConnection);
        };
        auto outcome = StripeBilling(*workspace, *client).push(number, progress);
        if (!outcome)
            return outcome.error();
        return pushedMessage(*outcome);
    });
}

bool InvoicesPanel::syncStripe() {
    if (!workspace_ || !runner_ || isBusy() || !model_->stripe().configured)
        return false;
    Workspace* workspace = workspace_;
    showMessage(tr("Asking Stripe about the pushed invoices…"), false);
    return runStripe(
        [workspace](const std::shared_ptr<std::atomic<bool>>& stop) -> Result<QString> {
            auto client = stripeClient(*workspace, stop);
            if (!client)
                return client.error();
            auto changes = StripeBilling(*workspace, *client).sync();
            if (!changes)
                return changes.error();
            return syncedMessage(*changes);
        });
}

void InvoicesPanel::updateStripeActions(const Invoice* selected, bool busy) {
    const StripePayments& stripe = model_->stripe();
    const bool working = stripeStop_ != nullptr;
    const bool pushed = selected && stripe.status.count(selected->number) > 0;
    push_->setText(working ? tr("Stop") : tr("Push to Stripe…"));
    push_->setEnabled(working || (selected && stripe.configured && !busy &&
                                  (pushed || selected->balance() > Money())));
    const QString unconfigured =
        tr("Stripe is not configured: an admin gives aicp the account's secret key with "
           "`aicp stripe configure --secret-key-file FILE`.");
    if (working)
        push_->setToolTip(tr("Stop the push or sync after the request under way"));
    else if (!stripe.configured)
        push_->setToolTip(unconfigured);
    else if (selected && !pushed && selected->balance() <= Money())
        push_->setToolTip(tr("Nothing is left to collect on this invoice."));
    else
        push_->setToolTip(tr("Send the selected invoice and its credit notes to Stripe"));
    sync_->setEnabled(stripe.configured && !stripe.status.empty() && !busy);
    sync_->setToolTip(stripe.configured ? tr("Read back from Stripe which pushed invoices were "
                                             "paid, voided or marked uncollectible")
                                        : unconfigured);
    if (!working) {
        guardRole(push_, workspace_, WorkspaceArea::Invoices);
        guardRole(sync_, workspace_, WorkspaceArea::Invoices);
    }
}

}  // namespace aicp

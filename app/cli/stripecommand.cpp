#include "cli/clicommands.h"
#include "cli/interruption.h"
#include "cli/progressline.h"
#include "common/jsonfields.h"
#include "common/texttable.h"
#include "common/utctime.h"
#include "payments/stripeaccount.h"
#include "payments/stripebilling.h"

#include <optional>

#include <QJsonArray>

namespace aicp::cli {
namespace {

constexpr qsizetype kMaxKeyFile = 1024;

QJsonObject accountJson(const StripeAccount& account) {
    return {{QStringLiteral("key"), StripeAccount::maskedKey(account.secretKey)},
            {QStringLiteral("mode"), StripeAccount::isTestKey(account.secretKey)
                                         ? QStringLiteral("test")
                                         : QStringLiteral("live")},
            {QStringLiteral("api_base"), account.apiBase.toString()},
            {QStringLiteral("configured_at"), toRfc3339(account.configuredAt)},
            {QStringLiteral("configured_by"), account.configuredBy}};
}

QJsonObject linkJson(const StripeInvoiceLink& link) {
    return {{QStringLiteral("invoice"), link.invoiceNumber},
            {QStringLiteral("stripe_invoice"), link.stripeId},
            {QStringLiteral("stripe_number"), jsonTextOrNull(link.stripeNumber)},
            {QStringLiteral("status"), link.status},
            {QStringLiteral("amount_due_minor"), jsonCountOrNull(link.amountDue)},
            {QStringLiteral("paid_at"), jsonTimeOrNull(link.paidAt.value_or(QDateTime()))},
            {QStringLiteral("hosted_invoice_url"), jsonTextOrNull(link.hostedUrl.toString())},
            {QStringLiteral("pushed_at"), toRfc3339(link.pushedAt)},
            {QStringLiteral("synced_at"), jsonTimeOrNull(link.syncedAt.value_or(QDateTime()))}};
}

// A client whose requests stop at Ctrl-C, drawing nothing itself.
Result<StripeClient> clientFor(Workspace& workspace, Interruption& interruption) {
    StripeClient::Options options;
    options.cancelled = [&interruption] {
        interruption.stopIfAsked();
        return interruption.token().stop_requested();
    };
    return StripeSettings(workspace).client(std::move(options));
}

class ConfigureStripe final : public Command {
public:
    ConfigureStripe() : Command(QStringLiteral("stripe configure")) {
        ownOptions_ = {keyFile_, apiBase_};
    }

private:
    const QCommandLineOption keyFile_{
        QStringLiteral("secret-key-file"),
        QStringLiteral("Read the account's secret key (sk_…) or restricted key (rk_…) from F."),
        QStringLiteral("F")};
    const QCommandLineOption apiBase_{
        QStringLiteral("api-base"),
        QStringLiteral("Stripe's API at URL. Default: https://api.stripe.com."),
        QStringLiteral("URL")};

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(path, call.requiredValue(keyFile_, QStringLiteral("--secret-key-file F")),
                     fail);
        AICP_CLI_TRY(base, call.value(apiBase_), fail);
        const QUrl apiBase(*base, QUrl::StrictMode);
        if (!base->isEmpty())
            if (const Status checked = StripeSettings::checkApiBase(apiBase); !checked.ok())
                return call.fail(checked.error());
        AICP_CLI_TRY(read, readInputFile(*path, kMaxKeyFile), fail);
        const QByteArray key = read->trimmed();
        if (const Status checked = StripeSettings::checkSecretKey(key); !checked.ok())
            return call.fail(checked.error().withContext(*path));
        if (const Status vendor =
                call.vendorOnly(QStringLiteral("the vendor's workspace sends invoices to Stripe"));
            !vendor.ok())
            return call.failure(vendor.error());
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(account, StripeSettings(**workspace).configure(key, apiBase), fail);
        const bool test = StripeAccount::isTestKey(account->secretKey);
        return call.print(
            accountJson(*account),
            QStringLiteral("Stripe is configured: key %1 (%2 mode) at %3.\n%4")
                .arg(StripeAccount::maskedKey(account->secretKey),
                     test ? QStringLiteral("test") : QStringLiteral("live"),
                     account->apiBase.toString(),
                     test ? QStringLiteral("Test mode: Stripe moves no real money.\n")
                          : QStringLiteral("Live mode: pushed invoices are sent to customers "
                                           "for payment.\n")));
    }
};

QString pushedText(const StripePushOutcome& outcome) {
    const StripeInvoiceLink& link = outcome.link;
    QString text =
        outcome.created
            ? QStringLiteral("%1: in Stripe as %2 (%3), %4")
                  .arg(outcome.invoiceNumber, link.stripeId, link.stripeNumber, link.describe())
            : QStringLiteral("%1: already in Stripe as %2, %3")
                  .arg(outcome.invoiceNumber, link.stripeId, link.describe());
    if (outcome.created && !link.hostedUrl.isEmpty())
        text += QStringLiteral("; the customer pays at %1").arg(link.hostedUrl.toString());
    if (!outcome.creditNotes.isEmpty())
        text += QStringLiteral("; credit notes %1 pushed")
                    .arg(outcome.creditNotes.join(QStringLiteral(", ")));
    return text + QStringLiteral(".\n");
}

QJsonObject outcomeJson(const StripePushOutcome& outcome) {
    QJsonObject json = linkJson(outcome.link);
    json.insert(QStringLiteral("created"), outcome.created);
    json.insert(QStringLiteral("credit_notes"), QJsonArray::fromStringList(outcome.creditNotes));
    return json;
}

class PushToStripe final : public Command {
public:
    PushToStripe() : Command(QStringLiteral("stripe push")) { ownOptions_ = {invoice_, open_}; }

private:
    const QCommandLineOption invoice_{QStringLiteral("invoice"),
                                      QStringLiteral("Push the invoice N and its credit notes."),
                                      QStringLiteral("N")};
    const QCommandLineOption open_{
        QStringLiteral("open"),
        QStringLiteral("Push every open invoice not in Stripe yet, and new credit notes.")};

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(number, call.value(invoice_), fail);
        const bool open = call.isSet(open_);
        if (number->isEmpty() == !open)
            return call.usage(QStringLiteral("give either --invoice N or --open"));
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        Interruption interruption;
        AICP_CLI_TRY(client, clientFor(**workspace, interruption), fail);
        std::optional<ProgressLine> line;
        if (ProgressLine::wanted())
            line.emplace(call.err());
        const StripeProgress progress = [&line](int done, int total, const QString& what) {
            if (line && !what.isEmpty())
                line->show(QStringLiteral("Pushing to Stripe … %1 of %2: %3")
                               .arg(done)
                               .arg(total)
                               .arg(what));
        };
        StripeBilling billing(**workspace, *client);
        std::vector<StripePushOutcome> outcomes;
        if (open) {
            AICP_CLI_TRY(pushed, billing.pushOpen(progress), fail);
            outcomes = std::move(*pushed);
        } else {
            AICP_CLI_TRY(pushed, billing.push(*number, progress), fail);
            outcomes.push_back(std::move(*pushed));
        }
        if (line)
            line->clear();
        QJsonArray json;
        QString text;
        for (const StripePushOutcome& outcome : outcomes) {
            json.append(outcomeJson(outcome));
            text += pushedText(outcome);
        }
        if (outcomes.empty())
            text = QStringLiteral(
                "Nothing to push: every open invoice and credit note is in "
                "Stripe already.\n");
        return call.print(QJsonObject{{QStringLiteral("invoices"), json}}, text);
    }
};

int syncFromStripe(Invocation& call) {
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    Interruption interruption;
    AICP_CLI_TRY(client, clientFor(**workspace, interruption), fail);
    AICP_CLI_TRY(changes, StripeBilling(**workspace, *client).sync(), fail);
    QJsonArray json;
    QString text;
    for (const StripeSyncChange& change : *changes) {
        QJsonObject one = linkJson(change.link);
        one.insert(QStringLiteral("before"), change.before);
        one.insert(QStringLiteral("payment_recorded"), change.recordedPayment);
        json.append(one);
        text += QStringLiteral("%1: %2 in Stripe%3.\n")
                    .arg(change.invoiceNumber, change.link.describe(),
                         change.recordedPayment ? QStringLiteral(", recorded as paid in aicp")
                                                : QString());
    }
    if (changes->empty())
        text = QStringLiteral("No change in Stripe since the last sync.\n");
    return call.print(QJsonObject{{QStringLiteral("changes"), json}}, text);
}

int stripeStatus(Invocation& call) {
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(account, StripeSettings(**workspace).account(), failure);
    AICP_CLI_TRY(links, StripeBilling::links(**workspace), failure);
    QJsonArray invoices;
    for (const StripeInvoiceLink& link : *links)
        invoices.append(linkJson(link));
    const QJsonObject json{{QStringLiteral("account"), *account ? QJsonValue(accountJson(**account))
                                                                : QJsonValue(QJsonValue::Null)},
                           {QStringLiteral("invoices"), invoices}};
    QString text = *account ? QStringLiteral("Stripe: key %1 at %2, configured by %3 on %4.\n")
                                  .arg(StripeAccount::maskedKey((*account)->secretKey),
                                       (*account)->apiBase.toString(), (*account)->configuredBy,
                                       toRfc3339((*account)->configuredAt))
                            : QStringLiteral(
                                  "Stripe is not configured (aicp stripe configure "
                                  "--secret-key-file FILE).\n");
    if (links->empty())
        return call.print(json, text + QStringLiteral("No invoice has been pushed.\n"));
    TextTable table({QStringLiteral("INVOICE"), QStringLiteral("STRIPE"), QStringLiteral("NUMBER"),
                     QStringLiteral("STATUS"), QStringLiteral("SYNCED")});
    for (const StripeInvoiceLink& link : *links)
        table.addRow({link.invoiceNumber, link.stripeId,
                      link.stripeNumber.isEmpty() ? QStringLiteral("-") : link.stripeNumber,
                      link.describe(),
                      link.syncedAt ? toRfc3339(*link.syncedAt) : QStringLiteral("-")});
    return call.print(json, text + table.render());
}

}  // namespace

const CommandGroup& stripeCommands() {
    static const ConfigureStripe configure;
    static const PushToStripe push;
    static const PlainCommand sync(QStringLiteral("stripe sync"), &syncFromStripe);
    static const PlainCommand status(QStringLiteral("stripe status"), &stripeStatus);
    static const CommandGroup group{
        QStringLiteral("stripe"),
        QStringLiteral("Sends invoices and credit notes to Stripe for payment and reads the "
                       "payments back."),
        {&configure, &push, &sync, &status}};
    return group;
}

}  // namespace aicp::cli

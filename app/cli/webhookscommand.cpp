#include "cli/clicommands.h"
#include "common/texttable.h"
#include "licensing/licensepayload.h"
#include "notify/webhookdelivery.h"
#include "notify/webhooks.h"
#include "recommend/notices.h"

#include <QJsonArray>

namespace aicp::cli {
namespace {

constexpr qsizetype kMaxSecretFile = 1024;

QJsonValue timeOrNull(const std::optional<QDateTime>& time) {
    return jsonTimeOrNull(time.value_or(QDateTime()));
}

// Never the secret: it is shown once, when made.
QJsonObject endpointJson(const WebhookEndpoint& endpoint) {
    return {{QStringLiteral("id"), double(endpoint.id)},
            {QStringLiteral("url"), endpoint.url.toString()},
            {QStringLiteral("events"), QJsonArray::fromStringList(endpoint.events)},
            {QStringLiteral("created_at"), toRfc3339(endpoint.createdAt)},
            {QStringLiteral("created_by"), endpoint.createdBy},
            {QStringLiteral("removed_at"), timeOrNull(endpoint.removedAt)}};
}

QJsonObject deliveryJson(const WebhookDelivery& delivery) {
    return {{QStringLiteral("id"), double(delivery.id)},
            {QStringLiteral("message_id"), delivery.messageId},
            {QStringLiteral("type"), delivery.type},
            {QStringLiteral("webhook_id"), double(delivery.endpointId)},
            {QStringLiteral("url"), delivery.url.toString()},
            {QStringLiteral("state"), deliveryStateWord(delivery.state)},
            {QStringLiteral("attempts"), delivery.attempts},
            {QStringLiteral("next_attempt_at"), timeOrNull(delivery.nextAttemptAt)},
            {QStringLiteral("last_attempt_at"), timeOrNull(delivery.lastAttemptAt)},
            {QStringLiteral("last_status"),
             delivery.lastStatus ? QJsonValue(*delivery.lastStatus) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("last_error"), delivery.lastError.isEmpty()
                                               ? QJsonValue(QJsonValue::Null)
                                               : QJsonValue(delivery.lastError)},
            {QStringLiteral("delivered_at"), timeOrNull(delivery.deliveredAt)}};
}

Result<std::int64_t> idArgument(Invocation& call, const QString& what) {
    auto text = call.argument(what);
    if (!text)
        return text.error();
    return parseCount(what, *text);
}

class AddWebhook final : public Command {
public:
    AddWebhook() : Command(QStringLiteral("webhooks add")) { ownOptions_ = {events_, secretFile_}; }

private:
    const QCommandLineOption events_{
        QStringLiteral("events"),
        QStringLiteral("The events to send, comma-separated (usage.threshold, license.issued, …)."),
        QStringLiteral("E,…")};
    const QCommandLineOption secretFile_{
        QStringLiteral("secret-file"),
        QStringLiteral("Sign with the whsec_… secret in file F. Default: a new one, printed once."),
        QStringLiteral("F")};

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(urlText, call.argument(QStringLiteral("the webhook's URL")), fail);
        AICP_CLI_TRY(eventsText, call.requiredValue(events_, QStringLiteral("--events E,…")), fail);
        AICP_CLI_TRY(events, parseWebhookEvents(*eventsText), fail);
        const QUrl url(*urlText, QUrl::StrictMode);
        if (const Status checked = checkWebhookUrl(url); !checked.ok())
            return call.fail(checked.error());
        AICP_CLI_TRY(secretPath, call.value(secretFile_), fail);
        QByteArray secret;
        if (!secretPath->isEmpty()) {
            AICP_CLI_TRY(read, readInputFile(*secretPath, kMaxSecretFile), fail);
            secret = read->trimmed();
            if (auto key = webhooksecret::key(secret); !key)
                return call.fail(key.error().withContext(*secretPath));
        }
        if (const Status vendor =
                call.vendorOnly(QStringLiteral("the vendor's workspace sends the webhooks"));
            !vendor.ok())
            return call.failure(vendor.error());
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(added, WebhookEndpoints(**workspace).add(url, *events, secret), fail);
        const QString told =
            QStringLiteral("Added webhook %1 for %2: %3.\n")
                .arg(added->id)
                .arg(added->url.toString(), added->events.join(QStringLiteral(", ")));
        if (!secret.isEmpty())
            return call.print(endpointJson(*added), told);
        // A made secret goes to standard output once, the words to stderr,
        // so `> secret` keeps only the secret.
        call.out() << QString::fromLatin1(added->secret) << '\n';
        call.out().flush();
        call.err() << told
                   << QStringLiteral(
                          "That is its signing secret: give it to the receiver now; "
                          "it is not shown again.\n");
        return kExitSuccess;
    }
};

int listWebhooks(Invocation& call) {
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(endpoints, WebhookEndpoints(**workspace).list(), failure);
    return printListing(
        call, QStringLiteral("webhooks"), *endpoints, &endpointJson,
        QStringLiteral("No webhooks; add one with 'aicp webhooks add URL --events E,…'.\n"),
        TextTable({QStringLiteral("ID"), QStringLiteral("URL"), QStringLiteral("EVENTS"),
                   QStringLiteral("CREATED")},
                  {TextTable::Align::Right}),
        [](const WebhookEndpoint& endpoint) {
            return QStringList{QString::number(endpoint.id), endpoint.url.toString(),
                               endpoint.events.join(QLatin1Char(',')),
                               toRfc3339(endpoint.createdAt)};
        });
}

int removeWebhook(Invocation& call) {
    AICP_CLI_TRY(id, idArgument(call, QStringLiteral("a webhook's id")), fail);
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(removed, WebhookEndpoints(**workspace).remove(*id), fail);
    return call.print(endpointJson(*removed),
                      QStringLiteral("Removed webhook %1 (%2); nothing more is sent to it.\n")
                          .arg(removed->id)
                          .arg(removed->url.toString()));
}

int listDeliveries(Invocation& call) {
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(deliveries, WebhookDeliveries(**workspace).list(), failure);
    return printListing(
        call, QStringLiteral("deliveries"), *deliveries, &deliveryJson,
        QStringLiteral("No deliveries yet.\n"),
        TextTable({QStringLiteral("ID"), QStringLiteral("TYPE"), QStringLiteral("WEBHOOK"),
                   QStringLiteral("STATE"), QStringLiteral("ATTEMPTS"), QStringLiteral("LAST"),
                   QStringLiteral("NEXT")},
                  {TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Right,
                   TextTable::Align::Left, TextTable::Align::Right}),
        [](const WebhookDelivery& d) {
            QString last = QStringLiteral("-");
            if (d.deliveredAt)
                last = QStringLiteral("%1 at %2")
                           .arg(d.lastStatus.value_or(0))
                           .arg(toRfc3339(*d.deliveredAt));
            else if (!d.lastError.isEmpty())
                last = d.lastError;
            return QStringList{QString::number(d.id),
                               d.type,
                               QString::number(d.endpointId),
                               deliveryStateWord(d.state),
                               QString::number(d.attempts),
                               last,
                               d.nextAttemptAt ? toRfc3339(*d.nextAttemptAt) : QStringLiteral("-")};
        });
}

int redeliver(Invocation& call) {
    AICP_CLI_TRY(id, idArgument(call, QStringLiteral("a delivery's id")), fail);
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(again, WebhookDeliveries(**workspace).redeliver(*id), fail);
    return call.print(deliveryJson(*again),
                      QStringLiteral("Delivery %1 (%2 to webhook %3) is due again; 'aicp webhooks "
                                     "run' or 'aicp serve' sends it.\n")
                          .arg(again->id)
                          .arg(again->type)
                          .arg(again->endpointId));
}

int runDeliveries(Invocation& call) {
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(found, Notices(**workspace).publishDue(), failure);
    WebhookDeliveries deliveries(**workspace);
    AICP_CLI_TRY(round, deliveries.deliverDue(), failure);
    AICP_CLI_TRY(next, deliveries.nextDue(), failure);
    const QJsonObject json{{QStringLiteral("notices"), found->total()},
                           {QStringLiteral("attempted"), round->attempted},
                           {QStringLiteral("delivered"), round->delivered},
                           {QStringLiteral("retrying"), round->retrying},
                           {QStringLiteral("failed"), round->failed},
                           {QStringLiteral("next_due"), timeOrNull(*next)}};
    QString text;
    if (found->total() > 0)
        text += QStringLiteral("Found %1 (thresholds, reminders, overdue invoices) to tell.\n")
                    .arg(found->total() == 1 ? QStringLiteral("1 notice")
                                             : QStringLiteral("%1 notices").arg(found->total()));
    text += QStringLiteral("Sent %1: %2 delivered, %3 to retry, %4 failed.\n")
                .arg(round->attempted)
                .arg(round->delivered)
                .arg(round->retrying)
                .arg(round->failed);
    if (*next)
        text += QStringLiteral("The next delivery is due at %1.\n").arg(toRfc3339(**next));
    return call.print(json, text);
}

}  // namespace

const CommandGroup& webhooksCommands() {
    static const AddWebhook add;
    static const PlainCommand list(QStringLiteral("webhooks list"), &listWebhooks);
    static const PlainCommand remove(QStringLiteral("webhooks remove"), &removeWebhook);
    static const PlainCommand deliveries(QStringLiteral("webhooks deliveries"), &listDeliveries);
    static const PlainCommand again(QStringLiteral("webhooks redeliver"), &redeliver);
    static const PlainCommand run(QStringLiteral("webhooks run"), &runDeliveries);
    static const CommandGroup group{
        QStringLiteral("webhooks"),
        QStringLiteral("Tells other systems of licenses, invoices and usage thresholds: signed "
                       "webhooks, with their deliveries and retries."),
        {&add, &list, &remove, &deliveries, &again, &run}};
    return group;
}

}  // namespace aicp::cli

#include "documents/upgraderequestpdf.h"

#include "common/idtext.h"
#include "documents/pdfdocument.h"
#include "licensing/licensepayload.h"

#include <QCryptographicHash>

namespace aicp {
namespace {

QString listOrNone(const QStringList& items) {
    return items.isEmpty() ? QStringLiteral("none") : items.join(QStringLiteral(", "));
}

PdfTable askedTable(const UpgradeRequest& request) {
    PdfTable table;
    table.caption = QStringLiteral("Terms asked");
    table.columns = {
        {QStringLiteral("Term"), 1}, {QStringLiteral("Now"), 1.4}, {QStringLiteral("Asked"), 1.4}};
    table.rows = {
        {{QStringLiteral("Tier"), request.currentTier, request.tier}, true},
        {{QStringLiteral("Policy packs"), QString(), listOrNone(request.policyPacks)}},
        {{QStringLiteral("Compliance modules"), QString(), listOrNone(request.complianceModules)}},
        {{QStringLiteral("Seats"), QString(),
          request.seats ? documentCount(*request.seats) : QStringLiteral("as the tier includes")}},
        {{QStringLiteral("Ends"), toRfc3339(request.currentExpiresAt),
          toRfc3339(request.currentExpiresAt)}},
    };
    return table;
}

PdfTable usageTable(const UpgradeRequest& request) {
    PdfTable table;
    table.caption = QStringLiteral("Usage in %1").arg(request.month);
    table.columns = {{QStringLiteral("Measure"), 1.6},
                     {QStringLiteral("Observed"), 1, PdfTable::Align::Right},
                     {QStringLiteral("Licensed"), 1, PdfTable::Align::Right}};
    const QString limit =
        request.requestLimit ? documentCount(*request.requestLimit) : QStringLiteral("unlimited");
    table.rows = {
        {{QStringLiteral("Requests so far"), documentCount(request.requestsSoFar), limit}},
        {{QStringLiteral("Requests projected to month end"),
          documentCount(request.projectedRequests), limit},
         true},
        {{QStringLiteral("Seats in use"), documentCount(request.seatsUsed), QString()}},
        {{QStringLiteral("Agents in use"), documentCount(request.agentsUsed), QString()}},
    };
    return table;
}

}  // namespace

Result<QByteArray> upgradeRequestPdf(const UpgradeRequest& request, const DocumentStamp& stamp) {
    PdfDocument document;
    document.title = QStringLiteral("Upgrade request");
    document.subtitle = QStringLiteral("%1 (%2)").arg(request.customerName, request.customerId);
    const QByteArray json = request.toJson();
    const QString digest = QString::fromLatin1(
        QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex().left(16));
    document.facts = {
        {QStringLiteral("Customer"), request.customerName},
        {QStringLiteral("Current license"), idText(request.currentLicense)},
        {QStringLiteral("Made"), toRfc3339(request.createdAt)},
        {QStringLiteral("Generated"),
         toRfc3339(stamp.generatedAt.isValid() ? stamp.generatedAt : request.createdAt) +
             (stamp.generatedBy.isEmpty() ? QString()
                                          : QStringLiteral(" by ") + stamp.generatedBy)},
        {QStringLiteral("File fingerprint"), digest},
    };
    document.tables = {askedTable(request), usageTable(request)};
    if (!request.reason.isEmpty())
        document.notes.append(QStringLiteral("Why: ") + request.reason);
    if (!request.note.isEmpty())
        document.notes.append(QStringLiteral("Note from the customer: ") + request.note);
    document.notes.append(QStringLiteral(
        "The vendor opens the JSON file sent with this page (aicp license issue --from-request, "
        "or File > Review Upgrade Request in the console); a file changed after it was made is "
        "refused. The file fingerprint above is the start of its SHA-256."));
    document.footer =
        QStringLiteral("AI Control Plane · upgrade request · %1").arg(request.customerId);
    return renderPdf(document);
}

}  // namespace aicp

#include "metering/usageeventexport.h"

#include "common/base64url.h"
#include "common/strictjson.h"
#include "common/utctime.h"
#include "storage/statement.h"
#include "storage/workspace.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace aicp {

namespace {

QJsonArray listJson(const QString& joined) {
    QJsonArray array;
    if (joined.isEmpty())
        return array;
    for (const QString& item : joined.split(u';'))
        array.append(item);
    return array;
}

QString rfc3339(std::int64_t seconds) {
    const utc::CivilDate date = utc::civilFromDays(utc::floorDiv(seconds, utc::kSecondsPerDay));
    const std::int64_t inDay = seconds - utc::floorDiv(seconds, utc::kSecondsPerDay) * 86400;
    return QStringLiteral("%1-%2-%3T%4:%5:%6Z")
        .arg(date.year, 4, 10, QLatin1Char('0'))
        .arg(date.month, 2, 10, QLatin1Char('0'))
        .arg(date.day, 2, 10, QLatin1Char('0'))
        .arg(inDay / 3600, 2, 10, QLatin1Char('0'))
        .arg(inDay / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(inDay % 60, 2, 10, QLatin1Char('0'));
}

Error badCursor() {
    return Error::invalidInput(
        QStringLiteral("the cursor is not one this service gave out; start again without 'after'"));
}

}  // namespace

// A JSON array [import id, source, id] in base64url: opaque to clients, and
// any source or id text survives it unchanged.
QString UsageExportCursor::encode() const {
    if (isStart())
        return {};
    const QByteArray json =
        QJsonDocument(QJsonArray{static_cast<double>(importId), source, eventId})
            .toJson(QJsonDocument::Compact);
    return QString::fromLatin1(base64UrlEncode(json));
}

Result<UsageExportCursor> UsageExportCursor::decode(const QString& text) {
    if (text.isEmpty())
        return UsageExportCursor{};
    auto bytes = base64UrlDecode(text.toLatin1());
    if (!bytes)
        return badCursor();
    auto document = StrictJson::parse(*bytes);
    if (!document)
        return badCursor();
    const QJsonArray array = document->array();
    if (array.size() != 3 || !array[0].isDouble() || !array[1].isString() || !array[2].isString())
        return badCursor();
    const double id = array[0].toDouble();
    if (id < 1 || id > 9.0e15 || id != static_cast<double>(static_cast<std::int64_t>(id)))
        return badCursor();
    return UsageExportCursor{static_cast<std::int64_t>(id), array[1].toString(),
                             array[2].toString()};
}

// Imports commit one at a time (each takes the write lock first) and a new
// import's id is above every committed one, so a reader that has passed an
// import never sees an event appear behind its cursor. In a WITHOUT ROWID
// table an index carries the primary key: (import_id) is really
// (import_id, source, event_id), the export's order.
Status UsageEventExport::prepare(Workspace& workspace) {
    return executeScript(workspace.handle(),
                         "CREATE INDEX IF NOT EXISTS usage_events_by_import "
                         "ON usage_events (import_id)");
}

Result<UsageEventPage> UsageEventExport::page(const UsageExportCursor& after, int limit) const {
    if (limit < 1 || limit > kMaxLimit)
        return Error::invalidInput(
            QStringLiteral("limit must be from 1 to %1, not %2").arg(kMaxLimit).arg(limit));
    // Row values walk usage_events_by_import from the cursor on; one extra
    // row says whether another page waits.
    auto query = Statement::prepare(
        workspace_.handle(),
        "SELECT import_id, source, event_id, customer_id, occurred_at, agent_id, user_id, "
        "policy_packs, compliance_modules, quantity FROM usage_events "
        "WHERE (import_id, source, event_id) > (?1, ?2, ?3) "
        "ORDER BY import_id, source, event_id LIMIT ?4");
    if (!query)
        return query.error();
    AICP_TRY(query->bindAll(after.importId, after.source, after.eventId, limit + 1));
    UsageEventPage page;
    page.next = after;
    int rows = 0;
    AICP_TRY(query->forEachRow([&](const Statement& row) -> Status {
        if (++rows > limit) {
            page.hasMore = true;
            return {};
        }
        const QJsonObject data{{QStringLiteral("agent_id"), row.text(5)},
                               {QStringLiteral("user_id"), row.text(6)},
                               {QStringLiteral("policy_packs"), listJson(row.text(7))},
                               {QStringLiteral("compliance_modules"), listJson(row.text(8))},
                               {QStringLiteral("quantity"), static_cast<double>(row.int64(9))}};
        page.events.append(
            QJsonObject{{QStringLiteral("specversion"), QStringLiteral("1.0")},
                        {QStringLiteral("id"), row.text(2)},
                        {QStringLiteral("source"), row.text(1)},
                        {QStringLiteral("type"), QStringLiteral("ai.request.governed")},
                        {QStringLiteral("time"), rfc3339(row.int64(4))},
                        {QStringLiteral("subject"), row.text(3)},
                        {QStringLiteral("data"), data}});
        page.next = {row.int64(0), row.text(1), row.text(2)};
        return {};
    }));
    return page;
}

}  // namespace aicp

#include "metering/usageeventexport.h"

#include "common/base64url.h"
#include "common/strictjson.h"
#include "common/utctime.h"
#include "storage/query.h"
#include "storage/statement.h"
#include "storage/usageeventkey.h"
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

bool isPositiveWhole(const QJsonValue& value) {
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    return number >= 1 && number <= 9.0e15 &&
           number == static_cast<double>(static_cast<std::int64_t>(number));
}

// The columns from source on of the export's query, as a CloudEvents 1.0
// object.
QJsonObject cloudEvent(const Statement& row) {
    const QJsonObject data{{QStringLiteral("agent_id"), row.text(5)},
                           {QStringLiteral("user_id"), row.text(6)},
                           {QStringLiteral("policy_packs"), listJson(row.text(7))},
                           {QStringLiteral("compliance_modules"), listJson(row.text(8))},
                           {QStringLiteral("quantity"), static_cast<double>(row.int64(9))}};
    return {{QStringLiteral("specversion"), QStringLiteral("1.0")},
            {QStringLiteral("id"), row.text(2)},
            {QStringLiteral("source"), row.text(1)},
            {QStringLiteral("type"), QStringLiteral("ai.request.governed")},
            {QStringLiteral("time"), rfc3339(row.int64(4))},
            {QStringLiteral("subject"), row.text(3)},
            {QStringLiteral("data"), data}};
}

}  // namespace

// A JSON array [position] in base64url: opaque to clients. Before schema 9
// it was [import id, source, id], which is still read.
QString UsageExportCursor::encode() const {
    if (isStart())
        return {};
    const QJsonArray array =
        position > 0 ? QJsonArray{static_cast<double>(position)}
                     : QJsonArray{static_cast<double>(legacyImportId), legacySource, legacyEventId};
    return QString::fromLatin1(
        base64UrlEncode(QJsonDocument(array).toJson(QJsonDocument::Compact)));
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
    if (array.isEmpty() || !isPositiveWhole(array[0]))
        return badCursor();
    const auto first = static_cast<std::int64_t>(array[0].toDouble());
    if (array.size() == 1)
        return UsageExportCursor::at(first);
    if (array.size() != 3 || !array[1].isString() || !array[2].isString())
        return badCursor();
    UsageExportCursor legacy;
    legacy.legacyImportId = first;
    legacy.legacySource = array[1].toString();
    legacy.legacyEventId = array[2].toString();
    return legacy;
}

// The old cursor's event: the upgrade to schema 9 copied events in the old
// export order (import, source, id), so continuing after its position is
// continuing where the old cursor stood.
Result<std::int64_t> UsageEventExport::positionOf(const UsageExportCursor& cursor) const {
    if (cursor.legacyImportId == 0)
        return cursor.position;
    const QByteArray source = cursor.legacySource.toUtf8();
    const QByteArray id = cursor.legacyEventId.toUtf8();
    auto found = queryFirstRow<std::int64_t>(
        workspace_.handle(),
        "SELECT id FROM usage_events WHERE event_key = ?1 AND source = ?2 AND event_id = ?3 "
        "AND import_id = ?4",
        [](const Statement& row) { return row.int64(0); },
        usageEventKey(std::string_view(source.constData(), std::size_t(source.size())),
                      std::string_view(id.constData(), std::size_t(id.size()))),
        cursor.legacySource, cursor.legacyEventId, cursor.legacyImportId);
    if (!found)
        return found.error();
    if (!*found)
        return Error::invalidInput(QStringLiteral(
            "the cursor names an event this workspace does not have; start again without 'after'"));
    return **found;
}

Result<UsageEventPage> UsageEventExport::page(const UsageExportCursor& after, int limit) const {
    if (limit < 1 || limit > kMaxLimit)
        return Error::invalidInput(
            QStringLiteral("limit must be from 1 to %1, not %2").arg(kMaxLimit).arg(limit));
    auto position = positionOf(after);
    if (!position)
        return position.error();
    // One extra row says whether another page waits.
    auto query = Statement::prepare(
        workspace_.handle(),
        "SELECT id, source, event_id, customer_id, occurred_at, agent_id, user_id, "
        "policy_packs, compliance_modules, quantity FROM usage_events "
        "WHERE id > ?1 ORDER BY id LIMIT ?2");
    if (!query)
        return query.error();
    AICP_TRY(query->bindAll(*position, limit + 1));
    UsageEventPage page;
    page.next = after.isStart() ? after : UsageExportCursor::at(*position);
    int rows = 0;
    AICP_TRY(query->forEachRow([&](const Statement& row) -> Status {
        if (++rows > limit) {
            page.hasMore = true;
            return {};
        }
        page.events.append(cloudEvent(row));
        page.next = UsageExportCursor::at(row.int64(0));
        return {};
    }));
    return page;
}

}  // namespace aicp

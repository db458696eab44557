#include "common/jsonfields.h"
#include "common/strictjson.h"
#include "metering/usageeventexport.h"
#include "metering/usageimporter.h"
#include "metering/usagequery.h"
#include "server/apiendpoints.h"
#include "server/jsonarraysplitter.h"
#include "storage/statement.h"
#include "storage/workspace.h"

#include <optional>

#include <QBuffer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace aicp {

namespace {

// The name of a batch's import in the workspace's import history, and in
// the importer's messages (rewritten below into the body's own terms).
const QString kBatchName = QStringLiteral("POST /api/pricing/usage/events");

bool isTrue(const QString& value) {
    return value == QLatin1String("true") || value == QLatin1String("1");
}

// A batch is a JSON array of CloudEvents or JSON Lines; an array becomes
// JSON Lines, one element per line, so line N is element N.
struct Batch {
    QByteArray lines;
    bool isArray = false;
    qsizetype events = 0;
};

Result<Batch> readBatch(const QByteArray& body) {
    Batch batch;
    const QByteArrayView trimmed = QByteArrayView(body).trimmed();
    if (trimmed.isEmpty())
        return Error::invalidInput(QStringLiteral(
            "line 1, column 1: the body is empty; send a JSON array of CloudEvents or JSON Lines"));
    if (!trimmed.startsWith('[')) {
        // JSON Lines: each line strict JSON, as an array is, before the
        // event reader takes what it needs from it.
        AICP_TRY(StrictJson::checkLines(body));
        batch.lines = body;
        return batch;
    }
    batch.isArray = true;
    auto split = JsonArraySplitter::split(body);
    if (!split)
        return split.error();
    batch.lines = std::move(split->lines);
    batch.events = split->elements;
    return batch;
}

// "<batch>:3:14: reason" -> "line 3, column 14: reason" or, for an array,
// "event #3: reason".
QString inBodyTerms(const QString& message, bool isArray) {
    static const QRegularExpression located(
        QStringLiteral("^%1:(\\d+)(?::(\\d+))?: (.*)$").arg(QRegularExpression::escape(kBatchName)),
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = located.match(message);
    if (!match.hasMatch())
        return message.startsWith(kBatchName + u':') ? message.mid(kBatchName.size() + 1) : message;
    if (isArray)
        return QStringLiteral("event #%1: %2").arg(match.captured(1), match.captured(3));
    if (match.captured(2).isEmpty())
        return QStringLiteral("line %1: %2").arg(match.captured(1), match.captured(3));
    return QStringLiteral("line %1, column %2: %3")
        .arg(match.captured(1), match.captured(2), match.captured(3));
}

ApiResponse ingest(Workspace& workspace, const ApiRequest& request) {
    auto batch = readBatch(request.body);
    if (!batch)
        return ApiResponse::error(400, QStringLiteral("invalid_batch"), batch.error().message());
    const bool skipBad = isTrue(request.queryValue(QStringLiteral("skip_bad")));
    QJsonObject counts{{QStringLiteral("import_id"), QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("events"), 0},
                       {QStringLiteral("new"), 0},
                       {QStringLiteral("duplicate"), 0},
                       {QStringLiteral("rejected"), 0},
                       {QStringLiteral("late"), 0},
                       {QStringLiteral("rejections"), QJsonArray()}};
    if (batch->isArray && batch->events == 0)
        return ApiResponse::json(counts);

    // skip_bad: the importer writes refused rows to a file; the answer
    // carries the first reasons instead, so the file is thrown away.
    std::optional<QTemporaryDir> rejects;
    UsageImportOptions options;
    options.format = UsageFormat::Jsonl;
    options.skipBad = skipBad;
    if (skipBad) {
        rejects.emplace();
        if (!rejects->isValid())
            return ApiResponse::error(500, QStringLiteral("internal"),
                                      QStringLiteral("no temporary folder for refused events"));
        options.rejectFile = rejects->filePath(QStringLiteral("rejects.jsonl"));
    }
    QBuffer buffer(&batch->lines);
    buffer.open(QIODevice::ReadOnly);
    auto report = UsageImporter(workspace).importDevice(buffer, kBatchName, options);
    if (!report) {
        if (report.error().code() == Error::Code::InvalidInput)
            return ApiResponse::error(400, QStringLiteral("invalid_event"),
                                      inBodyTerms(report.error().message(), batch->isArray) +
                                          QStringLiteral("; nothing was stored"));
        return ApiResponse::fromError(report.error());
    }
    QJsonArray rejections;
    for (const UsageRejection& rejection : report->firstRejections) {
        QJsonObject item{{QStringLiteral("reason"), rejection.reason}};
        if (batch->isArray) {
            item.insert(QStringLiteral("event"), jsonNumber(rejection.line));
        } else {
            item.insert(QStringLiteral("line"), jsonNumber(rejection.line));
            item.insert(QStringLiteral("column"), rejection.column);
        }
        rejections.append(item);
    }
    counts[QStringLiteral("import_id")] = jsonNumber(report->importId);
    counts[QStringLiteral("events")] = jsonNumber(report->rows);
    counts[QStringLiteral("new")] = jsonNumber(report->newEvents);
    counts[QStringLiteral("duplicate")] = jsonNumber(report->duplicates);
    counts[QStringLiteral("rejected")] = jsonNumber(report->rejected);
    counts[QStringLiteral("late")] = jsonNumber(report->late);
    counts[QStringLiteral("rejections")] = rejections;
    return ApiResponse::json(counts);
}

ApiResponse exportEvents(Workspace& workspace, const ApiRequest& request) {
    auto cursor = UsageExportCursor::decode(request.queryValue(QStringLiteral("after")));
    if (!cursor)
        return ApiResponse::fromError(cursor.error());
    int limit = UsageEventExport::kDefaultLimit;
    if (const QString text = request.queryValue(QStringLiteral("limit")); !text.isEmpty()) {
        bool ok = false;
        limit = text.toInt(&ok);
        if (!ok || limit < 1 || limit > UsageEventExport::kMaxLimit)
            return ApiResponse::error(
                400, QStringLiteral("invalid_input"),
                QStringLiteral("limit must be a whole number from 1 to %1, not '%2'")
                    .arg(UsageEventExport::kMaxLimit)
                    .arg(text));
    }
    auto page = UsageEventExport(workspace).page(*cursor, limit);
    if (!page)
        return ApiResponse::fromError(page.error());
    return ApiResponse::json({{QStringLiteral("events"), page->events},
                              {QStringLiteral("next_cursor"), page->next.encode()},
                              {QStringLiteral("has_more"), page->hasMore}});
}

Result<QDate> dateParameter(const ApiRequest& request, const QString& key, const QDate& fallback) {
    const QString text = request.queryValue(key);
    if (text.isEmpty())
        return fallback;
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid() || text.size() != 10)
        return Error::invalidInput(
            QStringLiteral("%1 must be a date like 2026-03-01, not '%2'").arg(key, text));
    return date;
}

ApiResponse usageSeries(Workspace& workspace, const ApiRequest& request) {
    const QString customer = request.queryValue(QStringLiteral("customer"));
    if (customer.isEmpty())
        return ApiResponse::error(400, QStringLiteral("invalid_input"),
                                  QStringLiteral("give the customer: ?customer=<id>"));
    const QDate today = QDateTime::currentDateTimeUtc().date();
    auto from =
        dateParameter(request, QStringLiteral("from"), QDate(today.year(), today.month(), 1));
    auto to = dateParameter(request, QStringLiteral("to"), today);
    if (!from)
        return ApiResponse::fromError(from.error());
    if (!to)
        return ApiResponse::fromError(to.error());
    if (*to < *from)
        return ApiResponse::error(400, QStringLiteral("invalid_input"),
                                  QStringLiteral("'to' (%1) is before 'from' (%2)")
                                      .arg(to->toString(Qt::ISODate), from->toString(Qt::ISODate)));
    const QString windowText = request.queryValue(QStringLiteral("window"));
    UsageWindow window = UsageWindow::Day;
    if (windowText == QLatin1String("hour"))
        window = UsageWindow::Hour;
    else if (!windowText.isEmpty() && windowText != QLatin1String("day"))
        return ApiResponse::error(
            400, QStringLiteral("invalid_input"),
            QStringLiteral("window must be hour or day, not '%1'").arg(windowText));
    auto series = UsageQuery(workspace).series(customer, *from, *to, window);
    if (!series)
        return ApiResponse::fromError(series.error());
    QJsonArray points;
    std::int64_t total = 0;
    for (const UsagePoint& point : *series) {
        points.append(QJsonObject{{QStringLiteral("start"), point.start.toString(Qt::ISODate)},
                                  {QStringLiteral("requests"), jsonNumber(point.requests)}});
        total += point.requests;
    }
    return ApiResponse::json(
        {{QStringLiteral("customer"), customer},
         {QStringLiteral("from"), from->toString(Qt::ISODate)},
         {QStringLiteral("to"), to->toString(Qt::ISODate)},
         {QStringLiteral("window"),
          window == UsageWindow::Hour ? QStringLiteral("hour") : QStringLiteral("day")},
         {QStringLiteral("requests"), jsonNumber(total)},
         {QStringLiteral("points"), points}});
}

ApiResponse stats(Workspace& workspace) {
    QJsonObject object;
    const std::pair<const char*, const char*> counts[] = {
        {"customers", "SELECT count(*) FROM customers"},
        {"licenses", "SELECT count(*) FROM licenses"},
        {"usage_events", "SELECT count(*) FROM usage_events"},
        {"usage_imports", "SELECT count(*) FROM usage_imports"},
        {"api_tokens", "SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL"},
    };
    for (const auto& [name, sql] : counts) {
        auto count = queryInt64(workspace.handle(), sql);
        if (!count)
            return ApiResponse::fromError(count.error());
        object.insert(QString::fromLatin1(name), jsonNumber(*count));
    }
    auto imports = UsageQuery(workspace).imports();
    if (!imports)
        return ApiResponse::fromError(imports.error());
    object.insert(QStringLiteral("last_import_at"),
                  imports->empty() ? QJsonValue(QJsonValue::Null)
                                   : QJsonValue(imports->front().finishedAt.toString(Qt::ISODate)));
    object.insert(QStringLiteral("schema_version"), workspace.schemaVersion());
    return ApiResponse::json(object);
}

}  // namespace

void addUsageEndpoints(ApiRouter& router, Workspace& workspace) {
    const QString events = QStringLiteral("/api/pricing/usage/events");
    router.add("POST", events, ApiRole::Ingest, onWorkspace(workspace, ingest));
    router.add("GET", events, ApiRole::Read, onWorkspace(workspace, exportEvents));
    router.add("GET", QStringLiteral("/api/pricing/usage"), ApiRole::Read,
               onWorkspace(workspace, usageSeries));
    router.add("GET", QStringLiteral("/api/pricing/stats"), ApiRole::Read,
               [&workspace](const ApiRequest&, const QStringList&) { return stats(workspace); });
}

}  // namespace aicp

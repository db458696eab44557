#include "metering/livesources.h"

#include "common/strictjson.h"
#include "metering/usagepuller.h"
#include "storage/query.h"
#include "storage/workspace.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace aicp {

namespace {

constexpr int kMaxNameLength = 100;
constexpr int kMaxTokenLength = 512;

constexpr char kColumns[] =
    "SELECT id, name, url, token, interval_minutes, created_at, last_pull_at, last_ok, "
    "last_result, kind, openmeter_mapping FROM live_sources ";

// The stored mapping's keys, each with its OpenMeterMapping field.
constexpr struct {
    const char* key;
    QString OpenMeterMapping::*field;
} kMappingFields[] = {{"requests_meter", &OpenMeterMapping::requestsMeter},
                      {"packs_meter", &OpenMeterMapping::packsMeter},
                      {"pack_key", &OpenMeterMapping::packKey},
                      {"modules_meter", &OpenMeterMapping::modulesMeter},
                      {"module_key", &OpenMeterMapping::moduleKey},
                      {"users_meter", &OpenMeterMapping::usersMeter},
                      {"user_key", &OpenMeterMapping::userKey},
                      {"agents_meter", &OpenMeterMapping::agentsMeter},
                      {"agent_key", &OpenMeterMapping::agentKey}};

QString mappingJson(const OpenMeterMapping& mapping) {
    QJsonObject object;
    for (const auto& entry : kMappingFields) {
        if (!(mapping.*entry.field).isEmpty())
            object.insert(QLatin1String(entry.key), mapping.*entry.field);
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

OpenMeterMapping mappingFrom(const QString& json) {
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    OpenMeterMapping mapping;
    for (const auto& entry : kMappingFields)
        mapping.*entry.field = object.value(QLatin1String(entry.key)).toString();
    return mapping;
}

// The object a service answered, read strictly; empty when the body is not
// one JSON object (RFC 8259, no duplicate members).
QJsonObject strictObject(const QByteArray& body) {
    auto document = StrictJson::parse(body);
    return document ? document->object() : QJsonObject();
}

QString kindText(LiveSourceKind kind) {
    return kind == LiveSourceKind::OpenMeter ? QStringLiteral("openmeter") : QStringLiteral("aicp");
}

LiveSource readSource(const Statement& query) {
    LiveSource source;
    source.id = query.int64(0);
    source.name = query.text(1);
    source.url = QUrl(query.text(2));
    source.token = query.text(3).toUtf8();
    source.intervalMinutes = static_cast<int>(query.int64(4));
    source.createdAt = query.time(5);
    source.lastPullAt = query.time(6);
    if (!query.isNull(7))
        source.lastOk = query.int64(7) != 0;
    source.lastResult = query.text(8);
    // The table's CHECK admits only these two kinds.
    if (query.text(9) == QLatin1String("openmeter")) {
        source.kind = LiveSourceKind::OpenMeter;
        source.openMeter = mappingFrom(query.text(10));
    }
    return source;
}

Result<QString> testOpenMeter(const LiveSource& source, int timeoutMs, const QDateTime& now) {
    auto base = OpenMeterPuller::baseFor(source.url);
    if (!base)
        return base.error();
    AICP_TRY(OpenMeterPuller::validate(source.openMeter));
    const QString meter = source.openMeter.requestsMeter;
    const std::int64_t to = now.toSecsSinceEpoch() / 3600 * 3600;
    const auto stamp = [](std::int64_t seconds) {
        return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
    };
    QUrl probe = *base;
    probe.setPath(base->path() + QStringLiteral("/api/v1/meters/") + meter +
                  QStringLiteral("/query"));
    QUrlQuery items;
    items.addQueryItem(QStringLiteral("from"), stamp(to - 3600));
    items.addQueryItem(QStringLiteral("to"), stamp(to));
    items.addQueryItem(QStringLiteral("windowSize"), QStringLiteral("HOUR"));
    items.addQueryItem(QStringLiteral("windowTimeZone"), QStringLiteral("UTC"));
    probe.setQuery(items);
    auto answer = UsagePuller::get(probe, source.token, timeoutMs);
    if (!answer)
        return answer.error();
    const QString where = base->toString();
    const int status = answer->status;
    QString message = answer->problem();
    if (message.isEmpty())
        message = answer->errorString;
    if (status == 401 || status == 403)
        return Error::invalidInput(
            QStringLiteral("%1 refused the token (%2): %3")
                .arg(where)
                .arg(status)
                .arg(source.token.isEmpty() ? QStringLiteral("it needs an API token") : message));
    if (status == 404)
        return Error::notFound(
            QStringLiteral("%1 has no meter '%2' (404: %3)").arg(where, meter, message));
    if (status < 200 || status > 299)
        return Error(Error::Code::Io,
                     QStringLiteral("%1 answered %2: %3").arg(where).arg(status).arg(message));
    // Strictly: the answer is counted from, so a body another reader would
    // read differently is no answer.
    const QJsonObject object = strictObject(answer->body);
    if (!object.value(u"data").isArray())
        return Error(
            Error::Code::Corrupt,
            QStringLiteral("%1 answered, but not as an OpenMeter meter query API").arg(where));
    double requests = 0;
    for (const QJsonValue& row : object.value(u"data").toArray())
        requests += row.toObject().value(u"value").toDouble();
    return QStringLiteral(
               "connected: %1 answered for the meter '%2' (%3 requests in the last "
               "complete hour)")
        .arg(where, meter, QString::number(static_cast<qint64>(std::llround(requests))));
}

}  // namespace

QString LiveSource::maskedToken(const QByteArray& token) {
    if (token.isEmpty())
        return {};
    // Too short to show any of it without giving most of it away.
    if (token.size() < 12)
        return QStringLiteral("••••••••");
    const qsizetype prefix = token.startsWith("aicp_") ? 5 : 0;
    return QString::fromUtf8(token.left(prefix)) + QStringLiteral("••••••••") +
           QString::fromUtf8(token.right(4));
}

Status LiveSources::validate(const LiveSource& source, bool requireToken) {
    const QString name = source.name.trimmed();
    if (name.isEmpty())
        return Error::invalidInput(QStringLiteral("a live source needs a name"));
    if (name.size() > kMaxNameLength)
        return Error::invalidInput(
            QStringLiteral("a live source's name is at most %1 characters").arg(kMaxNameLength));
    const bool openMeter = source.kind == LiveSourceKind::OpenMeter;
    if (openMeter) {
        if (auto base = OpenMeterPuller::baseFor(source.url); !base)
            return base.error();
        AICP_TRY(OpenMeterPuller::validate(source.openMeter));
    } else if (auto endpoint = UsagePuller::endpointFor(source.url); !endpoint) {
        return endpoint.error();
    }
    if (source.token.isEmpty()) {
        if (requireToken && !openMeter)
            return Error::invalidInput(
                QStringLiteral("a live source needs a token (create one with `aicp tokens "
                               "create --role read` on the service)"));
    } else {
        if (source.token.size() > kMaxTokenLength)
            return Error::invalidInput(
                QStringLiteral("the token is longer than %1 characters").arg(kMaxTokenLength));
        // It goes into an HTTP header: nothing that could end or split one.
        const bool printable = std::all_of(source.token.begin(), source.token.end(),
                                           [](char c) { return c > ' ' && c < 0x7f; });
        if (!printable)
            return Error::invalidInput(
                QStringLiteral("the token may contain only visible ASCII characters, no spaces"));
    }
    if (source.intervalMinutes < 0 || source.intervalMinutes > kMaxIntervalMinutes)
        return Error::invalidInput(
            QStringLiteral("the pull interval must be from 0 (on demand) to %1 minutes")
                .arg(kMaxIntervalMinutes));
    return {};
}

int LiveSources::retryDelayMinutes(int intervalMinutes, int failures) {
    const int base = std::max(intervalMinutes, 1);
    const int cap = std::max(kMaxRetryMinutes, intervalMinutes);
    int delay = base;
    for (int i = 0; i < failures && delay < cap; ++i)
        delay *= 2;
    return std::min(delay, cap);
}

Status LiveSources::checkNameFree(const QString& name, std::int64_t exceptId) const {
    auto taken = queryFirstRow<bool>(
        workspace_.handle(), "SELECT 1 FROM live_sources WHERE name = ?1 AND id <> ?2",
        [](const Statement&) { return true; }, name, exceptId);
    if (!taken)
        return taken.error();
    if (taken->has_value())
        return Error(Error::Code::Conflict,
                     QStringLiteral("there is already a live source named '%1'").arg(name));
    return {};
}

Result<std::vector<LiveSource>> LiveSources::list() const {
    return queryRows<LiveSource>(
        workspace_.handle(), std::string(kColumns) + "ORDER BY lower(name), name, id", &readSource);
}

Result<LiveSource> LiveSources::find(std::int64_t id) const {
    return queryOneRow<LiveSource>(
        workspace_.handle(), std::string(kColumns) + "WHERE id = ?1", &readSource,
        Error::notFound(QStringLiteral("there is no live source #%1").arg(id)), id);
}

Result<std::int64_t> LiveSources::add(const LiveSource& source, const QDateTime& now) {
    AICP_TRY(validate(source));
    const QString name = source.name.trimmed();
    AICP_TRY(checkNameFree(name, 0));
    const bool openMeter = source.kind == LiveSourceKind::OpenMeter;
    return insertWith(
        workspace_.handle(),
        "INSERT INTO live_sources (name, url, token, interval_minutes, created_at, kind, "
        "openmeter_mapping) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        name, source.url.toString(), QString::fromUtf8(source.token), source.intervalMinutes,
        now.toUTC(), kindText(source.kind),
        openMeter ? std::optional(mappingJson(source.openMeter)) : std::nullopt);
}

Status LiveSources::update(const LiveSource& source) {
    AICP_TRY(validate(source, false));
    auto stored = find(source.id);
    if (!stored)
        return stored.error();
    const QString name = source.name.trimmed();
    AICP_TRY(checkNameFree(name, source.id));
    const QByteArray token = source.token.isEmpty() ? stored->token : source.token;
    const bool openMeter = source.kind == LiveSourceKind::OpenMeter;
    // An OpenMeter source without a token turned into an aicp one.
    if (token.isEmpty() && !openMeter)
        return Error::invalidInput(
            QStringLiteral("a live source needs a token (create one with `aicp tokens "
                           "create --role read` on the service)"));
    return executeWith(
        workspace_.handle(),
        "UPDATE live_sources SET name = ?2, url = ?3, token = ?4, interval_minutes = ?5, "
        "kind = ?6, openmeter_mapping = ?7 WHERE id = ?1",
        source.id, name, source.url.toString(), QString::fromUtf8(token), source.intervalMinutes,
        kindText(source.kind),
        openMeter ? std::optional(mappingJson(source.openMeter)) : std::nullopt);
}

Status LiveSources::remove(std::int64_t id) {
    AICP_TRY(find(id));
    return executeWith(workspace_.handle(), "DELETE FROM live_sources WHERE id = ?1", id);
}

Status LiveSources::recordPull(std::int64_t id, const QDateTime& at, bool ok,
                               const QString& result) {
    AICP_TRY(find(id));
    return executeWith(workspace_.handle(),
                       "UPDATE live_sources SET last_pull_at = ?2, last_ok = ?3, "
                       "last_result = ?4 WHERE id = ?1",
                       id, at.toUTC(), ok, result);
}

Result<QString> LiveSources::testConnection(const LiveSource& source, int timeoutMs,
                                            const QDateTime& now) {
    if (source.kind == LiveSourceKind::OpenMeter)
        return testOpenMeter(source, timeoutMs, now);
    return testConnection(source.url, source.token, timeoutMs);
}

Result<QString> LiveSources::testConnection(const QUrl& url, const QByteArray& token,
                                            int timeoutMs) {
    auto endpoint = UsagePuller::endpointFor(url);
    if (!endpoint)
        return endpoint.error();
    QUrl probe = *endpoint;
    probe.setQuery(QStringLiteral("limit=1"));
    auto answer = UsagePuller::get(probe, token, timeoutMs);
    if (!answer)
        return answer.error();
    const QString where = endpoint->toString(QUrl::RemoveUserInfo);
    const int status = answer->status;
    const QByteArray& body = answer->body;
    const QJsonObject object = strictObject(body);
    if (status == 401 || status == 403)
        return Error::invalidInput(
            QStringLiteral("%1 refused the token (%2): it needs the read role")
                .arg(where)
                .arg(status));
    if (status != 200) {
        QString message = object.value(u"error").toObject().value(u"message").toString();
        if (message.isEmpty())
            message = answer->errorString;
        return Error(Error::Code::Io,
                     QStringLiteral("%1 answered %2: %3").arg(where).arg(status).arg(message));
    }
    if (!object.value(u"events").isArray())
        return Error(Error::Code::Corrupt,
                     QStringLiteral("%1 answered, but not as an aicp service").arg(where));
    return QStringLiteral("connected: %1 answered and accepted the token").arg(where);
}

}  // namespace aicp

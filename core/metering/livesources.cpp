#include "metering/livesources.h"

#include "metering/usagepuller.h"
#include "storage/statement.h"
#include "storage/workspace.h"

#include <algorithm>
#include <memory>

#include <QJsonDocument>
#include <QJsonObject>

namespace aicp {

namespace {

constexpr int kMaxNameLength = 100;
constexpr int kMaxTokenLength = 512;

constexpr char kColumns[] =
    "SELECT id, name, url, token, interval_minutes, created_at, last_pull_at, last_ok, "
    "last_result FROM live_sources ";

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
    return source;
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
    if (auto endpoint = UsagePuller::endpointFor(source.url); !endpoint)
        return endpoint.error();
    if (source.token.isEmpty()) {
        if (requireToken)
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
    auto query = Statement::prepare(workspace_.handle(),
                                    "SELECT 1 FROM live_sources WHERE name = ?1 AND id <> ?2");
    if (!query)
        return query.error();
    AICP_TRY(query->bindAll(name, exceptId));
    auto row = query->step();
    if (!row)
        return row.error();
    if (*row)
        return Error(Error::Code::Conflict,
                     QStringLiteral("there is already a live source named '%1'").arg(name));
    return {};
}

Result<std::vector<LiveSource>> LiveSources::list() const {
    auto query = Statement::prepare(workspace_.handle(),
                                    std::string(kColumns) + "ORDER BY name COLLATE NOCASE, id");
    if (!query)
        return query.error();
    return query->collect<LiveSource>([](const Statement& row) { return readSource(row); });
}

Result<LiveSource> LiveSources::find(std::int64_t id) const {
    auto query = Statement::prepare(workspace_.handle(), std::string(kColumns) + "WHERE id = ?1");
    if (!query)
        return query.error();
    AICP_TRY(query->bindAll(id));
    auto row = query->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound(QStringLiteral("there is no live source #%1").arg(id));
    LiveSource source = readSource(*query);
    query->reset();
    return source;
}

Result<std::int64_t> LiveSources::add(const LiveSource& source, const QDateTime& now) {
    AICP_TRY(validate(source));
    const QString name = source.name.trimmed();
    AICP_TRY(checkNameFree(name, 0));
    auto insert =
        Statement::prepare(workspace_.handle(),
                           "INSERT INTO live_sources (name, url, token, interval_minutes, "
                           "created_at) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
    if (!insert)
        return insert.error();
    AICP_TRY(insert->bindAll(name, source.url.toString(), QString::fromUtf8(source.token),
                             source.intervalMinutes, now.toUTC()));
    auto row = insert->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::internal(QStringLiteral("the new live source got no id"));
    const std::int64_t id = insert->int64(0);
    insert->reset();
    return id;
}

Status LiveSources::update(const LiveSource& source) {
    AICP_TRY(validate(source, false));
    auto stored = find(source.id);
    if (!stored)
        return stored.error();
    const QString name = source.name.trimmed();
    AICP_TRY(checkNameFree(name, source.id));
    const QByteArray token = source.token.isEmpty() ? stored->token : source.token;
    auto change = Statement::prepare(workspace_.handle(),
                                     "UPDATE live_sources SET name = ?2, url = ?3, token = ?4, "
                                     "interval_minutes = ?5 WHERE id = ?1");
    if (!change)
        return change.error();
    AICP_TRY(change->bindAll(source.id, name, source.url.toString(), QString::fromUtf8(token),
                             source.intervalMinutes));
    return change->execute();
}

Status LiveSources::remove(std::int64_t id) {
    AICP_TRY(find(id));
    auto erase = Statement::prepare(workspace_.handle(), "DELETE FROM live_sources WHERE id = ?1");
    if (!erase)
        return erase.error();
    AICP_TRY(erase->bindAll(id));
    return erase->execute();
}

Status LiveSources::recordPull(std::int64_t id, const QDateTime& at, bool ok,
                               const QString& result) {
    AICP_TRY(find(id));
    auto record = Statement::prepare(workspace_.handle(),
                                     "UPDATE live_sources SET last_pull_at = ?2, last_ok = ?3, "
                                     "last_result = ?4 WHERE id = ?1");
    if (!record)
        return record.error();
    AICP_TRY(record->bindAll(id, at.toUTC(), ok, result));
    return record->execute();
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
    const QJsonObject object = QJsonDocument::fromJson(body).object();
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

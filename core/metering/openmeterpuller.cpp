#include "metering/openmeterpuller.h"

#include "common/enumwords.h"
#include "common/utctime.h"
#include "customers/customer.h"
#include "metering/usageeventvalidator.h"
#include "metering/usagepuller.h"
#include "metering/yearmonth.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/workspace.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace aicp {

namespace {

constexpr std::int64_t kHour = utc::kSecondsPerHour;
// JSON numbers are doubles: beyond 2^53 a count is no longer exact.
constexpr double kMaxExactValue = 9007199254740992.0;

// What a meter's values stand for; the text is what openmeter_windows stores.
enum class Role { Requests, PolicyPack, ComplianceModule, User, Agent };

constexpr EnumWord<Role> kRoleWords[] = {
    {Role::Requests, "requests"},
    {Role::PolicyPack, "policy_pack"},
    {Role::ComplianceModule, "compliance_module"},
    {Role::User, "user"},
    {Role::Agent, "agent"},
};

struct MeterQuery {
    Role role = Role::Requests;
    QString meter;
    QString key;  // empty for requests
};

std::vector<MeterQuery> queriesOf(const OpenMeterMapping& mapping) {
    std::vector<MeterQuery> queries{{Role::Requests, mapping.requestsMeter, {}}};
    const auto add = [&queries](Role role, const QString& meter, const QString& key) {
        if (!meter.isEmpty())
            queries.push_back({role, meter, key});
    };
    add(Role::PolicyPack, mapping.packsMeter, mapping.packKey);
    add(Role::ComplianceModule, mapping.modulesMeter, mapping.moduleKey);
    add(Role::User, mapping.usersMeter, mapping.userKey);
    add(Role::Agent, mapping.agentsMeter, mapping.agentKey);
    return queries;
}

// One value the source answered, or stored for it.
struct WindowKey {
    Role role = Role::Requests;
    QString customer;
    std::int64_t hour = 0;  // UTC seconds of the window's start
    QString group;          // the pack, module, user or agent; empty for requests

    friend bool operator<(const WindowKey& a, const WindowKey& b) {
        return std::tie(a.role, a.customer, a.hour, a.group) <
               std::tie(b.role, b.customer, b.hour, b.group);
    }
};

struct Stored {
    std::int64_t value = 0;    // what the source answered last
    std::int64_t applied = 0;  // what is in the aggregates
};

QString stamp(std::int64_t seconds) {
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

std::int64_t floorHour(const QDateTime& time) {
    return utc::floorDiv(time.toSecsSinceEpoch(), kHour) * kHour;
}

QUrl queryUrl(const QUrl& base, const MeterQuery& query, std::int64_t from, std::int64_t to,
              const QStringList& subjects) {
    QUrl url = base;
    url.setPath(base.path() + QStringLiteral("/api/v1/meters/") + query.meter +
                QStringLiteral("/query"));
    QUrlQuery items;
    items.addQueryItem(QStringLiteral("from"), stamp(from));
    items.addQueryItem(QStringLiteral("to"), stamp(to));
    items.addQueryItem(QStringLiteral("windowSize"), QStringLiteral("HOUR"));
    items.addQueryItem(QStringLiteral("windowTimeZone"), QStringLiteral("UTC"));
    for (const QString& subject : subjects)
        items.addQueryItem(QStringLiteral("subject"), subject);
    // `subject` is OpenMeter's reserved group: without it, a query grouped
    // by another key sums over all subjects.
    items.addQueryItem(QStringLiteral("groupBy"), QStringLiteral("subject"));
    if (!query.key.isEmpty())
        items.addQueryItem(QStringLiteral("groupBy"), query.key);
    url.setQuery(items);
    return url;
}

std::optional<std::int64_t> parseTime(const QJsonValue& value) {
    if (!value.isString())
        return std::nullopt;
    const QByteArray text = value.toString().toUtf8();
    const auto reading = utc::parseRfc3339(std::string_view(text.constData(), text.size()));
    if (reading.problem != utc::TimestampReading::Problem::None)
        return std::nullopt;
    return reading.seconds;
}

// Reads one answer, whole: the first row that is not a proper hourly
// window refuses the page, so nothing of a wrong answer is applied.
Result<std::vector<std::pair<WindowKey, std::int64_t>>> readAnswer(
    const UsagePuller::Answer& answer, const MeterQuery& query, const QString& where,
    std::int64_t from, std::int64_t to) {
    const auto refuse = [&where](const QString& why) {
        return Error(Error::Code::Corrupt, QStringLiteral("%1: %2").arg(where, why));
    };
    auto read = answer.object(where);
    if (!read)
        return read.error();
    const QJsonObject object = std::move(read).value();
    if (!object.value(u"data").isArray())
        return refuse(QStringLiteral("the answer has no \"data\" array of meter values"));
    const QJsonValue windowSize = object.value(u"windowSize");
    if (!windowSize.isUndefined() && !windowSize.isNull() &&
        windowSize.toString() != QLatin1String("HOUR"))
        return refuse(QStringLiteral("the answer's windowSize is '%1', not HOUR")
                          .arg(windowSize.toVariant().toString()));

    std::vector<std::pair<WindowKey, std::int64_t>> windows;
    const QJsonArray rows = object.value(u"data").toArray();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString row = QStringLiteral("data[%1]").arg(i);
        if (!rows.at(i).isObject())
            return refuse(QStringLiteral("%1 is not an object").arg(row));
        const QJsonObject value = rows.at(i).toObject();
        for (const auto* field : {"value", "windowStart", "windowEnd", "subject"}) {
            if (!value.contains(QLatin1String(field)) || value.value(QLatin1String(field)).isNull())
                return refuse(QStringLiteral("%1 has no \"%2\"").arg(row, QLatin1String(field)));
        }
        const auto start = parseTime(value.value(u"windowStart"));
        const auto end = parseTime(value.value(u"windowEnd"));
        if (!start || !end)
            return refuse(QStringLiteral("%1 has a windowStart or windowEnd that is not an "
                                         "RFC 3339 time")
                              .arg(row));
        if (*end - *start != kHour || utc::floorDiv(*start, kHour) * kHour != *start)
            return refuse(QStringLiteral("%1 is the window %2 to %3, not one whole hour")
                              .arg(row, stamp(*start), stamp(*end)));
        if (*start < from || *end > to)
            return refuse(QStringLiteral("%1 is the hour %2, outside the hours asked (%3 to %4)")
                              .arg(row, stamp(*start), stamp(from), stamp(to)));
        const QJsonValue subjectValue = value.value(u"subject");
        const QString subject = subjectValue.toString();
        if (!subjectValue.isString() || !isValidCustomerId(subject))
            return refuse(QStringLiteral("%1 has the subject '%2', which is not a customer id "
                                         "(1 to 64 characters of a-z, 0-9 and '-')")
                              .arg(row, subjectValue.toVariant().toString()));
        const QJsonValue number = value.value(u"value");
        const double amount = number.toDouble(-1);
        if (!number.isDouble() || !std::isfinite(amount) || amount < 0 ||
            amount != std::floor(amount) || amount > kMaxExactValue)
            return refuse(QStringLiteral("%1 (%2, %3) has the value %4: a count of requests is a "
                                         "whole number of 0 or more")
                              .arg(row, subject, stamp(*start),
                                   number.isDouble() ? QString::number(amount, 'g', 17)
                                                     : number.toVariant().toString()));
        QString group;
        if (!query.key.isEmpty()) {
            const QJsonValue groups = value.value(u"groupBy");
            const QJsonValue named = groups.toObject().value(query.key);
            // Requests that carried no pack (or no user…) come back with an
            // empty or null group: they add to no breakdown.
            if (named.isUndefined() || named.isNull() ||
                (named.isString() && named.toString().isEmpty()))
                continue;
            group = named.toString();
            if (!named.isString() || group.contains(u';') ||
                group.toUtf8().size() > qsizetype(UsageLimits::kMaxNameBytes) ||
                group.trimmed() != group)
                return refuse(QStringLiteral("%1 has the %2 '%3', which is not a name (text of "
                                             "at most %4 bytes, no ';', no surrounding spaces)")
                                  .arg(row, query.key, named.toVariant().toString())
                                  .arg(UsageLimits::kMaxNameBytes));
        }
        windows.emplace_back(WindowKey{query.role, subject, *start, group}, std::int64_t(amount));
    }
    return windows;
}

// The months closed for billing, read once per pull.
class Closed {
public:
    Status load(Database* db) {
        return visitRows(db, "SELECT customer_id, month FROM closed_periods",
                         [this](const Statement& row) -> Status {
                             if (const auto month = YearMonth::parse(row.text(1)))
                                 keys_.emplace(row.text(0), month->index());
                             return {};
                         });
    }
    [[nodiscard]] bool contains(const QString& customer, std::int64_t hour) const {
        return keys_.count({customer, utc::monthIndexOf(hour)}) != 0;
    }

private:
    std::set<std::pair<QString, std::int64_t>> keys_;
};

// Applies one page's values inside its transaction.
class PageWriter {
public:
    PageWriter(Database* db, const QString& source, const Closed& closed,
               OpenMeterPullReport& report)
        : db_(db), source_(source), closed_(closed), report_(report) {}

    Result<std::map<WindowKey, Stored>> loadStored(std::int64_t from, std::int64_t to) {
        std::map<WindowKey, Stored> stored;
        const auto read = [&stored](const Statement& row) -> Status {
            const auto role = valueOf(kRoleWords, row.text(0));
            if (!role)
                return Error(Error::Code::Corrupt,
                             QStringLiteral("openmeter_windows holds an unknown role '%1'")
                                 .arg(row.text(0)));
            stored[{*role, row.text(1), row.int64(2), row.text(3)}] = {row.int64(4), row.int64(5)};
            return {};
        };
        AICP_TRY(visitRows(db_,
                           "SELECT role, customer_id, hour, group_value, value, applied FROM "
                           "openmeter_windows WHERE source = ?1 AND hour >= ?2 AND hour < ?3",
                           read, source_, from, to));
        return stored;
    }

    // Brings one window to `value`; `before` is what was stored, if anything.
    Status apply(const WindowKey& key, const QString& meter, std::int64_t value,
                 const std::optional<Stored>& before) {
        const std::int64_t applied = before ? before->applied : 0;
        std::int64_t nowApplied = applied;
        const std::int64_t delta = value - applied;
        const bool closed = closed_.contains(key.customer, key.hour);
        if (key.role == Role::User || key.role == Role::Agent) {
            // A set, not a sum: a member once active stays active that month.
            if (value > 0)
                AICP_TRY(addMember(key));
            nowApplied = value;
        } else if (delta < 0 && closed) {
            ++report_.heldWindows;
        } else if (delta != 0) {
            AICP_TRY(addToSum(key, delta, closed));
            nowApplied = value;
        }
        return store(key, meter, value, nowApplied);
    }

private:
    // Raises insert or add; lowers only subtract from a row this source
    // raised before (a CHECK refuses a negative row before an upsert could
    // turn it into an update).
    Status addToSum(const WindowKey& key, std::int64_t delta, bool closed) {
        const bool requests = key.role == Role::Requests;
        const bool pack = key.role == Role::PolicyPack;
        std::string_view sql;
        if (delta > 0)
            sql = requests ? "INSERT INTO usage_hourly (customer_id, hour, requests, "
                             "late_requests) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (customer_id, "
                             "hour) DO UPDATE SET requests = usage_hourly.requests + "
                             "excluded.requests, late_requests = usage_hourly.late_requests + "
                             "excluded.late_requests"
                  : pack   ? "INSERT INTO usage_hourly_policy_packs AS t (customer_id, hour, "
                             "policy_pack, requests) VALUES (?1, ?2, ?3, ?4) ON CONFLICT "
                             "(customer_id, hour, policy_pack) DO UPDATE SET "
                             "requests = t.requests + excluded.requests"
                           : "INSERT INTO usage_hourly_compliance_modules AS t (customer_id, hour, "
                             "compliance_module, requests) VALUES (?1, ?2, ?3, ?4) ON CONFLICT "
                             "(customer_id, hour, compliance_module) DO UPDATE SET "
                             "requests = t.requests + excluded.requests";
        else
            sql = requests ? "UPDATE usage_hourly SET requests = requests + ?3, "
                             "late_requests = late_requests + ?4 "
                             "WHERE customer_id = ?1 AND hour = ?2"
                  : pack   ? "UPDATE usage_hourly_policy_packs SET requests = requests + ?4 "
                             "WHERE customer_id = ?1 AND hour = ?2 AND policy_pack = ?3"
                           : "UPDATE usage_hourly_compliance_modules SET requests = requests + ?4 "
                             "WHERE customer_id = ?1 AND hour = ?2 AND compliance_module = ?3";
        auto write = Statement::prepare(db_, sql);
        if (!write)
            return write.error();
        if (requests)
            AICP_TRY(write->bindAll(key.customer, key.hour, delta, closed ? delta : 0));
        else
            AICP_TRY(write->bindAll(key.customer, key.hour, key.group, delta));
        AICP_TRY(write->execute());
        if (delta < 0 && db_->changedRows() != 1)
            return Error(Error::Code::Corrupt,
                         QStringLiteral("the usage aggregates of '%1' at %2 lack what this "
                                        "OpenMeter source added before")
                             .arg(key.customer, stamp(key.hour)));
        if (requests) {
            AICP_TRY(
                removeEmpty("DELETE FROM usage_hourly WHERE customer_id = ?1 AND hour = ?2 "
                            "AND requests = 0 AND late_requests = 0",
                            key));
            report_.requestsDelta += delta;
            if (closed) {
                ++report_.lateWindows;
                report_.lateRequests += delta;
            }
            return {};
        }
        return removeEmpty(pack ? "DELETE FROM usage_hourly_policy_packs WHERE customer_id = ?1 "
                                  "AND hour = ?2 AND policy_pack = ?3 AND requests = 0"
                                : "DELETE FROM usage_hourly_compliance_modules WHERE "
                                  "customer_id = ?1 AND hour = ?2 AND compliance_module = ?3 "
                                  "AND requests = 0",
                           key);
    }

    // A breakdown lowered to nothing would still list its name with 0.
    Status removeEmpty(std::string_view sql, const WindowKey& key) {
        if (key.role == Role::Requests)
            return executeWith(db_, sql, key.customer, key.hour);
        return executeWith(db_, sql, key.customer, key.hour, key.group);
    }

    Status addMember(const WindowKey& key) {
        return executeWith(db_,
                           key.role == Role::User
                               ? "INSERT INTO usage_monthly_users (customer_id, month, user_id) "
                                 "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING"
                               : "INSERT INTO usage_monthly_agents (customer_id, month, "
                                 "agent_id) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                           key.customer,
                           YearMonth::fromIndex(utc::monthIndexOf(key.hour)).toString(), key.group);
    }

    Status store(const WindowKey& key, const QString& meter, std::int64_t value,
                 std::int64_t applied) {
        return executeWith(
            db_,
            "INSERT INTO openmeter_windows (source, role, customer_id, hour, group_value, meter, "
            "value, applied, pulled_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
            "ON CONFLICT (source, role, customer_id, hour, group_value) DO UPDATE SET "
            "meter = excluded.meter, value = excluded.value, applied = excluded.applied, "
            "pulled_at = excluded.pulled_at",
            source_, wordOf(kRoleWords, key.role), key.customer, key.hour, key.group, meter, value,
            applied, QDateTime::currentDateTimeUtc());
    }

    Database* db_;
    const QString& source_;
    const Closed& closed_;
    OpenMeterPullReport& report_;
};

bool validName(const QString& name) {
    static const QRegularExpression kName(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$"));
    return kName.match(name).hasMatch();
}

using Answered = std::map<WindowKey, std::pair<QString, std::int64_t>>;

bool inScope(const QStringList& subjects, const WindowKey& key) {
    return subjects.isEmpty() || subjects.contains(key.customer);
}

Status checkOptions(const OpenMeterPullOptions& options) {
    if (options.hoursPerPage < 1 || options.hoursPerPage > OpenMeterPuller::kMaxHoursPerPage)
        return Error::invalidInput(
            QStringLiteral("a page covers 1 to %1 hours").arg(OpenMeterPuller::kMaxHoursPerPage));
    if (options.lookbackHours < 0 || options.lookbackHours > OpenMeterPuller::kMaxHoursPerPage)
        return Error::invalidInput(QStringLiteral("the look-back is 0 to %1 hours")
                                       .arg(OpenMeterPuller::kMaxHoursPerPage));
    for (const QString& subject : options.subjects) {
        if (!isValidCustomerId(subject))
            return Error::invalidInput(
                QStringLiteral("'%1' is not a customer id (1 to 64 characters of a-z, 0-9 and "
                               "'-')")
                    .arg(subject));
    }
    return {};
}

// The hours [from, to) a pull asks for, given the stored high-water mark.
Result<std::pair<std::int64_t, std::int64_t>> hoursAsked(const OpenMeterPullOptions& options,
                                                         const QDateTime& mark) {
    const QDateTime now = options.now.value_or(QDateTime::currentDateTimeUtc());
    const std::int64_t lastComplete = floorHour(now);
    std::int64_t from = 0;
    if (options.from)
        from = floorHour(*options.from);
    else if (mark.isValid())
        from = mark.toSecsSinceEpoch() - std::int64_t(options.lookbackHours) * kHour;
    else
        from = floorHour(QDateTime(
            YearMonth::fromIndex(utc::monthIndexOf(now.toSecsSinceEpoch()) - 1).firstDay(),
            QTime(0, 0), Qt::UTC));
    const std::int64_t to =
        options.to ? std::min(floorHour(*options.to), lastComplete) : lastComplete;
    if (from < 0)
        return Error::invalidInput(QStringLiteral("the first hour asked is before 1970"));
    return std::pair{from, to};
}

// Every meter's answer for [start, end), read and checked before anything
// is written.
Result<Answered> askPage(const QUrl& base, const QByteArray& token,
                         const std::vector<MeterQuery>& queries,
                         const OpenMeterPullOptions& options, std::int64_t start, std::int64_t end,
                         OpenMeterPullReport& report) {
    Answered answered;
    for (const MeterQuery& query : queries) {
        const QUrl asked = queryUrl(base, query, start, end, options.subjects);
        const QString where = asked.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
        auto answer = UsagePuller::get(asked, token, options.timeoutMs);
        if (!answer)
            return answer.error();
        ++report.requestsSent;
        if (answer->status < 200 || answer->status > 299)
            return answer->refusal(where);
        auto windows = readAnswer(*answer, query, where, start, end);
        if (!windows)
            return windows.error();
        for (auto& [key, value] : *windows) {
            if (!inScope(options.subjects, key))
                return Error(Error::Code::Corrupt,
                             QStringLiteral("%1: the answer has the subject '%2', which was "
                                            "not asked for")
                                 .arg(where, key.customer));
            if (!answered.try_emplace(key, query.meter, value).second)
                return Error(
                    Error::Code::Corrupt,
                    QStringLiteral("%1: the answer has the hour %2 of '%3'%4 twice")
                        .arg(where, stamp(key.hour), key.customer,
                             key.group.isEmpty() ? QString()
                                                 : QStringLiteral(" for '%1'").arg(key.group)));
        }
    }
    return answered;
}

// One page's answers applied against what is stored for its hours.
Status applyPage(PageWriter& writer, const Answered& answered,
                 const std::vector<MeterQuery>& queries, const QStringList& subjects,
                 std::int64_t start, std::int64_t end, OpenMeterPullReport& report) {
    auto stored = writer.loadStored(start, end);
    if (!stored)
        return stored.error();
    for (const auto& [key, meterAndValue] : answered) {
        const auto& [meter, value] = meterAndValue;
        std::optional<Stored> before;
        if (auto found = stored->find(key); found != stored->end()) {
            before = found->second;
            stored->erase(found);
        }
        if (!before && value == 0)
            continue;
        ++report.windows;
        if (!before)
            ++report.newWindows;
        else if (before->value != value)
            ++report.changedWindows;
        else
            ++report.unchangedWindows;
        // An unchanged value held in an invoiced month stays held.
        if (!before || before->value != value)
            AICP_TRY(writer.apply(key, meter, value, before));
    }
    // What the source reported before and no longer does is now 0.
    for (const auto& [key, before] : *stored) {
        const Role role = key.role;  // older clang cannot capture a structured binding
        const auto query = std::find_if(queries.begin(), queries.end(),
                                        [role](const MeterQuery& q) { return q.role == role; });
        if (query == queries.end() || !inScope(subjects, key) || before.value == 0)
            continue;
        ++report.windows;
        ++report.changedWindows;
        AICP_TRY(writer.apply(key, query->meter, 0, before));
    }
    return {};
}

Status advance(Database* db, const QString& source, std::int64_t end) {
    return executeWith(
        db,
        "INSERT INTO openmeter_sources (url, pulled_until, last_pull_at) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (url) DO UPDATE SET pulled_until = CASE WHEN excluded.pulled_until > "
        "openmeter_sources.pulled_until THEN excluded.pulled_until ELSE "
        "openmeter_sources.pulled_until END, last_pull_at = excluded.last_pull_at",
        source, end, QDateTime::currentDateTimeUtc());
}

}  // namespace

Result<QUrl> OpenMeterPuller::baseFor(const QUrl& url) {
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return Error::invalidInput(QStringLiteral("'%1' is not an http(s) URL of an OpenMeter API")
                                       .arg(url.toString(QUrl::RemoveUserInfo)));
    QUrl base = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash |
                             QUrl::RemoveUserInfo);
    QString path = base.path();
    if (path.endsWith(QLatin1String("/api/v1")))
        path.chop(7);
    while (path.endsWith(u'/'))
        path.chop(1);
    base.setPath(path);
    return base;
}

Status OpenMeterPuller::validate(const OpenMeterMapping& mapping) {
    if (mapping.requestsMeter.isEmpty())
        return Error::invalidInput(QStringLiteral("name the meter that counts requests"));
    const struct {
        const QString& meter;
        const QString& key;
        const char* what;
    } pairs[] = {{mapping.requestsMeter, QString(), "requests"},
                 {mapping.packsMeter, mapping.packKey, "policy-pack"},
                 {mapping.modulesMeter, mapping.moduleKey, "compliance-module"},
                 {mapping.usersMeter, mapping.userKey, "user"},
                 {mapping.agentsMeter, mapping.agentKey, "agent"}};
    for (const auto& pair : pairs) {
        const QString what = QString::fromLatin1(pair.what);
        if (!pair.meter.isEmpty() && !validName(pair.meter))
            return Error::invalidInput(QStringLiteral("the %1 meter '%2' is not a meter slug or "
                                                      "id (letters, digits, '_', '-', '.')")
                                           .arg(what, pair.meter));
        if (!pair.key.isEmpty() && !validName(pair.key))
            return Error::invalidInput(
                QStringLiteral("the %1 group-by key '%2' is not a property name")
                    .arg(what, pair.key));
        if (pair.meter.isEmpty() != pair.key.isEmpty() && what != QLatin1String("requests"))
            return Error::invalidInput(
                QStringLiteral("the %1 meter and its group-by key go together: give both or "
                               "neither")
                    .arg(what));
    }
    return {};
}

Result<QDateTime> OpenMeterPuller::pulledUntil(const QUrl& base) const {
    auto until = queryFirstRow<QDateTime>(
        workspace_.handle(), "SELECT pulled_until FROM openmeter_sources WHERE url = ?1",
        [](const Statement& row) { return QDateTime::fromSecsSinceEpoch(row.int64(0), Qt::UTC); },
        base.toString());
    if (!until)
        return until.error();
    return until->value_or(QDateTime());
}

Result<OpenMeterPullReport> OpenMeterPuller::pull(const QUrl& url, const QByteArray& token,
                                                  const OpenMeterMapping& mapping,
                                                  const OpenMeterPullOptions& options) {
    auto base = baseFor(url);
    if (!base)
        return base.error();
    AICP_TRY(validate(mapping));
    AICP_TRY(checkOptions(options));
    const QString source = base->toString();
    auto mark = pulledUntil(*base);
    if (!mark)
        return mark.error();
    auto hours = hoursAsked(options, *mark);
    if (!hours)
        return hours.error();
    const auto [from, to] = *hours;

    OpenMeterPullReport report;
    report.source = *base;
    report.from = QDateTime::fromSecsSinceEpoch(from, Qt::UTC);
    report.to = QDateTime::fromSecsSinceEpoch(std::max(from, to), Qt::UTC);
    report.pulledUntil = *mark;
    const std::vector<MeterQuery> queries = queriesOf(mapping);
    const std::int64_t totalHours = std::max<std::int64_t>(0, (to - from) / kHour);
    Closed closed;
    AICP_TRY(closed.load(workspace_.handle()));
    for (std::int64_t start = from; start < to;
         start += std::int64_t(options.hoursPerPage) * kHour) {
        const std::int64_t end = std::min(to, start + std::int64_t(options.hoursPerPage) * kHour);
        auto answered = askPage(*base, token, queries, options, start, end, report);
        if (!answered)
            return answered.error();
        auto transaction = Transaction::begin(workspace_.handle());
        if (!transaction)
            return transaction.error();
        PageWriter writer(workspace_.handle(), source, closed, report);
        AICP_TRY(applyPage(writer, *answered, queries, options.subjects, start, end, report));
        AICP_TRY(advance(workspace_.handle(), source, end));
        AICP_TRY(transaction->commit());
        ++report.pages;
        if (!report.pulledUntil.isValid() || report.pulledUntil.toSecsSinceEpoch() < end)
            report.pulledUntil = QDateTime::fromSecsSinceEpoch(end, Qt::UTC);
        if (options.progress)
            options.progress((end - from) / kHour, totalHours);
    }
    return report;
}

}  // namespace aicp

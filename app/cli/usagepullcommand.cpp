#include "cli/clicommands.h"
#include "cli/progressline.h"
#include "common/jsonfields.h"
#include "licensing/licensepayload.h"
#include "metering/livesources.h"
#include "metering/openmeterpuller.h"
#include "metering/usagepuller.h"

#include <algorithm>
#include <map>
#include <optional>

#include <QDir>

namespace aicp::cli {

namespace {

constexpr qsizetype kMaxTokenFileSize = 4096;

// A --from or --to day: YYYY-MM-DD exactly, as a UTC midnight.
Result<QDateTime> parseDay(const QString& optionName, const QString& text) {
    auto date = parseDate(optionName, text);
    if (!date)
        return date.error();
    return QDateTime(*date, QTime(0, 0), Qt::UTC);
}

// The bearer token in the first line of a file.
Result<QByteArray> readToken(const QString& path) {
    auto bytes = readInputFile(path, kMaxTokenFileSize);
    if (!bytes)
        return bytes.error();
    QByteArray token = bytes->split('\n').value(0).trimmed();
    if (token.isEmpty())
        return Error::invalidInput(
            QStringLiteral("%1 holds no token").arg(QDir::toNativeSeparators(path)));
    return token;
}

QString describePull(const UsagePullReport& report) {
    const QLocale& locale = cliLocale();
    return QStringLiteral("%1 events in %2 pages from %3: %4 new, %5 already here, %6 late.%7")
        .arg(locale.toString(qint64(report.received)))
        .arg(report.pages)
        .arg(report.source.toString())
        .arg(locale.toString(qint64(report.newEvents)))
        .arg(locale.toString(qint64(report.duplicates)))
        .arg(locale.toString(qint64(report.late)))
        .arg(report.complete ? QString() : QStringLiteral(" More are waiting: run it again."));
}

QJsonObject pullJson(const UsagePullReport& report) {
    return {{QStringLiteral("source"), report.source.toString()},
            {QStringLiteral("pages"), jsonNumber(report.pages)},
            {QStringLiteral("received"), jsonNumber(report.received)},
            {QStringLiteral("new"), jsonNumber(report.newEvents)},
            {QStringLiteral("duplicate"), jsonNumber(report.duplicates)},
            {QStringLiteral("late"), jsonNumber(report.late)},
            {QStringLiteral("complete"), report.complete}};
}

// The last result the console shows for a stored OpenMeter source.
QString describeOpenMeter(const OpenMeterPullReport& report) {
    const QLocale& locale = cliLocale();
    if (report.newWindows + report.changedWindows == 0)
        return report.unchangedWindows == 0
                   ? QStringLiteral("nothing new")
                   : QStringLiteral("nothing new (%1 windows unchanged)")
                         .arg(locale.toString(qint64(report.unchangedWindows)));
    QString text = QStringLiteral("%1 new windows, %2 revised, %3 unchanged; requests %4")
                       .arg(locale.toString(qint64(report.newWindows)),
                            locale.toString(qint64(report.changedWindows)),
                            locale.toString(qint64(report.unchangedWindows)),
                            (report.requestsDelta >= 0 ? QStringLiteral("+") : QString()) +
                                locale.toString(qint64(report.requestsDelta)));
    if (report.lateRequests > 0)
        text += QStringLiteral(", %1 late").arg(locale.toString(qint64(report.lateRequests)));
    if (report.heldWindows > 0)
        text += QStringLiteral(", %1 held in invoiced months")
                    .arg(locale.toString(qint64(report.heldWindows)));
    return text;
}

void printOpenMeter(const CliContext& context, const OpenMeterPullReport& report, bool asJson) {
    if (asJson) {
        context.out << printedJson(
            {{QStringLiteral("source"), report.source.toString()},
             {QStringLiteral("from"), toRfc3339(report.from)},
             {QStringLiteral("to"), toRfc3339(report.to)},
             {QStringLiteral("pages"), jsonNumber(report.pages)},
             {QStringLiteral("requests_sent"), jsonNumber(report.requestsSent)},
             {QStringLiteral("windows"), jsonNumber(report.windows)},
             {QStringLiteral("new"), jsonNumber(report.newWindows)},
             {QStringLiteral("changed"), jsonNumber(report.changedWindows)},
             {QStringLiteral("unchanged"), jsonNumber(report.unchangedWindows)},
             {QStringLiteral("late_windows"), jsonNumber(report.lateWindows)},
             {QStringLiteral("late_requests"), jsonNumber(report.lateRequests)},
             {QStringLiteral("held"), jsonNumber(report.heldWindows)},
             {QStringLiteral("requests_delta"), jsonNumber(report.requestsDelta)},
             {QStringLiteral("pulled_until"), report.pulledUntil.isValid()
                                                  ? QJsonValue(toRfc3339(report.pulledUntil))
                                                  : QJsonValue(QJsonValue::Null)}});
        return;
    }
    const QLocale& locale = cliLocale();
    if (report.pages == 0) {
        context.out << QStringLiteral(
                           "Nothing to pull from %1: no complete hour from %2 to %3 "
                           "is left to ask.\n")
                           .arg(report.source.toString(), toRfc3339(report.from),
                                toRfc3339(report.to));
        return;
    }
    context.out << QStringLiteral(
                       "Pulled %1 windows from %2, %3 to %4: %5 new, %6 changed, %7 "
                       "unchanged; requests %8%9.\n")
                       .arg(locale.toString(qint64(report.windows)), report.source.toString(),
                            toRfc3339(report.from), toRfc3339(report.to),
                            locale.toString(qint64(report.newWindows)),
                            locale.toString(qint64(report.changedWindows)),
                            locale.toString(qint64(report.unchangedWindows)),
                            (report.requestsDelta >= 0 ? QStringLiteral("+") : QString()) +
                                locale.toString(qint64(report.requestsDelta)))
                       .arg(report.lateWindows > 0 || report.heldWindows > 0
                                ? QStringLiteral(", of which %1 late in %2 invoiced windows; %3 "
                                                 "lowered windows of invoiced months held")
                                      .arg(locale.toString(qint64(report.lateRequests)),
                                           locale.toString(qint64(report.lateWindows)),
                                           locale.toString(qint64(report.heldWindows)))
                                : QString());
}

// The values of a pull's options by name ("source", "page-size"), each
// given at most once and never empty; "" for one not given.
using PullValues = std::map<QString, QString>;

// Progress on a terminal while OpenMeter hours are pulled ("Pulling
// https://… 48 of 720 hours"), as the console shows it; nothing otherwise.
struct HourProgress {
    std::optional<ProgressLine> line;

    void attach(QTextStream& err, const QUrl& source, OpenMeterPullOptions& options) {
        if (!ProgressLine::wanted())
            return;
        line.emplace(err);
        options.progress = [this, name = source.toString()](std::int64_t done, std::int64_t total) {
            line->show(QStringLiteral("Pulling %1… %2 of %3 hours")
                           .arg(name, cliLocale().toString(qint64(done)),
                                cliLocale().toString(qint64(total))),
                       done == total);
        };
    }
    // Clears the line for what is printed next.
    void finish() {
        if (line)
            line->clear();
        line.reset();
    }
};

// The options of `usage pull` in the order its help lists them, read by
// name into PullValues: the OpenMeter mapping and range ones only apply
// with --openmeter.
struct PullOption {
    const char* name;
    const char* description;
    const char* valueName;
    bool openMeterOnly;
};

constexpr PullOption kPullOptions[] = {
    {"source",
     "The aicp service to pull from: http://HOST:PORT (or its /api/pricing/usage/events URL).",
     "URL", false},
    {"openmeter",
     "An OpenMeter-compatible API to pull hourly meter values from: its root, e.g. "
     "https://openmeter.cloud or http://HOST:8888.",
     "URL", false},
    {"name",
     "A live source stored in the workspace (Settings, Live sources in the console), an aicp "
     "service or an OpenMeter API: its URL, token and, for OpenMeter, its meters are used.",
     "NAME", false},
    {"token-file",
     "File whose first line is the bearer token: with the read role for --source; an OpenMeter API "
     "token for --openmeter (leave out for an API without authentication).",
     "F", false},
    {"page-size",
     "Events asked for per page, 1 to 10000. Default: 1000. With --openmeter: hours asked per "
     "request, 1 to 744. Default: 24.",
     "N", false},
    {"max-pages", "Stop after N pages even if more are waiting (the next pull goes on).", "N",
     false},
    {"requests-meter",
     "With --openmeter: the meter that counts governed requests per subject (customer id).", "M",
     true},
    {"packs-meter", "The meter of requests per policy pack, grouped by --pack-key.", "M", true},
    {"pack-key", "The group-by key whose values are policy pack names.", "K", true},
    {"modules-meter", "The meter of requests per compliance module, grouped by --module-key.", "M",
     true},
    {"module-key", "The group-by key whose values are compliance module names.", "K", true},
    {"users-meter",
     "A meter grouped by --user-key: each user with a value in a month is an active user (seat) of "
     "that month.",
     "M", true},
    {"user-key", "The group-by key whose values are user ids.", "K", true},
    {"agents-meter",
     "A meter grouped by --agent-key: each agent with a value in a month is an active agent of "
     "that month.",
     "M", true},
    {"agent-key", "The group-by key whose values are agent ids.", "K", true},
    {"subject", "Only these subjects (customer ids, comma-separated). Default: all.", "IDS", true},
    {"from",
     "First day (UTC) to pull. Default: where the last pull from this API ended, less --lookback; "
     "the first day of last month for a first pull.",
     "DATE", true},
    {"to", "Last day (UTC) to pull, included. Default: up to the last complete hour.", "DATE",
     true},
    {"lookback", "Hours before the last pull's end asked again, for late events. Default: 24.",
     "HOURS", true},
};

class UsagePullCommand final : public Command {
public:
    UsagePullCommand() : Command(QStringLiteral("usage pull")) {
        for (const PullOption& option : kPullOptions)
            ownOptions_.append(QCommandLineOption(QString::fromUtf8(option.name),
                                                  QString::fromUtf8(option.description),
                                                  QString::fromUtf8(option.valueName)));
    }

private:
    static QString given(const PullValues& values, const char* option) {
        return values.at(QString::fromUtf8(option));
    }

    Result<PullValues> readValues(const Invocation& call) const;
    static Result<OpenMeterMapping> mapping(const PullValues& values);
    static Result<OpenMeterPullOptions> hourlyOptions(const PullValues& values);
    static Result<UsagePullOptions> pageOptions(const PullValues& values);
    int pullOpenMeter(Invocation& call, const PullValues& values) const;
    int pullStored(Invocation& call, const PullValues& values,
                   const UsagePullOptions& options) const;
    int pullStoredOpenMeter(Invocation& call, LiveSources& store, const LiveSource& source,
                            const PullValues& values, const UsagePullOptions& options) const;
    int pullService(Invocation& call, const PullValues& values,
                    const UsagePullOptions& options) const;
    int execute(Invocation& call) const override;
};

Result<PullValues> UsagePullCommand::readValues(const Invocation& call) const {
    PullValues values;
    for (const QCommandLineOption& option : ownOptions_) {
        auto value = call.value(option);
        if (!value)
            return value.error();
        values[option.names().constFirst()] = *value;
    }
    const auto isGiven = [&values](const char* option) { return !given(values, option).isEmpty(); };
    if (int(isGiven("source")) + int(isGiven("openmeter")) + int(isGiven("name")) != 1)
        return Error::invalidInput(
            QStringLiteral("give one of --source URL, --openmeter URL or --name NAME"));
    if (isGiven("openmeter"))
        return values;
    for (const PullOption& option : kPullOptions)
        if (option.openMeterOnly && isGiven(option.name))
            return Error::invalidInput(QStringLiteral("--%1 only applies with --openmeter")
                                           .arg(QString::fromUtf8(option.name)));
    return values;
}

Result<OpenMeterMapping> UsagePullCommand::mapping(const PullValues& values) {
    OpenMeterMapping mapping;
    mapping.requestsMeter = given(values, "requests-meter");
    mapping.packsMeter = given(values, "packs-meter");
    mapping.packKey = given(values, "pack-key");
    mapping.modulesMeter = given(values, "modules-meter");
    mapping.moduleKey = given(values, "module-key");
    mapping.usersMeter = given(values, "users-meter");
    mapping.userKey = given(values, "user-key");
    mapping.agentsMeter = given(values, "agents-meter");
    mapping.agentKey = given(values, "agent-key");
    if (Status valid = OpenMeterPuller::validate(mapping); !valid.ok())
        return Error::invalidInput(valid.error().message());
    return mapping;
}

// --subject, --from, --to, --lookback and --page-size for an OpenMeter pull.
Result<OpenMeterPullOptions> UsagePullCommand::hourlyOptions(const PullValues& values) {
    OpenMeterPullOptions options;
    if (const QString subjects = given(values, "subject"); !subjects.isEmpty()) {
        auto list = parseList(QStringLiteral("--subject"), subjects);
        if (!list)
            return list.error();
        options.subjects = *list;
    }
    const QString from = given(values, "from");
    if (!from.isEmpty()) {
        auto day = parseDay(QStringLiteral("--from"), from);
        if (!day)
            return day.error();
        options.from = *day;
    }
    if (const QString to = given(values, "to"); !to.isEmpty()) {
        auto day = parseDay(QStringLiteral("--to"), to);
        if (!day)
            return day.error();
        options.to = day->addDays(1);
        if (options.from && *options.to <= *options.from)
            return Error::invalidInput(
                QStringLiteral("--to (%1) is before --from (%2)").arg(to, from));
    }
    const auto hours = [&values](const char* option, std::int64_t least,
                                 const QString& refusal) -> Result<std::optional<int>> {
        const QString text = given(values, option);
        if (text.isEmpty())
            return std::optional<int>();
        auto count = parseCount(QStringLiteral("--") + QString::fromUtf8(option), text);
        if (!count || *count < least || *count > OpenMeterPuller::kMaxHoursPerPage)
            return Error::invalidInput(refusal.arg(OpenMeterPuller::kMaxHoursPerPage));
        return std::optional<int>(static_cast<int>(*count));
    };
    auto lookback = hours(
        "lookback", 0, QStringLiteral("--lookback must be a whole number of hours from 0 to %1"));
    if (!lookback)
        return lookback.error();
    if (*lookback)
        options.lookbackHours = **lookback;
    auto perPage =
        hours("page-size", 1, QStringLiteral("with --openmeter, --page-size is 1 to %1 hours"));
    if (!perPage)
        return perPage.error();
    if (*perPage)
        options.hoursPerPage = **perPage;
    return options;
}

// --page-size and --max-pages for a pull of events from a service.
Result<UsagePullOptions> UsagePullCommand::pageOptions(const PullValues& values) {
    UsagePullOptions options;
    if (const QString size = given(values, "page-size"); !size.isEmpty()) {
        auto count = parseCount(QStringLiteral("--page-size"), size);
        if (!count)
            return count.error();
        options.pageSize = static_cast<int>(std::min<std::int64_t>(*count, 1'000'000));
    }
    if (const QString pages = given(values, "max-pages"); !pages.isEmpty()) {
        auto count = parseCount(QStringLiteral("--max-pages"), pages);
        if (!count || *count < 1)
            return Error::invalidInput(
                QStringLiteral("--max-pages must be a whole number of 1 or more"));
        options.maxPages = static_cast<int>(std::min<std::int64_t>(*count, 1'000'000));
    }
    return options;
}

int UsagePullCommand::pullOpenMeter(Invocation& call, const PullValues& values) const {
    if (!given(values, "max-pages").isEmpty())
        return call.usage(QStringLiteral("--max-pages does not apply with --openmeter"));
    AICP_CLI_TRY(meters, mapping(values), fail);
    AICP_CLI_TRY(options, hourlyOptions(values), fail);
    const QUrl url(given(values, "openmeter"));
    if (auto base = OpenMeterPuller::baseFor(url); !base)
        return call.usage(base.error().message());
    QByteArray token;
    if (const QString file = given(values, "token-file"); !file.isEmpty()) {
        AICP_CLI_TRY(read, readToken(file), fail);
        token = *read;
    }
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    HourProgress progress;
    progress.attach(call.err(), url, *options);
    auto report = OpenMeterPuller(**workspace).pull(url, token, *meters, *options);
    progress.finish();
    if (!report)
        return call.fail(report.error());
    printOpenMeter(call.context(), *report, call.asJson());
    return kExitSuccess;
}

// The live source stored under `wanted`, or why there is none.
Result<LiveSource> storedSource(const std::vector<LiveSource>& sources, const QString& wanted) {
    const auto found =
        std::find_if(sources.begin(), sources.end(),
                     [&wanted](const LiveSource& stored) { return stored.name == wanted; });
    if (found != sources.end())
        return *found;
    QStringList names;
    for (const LiveSource& stored : sources)
        names << QStringLiteral("'%1'").arg(stored.name);
    return Error(
        Error::Code::Conflict,
        QStringLiteral("the workspace has no live source named '%1' (%2)")
            .arg(wanted, names.isEmpty() ? QStringLiteral("it has none; add one in the console's "
                                                          "Settings")
                                         : QStringLiteral("it has ") + names.join(u", ")));
}

int UsagePullCommand::pullStoredOpenMeter(Invocation& call, LiveSources& store,
                                          const LiveSource& source, const PullValues& values,
                                          const UsagePullOptions& options) const {
    if (!given(values, "max-pages").isEmpty())
        return call.usage(QStringLiteral("--max-pages does not apply to an OpenMeter source"));
    OpenMeterPullOptions hourly;
    if (!given(values, "page-size").isEmpty()) {
        if (options.pageSize > OpenMeterPuller::kMaxHoursPerPage)
            return call.usage(
                QStringLiteral("for an OpenMeter source, --page-size is 1 to %1 hours")
                    .arg(OpenMeterPuller::kMaxHoursPerPage));
        hourly.hoursPerPage = options.pageSize;
    }
    const QDateTime started = QDateTime::currentDateTimeUtc();
    HourProgress progress;
    progress.attach(call.err(), source.url, hourly);
    auto workspace = call.workspace();
    auto pulled =
        OpenMeterPuller(**workspace).pull(source.url, source.token, source.openMeter, hourly);
    progress.finish();
    // The console shows the last pull of each source, whoever ran it.
    const Status noted =
        store.recordPull(source.id, started, pulled.ok(),
                         pulled ? describeOpenMeter(*pulled) : pulled.error().message());
    if (!pulled)
        return call.fail(pulled.error());
    if (!noted.ok())
        return call.failure(noted.error());
    if (!call.asJson())
        call.out() << QStringLiteral("%1: ").arg(source.name);
    printOpenMeter(call.context(), *pulled, call.asJson());
    return kExitSuccess;
}

int UsagePullCommand::pullStored(Invocation& call, const PullValues& values,
                                 const UsagePullOptions& options) const {
    if (!given(values, "token-file").isEmpty())
        return call.usage(
            QStringLiteral("a stored live source has its own token; leave out --token-file"));
    if (!call.context().workspaceExists())
        return call.failure(call.context().openExistingWorkspace().error());
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    LiveSources store(**workspace);
    AICP_CLI_TRY(sources, store.list(), failure);
    AICP_CLI_TRY(source, storedSource(*sources, given(values, "name").trimmed()), failure);
    if (source->kind == LiveSourceKind::OpenMeter)
        return pullStoredOpenMeter(call, store, *source, values, options);
    const QDateTime started = QDateTime::currentDateTimeUtc();
    auto report = UsagePuller(**workspace).pull(source->url, source->token, options);
    const Status recorded =
        store.recordPull(source->id, started, report.ok(),
                         report ? describePull(*report) : report.error().message());
    if (!report)
        return call.fail(report.error());
    if (!recorded.ok())
        return call.failure(recorded.error());
    return call.print(pullJson(*report),
                      QStringLiteral("Pulled %1: %2\n").arg(source->name, describePull(*report)));
}

int UsagePullCommand::pullService(Invocation& call, const PullValues& values,
                                  const UsagePullOptions& options) const {
    const QString tokenFile = given(values, "token-file");
    if (tokenFile.isEmpty())
        return call.usage(QStringLiteral("give --source URL and --token-file F"));
    auto token = readToken(tokenFile);
    if (!token)
        return token.error().code() == Error::Code::InvalidInput ? call.fail(token.error())
                                                                 : call.failure(token.error());
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(report,
                 UsagePuller(**workspace).pull(QUrl(given(values, "source")), *token, options),
                 fail);
    return call.print(pullJson(*report), QStringLiteral("Pulled %1\n").arg(describePull(*report)));
}

int UsagePullCommand::execute(Invocation& call) const {
    AICP_CLI_TRY(values, readValues(call), fail);
    if (!given(*values, "openmeter").isEmpty())
        return pullOpenMeter(call, *values);
    AICP_CLI_TRY(options, pageOptions(*values), fail);
    if (!given(*values, "name").isEmpty())
        return pullStored(call, *values, *options);
    return pullService(call, *values, *options);
}

}  // namespace

const Command& usagePullCommand() {
    static const UsagePullCommand command;
    return command;
}

}  // namespace aicp::cli

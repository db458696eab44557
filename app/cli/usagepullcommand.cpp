#include "cli/clicommands.h"
#include "licensing/licensepayload.h"
#include "metering/livesources.h"
#include "metering/openmeterpuller.h"
#include "metering/usagepuller.h"

#include <algorithm>
#include <map>

#include <QDir>
#include <QRegularExpression>

namespace aicp::cli {

namespace {

constexpr qsizetype kMaxTokenFileSize = 4096;

QJsonValue number(std::int64_t value) {
    return static_cast<double>(value);
}

// A --from or --to day: YYYY-MM-DD exactly, as a UTC midnight.
Result<QDateTime> parseDay(const QString& optionName, const QString& text) {
    static const QRegularExpression kDay(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QDate date = kDay.match(text).hasMatch() ? QDate::fromString(text, Qt::ISODate) : QDate();
    if (!date.isValid())
        return Error::invalidInput(
            QStringLiteral("%1 must be a date written YYYY-MM-DD, e.g. 2026-11-01 (got '%2')")
                .arg(optionName, text));
    return QDateTime(date, QTime(0, 0), Qt::UTC);
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

QString describe(const UsagePullReport& report) {
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
            {QStringLiteral("pages"), number(report.pages)},
            {QStringLiteral("received"), number(report.received)},
            {QStringLiteral("new"), number(report.newEvents)},
            {QStringLiteral("duplicate"), number(report.duplicates)},
            {QStringLiteral("late"), number(report.late)},
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
             {QStringLiteral("pages"), number(report.pages)},
             {QStringLiteral("requests_sent"), number(report.requestsSent)},
             {QStringLiteral("windows"), number(report.windows)},
             {QStringLiteral("new"), number(report.newWindows)},
             {QStringLiteral("changed"), number(report.changedWindows)},
             {QStringLiteral("unchanged"), number(report.unchangedWindows)},
             {QStringLiteral("late_windows"), number(report.lateWindows)},
             {QStringLiteral("late_requests"), number(report.lateRequests)},
             {QStringLiteral("held"), number(report.heldWindows)},
             {QStringLiteral("requests_delta"), number(report.requestsDelta)},
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

}  // namespace

int runUsagePull(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("usage pull");
    const QCommandLineOption source(
        QStringLiteral("source"),
        QStringLiteral("The aicp service to pull from: http://HOST:PORT (or its "
                       "/api/pricing/usage/events URL)."),
        QStringLiteral("URL"));
    const QCommandLineOption openMeter(
        QStringLiteral("openmeter"),
        QStringLiteral("An OpenMeter-compatible API to pull hourly meter values from: its root, "
                       "e.g. https://openmeter.cloud or http://HOST:8888."),
        QStringLiteral("URL"));
    const QCommandLineOption name(
        QStringLiteral("name"),
        QStringLiteral("A live source stored in the workspace (Settings, Live sources in the "
                       "console), an aicp service or an OpenMeter API: its URL, token and, "
                       "for OpenMeter, its meters are used."),
        QStringLiteral("NAME"));
    const QCommandLineOption tokenFile(
        QStringLiteral("token-file"),
        QStringLiteral("File whose first line is the bearer token: with the read role for "
                       "--source; an OpenMeter API token for --openmeter (leave out for an API "
                       "without authentication)."),
        QStringLiteral("F"));
    const QCommandLineOption pageSize(
        QStringLiteral("page-size"),
        QStringLiteral("Events asked for per page, 1 to 10000. Default: 1000. With --openmeter: "
                       "hours asked per request, 1 to 744. Default: 24."),
        QStringLiteral("N"));
    const QCommandLineOption maxPages(
        QStringLiteral("max-pages"),
        QStringLiteral("Stop after N pages even if more are waiting (the next pull goes on)."),
        QStringLiteral("N"));
    const QCommandLineOption requestsMeter(
        QStringLiteral("requests-meter"),
        QStringLiteral("With --openmeter: the meter that counts governed requests per subject "
                       "(customer id)."),
        QStringLiteral("M"));
    const QCommandLineOption packsMeter(
        QStringLiteral("packs-meter"),
        QStringLiteral("The meter of requests per policy pack, grouped by --pack-key."),
        QStringLiteral("M"));
    const QCommandLineOption packKey(QStringLiteral("pack-key"),
                                     QStringLiteral("The group-by key whose values are policy "
                                                    "pack names."),
                                     QStringLiteral("K"));
    const QCommandLineOption modulesMeter(
        QStringLiteral("modules-meter"),
        QStringLiteral("The meter of requests per compliance module, grouped by --module-key."),
        QStringLiteral("M"));
    const QCommandLineOption moduleKey(QStringLiteral("module-key"),
                                       QStringLiteral("The group-by key whose values are "
                                                      "compliance module names."),
                                       QStringLiteral("K"));
    const QCommandLineOption usersMeter(
        QStringLiteral("users-meter"),
        QStringLiteral("A meter grouped by --user-key: each user with a value in a month is an "
                       "active user (seat) of that month."),
        QStringLiteral("M"));
    const QCommandLineOption userKey(QStringLiteral("user-key"),
                                     QStringLiteral("The group-by key whose values are user ids."),
                                     QStringLiteral("K"));
    const QCommandLineOption agentsMeter(
        QStringLiteral("agents-meter"),
        QStringLiteral("A meter grouped by --agent-key: each agent with a value in a month is an "
                       "active agent of that month."),
        QStringLiteral("M"));
    const QCommandLineOption agentKey(QStringLiteral("agent-key"),
                                      QStringLiteral("The group-by key whose values are agent "
                                                     "ids."),
                                      QStringLiteral("K"));
    const QCommandLineOption subjects(
        QStringLiteral("subject"),
        QStringLiteral("Only these subjects (customer ids, comma-separated). Default: all."),
        QStringLiteral("IDS"));
    const QCommandLineOption from(
        QStringLiteral("from"),
        QStringLiteral("First day (UTC) to pull. Default: where the last pull from this API "
                       "ended, less --lookback; the first day of last month for a first pull."),
        QStringLiteral("DATE"));
    const QCommandLineOption to(
        QStringLiteral("to"),
        QStringLiteral("Last day (UTC) to pull, included. Default: up to the last complete hour."),
        QStringLiteral("DATE"));
    const QCommandLineOption lookback(
        QStringLiteral("lookback"),
        QStringLiteral("Hours before the last pull's end asked again, for late events. "
                       "Default: 24."),
        QStringLiteral("HOURS"));
    const QCommandLineOption json = jsonOption(QStringLiteral("the counts"));
    CommandHelp help;
    help.usage = {
        QStringLiteral("[--db FILE] usage pull --source URL --token-file F "
                       "[--page-size N] [--max-pages N] [--json]"),
        QStringLiteral("[--db FILE] usage pull --name NAME [--page-size N] [--max-pages N] "
                       "[--json]"),
        QStringLiteral("[--db FILE] usage pull --openmeter URL [--token-file F] "
                       "--requests-meter M [--packs-meter M --pack-key K] "
                       "[--modules-meter M --module-key K] [--users-meter M --user-key K] "
                       "[--agents-meter M --agent-key K] [--subject IDS] [--from DATE] "
                       "[--to DATE] [--lookback HOURS] [--page-size HOURS] [--json]")};
    help.summary = QStringLiteral(
        "Pulls usage into the workspace, safe to interrupt and run again. From an 'aicp serve' "
        "(--source, or a live source stored with --name): the events it received since the "
        "last pull, exactly once; each page is imported together with the cursor past it. From "
        "an OpenMeter-compatible meter query API (--openmeter): hourly meter values "
        "(GET /api/v1/meters/{meter}/query?windowSize=HOUR) into the same hourly aggregates; "
        "what each window added is kept, so pulling a range again changes nothing and a window "
        "OpenMeter revised is corrected by the difference. A raised window in an invoiced month "
        "counts as late usage; a lowered one is held (the invoice stands).");
    help.options = {source,        openMeter,   name,        tokenFile,    pageSize,  maxPages,
                    requestsMeter, packsMeter,  packKey,     modulesMeter, moduleKey, usersMeter,
                    userKey,       agentsMeter, agentKey,    subjects,     from,      to,
                    lookback,      json,        helpOption()};
    help.details = QStringLiteral(
        "The token is read from a file, never the command line (visible to every user).\n\n"
        "OpenMeter: the subject of each value is the customer id (1 to 64 of a-z, 0-9, '-'); "
        "an answer with any other subject, a window that is not one hour, a value that is not "
        "a whole number of 0 or more, or a field missing is refused with nothing of its page "
        "written. Only complete hours are asked. Each page (--page-size hours of every meter) "
        "commits with the high-water mark, so an interrupted pull resumes.\n\n"
        "JSON (--openmeter): {\"source\", \"from\", \"to\", \"pages\", \"requests_sent\", "
        "\"windows\", \"new\", \"changed\", \"unchanged\", \"late_windows\", \"late_requests\", "
        "\"held\", \"requests_delta\", \"pulled_until\"}; otherwise {\"source\", \"pages\", "
        "\"received\", \"new\", \"duplicate\", \"late\", \"complete\"}.\n\n"
        "Examples:\n  aicp usage pull --source http://127.0.0.1:8080 --token-file read.token\n"
        "  aicp usage pull --name \"Gateway EU\"\n"
        "  aicp usage pull --openmeter https://openmeter.cloud --token-file om.token "
        "--requests-meter governed_requests --packs-meter policy_pack_requests --pack-key "
        "policy_pack --from 2026-10-01\n\n"
        "Exit status: 0 pulled (possibly nothing new), 1 the pull failed (pages committed "
        "before the failure stay), 2 a mistake in the command line or a refused token.");
    QCommandLineParser parser;
    if (auto finished = parseOrFinish(context, parser, help, command, arguments, 0))
        return *finished;
    int status = kExitSuccess;
    std::map<QString, QString> values;
    for (const QCommandLineOption* option :
         {&source, &openMeter, &name, &tokenFile, &pageSize, &maxPages, &requestsMeter, &packsMeter,
          &packKey, &modulesMeter, &moduleKey, &usersMeter, &userKey, &agentsMeter, &agentKey,
          &subjects, &from, &to, &lookback}) {
        const auto value = optionValue(context, parser, *option, command, status);
        if (!value)
            return status;
        values[option->names().constFirst()] = *value;
    }
    const auto given = [&values](const QCommandLineOption& option) {
        return !values[option.names().constFirst()].isEmpty();
    };
    const auto value = [&values](const QCommandLineOption& option) {
        return values[option.names().constFirst()];
    };
    if (int(given(source)) + int(given(openMeter)) + int(given(name)) != 1)
        return context.usageError(
            QStringLiteral("%1: give one of --source URL, --openmeter URL or --name NAME")
                .arg(command));
    const bool isOpenMeter = given(openMeter);
    if (!isOpenMeter) {
        for (const QCommandLineOption* option :
             {&requestsMeter, &packsMeter, &packKey, &modulesMeter, &moduleKey, &usersMeter,
              &userKey, &agentsMeter, &agentKey, &subjects, &from, &to, &lookback}) {
            if (given(*option))
                return context.usageError(QStringLiteral("%1: --%2 only applies with --openmeter")
                                              .arg(command, option->names().constFirst()));
        }
    }

    if (isOpenMeter) {
        if (given(maxPages))
            return context.usageError(
                QStringLiteral("%1: --max-pages does not apply with --openmeter").arg(command));
        OpenMeterMapping mapping;
        mapping.requestsMeter = value(requestsMeter);
        mapping.packsMeter = value(packsMeter);
        mapping.packKey = value(packKey);
        mapping.modulesMeter = value(modulesMeter);
        mapping.moduleKey = value(moduleKey);
        mapping.usersMeter = value(usersMeter);
        mapping.userKey = value(userKey);
        mapping.agentsMeter = value(agentsMeter);
        mapping.agentKey = value(agentKey);
        if (Status valid = OpenMeterPuller::validate(mapping); !valid.ok())
            return context.usageError(
                QStringLiteral("%1: %2").arg(command, valid.error().message()));
        OpenMeterPullOptions options;
        if (given(subjects)) {
            auto list = parseList(QStringLiteral("--subject"), value(subjects));
            if (!list)
                return context.usageError(
                    QStringLiteral("%1: %2").arg(command, list.error().message()));
            options.subjects = *list;
        }
        if (given(from)) {
            auto day = parseDay(QStringLiteral("--from"), value(from));
            if (!day)
                return context.usageError(
                    QStringLiteral("%1: %2").arg(command, day.error().message()));
            options.from = *day;
        }
        if (given(to)) {
            auto day = parseDay(QStringLiteral("--to"), value(to));
            if (!day)
                return context.usageError(
                    QStringLiteral("%1: %2").arg(command, day.error().message()));
            options.to = day->addDays(1);
            if (options.from && *options.to <= *options.from)
                return context.usageError(QStringLiteral("%1: --to (%2) is before --from (%3)")
                                              .arg(command, value(to), value(from)));
        }
        if (given(lookback)) {
            auto hours = parseCount(QStringLiteral("--lookback"), value(lookback));
            if (!hours || *hours > OpenMeterPuller::kMaxHoursPerPage)
                return context.usageError(
                    QStringLiteral("%1: --lookback must be a whole number of hours from 0 to %2")
                        .arg(command)
                        .arg(OpenMeterPuller::kMaxHoursPerPage));
            options.lookbackHours = static_cast<int>(*hours);
        }
        if (given(pageSize)) {
            auto hours = parseCount(QStringLiteral("--page-size"), value(pageSize));
            if (!hours || *hours < 1 || *hours > OpenMeterPuller::kMaxHoursPerPage)
                return context.usageError(
                    QStringLiteral("%1: with --openmeter, --page-size is 1 to %2 hours")
                        .arg(command)
                        .arg(OpenMeterPuller::kMaxHoursPerPage));
            options.hoursPerPage = static_cast<int>(*hours);
        }
        const QUrl url(value(openMeter));
        if (auto base = OpenMeterPuller::baseFor(url); !base)
            return context.usageError(
                QStringLiteral("%1: %2").arg(command, base.error().message()));
        QByteArray token;
        if (given(tokenFile)) {
            auto read = readToken(value(tokenFile));
            if (!read)
                return context.reportError(read.error().withContext(command));
            token = *read;
        }
        auto workspace = context.openWorkspace();
        if (!workspace)
            return context.failure(workspace.error().withContext(command));
        auto report = OpenMeterPuller(**workspace).pull(url, token, mapping, options);
        if (!report)
            return context.reportError(report.error().withContext(command));
        printOpenMeter(context, *report, parser.isSet(json));
        return kExitSuccess;
    }

    UsagePullOptions options;
    if (given(pageSize)) {
        auto count = parseCount(QStringLiteral("--page-size"), value(pageSize));
        if (!count)
            return context.usageError(
                QStringLiteral("%1: %2").arg(command, count.error().message()));
        options.pageSize = static_cast<int>(std::min<std::int64_t>(*count, 1'000'000));
    }
    if (given(maxPages)) {
        auto count = parseCount(QStringLiteral("--max-pages"), value(maxPages));
        if (!count || *count < 1)
            return context.usageError(
                QStringLiteral("%1: --max-pages must be a whole number of 1 or more").arg(command));
        options.maxPages = static_cast<int>(std::min<std::int64_t>(*count, 1'000'000));
    }

    if (given(name)) {
        if (given(tokenFile))
            return context.usageError(
                QStringLiteral("%1: a stored live source has its own token; leave out "
                               "--token-file")
                    .arg(command));
        auto workspace = context.openExistingWorkspace();
        if (!workspace)
            return context.failure(workspace.error().withContext(command));
        LiveSources store(**workspace);
        auto sources = store.list();
        if (!sources)
            return context.failure(sources.error().withContext(command));
        const QString wanted = value(name).trimmed();
        const auto found =
            std::find_if(sources->begin(), sources->end(),
                         [&wanted](const LiveSource& stored) { return stored.name == wanted; });
        if (found == sources->end()) {
            QStringList names;
            for (const LiveSource& stored : *sources)
                names << QStringLiteral("'%1'").arg(stored.name);
            return context.failure(
                QStringLiteral("%1: the workspace has no live source named '%2' (%3)")
                    .arg(command, wanted,
                         names.isEmpty() ? QStringLiteral("it has none; add one in the console's "
                                                          "Settings")
                                         : QStringLiteral("it has ") + names.join(u", ")));
        }
        const QDateTime started = QDateTime::currentDateTimeUtc();
        if (found->kind == LiveSourceKind::OpenMeter) {
            if (given(maxPages))
                return context.usageError(
                    QStringLiteral("%1: --max-pages does not apply to an OpenMeter source")
                        .arg(command));
            OpenMeterPullOptions hourly;
            if (given(pageSize)) {
                if (options.pageSize > OpenMeterPuller::kMaxHoursPerPage)
                    return context.usageError(
                        QStringLiteral("%1: for an OpenMeter source, --page-size is 1 to %2 hours")
                            .arg(command)
                            .arg(OpenMeterPuller::kMaxHoursPerPage));
                hourly.hoursPerPage = options.pageSize;
            }
            auto pulled = OpenMeterPuller(**workspace)
                              .pull(found->url, found->token, found->openMeter, hourly);
            const Status noted =
                store.recordPull(found->id, started, pulled.ok(),
                                 pulled ? describeOpenMeter(*pulled) : pulled.error().message());
            if (!pulled)
                return context.reportError(pulled.error().withContext(command));
            if (!noted.ok())
                return context.failure(noted.error().withContext(command));
            if (!parser.isSet(json))
                context.out << QStringLiteral("%1: ").arg(found->name);
            printOpenMeter(context, *pulled, parser.isSet(json));
            return kExitSuccess;
        }
        auto report = UsagePuller(**workspace).pull(found->url, found->token, options);
        // The console shows the last pull of each source, whoever ran it.
        const Status recorded = store.recordPull(
            found->id, started, report.ok(), report ? describe(*report) : report.error().message());
        if (!report)
            return context.reportError(report.error().withContext(command));
        if (!recorded.ok())
            return context.failure(recorded.error().withContext(command));
        if (parser.isSet(json))
            context.out << printedJson(pullJson(*report));
        else
            context.out << QStringLiteral("Pulled %1: %2\n").arg(found->name, describe(*report));
        return kExitSuccess;
    }

    if (!given(tokenFile))
        return context.usageError(
            QStringLiteral("%1: give --source URL and --token-file F").arg(command));
    auto token = readToken(value(tokenFile));
    if (!token)
        return token.error().code() == Error::Code::InvalidInput
                   ? context.usageError(
                         QStringLiteral("%1: %2").arg(command, token.error().message()))
                   : context.failure(token.error().withContext(command));

    // Like an import, a pull may start a new workspace.
    auto workspace = context.openWorkspace();
    if (!workspace)
        return context.failure(workspace.error().withContext(command));
    auto report = UsagePuller(**workspace).pull(QUrl(value(source)), *token, options);
    if (!report)
        return context.reportError(report.error().withContext(command));
    if (parser.isSet(json)) {
        context.out << printedJson(pullJson(*report));
        return kExitSuccess;
    }
    context.out << QStringLiteral("Pulled %1\n").arg(describe(*report));
    return kExitSuccess;
}

}  // namespace aicp::cli

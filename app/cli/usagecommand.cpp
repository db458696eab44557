#include "cli/billingcli.h"
#include "cli/clicommands.h"
#include "cli/interruption.h"
#include "cli/licensingtext.h"
#include "cli/progressline.h"
#include "common/jsonfields.h"
#include "common/texttable.h"
#include "licensing/licensepayload.h"
#include "metering/importwording.h"
#include "metering/usageimportcontroller.h"
#include "metering/usageimporter.h"
#include "metering/usagequery.h"
#include "metering/yearmonth.h"
#include "recommend/notices.h"

#include <algorithm>
#include <limits>

#include <QDir>
#include <QFileInfo>

namespace aicp::cli {
namespace {

// The longest hourly series the CLI prints: a leap year of hours (8,784
// rows); anything longer is a job for --window day.
constexpr qint64 kMaxHourlyDays = 366;

QJsonObject countsJson(const std::map<QString, std::int64_t>& counts) {
    QJsonObject object;
    for (const auto& [name, count] : counts)
        object.insert(name, jsonNumber(count));
    return object;
}

// "events.csv: 1,234,567 rows, 41 MB/s, 12%" while a file is imported;
// "events.csv: 1,234,567 rows read, building the key index" at the end of a
// big one.
QString importProgressText(const QString& name, const UsageImportProgress& progress,
                           qint64 elapsedMs) {
    if (progress.stage == UsageImportProgress::Stage::BuildingIndex)
        return QStringLiteral("%1: %2 rows read, building the key index")
            .arg(name, cliLocale().toString(qint64(progress.rows)));
    const double seconds = std::max<double>(double(elapsedMs), 1) / 1000.0;
    const double megabytesPerSecond = double(progress.bytes) / (1024.0 * 1024.0) / seconds;
    QString line = QStringLiteral("%1: %2 rows, %3 MB/s")
                       .arg(name, cliLocale().toString(qint64(progress.rows)),
                            cliLocale().toString(megabytesPerSecond, 'f', 0));
    if (progress.totalBytes > 0)
        line += QStringLiteral(", %1%").arg(100 * progress.bytes / progress.totalBytes);
    return line;
}

struct ImportTotals {
    std::int64_t newEvents = 0;
    std::int64_t duplicates = 0;
    std::int64_t rejected = 0;
    std::int64_t late = 0;
};

QJsonObject fileJson(const QString& path, const UsageImportReport& report) {
    return {{QStringLiteral("file"), path},
            {QStringLiteral("refused"), false},
            {QStringLiteral("error"), QJsonValue(QJsonValue::Null)},
            {QStringLiteral("format"), UsageImporter::formatName(report.format)},
            {QStringLiteral("rows"), jsonNumber(report.rows)},
            {QStringLiteral("new"), jsonNumber(report.newEvents)},
            {QStringLiteral("duplicate"), jsonNumber(report.duplicates)},
            {QStringLiteral("rejected"), jsonNumber(report.rejected)},
            {QStringLiteral("late"), jsonNumber(report.late)},
            {QStringLiteral("reject_file"), report.rejectFile.isEmpty()
                                                ? QJsonValue(QJsonValue::Null)
                                                : QJsonValue(report.rejectFile)},
            {QStringLiteral("sha256"), report.sha256}};
}

QJsonObject refusedJson(const QString& path, const QString& why) {
    QJsonObject object{{QStringLiteral("file"), path},
                       {QStringLiteral("refused"), true},
                       {QStringLiteral("error"), why},
                       {QStringLiteral("format"), QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("rows"), 0},
                       {QStringLiteral("new"), 0},
                       {QStringLiteral("duplicate"), 0},
                       {QStringLiteral("rejected"), 0},
                       {QStringLiteral("late"), 0},
                       {QStringLiteral("reject_file"), QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("sha256"), QJsonValue(QJsonValue::Null)}};
    return object;
}

class UsageImportCommand final : public Command {
public:
    UsageImportCommand() : Command(QStringLiteral("usage import")) {
        ownOptions_ = {format, skipBad, rejectFile};
    }

private:
    const QCommandLineOption format = QCommandLineOption(
        QStringLiteral("format"),
        QStringLiteral("The files' format, csv or jsonl. Default: by each file's extension "
                       "(.csv, .jsonl, .ndjson), else by its first character."),
        QStringLiteral("FMT"));
    const QCommandLineOption skipBad = QCommandLineOption(
        QStringLiteral("skip-bad"),
        QStringLiteral("Import the good rows and write the bad ones to a reject file, instead of "
                       "refusing the whole file."));
    const QCommandLineOption rejectFile = QCommandLineOption(
        QStringLiteral("reject-file"),
        QStringLiteral("With --skip-bad: where the refused rows go. With several files, F.1, "
                       "F.2, … in the order given. Default: <file>.rejects beside each file."),
        QStringLiteral("F"));

    int execute(Invocation& call) const override;
    int importFiles(const Invocation& call, Workspace& workspace, const QStringList& files,
                    const UsageImportOptions& options) const;
};

int UsageImportCommand::execute(Invocation& call) const {
    const QStringList files = call.parser().positionalArguments();
    if (files.isEmpty())
        return call.usage(
            QStringLiteral("give the FILE(s) to import. Try 'aicp %1 --help'.").arg(name()));
    AICP_CLI_TRY(formatText, call.value(format), fail);
    UsageImportOptions options;
    if (call.isSet(format)) {
        if (*formatText == QLatin1String("csv"))
            options.format = UsageFormat::Csv;
        else if (*formatText == QLatin1String("jsonl"))
            options.format = UsageFormat::Jsonl;
        else
            return call.usage(
                QStringLiteral("--format must be csv or jsonl (got '%1')").arg(*formatText));
    }
    options.skipBad = call.isSet(skipBad);
    AICP_CLI_TRY(rejectPath, call.value(rejectFile), fail);
    options.rejectFile = *rejectPath;
    if (call.isSet(rejectFile) && !options.skipBad)
        return call.usage(QStringLiteral("--reject-file only applies with --skip-bad"));
    for (const QString& file : files) {
        const QFileInfo info(file);
        if (!info.exists())
            return call.failure(QStringLiteral("cannot read '%1': there is no such file")
                                    .arg(QDir::toNativeSeparators(file)));
        if (info.isDir())
            return call.failure(QStringLiteral("cannot read '%1': it is a folder")
                                    .arg(QDir::toNativeSeparators(file)));
    }

    AICP_CLI_TRY(opened, call.workspace(), failure);
    return importFiles(call, **opened, files, options);
}

// What `usage import` prints as the controller reads the files: each file's
// line (or its refusal on stderr) as soon as it is done, and progress on a
// terminal while it is read.
struct ImportPrinter {
    ImportPrinter(const Invocation& invocation, bool json) : call(invocation), asJson(json) {}

    const Invocation& call;
    bool asJson;
    ImportTotals totals;
    QJsonArray filesJson;
    std::optional<ProgressLine> progress;
    QString fileName;  // of the file being read, for the progress line
    bool shownBuilding = false;

    // Ctrl-C (or SIGTERM) cancels `controller`: the file being read keeps
    // nothing, the rest are not read, and each says so.
    UsageImportController::FileEvents events(UsageImportController& controller,
                                             Interruption& interruption) {
        UsageImportController::FileEvents events;
        events.finished = [this](const UsageImportController::FileOutcome& outcome) {
            finished(outcome);
        };
        const bool shown = ProgressLine::wanted();
        if (shown) {
            events.started = [this](const QString& path) {
                progress.emplace(call.err());
                fileName = QFileInfo(path).fileName();
            };
        }
        events.progress = [this, shown, &controller,
                           &interruption](const UsageImportProgress& state) {
            interruption.stopIfAsked();
            if (interruption.token().stop_requested())
                controller.cancel();
            if (!shown)
                return;
            // The first report of the index build is shown whenever it comes.
            const bool building = state.stage == UsageImportProgress::Stage::BuildingIndex;
            progress->show(importProgressText(fileName, state, progress->elapsedMs()),
                           building && !shownBuilding);
            shownBuilding = building;
        };
        return events;
    }

    void finished(const UsageImportController::FileOutcome& outcome) {
        if (progress)
            progress->clear();
        progress.reset();
        const QString& file = outcome.path;
        if (!outcome.report) {
            const QString why = describeRefusal(file, *outcome.error);
            // Refusals are the error lines; the results so far stay on stdout.
            call.out().flush();
            static_cast<void>(call.failure(why));
            if (asJson)
                filesJson.append(refusedJson(file, why));
            return;
        }
        const UsageImportReport& report = *outcome.report;
        totals.newEvents += report.newEvents;
        totals.duplicates += report.duplicates;
        totals.rejected += report.rejected;
        totals.late += report.late;
        if (asJson)
            filesJson.append(fileJson(file, report));
        else
            call.out() << QStringLiteral("%1: %2\n")
                              .arg(QDir::toNativeSeparators(file),
                                   describeImport(report, cliLocale()));
    }
};

int UsageImportCommand::importFiles(const Invocation& call, Workspace& workspace,
                                    const QStringList& files,
                                    const UsageImportOptions& options) const {
    ImportPrinter printer(call, call.asJson());
    UsageImportController controller(files, options);
    Interruption interruption;
    const UsageImportController::Outcome outcome =
        controller.run(workspace, printer.events(controller, interruption));
    const ImportTotals& totals = printer.totals;
    // The limits this usage reached, told to the webhooks once (a workspace
    // without webhooks tells nothing); the import stands either way.
    if (totals.newEvents > 0) {
        if (auto told = Notices(workspace).publishDue(); !told)
            call.err() << QStringLiteral("aicp: usage import: the webhooks were not told: %1\n")
                              .arg(told.error().message());
    }
    if (printer.asJson) {
        call.out() << printedJson({{QStringLiteral("files"), printer.filesJson},
                                   {QStringLiteral("new"), jsonNumber(totals.newEvents)},
                                   {QStringLiteral("duplicate"), jsonNumber(totals.duplicates)},
                                   {QStringLiteral("rejected"), jsonNumber(totals.rejected)},
                                   {QStringLiteral("late"), jsonNumber(totals.late)}});
    } else if (files.size() > 1) {
        UsageImportReport sum;
        sum.newEvents = totals.newEvents;
        sum.duplicates = totals.duplicates;
        sum.rejected = totals.rejected;
        sum.late = totals.late;
        call.out() << QStringLiteral("Total: %1\n").arg(describeImport(sum, cliLocale()));
    }
    // A refused or a cancelled file (Ctrl-C) is a failure.
    return outcome.ok ? kExitSuccess : kExitFailure;
}

class UsageSummaryCommand final : public Command {
public:
    UsageSummaryCommand() : Command(QStringLiteral("usage summary")) {
        ownOptions_ = {customer, month};
    }

private:
    const QCommandLineOption customer = customerOption();
    const QCommandLineOption month =
        monthOption(QStringLiteral("The calendar month (UTC), e.g. 2026-11."));

    int execute(Invocation& call) const override;
};

int UsageSummaryCommand::execute(Invocation& call) const {
    AICP_CLI_TRY(customerId, call.customer(customer), fail);
    AICP_CLI_TRY(monthText, call.requiredValue(month, QStringLiteral("--month YYYY-MM")), fail);
    const std::optional<YearMonth> yearMonth = YearMonth::parse(*monthText);
    if (!yearMonth)
        return call.usage(
            QStringLiteral("--month must be a month written YYYY-MM, e.g. 2026-11 (got '%1')")
                .arg(*monthText));

    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(summary, UsageQuery(**workspace).monthlySummary(*customerId, *yearMonth), fail);

    if (call.asJson()) {
        call.out() << printedJson(
            {{QStringLiteral("customer"), summary->customerId},
             {QStringLiteral("month"), summary->month.toString()},
             {QStringLiteral("requests"), jsonNumber(summary->requests)},
             {QStringLiteral("late_requests"), jsonNumber(summary->lateRequests)},
             {QStringLiteral("policy_packs"), countsJson(summary->policyPacks)},
             {QStringLiteral("compliance_modules"), countsJson(summary->complianceModules)},
             {QStringLiteral("active_users"), jsonNumber(summary->activeUsers)},
             {QStringLiteral("active_agents"), jsonNumber(summary->activeAgents)}});
        return kExitSuccess;
    }
    const QLocale& locale = cliLocale();
    call.out() << labelledLines({{QStringLiteral("Customer"), summary->customerId},
                                 {QStringLiteral("Month"), summary->month.toString()}})
               << '\n';
    TextTable table({QString(), QString()}, {TextTable::Align::Left, TextTable::Align::Right});
    const auto add = [&](const QString& label, std::int64_t value) {
        table.addRow({label, locale.toString(qint64(value))});
    };
    add(QStringLiteral("Requests"), summary->requests);
    add(QStringLiteral("  of which late"), summary->lateRequests);
    add(QStringLiteral("Active users (seats)"), summary->activeUsers);
    add(QStringLiteral("Active agents"), summary->activeAgents);
    const auto breakdown = [&](const QString& title,
                               const std::map<QString, std::int64_t>& counts) {
        table.addRow({title, QString()});
        if (counts.empty())
            table.addRow({QStringLiteral("  none"), QString()});
        for (const auto& [name, count] : counts)
            add(QStringLiteral("  ") + name, count);
    };
    breakdown(QStringLiteral("Requests by policy pack"), summary->policyPacks);
    breakdown(QStringLiteral("Requests by compliance module"), summary->complianceModules);
    call.out() << table.render();
    return kExitSuccess;
}

class UsageSeriesCommand final : public Command {
public:
    UsageSeriesCommand() : Command(QStringLiteral("usage series")) {
        ownOptions_ = {customer, from, to, window};
    }

private:
    const QCommandLineOption customer = customerOption();
    const QCommandLineOption from = QCommandLineOption(
        QStringLiteral("from"), QStringLiteral("The first day (UTC) of the range."),
        QStringLiteral("DATE"));
    const QCommandLineOption to = QCommandLineOption(
        QStringLiteral("to"), QStringLiteral("The last day (UTC) of the range, included."),
        QStringLiteral("DATE"));
    const QCommandLineOption window =
        QCommandLineOption(QStringLiteral("window"), QStringLiteral("One row per hour or per day."),
                           QStringLiteral("hour|day"));

    int execute(Invocation& call) const override;
};

int UsageSeriesCommand::execute(Invocation& call) const {
    AICP_CLI_TRY(customerId, call.customer(customer), fail);
    std::optional<QDate> days[2];
    const QCommandLineOption* dayOptions[2] = {&from, &to};
    for (int i = 0; i < 2; ++i) {
        AICP_CLI_TRY(text, call.value(*dayOptions[i]), fail);
        const QString name = QStringLiteral("--") + dayOptions[i]->names().constFirst();
        if (text->isEmpty())
            return call.usage(
                QStringLiteral("give %1 DATE. Try 'aicp %2 --help'.").arg(name, this->name()));
        auto day = parseDate(name, *text);
        if (!day)
            return call.usage(day.error().message());
        days[i] = *day;
    }
    const QDate first = *days[0];
    const QDate last = *days[1];
    AICP_CLI_TRY(windowText, call.value(window), fail);
    UsageWindow size = UsageWindow::Day;
    if (*windowText == QLatin1String("hour"))
        size = UsageWindow::Hour;
    else if (*windowText != QLatin1String("day"))
        return call.usage(
            windowText->isEmpty()
                ? QStringLiteral("give --window hour or --window day")
                : QStringLiteral("--window must be hour or day (got '%1')").arg(*windowText));
    if (last < first)
        return call.usage(QStringLiteral("--to (%1) is before --from (%2)")
                              .arg(last.toString(Qt::ISODate), first.toString(Qt::ISODate)));
    const qint64 dayCount = first.daysTo(last) + 1;
    if (size == UsageWindow::Hour && dayCount > kMaxHourlyDays)
        return call.usage(
            QStringLiteral("an hourly series covers at most %1 days (this range has %2); use "
                           "--window day or a shorter range")
                .arg(kMaxHourlyDays)
                .arg(dayCount));
    if (dayCount > UsageQuery::kMaxSeriesDays)
        return call.usage(QStringLiteral("a series covers at most %1 days (this range has %2)")
                              .arg(UsageQuery::kMaxSeriesDays)
                              .arg(dayCount));

    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(points, UsageQuery(**workspace).series(*customerId, first, last, size), fail);
    std::int64_t total = 0;
    for (const UsagePoint& point : *points)
        total += point.requests;

    if (call.asJson()) {
        QJsonArray array;
        for (const UsagePoint& point : *points)
            array.append(QJsonObject{{QStringLiteral("start"), toRfc3339(point.start)},
                                     {QStringLiteral("requests"), jsonNumber(point.requests)}});
        call.out() << printedJson({{QStringLiteral("customer"), *customerId},
                                   {QStringLiteral("window"), *windowText},
                                   {QStringLiteral("from"), first.toString(Qt::ISODate)},
                                   {QStringLiteral("to"), last.toString(Qt::ISODate)},
                                   {QStringLiteral("requests"), jsonNumber(total)},
                                   {QStringLiteral("points"), array}});
        return kExitSuccess;
    }
    const QLocale& locale = cliLocale();
    TextTable table({QStringLiteral("START"), QStringLiteral("REQUESTS")},
                    {TextTable::Align::Left, TextTable::Align::Right});
    for (const UsagePoint& point : *points)
        table.addRow({toRfc3339(point.start), locale.toString(qint64(point.requests))});
    table.addRule();
    table.addRow({QStringLiteral("Total"), locale.toString(qint64(total))});
    call.out() << table.render();
    return kExitSuccess;
}

}  // namespace

const CommandGroup& usageCommands() {
    static const UsageImportCommand cImport;
    static const UsageSummaryCommand cSummary;
    static const UsageSeriesCommand cSeries;
    static const CommandGroup group{
        QStringLiteral("usage"),
        QStringLiteral("Imports usage events and reads the usage they add up "
                       "to."),
        {&cImport, &cSummary, &cSeries, &usagePullCommand()}};
    return group;
}

}  // namespace aicp::cli

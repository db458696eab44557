#include "cli/clicommands.h"
#include "metering/usagepuller.h"

#include <QDir>

namespace aicp::cli {

namespace {

constexpr qsizetype kMaxTokenFileSize = 4096;

QJsonValue number(std::int64_t value) {
    return static_cast<double>(value);
}

}  // namespace

int runUsagePull(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("usage pull");
    const QCommandLineOption source(
        QStringLiteral("source"),
        QStringLiteral("The aicp service to pull from: http://HOST:PORT (or its "
                       "/api/pricing/usage/events URL)."),
        QStringLiteral("URL"));
    const QCommandLineOption tokenFile(
        QStringLiteral("token-file"),
        QStringLiteral("File whose first line is a bearer token with the read role."),
        QStringLiteral("F"));
    const QCommandLineOption pageSize(
        QStringLiteral("page-size"),
        QStringLiteral("Events asked for per page, 1 to 10000. Default: 1000."),
        QStringLiteral("N"));
    const QCommandLineOption maxPages(
        QStringLiteral("max-pages"),
        QStringLiteral("Stop after N pages even if more are waiting (the next pull goes on)."),
        QStringLiteral("N"));
    const QCommandLineOption json = jsonOption(QStringLiteral("the counts"));
    CommandHelp help;
    help.usage = {
        QStringLiteral("[--db FILE] usage pull --source URL --token-file F "
                       "[--page-size N] [--max-pages N] [--json]")};
    help.summary = QStringLiteral(
        "Pulls the events an 'aicp serve' received since the last pull from it and imports "
        "them, exactly once. Each page is imported together with the cursor past it, so an "
        "interrupted pull (Ctrl-C, a dropped connection) resumes where it stopped when run "
        "again.");
    help.options = {source, tokenFile, pageSize, maxPages, json, helpOption()};
    help.details = QStringLiteral(
        "The token is read from a file, never the command line (visible to every user).\n\n"
        "Example:\n  aicp usage pull --source http://127.0.0.1:8080 --token-file read.token\n\n"
        "Exit status: 0 pulled (possibly nothing new), 1 the pull failed (pages committed "
        "before the failure stay), 2 a mistake in the command line or a refused token.");
    QCommandLineParser parser;
    if (auto finished = parseOrFinish(context, parser, help, command, arguments, 0))
        return *finished;
    int status = kExitSuccess;
    const auto sourceText = optionValue(context, parser, source, command, status);
    if (!sourceText)
        return status;
    const auto tokenPath = optionValue(context, parser, tokenFile, command, status);
    if (!tokenPath)
        return status;
    const auto pageText = optionValue(context, parser, pageSize, command, status);
    if (!pageText)
        return status;
    const auto maxText = optionValue(context, parser, maxPages, command, status);
    if (!maxText)
        return status;
    if (sourceText->isEmpty() || tokenPath->isEmpty())
        return context.usageError(
            QStringLiteral("%1: give --source URL and --token-file F").arg(command));
    UsagePullOptions options;
    if (!pageText->isEmpty()) {
        auto count = parseCount(QStringLiteral("--page-size"), *pageText);
        if (!count)
            return context.usageError(
                QStringLiteral("%1: %2").arg(command, count.error().message()));
        options.pageSize = static_cast<int>(std::min<std::int64_t>(*count, 1'000'000));
    }
    if (!maxText->isEmpty()) {
        auto count = parseCount(QStringLiteral("--max-pages"), *maxText);
        if (!count || *count < 1)
            return context.usageError(
                QStringLiteral("%1: --max-pages must be a whole number of 1 or more").arg(command));
        options.maxPages = static_cast<int>(std::min<std::int64_t>(*count, 1'000'000));
    }
    auto tokenBytes = readInputFile(*tokenPath, kMaxTokenFileSize);
    if (!tokenBytes)
        return context.failure(tokenBytes.error().withContext(command));
    const QByteArray token = tokenBytes->split('\n').value(0).trimmed();
    if (token.isEmpty())
        return context.usageError(QStringLiteral("%1: %2 holds no token")
                                      .arg(command, QDir::toNativeSeparators(*tokenPath)));

    // Like an import, a pull may start a new workspace.
    auto workspace = context.openWorkspace();
    if (!workspace)
        return context.failure(workspace.error().withContext(command));
    auto report = UsagePuller(**workspace).pull(QUrl(*sourceText), token, options);
    if (!report)
        return context.reportError(report.error().withContext(command));
    if (parser.isSet(json)) {
        context.out << printedJson({{QStringLiteral("source"), report->source.toString()},
                                    {QStringLiteral("pages"), number(report->pages)},
                                    {QStringLiteral("received"), number(report->received)},
                                    {QStringLiteral("new"), number(report->newEvents)},
                                    {QStringLiteral("duplicate"), number(report->duplicates)},
                                    {QStringLiteral("late"), number(report->late)},
                                    {QStringLiteral("complete"), report->complete}});
        return kExitSuccess;
    }
    const QLocale& locale = cliLocale();
    context.out << QStringLiteral(
                       "Pulled %1 events in %2 pages from %3: %4 new, %5 already "
                       "here, %6 late.%7\n")
                       .arg(locale.toString(qint64(report->received)))
                       .arg(report->pages)
                       .arg(report->source.toString())
                       .arg(locale.toString(qint64(report->newEvents)))
                       .arg(locale.toString(qint64(report->duplicates)))
                       .arg(locale.toString(qint64(report->late)))
                       .arg(report->complete ? QString()
                                             : QStringLiteral(" More are waiting: run it again."));
    return kExitSuccess;
}

}  // namespace aicp::cli

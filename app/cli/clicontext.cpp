#include "cli/clicontext.h"

#include "common/savefile.h"
#include "common/texttable.h"
#include "money/moneyformat.h"

#include <limits>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

namespace aicp::cli {
namespace {

// Whatever a message says, the error stays one line so scripts can show it
// verbatim and `2>&1 | tail -1` keeps all of it.
QString oneLine(QString message) {
    message.replace(u'\n', QStringLiteral("; "));
    return message.trimmed();
}

int report(QTextStream& err, const QString& message, int status) {
    err << "aicp: " << oneLine(message) << '\n';
    err.flush();
    return status;
}

QString optionSynopsis(const QCommandLineOption& option) {
    QStringList names;
    for (const QString& name : option.names())
        names.append(name.size() == 1 ? u'-' + name : QStringLiteral("--") + name);
    QString synopsis = names.join(QStringLiteral(", "));
    // Short forms are listed first and long-only options are indented to line
    // up with the long names of those that have both.
    if (option.names().constFirst().size() > 1)
        synopsis.prepend(QStringLiteral("    "));
    if (!option.valueName().isEmpty())
        synopsis += u' ' + option.valueName();
    return synopsis;
}

// Word-wraps prose to `width` columns, keeping the author's line breaks.
// Indented lines (examples, lists) are left whole: a broken command line
// could not be pasted back.
QString wrapText(const QString& text, qsizetype width) {
    QStringList wrapped;
    for (const QString& line : text.split(u'\n')) {
        if (line.size() <= width || line.startsWith(u' ')) {
            wrapped.append(line);
            continue;
        }
        QString current;
        for (const QString& word : line.split(u' ', Qt::SkipEmptyParts)) {
            if (!current.isEmpty() && current.size() + 1 + word.size() > width) {
                wrapped.append(current);
                current.clear();
            }
            current += (current.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        wrapped.append(current);
    }
    return wrapped.join(u'\n');
}

}  // namespace

int CliContext::usageError(const QString& message) const {
    return report(err, message, kExitUsage);
}

int CliContext::failure(const QString& message) const {
    return report(err, message, kExitFailure);
}

int CliContext::reportError(const Error& error) const {
    const bool caller =
        error.code() == Error::Code::InvalidInput || error.code() == Error::Code::NotFound;
    return report(err, error.message(), caller ? kExitUsage : kExitFailure);
}

Result<QString> CliContext::workspacePath(const QString& commandDbPath) const {
    if (!commandDbPath.isEmpty() && !globalDbPath.isEmpty() &&
        QDir::cleanPath(commandDbPath) != QDir::cleanPath(globalDbPath))
        return Error::invalidInput(
            QStringLiteral("--db is given twice with different files ('%1' and '%2')")
                .arg(globalDbPath, commandDbPath));
    if (!commandDbPath.isEmpty())
        return commandDbPath;
    if (!globalDbPath.isEmpty())
        return globalDbPath;
    const QString fromEnvironment = qEnvironmentVariable("AICP_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString fallback = Workspace::defaultPath();
    if (fallback.isEmpty())
        return Error(Error::Code::Io,
                     QStringLiteral("this system has no per-user data folder for the workspace; "
                                    "give --db FILE or set AICP_DB"));
    return fallback;
}

Result<std::unique_ptr<Workspace>> CliContext::openWorkspace() const {
    auto path = workspacePath();
    if (!path)
        return path.error();
    return Workspace::open(*path, Workspace::OpenMode::OpenOrCreate);
}

Result<std::unique_ptr<Workspace>> CliContext::openExistingWorkspace() const {
    auto path = workspacePath();
    if (!path)
        return path.error();
    const Error absent = Error::notFound(
        QStringLiteral("there is no workspace at %1; give --db FILE (or set AICP_DB), or "
                       "start one with 'aicp workspace create'")
            .arg(Workspace::shownLocation(*path)));
    if (!Workspace::isServerLocation(*path) && !QFileInfo::exists(*path))
        return absent;
    auto opened = Workspace::open(*path, Workspace::OpenMode::OpenExisting);
    // A database without a workspace yet: the same answer as a missing file.
    if (!opened && opened.error().code() == Error::Code::NotFound)
        return absent;
    return opened;
}

bool CliContext::workspaceExists() const {
    auto path = workspacePath();
    return path && (Workspace::isServerLocation(*path) || QFileInfo::exists(*path));
}

const QLocale& cliLocale() {
    static const QLocale kLocale(QLocale::English, QLocale::UnitedStates);
    return kLocale;
}

QString cliMoney(Money amount, const QString& currency) {
    return formatMoney(amount, cliLocale(), currency);
}

QString parserError(const QCommandLineParser& parser) {
    QString text = parser.errorText();
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

Result<PriceBookVersion> pricesInForceToday(const PriceBook& book) {
    if (book.versions().empty())
        return Error(Error::Code::Corrupt, QStringLiteral("the workspace's price book is empty"));
    auto inForce = book.versionAt(QDateTime::currentDateTimeUtc().date());
    // Before the first version starts nothing is in force yet; the earliest
    // is the one the coming bills will use.
    return inForce ? *inForce : book.versions().front();
}

Result<PriceBookVersion> pricesInForceToday(const Workspace& workspace) {
    auto book = workspace.priceBook();
    if (!book)
        return book.error();
    return pricesInForceToday(*book);
}

QCommandLineOption helpOption() {
    return QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                              QStringLiteral("Show this help and exit."));
}

QString formatHelp(const CommandHelp& help) {
    QString text;
    for (qsizetype i = 0; i < help.usage.size(); ++i)
        text += (i == 0 ? QStringLiteral("Usage: aicp ") : QStringLiteral("       aicp ")) +
                help.usage.at(i) + u'\n';
    constexpr qsizetype kTextWidth = 80;
    constexpr qsizetype kOptionTextWidth = 50;
    text += u'\n' + wrapText(help.summary, kTextWidth) + u'\n';
    if (!help.options.isEmpty()) {
        TextTable table({QString(), QString()});
        for (const QCommandLineOption& option : help.options) {
            QString description = option.description();
            if (!option.defaultValues().isEmpty())
                description += QStringLiteral(" Default: %1.")
                                   .arg(option.defaultValues().join(QStringLiteral(",")));
            table.addRow({optionSynopsis(option), wrapText(description, kOptionTextWidth)});
        }
        text += QStringLiteral("\nOptions:\n") + table.render(2);
    }
    if (!help.details.isEmpty())
        text += u'\n' + wrapText(help.details, kTextWidth) + u'\n';
    return text;
}

Result<QString> singleValue(const QCommandLineParser& parser, const QCommandLineOption& option) {
    const QStringList values = parser.values(option);
    const QString name = QStringLiteral("--") + option.names().constLast();
    if (values.size() > 1)
        return Error::invalidInput(QStringLiteral("%1 is given more than once").arg(name));
    return values.value(0);
}

Result<QString> givenValue(const QCommandLineParser& parser, const QCommandLineOption& option) {
    auto value = singleValue(parser, option);
    if (!value)
        return value.error();
    if (parser.isSet(option) && value->trimmed().isEmpty())
        return Error::invalidInput(
            QStringLiteral("--%1 needs a value").arg(option.names().constLast()));
    return value;
}

Result<std::int64_t> parseCount(const QString& optionName, const QString& text) {
    const auto refuse = [&]() -> Error {
        return Error::invalidInput(
            QStringLiteral("%1 must be a whole number of 0 or more, written with digits only "
                           "(got '%2')")
                .arg(optionName, text));
    };
    if (text.isEmpty())
        return refuse();
    std::int64_t value = 0;
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    for (const QChar character : text) {
        // isDigit() would also accept other scripts' digits; only ASCII counts.
        if (character < u'0' || character > u'9')
            return refuse();
        const int digit = character.unicode() - u'0';
        if (value > (kMax - digit) / 10)
            return Error::invalidInput(
                QStringLiteral("%1 is too large (got '%2')").arg(optionName, text));
        value = value * 10 + digit;
    }
    return value;
}

Result<QDate> parseDate(const QString& optionName, const QString& text) {
    static const QRegularExpression kDay(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QDate date = kDay.match(text).hasMatch() ? QDate::fromString(text, Qt::ISODate) : QDate();
    if (!date.isValid())
        return Error::invalidInput(
            QStringLiteral("%1 must be a date written YYYY-MM-DD, e.g. 2026-11-01 (got '%2')")
                .arg(optionName, text));
    return date;
}

Result<QStringList> parseList(const QString& optionName, const QString& text) {
    if (text.trimmed().isEmpty())
        return QStringList{};
    QStringList items;
    for (const QString& raw : text.split(u',')) {
        const QString item = raw.trimmed();
        if (item.isEmpty())
            return Error::invalidInput(
                QStringLiteral("%1 has an empty item in '%2' (write a,b,c)").arg(optionName, text));
        items.append(item);
    }
    return items;
}

Result<QByteArray> readInputFile(const QString& path, qsizetype maxSize) {
    QFile file;
    const bool standardInput = path == QLatin1String("-");
    const QString name = standardInput ? QStringLiteral("standard input")
                                       : QStringLiteral("'%1'").arg(QDir::toNativeSeparators(path));
    if (!standardInput && QFileInfo(path).isDir())
        return Error(Error::Code::Io, QStringLiteral("cannot read %1: it is a folder").arg(name));
    const bool opened = standardInput ? file.open(stdin, QIODevice::ReadOnly)
                                      : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened)
        return Error(Error::Code::Io,
                     QStringLiteral("cannot read %1 (%2)").arg(name, file.errorString()));
    QByteArray bytes = file.read(maxSize + 1);
    if (bytes.size() > maxSize)
        return Error::invalidInput(
            QStringLiteral("%1 is larger than %2 bytes; that is not what was expected")
                .arg(name)
                .arg(maxSize));
    return bytes;
}

Status writeOutputFile(const QString& path, QByteArrayView bytes) {
    return writeFileAtomically(path, bytes);
}

QCommandLineOption jsonOption(const QString& what) {
    return QCommandLineOption(QStringLiteral("json"),
                              QStringLiteral("Print %1 as JSON.").arg(what));
}

QCommandLineOption outputOption(const QString& description) {
    return QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")}, description,
                              QStringLiteral("FILE"));
}

QCommandLineOption auditTierOption() {
    return QCommandLineOption(
        QStringLiteral("audit-tier"),
        QStringLiteral("Audit & reporting tier (basic, extended, regulatory); default: the "
                       "tier's included level."),
        QStringLiteral("T"));
}

QCommandLineOption discountOption() {
    return QCommandLineOption(
        QStringLiteral("discount"),
        QStringLiteral("Contract discount in percent on the recurring lines, e.g. 12.5."),
        QStringLiteral("PCT"));
}

QCommandLineOption billingPeriodOption() {
    return QCommandLineOption(
        QStringLiteral("billing-period"),
        QStringLiteral("monthly (default) or annual: a contract year's recurring charges in "
                       "advance, on the invoice of the month it starts."),
        QStringLiteral("PERIOD"));
}

QCommandLineOption commitmentOption(const QString& more) {
    return QCommandLineOption(
        QStringLiteral("commitment"),
        QStringLiteral("Minimum spend, AMOUNT/month or AMOUNT/year (a contract year), e.g. "
                       "60000.00/year; a shortfall is billed as a true-up.%1")
            .arg(more.isEmpty() ? QString() : u' ' + more),
        QStringLiteral("AMOUNT/PERIOD"));
}

Result<BillingPeriod> parseBillingPeriod(const QString& text) {
    const auto period = billingPeriodFromKey(text.trimmed());
    if (!period)
        return Error::invalidInput(
            QStringLiteral("--billing-period is monthly or annual, not '%1'").arg(text));
    return *period;
}

Result<Percent> parseDiscount(const QString& text) {
    QString number = text.trimmed();
    // The sign is how people write a percentage; it adds nothing.
    if (number.endsWith(u'%'))
        number.chop(1);
    auto percent = Percent::parse(number);
    if (!percent)
        return percent.error().withContext(QStringLiteral("--discount"));
    return percent;
}

std::optional<int> printOrWriteFile(const CliContext& context, const QString& command,
                                    const QString& path, const QByteArray& bytes) {
    if (path.isEmpty() || path == QLatin1String("-")) {
        context.out << QString::fromLatin1(bytes);
        return kExitSuccess;
    }
    const Status written = writeOutputFile(path, bytes);
    if (!written.ok())
        return context.failure(written.error().withContext(command));
    return std::nullopt;
}

QString printedJson(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

}  // namespace aicp::cli

#include "cli/command.h"

#include "common/texttable.h"
#include "licensing/licenseregistry.h"
#include "storage/vendoronly.h"

#include <QFile>

namespace aicp::cli {

Error stateError(const Error& error) {
    const bool caller =
        error.code() == Error::Code::InvalidInput || error.code() == Error::Code::NotFound;
    return caller ? Error(Error::Code::Conflict, error.message()) : error;
}

Invocation::Invocation(const Command& command, const CliContext& context,
                       const QCommandLineParser& parser)
    : command_(command), context_(context), parser_(parser) {}

const QString& Invocation::name() const {
    return command_.name();
}

Result<QString> Invocation::argument(const QString& what) const {
    const QString argument = parser_.positionalArguments().value(0);
    if (argument.isEmpty())
        return Error::invalidInput(
            QStringLiteral("give the %1. Try 'aicp %2 --help'.").arg(what, name()));
    return argument;
}

Result<QString> Invocation::value(const QCommandLineOption& option) const {
    return givenValue(parser_, option);
}

Result<QString> Invocation::requiredValue(const QCommandLineOption& option,
                                          const QString& hint) const {
    auto given = value(option);
    if (given && given->isEmpty())
        return Error::invalidInput(
            QStringLiteral("give %1. Try 'aicp %2 --help'.").arg(hint, name()));
    return given;
}

Result<Workspace*> Invocation::workspace() {
    if (workspace_)
        return workspace_.get();
    Result<std::unique_ptr<Workspace>> opened =
        command_.workspaceUse() == WorkspaceUse::OpenOrCreate ? context_.openWorkspace()
                                                              : context_.openExistingWorkspace();
    if (!opened)
        return opened.error();
    workspace_ = std::move(opened).value();
    return workspace_.get();
}

Result<QString> Invocation::customer(const QCommandLineOption& option) {
    auto given = value(option);
    if (!given)
        return given.error();
    if (!given->trimmed().isEmpty())
        return given->trimmed();
    const Error missing = Error::invalidInput(
        QStringLiteral("give --customer ID. Try 'aicp %1 --help'.").arg(name()));
    if (!context_.workspaceExists())
        return missing;
    auto opened = workspace();
    if (!opened)
        return stateError(opened.error());
    auto mode = (*opened)->mode();
    if (!mode)
        return stateError(mode.error());
    if (*mode != Workspace::Mode::Customer)
        return missing;
    auto licenses = LicenseRegistry(**opened).list();
    if (!licenses)
        return stateError(licenses.error());
    if (licenses->empty())
        return Error::invalidInput(
            QStringLiteral("give --customer ID: this customer workspace holds no license yet to "
                           "name its customer (add the vendor's with 'aicp license add FILE')"));
    return licenses->front().license.customerId;
}

Status Invocation::vendorOnly(const QString& why) {
    auto opened = workspace();
    if (!opened)
        return stateError(opened.error());
    const Status refused = refuseInCustomerWorkspace(**opened, why);
    if (!refused.ok() && refused.error().code() != Error::Code::Conflict)
        return stateError(refused.error());
    return refused;
}

Result<Passphrase> Invocation::passphrase(PassphraseUse use) const {
    auto file = value(passphraseFileOption());
    if (!file)
        return file.error();
    return readPassphrase(*file, use, context_.err);
}

int Invocation::fail(const Error& error) const {
    return context_.reportError(error.withContext(name()));
}

int Invocation::failure(const Error& error) const {
    return context_.failure(error.withContext(name()));
}

int Invocation::failure(const QString& message) const {
    return context_.failure(name() + QStringLiteral(": ") + message);
}

int Invocation::usage(const QString& message) const {
    return context_.usageError(name() + QStringLiteral(": ") + message);
}

int Invocation::print(const QString& text) const {
    context_.out << text;
    return kExitSuccess;
}

// A help file has three sections, in this order, each opened by a line that
// is exactly its header; a section's text is every line up to the next
// header, verbatim (newlines kept, nothing trimmed), and the one newline
// that ends the file belongs to no section:
//
//     usage:
//     [--db FILE] invoice show NUMBER [--json] [-o FILE.pdf]
//     summary:
//     One issued invoice exactly as stored: ... (wrapped when printed)
//     details:
//     JSON: ...
//
//     Exit status: ...
//
// usage has one line per form, without the leading "aicp "; the summary and
// the details are wrapped to the terminal's width by formatHelp.
Result<HelpText> parseHelpText(const QString& text) {
    QStringList lines = text.split(u'\n');
    if (text.endsWith(u'\n'))
        lines.removeLast();
    const qsizetype summary = lines.indexOf(QStringLiteral("summary:"));
    const qsizetype details = lines.indexOf(QStringLiteral("details:"));
    if (lines.value(0) != u"usage:" || summary < 1 || details < summary)
        return Error::invalidInput(
            QStringLiteral("a help text needs the sections usage:, summary: and details:"));
    return HelpText{lines.mid(1, summary - 1),
                    lines.mid(summary + 1, details - summary - 1).join(u'\n'),
                    lines.mid(details + 1).join(u'\n')};
}

QString helpResourcePath(const QString& name) {
    return QStringLiteral(":/cli/%1.txt").arg(QString(name).replace(u' ', u'-'));
}

Result<HelpText> commandHelpText(const QString& name) {
    QFile file(helpResourcePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Code::NotFound,
                     QStringLiteral("no help for '%1' (%2)").arg(name, file.fileName()));
    return parseHelpText(QString::fromUtf8(file.readAll()));
}

QStringList helpResourceMismatches(const QStringList& commandNames,
                                   const QStringList& resourceFiles) {
    QStringList mismatches;
    QStringList expected;
    for (const QString& name : commandNames) {
        const QString file = helpResourcePath(name).mid(QStringLiteral(":/cli/").size());
        expected.append(file);
        if (!resourceFiles.contains(file))
            mismatches.append(QStringLiteral("'%1' has no help file %2").arg(name, file));
    }
    for (const QString& file : resourceFiles)
        if (!expected.contains(file))
            mismatches.append(QStringLiteral("%1 is the help of no command").arg(file));
    return mismatches;
}

int Invocation::print(const QCommandLineOption& json, const QJsonObject& object,
                      const QString& text) const {
    return print(parser_.isSet(json) ? printedJson(object) : text);
}

bool Invocation::asJson() const {
    return command_.json() && parser_.isSet(*command_.json());
}

int Invocation::print(const QJsonObject& object, const QString& text) const {
    return print(asJson() ? printedJson(object) : text);
}

Command::Command(QString name) : name_(std::move(name)) {
    // tst_cli checks that every command has its row.
    const CommandSpec* spec = findCommandSpec(name_);
    if (spec == nullptr)
        return;
    description_ = QString::fromUtf8(spec->description);
    workspaceUse_ = spec->workspace;
    positionals_ = spec->positionals;
    needsPassphrase_ = spec->passphrase;
    if (spec->json != nullptr)
        json_ = jsonOption(QString::fromUtf8(spec->json));
}

CommandHelp Command::help() const {
    // A missing file prints an empty help; tst_cli checks every command has one.
    const HelpText text = commandHelpText(name_).valueOr(HelpText{});
    CommandHelp help{text.usage, text.summary, ownOptions_, text.details};
    if (json_)
        help.options.append(*json_);
    if (needsPassphrase_) {
        const bool endsWithJson =
            !help.options.isEmpty() && help.options.constLast().names().constFirst() == u"json";
        help.options.insert(help.options.size() - (endsWithJson ? 1 : 0), passphraseFileOption());
    }
    help.options.append(helpOption());
    return help;
}

bool Command::needsGui(const QCommandLineParser& /*parser*/) const {
    return false;
}

Status Command::parse(QCommandLineParser& parser, const QStringList& arguments) const {
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const QCommandLineOption& option : help().options)
        parser.addOption(option);
    // QCommandLineParser expects the program name first; it is never read.
    if (!parser.parse(QStringList{QStringLiteral("aicp")} + arguments))
        return Error::invalidInput(
            QStringLiteral("%1: %2 Try 'aicp %1 --help'.").arg(name_, parserError(parser)));
    const QStringList positional = parser.positionalArguments();
    if (!parser.isSet(QStringLiteral("help")) && positional.size() > positionals_)
        return Error::invalidInput(QStringLiteral("%1: unexpected argument '%2'. Try 'aicp %1 "
                                                  "--help'.")
                                       .arg(name_, positional.at(positionals_)));
    return {};
}

int Command::run(const CliContext& context, const QStringList& arguments) const {
    QCommandLineParser parser;
    if (const Status parsed = parse(parser, arguments); !parsed.ok())
        return context.usageError(parsed.error().message());
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << formatHelp(help());
        return kExitSuccess;
    }
    Invocation call(*this, context, parser);
    return execute(call);
}

const Command* CommandGroup::find(const QString& word) const {
    for (const Command* command : commands)
        if (command->name() == name + u' ' + word)
            return command;
    return nullptr;
}

int CommandGroup::run(const CliContext& context, const QStringList& arguments) const {
    const QString word = arguments.value(0);
    if (const Command* command = find(word); command && !word.isEmpty())
        return command->run(context, arguments.mid(1));
    QStringList words;
    for (const Command* command : commands)
        words.append(command->name().mid(name.size() + 1));
    const QString oneOf = words.join(QStringLiteral(", "));
    if (word.isEmpty())
        return context.usageError(
            QStringLiteral("%1 needs a subcommand (one of: %2). Try 'aicp %1 --help'.")
                .arg(name, oneOf));
    if (word != QLatin1String("--help") && word != QLatin1String("-h"))
        return context.usageError(
            QStringLiteral("%1: unknown subcommand '%2' (one of: %3). Try 'aicp %1 --help'.")
                .arg(name, word, oneOf));

    CommandHelp help;
    help.usage = {QStringLiteral("[--db FILE] %1 <subcommand> [options]").arg(name)};
    help.summary = summary;
    help.options = {helpOption()};
    TextTable table({QString(), QString()});
    for (const Command* command : commands)
        table.addRow({command->name().mid(name.size() + 1), command->description()});
    help.details = QStringLiteral("Subcommands:\n") + table.render(2) +
                   QStringLiteral("\nRun 'aicp %1 <subcommand> --help' for its options.").arg(name);
    context.out << formatHelp(help);
    return kExitSuccess;
}

}  // namespace aicp::cli

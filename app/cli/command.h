#pragma once

#include "cli/clicontext.h"
#include "cli/passphrase.h"
#include "common/texttable.h"

#include <memory>
#include <optional>
#include <span>
#include <type_traits>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

namespace aicp::cli {

// What a command has opened for it, as KeePassXC's DatabaseCommand opens the
// database for every command that needs one.
enum class WorkspaceUse {
    None,          // opens nothing, or makes a new file itself (demo, workspace create)
    Existing,      // a workspace that must exist already: reading never creates one
    OpenOrCreate,  // may start a new workspace (usage import, a pull)
};

class Command;

// What a command is, as the table of every command (commandtable.cpp)
// declares it: its one-line description for its group's help, the
// workspace it opens, the most positional arguments it takes, what --json
// prints ("the tokens" is "Print the tokens as JSON."; nullptr: no --json),
// which then comes after its own options, and whether it asks for the
// signing key's passphrase.
struct CommandSpec {
    const char* name;
    const char* description;
    WorkspaceUse workspace;
    qsizetype positionals;
    const char* json;
    bool passphrase;
};

// The row of the command `name`; nullptr when the table has none.
[[nodiscard]] const CommandSpec* findCommandSpec(QStringView name);

// `error` as the workspace's state rather than the command line's mistake:
// the same message, a code fail() reports with exit status 1.
[[nodiscard]] Error stateError(const Error& error);

// One run of a command: its parsed command line, the workspace it declared
// (opened on first use, so a mistake in the command line is reported before
// a missing file) and the one way an error is printed. Helpers return
// Result; a command turns an error into its exit status with fail(),
// failure() or usage(), which print the one line on stderr.
class Invocation {
public:
    Invocation(const Command& command, const CliContext& context, const QCommandLineParser& parser);

    [[nodiscard]] const CliContext& context() const { return context_; }
    [[nodiscard]] QTextStream& out() const { return context_.out; }
    [[nodiscard]] QTextStream& err() const { return context_.err; }
    [[nodiscard]] const QCommandLineParser& parser() const { return parser_; }
    [[nodiscard]] bool isSet(const QCommandLineOption& option) const {
        return parser_.isSet(option);
    }
    // Whether --json, as the command's row declares it, was given.
    [[nodiscard]] bool asJson() const;
    [[nodiscard]] const QString& name() const;

    // The first positional argument: "<command>: give the <what>. Try …"
    // when it is missing.
    [[nodiscard]] Result<QString> argument(const QString& what) const;
    // The one value of an option (empty when absent): given twice or given
    // empty is a mistake in the command line.
    [[nodiscard]] Result<QString> value(const QCommandLineOption& option) const;
    // The value of an option that must be given: "give <hint>. Try 'aicp
    // <command> --help'." otherwise.
    [[nodiscard]] Result<QString> requiredValue(const QCommandLineOption& option,
                                                const QString& hint) const;

    // --customer ID as given (trimmed); when it is not, in a customer
    // workspace, the customer whose licenses it holds. Otherwise "give
    // --customer ID. Try …": a vendor's workspace holds many customers.
    [[nodiscard]] Result<QString> customer(const QCommandLineOption& option);

    // The workspace the command declared, opened once on first use. Its
    // errors are the workspace's state, so callers report them with failure().
    [[nodiscard]] Result<Workspace*> workspace();
    // One read from the workspace: a workspace that cannot be opened fails
    // like the read itself.
    template <typename Read>
    [[nodiscard]] auto read(Read read) -> std::invoke_result_t<Read, Workspace&> {
        auto opened = workspace();
        if (!opened)
            return opened.error();
        return read(**opened);
    }
    // Refuses what only the vendor's workspace may do (sign, invoice), before
    // any passphrase is asked for: a Conflict "this is a customer workspace:
    // <why>" in a customer's, nothing in a vendor's; the workspace's own
    // errors come back as its state (stateError).
    [[nodiscard]] Status vendorOnly(const QString& why);
    // The signing key's passphrase, for commands that declare they need one:
    // --passphrase-file, else $AICP_KEY_PASSPHRASE, else a prompt.
    [[nodiscard]] Result<Passphrase> passphrase(PassphraseUse use) const;

    // Print "aicp: <command>: <message>" and return the exit status: by the
    // error's code (the caller's mistakes 2, else 1), always 1, or always 2.
    int fail(const Error& error) const;
    int failure(const Error& error) const;
    int failure(const QString& message) const;
    int usage(const QString& message) const;
    // Print `text` on standard output; success.
    int print(const QString& text) const;
    // Print `object` when the option `json` is given, else `text`; success.
    // People's formatting and machines' stay two functions over one result.
    int print(const QCommandLineOption& json, const QJsonObject& object, const QString& text) const;
    // The same with the --json of the command's row.
    int print(const QJsonObject& object, const QString& text) const;

private:
    const Command& command_;
    const CliContext& context_;
    const QCommandLineParser& parser_;
    std::unique_ptr<Workspace> workspace_;
};

// A listing as every list command prints it: with --json
// {"<name>": [toJson(item), …]}; else `empty` when there are no items, else
// `table` with one row (toRow) per item.
template <typename Items, typename ToJson, typename ToRow>
int printListing(const Invocation& call, const QString& name, const Items& items, ToJson toJson,
                 const QString& empty, TextTable table, ToRow toRow) {
    if (call.asJson())
        return call.print(printedJsonList(name, items, toJson));
    if (items.empty())
        return call.print(empty);
    for (const auto& item : items)
        table.addRow(toRow(item));
    return call.print(table.render());
}

// The prose of a command's help, kept as a document rather than code: one
// file per command in resources/cli/ (see command.cpp for its format).
struct HelpText {
    QStringList usage;  // one line per form, without the leading "aicp "
    QString summary;
    QString details;
};

// Reads the sectioned text of a help file; a section missing or out of
// order is an InvalidInput.
[[nodiscard]] Result<HelpText> parseHelpText(const QString& text);
// The help file of the command `name` ("invoice issue" → ":/cli/invoice-issue.txt").
[[nodiscard]] QString helpResourcePath(const QString& name);
// The help text of the command `name`, read from its compiled-in file.
[[nodiscard]] Result<HelpText> commandHelpText(const QString& name);
// What is wrong between the commands and the help files (file names in
// :/cli/): a command without a file, or a file no command reads. Empty
// when each command has exactly its file.
[[nodiscard]] QStringList helpResourceMismatches(const QStringList& commandNames,
                                                 const QStringList& resourceFiles);

// One `aicp` command (`tokens create`, `quote`): it declares its name, its
// one-line description, its options, how many positional arguments it takes
// and what it needs (a workspace, a passphrase, the GUI layer); its help's
// prose is its file in resources/cli/. Parsing, --help and opening live
// here, once.
class Command {
public:
    virtual ~Command() = default;
    Command(const Command&) = delete;
    Command& operator=(const Command&) = delete;

    [[nodiscard]] const QString& name() const { return name_; }
    [[nodiscard]] const QString& description() const { return description_; }
    [[nodiscard]] WorkspaceUse workspaceUse() const { return workspaceUse_; }
    [[nodiscard]] bool needsPassphrase() const { return needsPassphrase_; }
    // Its --json, when its row declares one.
    [[nodiscard]] const std::optional<QCommandLineOption>& json() const { return json_; }
    // The help screen: the command's options with --passphrase-file when it
    // needs one (before a last --json), then --help.
    [[nodiscard]] CommandHelp help() const;

    // Whether the parsed command line renders a PDF, so the program must be a
    // QGuiApplication (fonts); every other command runs on QCoreApplication.
    [[nodiscard]] virtual bool needsGui(const QCommandLineParser& parser) const;

    // Parses the words after the command's name: a mistake (an unknown
    // option, an argument too many) is an InvalidInput naming the command.
    [[nodiscard]] Status parse(QCommandLineParser& parser, const QStringList& arguments) const;
    // Parses, prints the help or runs; returns the exit status.
    [[nodiscard]] int run(const CliContext& context, const QStringList& arguments) const;

protected:
    // Its description and needs are its row in the table (CommandSpec).
    explicit Command(QString name);
    [[nodiscard]] virtual int execute(Invocation& call) const = 0;

    QList<QCommandLineOption> ownOptions_;  // without --passphrase-file and --help
    qsizetype positionals_ = 0;             // the most it takes
    WorkspaceUse workspaceUse_ = WorkspaceUse::None;
    bool needsPassphrase_ = false;

private:
    QString name_;
    QString description_;
    std::optional<QCommandLineOption> json_;
};

// A command with no options but the --json of its row: its work is one
// function, so it needs no class of its own.
class PlainCommand final : public Command {
public:
    using Body = int (*)(Invocation& call);
    PlainCommand(QString name, Body body) : Command(std::move(name)), body_(body) {}

private:
    [[nodiscard]] int execute(Invocation& call) const override { return body_(call); }

    Body body_;
};

// A group of commands under one word (`aicp tokens create|list|revoke`).
// `aicp tokens` alone, an unknown subcommand and `aicp tokens --help` are
// answered here.
struct CommandGroup {
    QString name;
    QString summary;  // the group's help
    QList<const Command*> commands;

    // The command named `word`; nullptr when there is none.
    [[nodiscard]] const Command* find(const QString& word) const;
    [[nodiscard]] int run(const CliContext& context, const QStringList& arguments) const;
};

}  // namespace aicp::cli

// Declares `name` as the Result of `expr`; when it holds an error, the
// command ends there with `call.how(error)` (fail: the exit status by the
// error's code; failure: 1). `call` is the command's Invocation.
//
//     AICP_CLI_TRY(customer, call.value(customer_), fail);
#define AICP_CLI_TRY(name, expr, how) \
    auto name = (expr);               \
    if (!name)                        \
    return call.how(name.error())

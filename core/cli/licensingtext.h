#pragma once

#include "common/result.h"
#include "licensing/licensepayload.h"

#include <optional>
#include <span>
#include <utility>
#include <vector>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace aicp::cli {

class CliContext;
struct CommandHelp;

// The full id as printed and accepted everywhere ("6f1c2a4e-…").
[[nodiscard]] QString idText(const QUuid& id);
// The first 8 characters: enough for `license show`, `revoke` and the others.
[[nodiscard]] QString shortIdText(const QUuid& id);

// A date option: YYYY-MM-DD (midnight UTC at the start of that day) or an
// RFC 3339 time with Z or an offset ("2026-11-24T09:30:00+01:00").
[[nodiscard]] Result<QDateTime> parseDateOption(const QString& optionName, const QString& text);

// The signed payload as its JSON object: the same field names and shapes as
// the license itself (SPEC section 3), so scripts learn one form.
[[nodiscard]] QJsonObject licenseJson(const LicensePayload& license);
// RFC 3339, or null for an invalid time.
[[nodiscard]] QJsonValue timeJson(const QDateTime& time);

using LabelledRows = std::vector<std::pair<QString, QString>>;

// Every entitlement of a license, one (label, value) row each: customer,
// tier, features, add-ons, limits, audit, contract, dates, key.
[[nodiscard]] LabelledRows licenseDetailRows(const LicensePayload& license);

// "Label:  value" lines, the labels padded to one width.
[[nodiscard]] QString labelledLines(const LabelledRows& rows);

// Indented JSON with a final line break, as every --json prints it.
[[nodiscard]] QString printedJson(const QJsonObject& object);

// One group of subcommands (`aicp keys …`): `aicp keys` alone, an unknown
// subcommand or `--help` are handled here; otherwise the subcommand runs with
// the words after its name.
struct Subcommand {
    const char* name;
    const char* summary;
    int (*run)(const CliContext&, const QStringList&);
};

// The start of every subcommand: parses `arguments` with every option of
// `help`, prints the help for --help, and refuses more than `maxPositional`
// positional arguments. Returns the exit status when the command is done
// already (help printed, or a usage error reported), nullopt to go on.
[[nodiscard]] std::optional<int> startCommand(const CliContext& context, QCommandLineParser& parser,
                                              const CommandHelp& help, const QString& command,
                                              const QStringList& arguments,
                                              qsizetype maxPositional);

// The value of a single-valued option, or a usage error (reported, its status
// in `exitStatus`) when it is given twice or given empty.
[[nodiscard]] std::optional<QString> optionValue(const CliContext& context,
                                                 const QCommandLineParser& parser,
                                                 const QCommandLineOption& option,
                                                 const QString& command, int& exitStatus);

[[nodiscard]] int runSubcommand(const CliContext& context, const QString& group,
                                const QString& summary, std::span<const Subcommand> subcommands,
                                const QStringList& arguments);

}  // namespace aicp::cli

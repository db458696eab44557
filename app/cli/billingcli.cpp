#include "cli/billingcli.h"

#include "audit/auditlog.h"
#include "cli/progressline.h"
#include "documents/pdfdocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace aicp::cli {

DocumentStamp documentStamp(const Workspace& workspace) {
    return {QDateTime::currentDateTimeUtc(), AuditLog::currentActor(),
            QDir::toNativeSeparators(workspace.path())};
}

QCommandLineOption monthOption(const QString& description) {
    return QCommandLineOption(QStringLiteral("month"), description, QStringLiteral("YYYY-MM"));
}

QCommandLineOption customerIdOption(const QString& description) {
    return QCommandLineOption(QStringLiteral("customer"), description, QStringLiteral("ID"));
}

QCommandLineOption customerOption() {
    return customerIdOption(
        QStringLiteral("The customer's id; in a customer workspace, default: "
                       "the customer whose licenses it holds."));
}

Result<YearMonth> requiredMonth(const Invocation& call, const QCommandLineOption& option) {
    const auto text = call.requiredValue(option, QStringLiteral("--month YYYY-MM"));
    if (!text)
        return text.error();
    const auto month = YearMonth::parse(*text);
    if (!month)
        return Error::invalidInput(
            QStringLiteral("--month must be a month written YYYY-MM, e.g. 2026-10 (got '%1')")
                .arg(*text));
    return *month;
}

Result<QString> requiredCustomer(const Invocation& call, const QCommandLineOption& option) {
    const auto id = call.requiredValue(option, QStringLiteral("--customer ID"));
    if (!id)
        return id.error();
    return id->trimmed();
}

std::optional<QString> chosenFormat(const QString& format, const QString& path,
                                    const QStringList& formats) {
    QString chosen = format.toLower();
    if (chosen.isEmpty()) {
        const QString suffix = QFileInfo(path).suffix().toLower();
        chosen = formats.contains(suffix) ? suffix : formats.front();
    }
    if (!formats.contains(chosen))
        return std::nullopt;
    return chosen;
}

int emitDocument(const CliContext& context, const QString& command, const QString& path,
                 const QByteArray& bytes, bool binary) {
    if (!path.isEmpty() && path != QLatin1String("-")) {
        const Status written = writeDocumentFile(path, bytes);
        if (!written.ok())
            return context.failure(written.error().withContext(command));
        return kExitSuccess;
    }
    if (!binary) {
        // The stream writes UTF-8, so the bytes come out unchanged.
        context.out << QString::fromUtf8(bytes);
        context.out.flush();
        return kExitSuccess;
    }
    QIODevice* device = context.out.device();
    if (!device || stdoutIsTerminal())
        return context.usageError(
            QStringLiteral("%1: a PDF is not written to a terminal; give -o FILE or redirect "
                           "standard output")
                .arg(command));
    context.out.flush();
    if (device->write(bytes) != bytes.size())
        return context.failure(QStringLiteral("%1: cannot write to standard output (%2)")
                                   .arg(command, device->errorString()));
    if (auto* file = qobject_cast<QFile*>(device))
        file->flush();
    return kExitSuccess;
}

}  // namespace aicp::cli

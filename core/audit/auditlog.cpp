#include "audit/auditlog.h"

#include "common/wholeseconds.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/workspace.h"

#include <tuple>

#include <QCryptographicHash>
#include <QJsonDocument>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace aicp {

namespace {

const QByteArray kGenesisHash(64, '0');
constexpr const char* kHeadKey = "audit_head";

QString headValue(const AuditEntry& entry) {
    return QString::number(entry.sequence) + u':' + QString::fromLatin1(entry.hash);
}

constexpr std::string_view kSelectEntries =
    "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log";

QByteArray canonicalDetails(const QJsonObject& details) {
    // QJsonDocument writes object keys sorted, so the same details always
    // give the same bytes.
    return QJsonDocument(details).toJson(QJsonDocument::Compact);
}

// Fields are length-prefixed so no choice of values can make two different
// entries hash the same text ("a|bc" vs "ab|c").
void addField(QCryptographicHash& hash, const QByteArray& field) {
    hash.addData(QByteArray::number(field.size()));
    hash.addData(QByteArrayView(":"));
    hash.addData(field);
}

AuditEntry readEntry(const Statement& row) {
    AuditEntry entry;
    entry.sequence = row.int64(0);
    entry.at = row.time(1);
    entry.actor = row.text(2);
    entry.action = row.text(3);
    entry.subject = row.text(4);
    QJsonParseError parseError{};
    const QJsonDocument details = QJsonDocument::fromJson(row.blob(5), &parseError);
    if (parseError.error != QJsonParseError::NoError || !details.isObject())
        entry.details = QJsonObject{{QStringLiteral("unreadable"), row.text(5)}};
    else
        entry.details = details.object();
    entry.previousHash = row.blob(6);
    entry.hash = row.blob(7);
    return entry;
}

}  // namespace

QByteArray AuditLog::computeHash(const AuditEntry& entry) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, QByteArray::number(entry.sequence));
    addField(hash, formatStoredTime(entry.at).toUtf8());
    addField(hash, entry.actor.toUtf8());
    addField(hash, entry.action.toUtf8());
    addField(hash, entry.subject.toUtf8());
    addField(hash, canonicalDetails(entry.details));
    addField(hash, entry.previousHash);
    return hash.result().toHex();
}

QString AuditLog::currentActor() {
    for (const char* variable : {"USER", "LOGNAME", "USERNAME"}) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty())
            return name;
    }
#ifdef Q_OS_UNIX
    // Services and containers often run without a login environment; the
    // account database still knows who the process runs as.
    if (const passwd* account = getpwuid(geteuid()); account && account->pw_name)
        return QString::fromLocal8Bit(account->pw_name);
#endif
    return QStringLiteral("unknown");
}

QString AuditLog::actorOn(const Workspace& workspace) {
    return workspace.login().isEmpty() ? currentActor() : workspace.login();
}

Result<AuditEntry> AuditLog::append(const QString& action, const QString& subject,
                                    const QJsonObject& details) {
    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();

    auto last = queryFirstRow<std::pair<std::int64_t, QByteArray>>(
        db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
        [](const Statement& row) { return std::pair(row.int64(0) + 1, row.blob(1)); });
    if (!last)
        return last.error();
    AuditEntry entry;
    std::tie(entry.sequence, entry.previousHash) =
        last->value_or(std::pair(std::int64_t(1), QByteArray(kGenesisHash)));

    entry.at = toWholeSecondsUtc(clock_());
    entry.actor = actorOn(workspace_);
    entry.action = action;
    entry.subject = subject;
    entry.details = details;
    entry.hash = computeHash(entry);

    AICP_TRY(executeWith(
        db,
        "INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        entry.sequence, entry.at, entry.actor, entry.action, entry.subject,
        QString::fromUtf8(canonicalDetails(entry.details)), QString::fromLatin1(entry.previousHash),
        QString::fromLatin1(entry.hash)));
    // The chain cannot show its own last entry being dropped; the head kept
    // beside it can.
    AICP_TRY(workspace_.setMetaValue(QString::fromLatin1(kHeadKey), headValue(entry)));
    AICP_TRY(transaction->commit());
    return entry;
}

Result<std::vector<AuditEntry>> AuditLog::entries() const {
    return queryRows<AuditEntry>(workspace_.handle(), std::string(kSelectEntries) + " ORDER BY seq",
                                 &readEntry);
}

Result<AuditVerification> AuditLog::verify() const {
    auto all = entries();
    if (!all)
        return all.error();
    AuditVerification verification;
    QByteArray expectedPrevious = kGenesisHash;
    std::int64_t expectedSequence = 1;
    const auto fail = [&verification](std::int64_t sequence, QString reason) {
        verification.firstBadSequence = sequence;
        verification.reason = std::move(reason);
        return verification;
    };
    for (const AuditEntry& entry : *all) {
        if (entry.sequence != expectedSequence)
            return fail(entry.sequence,
                        QStringLiteral("entry %1 follows entry %2: entries were removed or "
                                       "reordered")
                            .arg(entry.sequence)
                            .arg(expectedSequence - 1));
        if (entry.previousHash != expectedPrevious)
            return fail(entry.sequence,
                        QStringLiteral("entry %1 does not continue the chain: the entry "
                                       "before it was changed, removed or reordered")
                            .arg(entry.sequence));
        if (computeHash(entry) != entry.hash)
            return fail(entry.sequence,
                        QStringLiteral("entry %1 (%2 of %3) was edited after it was recorded")
                            .arg(entry.sequence)
                            .arg(entry.action, entry.subject));
        expectedPrevious = entry.hash;
        ++expectedSequence;
        ++verification.entriesChecked;
    }
    auto head = workspace_.metaValue(QString::fromLatin1(kHeadKey));
    if (!head)
        return head.error();
    const QString expectedHead =
        verification.entriesChecked == 0
            ? QString()
            : QString::number(expectedSequence - 1) + u':' + QString::fromLatin1(expectedPrevious);
    if (head->value_or(QString()) != expectedHead) {
        const std::int64_t recorded = head->value_or(QString()).section(u':', 0, 0).toLongLong();
        return fail(expectedSequence,
                    QStringLiteral("the log ends at entry %1 but %2 entries were recorded: "
                                   "the last entries were removed or the head was altered")
                        .arg(expectedSequence - 1)
                        .arg(recorded));
    }
    return verification;
}

}  // namespace aicp

#pragma once

#include "common/result.h"
#include "common/wholeseconds.h"

#include <cstdint>
#include <optional>
#include <vector>

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace aicp {

class Workspace;

// One recorded event: who did what to which thing, and when.
struct AuditEntry {
    std::int64_t sequence = 0;  // 1, 2, 3… with no gaps
    QDateTime at;               // UTC, whole seconds
    QString actor;              // the operating-system user who acted
    QString action;             // "license.issue", "key.generate", …
    QString subject;            // what it acted on: a license id, a kid
    QJsonObject details;
    QByteArray previousHash;  // hex SHA-256 of the entry before (64 zeros for the first)
    QByteArray hash;          // hex SHA-256 over this entry's fields and previousHash
};

// The outcome of checking the chain from the first entry to the last.
struct AuditVerification {
    std::int64_t entriesChecked = 0;
    std::optional<std::int64_t> firstBadSequence;  // nullopt: the chain is intact
    QString reason;

    [[nodiscard]] bool isIntact() const { return !firstBadSequence.has_value(); }
};

// The workspace's tamper-evident trail of issues, revocations, key events and
// price-book changes. Entries are only appended; each holds the hash of the
// one before, so editing, removing or reordering any entry breaks the chain
// from that entry on, and verify() names the first one that no longer fits.
class AuditLog {
public:
    explicit AuditLog(Workspace& workspace, Clock clock = systemClock())
        : workspace_(workspace), clock_(std::move(clock)) {}

    // Appends inside the caller's transaction when there is one, so an event
    // is recorded if and only if the change it describes is saved.
    [[nodiscard]] Result<AuditEntry> append(const QString& action, const QString& subject,
                                            const QJsonObject& details = {});
    [[nodiscard]] Result<std::vector<AuditEntry>> entries() const;
    [[nodiscard]] Result<AuditVerification> verify() const;

    // The hash an entry must carry, from its fields and previousHash.
    [[nodiscard]] static QByteArray computeHash(const AuditEntry& entry);
    // Who is acting: the operating system's login name, or "unknown" when
    // the platform says none.
    [[nodiscard]] static QString currentActor();
    // Who is acting on `workspace`: its PostgreSQL login on a team
    // workspace (the name the server checks privileges for), else the
    // operating system's.
    [[nodiscard]] static QString actorOn(const Workspace& workspace);

private:
    Workspace& workspace_;
    Clock clock_;
};

}  // namespace aicp

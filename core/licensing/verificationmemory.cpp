#include "licensing/verificationmemory.h"

#include "common/wholeseconds.h"
#include "licensing/licensepayload.h"
#include "storage/transaction.h"
#include "storage/workspace.h"

namespace aicp {

namespace {

const QString kLatestTimeKey = QStringLiteral("verifier_latest_time_seen");
const QString kRevocationSequenceKey = QStringLiteral("verifier_revocation_sequence");
const QString kRevocationListKey = QStringLiteral("verifier_revocation_list");

// Reads what is remembered and raises it in one transaction, so two
// verifiers cannot both read the old value and the lower one win.
template <typename Change>
Status inOneTransaction(Workspace& workspace, Change&& change) {
    auto transaction = Transaction::begin(workspace.handle());
    if (!transaction)
        return transaction.error();
    AICP_TRY(change());
    return transaction->commit();
}

}  // namespace

Result<QDateTime> VerificationMemory::latestTimeSeen() const {
    auto stored = workspace_.metaValue(kLatestTimeKey);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return QDateTime();
    auto time = fromRfc3339(**stored);
    if (!time)
        return Error(Error::Code::Corrupt, time.error().message())
            .withContext(QStringLiteral("the latest time seen"));
    return time;
}

Status VerificationMemory::rememberTime(const QDateTime& now) {
    return inOneTransaction(workspace_, [&]() -> Status {
        auto latest = latestTimeSeen();
        if (!latest)
            return latest.error();
        if (latest->isValid() && now <= *latest)
            return {};
        return workspace_.setMetaValue(kLatestTimeKey, toRfc3339(toWholeSecondsUtc(now)));
    });
}

Result<std::int64_t> VerificationMemory::highestRevocationSequence() const {
    auto stored = workspace_.metaValue(kRevocationSequenceKey);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return std::int64_t{0};
    bool ok = false;
    const std::int64_t sequence = (*stored)->toLongLong(&ok);
    if (!ok || sequence < 0)
        return Error(
            Error::Code::Corrupt,
            QStringLiteral("the newest revocation list seen is recorded as '%1'").arg(**stored));
    return sequence;
}

Status VerificationMemory::rememberRevocationSequence(std::int64_t sequence) {
    return inOneTransaction(workspace_, [&]() -> Status {
        auto highest = highestRevocationSequence();
        if (!highest)
            return highest.error();
        if (sequence <= *highest)
            return {};
        return workspace_.setMetaValue(kRevocationSequenceKey, QString::number(sequence));
    });
}

Result<QByteArray> VerificationMemory::newestRevocationList() const {
    auto stored = workspace_.metaValue(kRevocationListKey);
    if (!stored)
        return stored.error();
    return stored->value_or(QString()).toLatin1();
}

Status VerificationMemory::rememberRevocationList(std::int64_t sequence, const QByteArray& token) {
    return inOneTransaction(workspace_, [&]() -> Status {
        auto highest = highestRevocationSequence();
        if (!highest)
            return highest.error();
        auto kept = newestRevocationList();
        if (!kept)
            return kept.error();
        if (sequence < *highest || (sequence == *highest && !kept->isEmpty()))
            return {};
        AICP_TRY(workspace_.setMetaValue(kRevocationSequenceKey, QString::number(sequence)));
        return workspace_.setMetaValue(kRevocationListKey, QString::fromLatin1(token));
    });
}

}  // namespace aicp

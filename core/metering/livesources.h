#pragma once

#include "common/result.h"
#include "metering/openmeterpuller.h"

#include <cstdint>
#include <optional>
#include <vector>

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace aicp {

class Workspace;

// What a live source is: an `aicp serve` whose events are pulled, or an
// OpenMeter-compatible meter query API whose hourly values are pulled.
enum class LiveSourceKind { Aicp, OpenMeter };

// One service the console pulls usage from.
struct LiveSource {
    std::int64_t id = 0;  // 0: not stored yet
    QString name;
    LiveSourceKind kind = LiveSourceKind::Aicp;
    // aicp: the service's base URL or its export endpoint; OpenMeter: the
    // API's root (or its /api/v1).
    QUrl url;
    // Bearer token, never logged: with the read role for aicp (required);
    // an OpenMeter API token, empty for an API without authentication.
    QByteArray token;
    OpenMeterMapping openMeter;  // OpenMeter only: which meter is which aggregate
    int intervalMinutes = 0;     // 0: pulled only on demand
    QDateTime createdAt;         // UTC
    QDateTime lastPullAt;        // UTC; invalid: never pulled
    std::optional<bool> lastOk;  // nullopt: never pulled
    QString lastResult;          // the last pull's outcome or error, in words

    // The token as shown: its prefix and last four characters.
    [[nodiscard]] static QString maskedToken(const QByteArray& token);
};

// The workspace's live sources: add, edit, remove, and the outcome of each
// source's last pull. Every write is one statement, so nothing is ever half
// stored. Scheduling and retries are the caller's; retryDelayMinutes() says
// how long to back off.
class LiveSources {
public:
    static constexpr int kMaxIntervalMinutes = 1440;
    static constexpr int kMaxRetryMinutes = 60;

    explicit LiveSources(Workspace& workspace) : workspace_(workspace) {}

    // Ordered by name.
    [[nodiscard]] Result<std::vector<LiveSource>> list() const;
    [[nodiscard]] Result<LiveSource> find(std::int64_t id) const;
    // Stores a new source (validated first); its id.
    [[nodiscard]] Result<std::int64_t> add(const LiveSource& source, const QDateTime& now);
    // Changes name, kind, URL, mapping, interval and, when `source.token` is
    // not empty, the token; the last pull's outcome is kept.
    [[nodiscard]] Status update(const LiveSource& source);
    [[nodiscard]] Status remove(std::int64_t id);
    [[nodiscard]] Status recordPull(std::int64_t id, const QDateTime& at, bool ok,
                                    const QString& result);

    // Why a source cannot be stored; `requireToken` false for an edit that
    // keeps the stored token. An OpenMeter source needs no token, but a
    // mapping that OpenMeterPuller::validate accepts.
    [[nodiscard]] static Status validate(const LiveSource& source, bool requireToken = true);

    // After `failures` failed pulls in a row (>= 1), minutes until the next
    // try: the interval (1 min for an on-demand source) doubled per failure,
    // at most kMaxRetryMinutes or the interval when that is longer.
    [[nodiscard]] static int retryDelayMinutes(int intervalMinutes, int failures);

    // Asks the source for one event without importing it: checks that the
    // service answers and accepts the token. The service's words on success
    // ("the service answered and accepted the token").
    [[nodiscard]] static Result<QString> testConnection(const QUrl& url, const QByteArray& token,
                                                        int timeoutMs = 10000);
    // As above for an aicp source; for an OpenMeter source, asks its requests
    // meter for the last complete hour: checks that the API answers, accepts
    // the token and knows the meter. `now` is the clock (tests set it).
    [[nodiscard]] static Result<QString> testConnection(
        const LiveSource& source, int timeoutMs = 10000,
        const QDateTime& now = QDateTime::currentDateTimeUtc());

private:
    [[nodiscard]] Status checkNameFree(const QString& name, std::int64_t exceptId) const;

    Workspace& workspace_;
};

}  // namespace aicp

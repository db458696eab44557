#pragma once

#include "common/result.h"

#include <cstdint>
#include <functional>
#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace aicp {

class Workspace;

// Which OpenMeter meters stand for which aggregate. A meter with a group key
// is asked with `groupBy=<key>`, and each group value is one name: a policy
// pack, a compliance module, a user or an agent. Empty meter: not pulled.
struct OpenMeterMapping {
    QString requestsMeter;  // required: requests per subject per hour
    QString packsMeter;
    QString packKey;
    QString modulesMeter;
    QString moduleKey;
    // Distinct group values with a value above 0 in a month are that month's
    // active users (seats) or agents; sums cannot give them otherwise.
    QString usersMeter;
    QString userKey;
    QString agentsMeter;
    QString agentKey;
};

struct OpenMeterPullOptions {
    // First hour asked (UTC); nullopt: the stored high-water mark less
    // `lookbackHours`, or for a source never pulled the first day of the
    // previous month.
    std::optional<QDateTime> from;
    // End of the last hour asked (exclusive); nullopt: the start of the
    // current hour, so only complete hours are pulled.
    std::optional<QDateTime> to;
    // Hours asked again below the high-water mark, for events the pipeline
    // delivers late; re-pulling them is harmless.
    int lookbackHours = 24;
    int hoursPerPage = 24;         // windows asked per request and committed together
    QStringList subjects;          // empty: every subject the meter has
    std::optional<QDateTime> now;  // the clock; nullopt: the system's (tests set it)
    int timeoutMs = 30000;         // per request
    // Called after each committed page with the hours pulled so far and in all.
    std::function<void(std::int64_t done, std::int64_t total)> progress;
};

// What one pull did, summed over its pages. A window is one (meter role,
// subject, hour, group value) value; new + changed + unchanged = windows.
struct OpenMeterPullReport {
    QUrl source;  // the API base URL as stored
    QDateTime from;
    QDateTime to;
    std::int64_t pages = 0;
    std::int64_t requestsSent = 0;
    std::int64_t windows = 0;
    std::int64_t newWindows = 0;
    std::int64_t changedWindows = 0;  // includes windows the source no longer reports (now 0)
    std::int64_t unchangedWindows = 0;
    std::int64_t lateWindows = 0;   // request windows raised in an invoiced month
    std::int64_t lateRequests = 0;  // what they added, charged as late usage
    // Windows lowered in an invoiced month: the issued invoice stands, so the
    // aggregates keep the higher value (a credit note corrects a bill).
    std::int64_t heldWindows = 0;
    std::int64_t requestsDelta = 0;  // net change of the requests aggregates
    QDateTime pulledUntil;           // the stored high-water mark after the pull
};

// Pulls hourly aggregates from an OpenMeter-compatible meter query API
// (GET <base>/api/v1/meters/{meter}/query?from=&to=&windowSize=HOUR&subject=&
// groupBy=) into the same hourly and monthly aggregates imports keep, so
// bills, charts and recommendations read them unchanged. What each window
// contributed is stored (openmeter_windows), and a pull applies only the
// difference to it: re-pulling a range changes nothing, and a window the
// source revised is corrected. A value raised in an invoiced month counts as
// late usage; one lowered there is held. Each page (all meters for a range
// of hours) is checked whole before anything is written, then applied with
// the high-water mark in one transaction: an interrupted pull resumes, and a
// refused answer writes nothing of its page. Needs a QCoreApplication.
class OpenMeterPuller {
public:
    static constexpr int kMaxHoursPerPage = 744;  // a 31-day month

    explicit OpenMeterPuller(Workspace& workspace) : workspace_(workspace) {}

    // `base` is the API's root (https://openmeter.example, or …/api/v1);
    // `token` a bearer token, empty for an API without authentication.
    [[nodiscard]] Result<OpenMeterPullReport> pull(const QUrl& base, const QByteArray& token,
                                                   const OpenMeterMapping& mapping,
                                                   const OpenMeterPullOptions& options = {});

    // The base URL a source is stored under; an error for a URL that is not
    // http(s).
    [[nodiscard]] static Result<QUrl> baseFor(const QUrl& url);
    // Why a mapping cannot be pulled (a missing requests meter, a meter
    // without its key, a malformed name).
    [[nodiscard]] static Status validate(const OpenMeterMapping& mapping);

    // The end of the last hour pulled from `base`; invalid when never pulled.
    [[nodiscard]] Result<QDateTime> pulledUntil(const QUrl& base) const;

private:
    Workspace& workspace_;
};

}  // namespace aicp

#pragma once

#include "common/result.h"

#include <cstdint>
#include <functional>
#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace aicp {

class Workspace;

struct UsagePullOptions {
    int pageSize = 1000;  // events asked for per page (the service caps it)
    // Stop after this many pages even if more are waiting; nullopt: until
    // the source has nothing new.
    std::optional<int> maxPages;
    int timeoutMs = 30000;  // per page request
    // Called after each committed page with the totals so far.
    std::function<void(std::int64_t pages, std::int64_t events)> progress;
};

// What one pull did, summed over its pages.
struct UsagePullReport {
    QUrl source;  // the export endpoint asked
    std::int64_t pages = 0;
    std::int64_t received = 0;
    std::int64_t newEvents = 0;
    std::int64_t duplicates = 0;
    std::int64_t late = 0;
    bool complete = false;  // the source had nothing more (false: stopped at maxPages)
    QString cursor;         // where the next pull starts
};

// Pulls new usage events from an `aicp serve` (GET /api/pricing/usage/events)
// into a workspace, page by page from the cursor stored for that source.
// Each page is imported, and the cursor moved past it, in one transaction:
// a pull interrupted at any point resumes where the last committed page
// ended, and (source, id) deduplication makes a repeated page harmless.
// Runs a local event loop per request; needs a QCoreApplication.
class UsagePuller {
public:
    explicit UsagePuller(Workspace& workspace) : workspace_(workspace) {}

    // `source` is the service's base URL (http://host:port) or the export
    // endpoint itself; `token` a bearer token with the read role.
    [[nodiscard]] Result<UsagePullReport> pull(const QUrl& source, const QByteArray& token,
                                               const UsagePullOptions& options = {});

    // The export endpoint a source URL stands for; an error for a URL that
    // is not http(s).
    [[nodiscard]] static Result<QUrl> endpointFor(const QUrl& source);

    // Larger answers are refused: a page of 1,000 events, or a month of
    // hourly windows for many customers, is a few MiB at most.
    static constexpr qint64 kMaxAnswerBytes = 64LL * 1024 * 1024;

    // What a service answered to one authorised GET, waited for with a local
    // event loop; an Io error when it could not be reached at all, a Corrupt
    // one when the answer is over kMaxAnswerBytes.
    struct Answer {
        int status = 0;
        QByteArray body;
        QString errorString;  // Qt's words for a non-2xx status

        // The words of the body of an answer that is a problem: OpenMeter's
        // (RFC 7807 detail or title) or an aicp service's (error.message);
        // empty when it has none.
        [[nodiscard]] QString problem() const;
        // The error for an answer that is not 2xx, "<where> answered 503:
        // <problem()>": a refused token is invalid input, 404 not found.
        [[nodiscard]] Error refusal(const QString& where) const;
        // The body as a JSON object, read by StrictJson; a Corrupt error
        // naming `where` and the line and column of the first problem.
        [[nodiscard]] Result<QJsonObject> object(const QString& where) const;
    };
    [[nodiscard]] static Result<Answer> get(const QUrl& url, const QByteArray& token,
                                            int timeoutMs);

    // The cursor stored for an endpoint; empty when it was never pulled.
    [[nodiscard]] Result<QString> storedCursor(const QUrl& endpoint) const;

private:
    Workspace& workspace_;
};

}  // namespace aicp

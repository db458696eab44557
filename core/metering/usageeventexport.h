#pragma once

#include "common/result.h"

#include <cstdint>

#include <QJsonArray>
#include <QString>

namespace aicp {

class Workspace;

// Where an export stands: after the event (source, id) of import `importId`.
// Imports commit one after another with increasing ids, so walking events
// by (import, source, id) never skips or repeats one while others are being
// imported. Sent over the wire as an opaque base64url text; the default
// cursor is the start.
struct UsageExportCursor {
    std::int64_t importId = 0;
    QString source;
    QString eventId;

    [[nodiscard]] bool isStart() const { return importId == 0; }
    [[nodiscard]] QString encode() const;  // empty for the start
    // Empty text is the start; anything not made by encode() is refused.
    [[nodiscard]] static Result<UsageExportCursor> decode(const QString& text);
};

// One page of the incremental export: the events as CloudEvents 1.0 objects
// (the JSON Lines import format), the cursor to ask for the next page with
// (the one given when the page is empty) and whether more were waiting.
struct UsageEventPage {
    QJsonArray events;
    UsageExportCursor next;
    bool hasMore = false;
};

// Reads the workspace's usage events in export order, a page at a time.
class UsageEventExport {
public:
    static constexpr int kDefaultLimit = 1000;
    static constexpr int kMaxLimit = 10000;

    explicit UsageEventExport(Workspace& workspace) : workspace_(workspace) {}

    // Creates the index the export walks (usage_events_by_import) when the
    // workspace lacks it: once, at a service's start, as it takes a while on
    // a large workspace. Kept afterwards; every later import maintains it.
    [[nodiscard]] static Status prepare(Workspace& workspace);

    // `limit` from 1 to kMaxLimit. Correct without prepare(), but each page
    // then scans every event.
    [[nodiscard]] Result<UsageEventPage> page(const UsageExportCursor& after, int limit) const;

private:
    Workspace& workspace_;
};

}  // namespace aicp

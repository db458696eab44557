#pragma once

#include "common/result.h"

#include <cstdint>

#include <QJsonArray>
#include <QString>

namespace aicp {

class Workspace;

// Where an export stands: after the event at `position` (usage_events.id).
// Imports commit one after another and take ids above every committed one,
// so walking events by id never skips or repeats one while others are being
// imported. Sent over the wire as an opaque base64url text; the default
// cursor is the start.
struct UsageExportCursor {
    std::int64_t position = 0;
    // A cursor given out before workspace schema 9 names its last event by
    // (import, source, id) instead; page() finds that event's position (the
    // upgrade kept the old order).
    std::int64_t legacyImportId = 0;
    QString legacySource;
    QString legacyEventId;

    [[nodiscard]] static UsageExportCursor at(std::int64_t position) {
        UsageExportCursor cursor;
        cursor.position = position;
        return cursor;
    }
    [[nodiscard]] bool isStart() const { return position == 0 && legacyImportId == 0; }
    [[nodiscard]] QString encode() const;  // empty for the start
    // Empty text is the start; anything not made by encode() (of this aicp
    // or an older one) is refused.
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

    // `limit` from 1 to kMaxLimit.
    [[nodiscard]] Result<UsageEventPage> page(const UsageExportCursor& after, int limit) const;

private:
    [[nodiscard]] Result<std::int64_t> positionOf(const UsageExportCursor& cursor) const;

    Workspace& workspace_;
};

}  // namespace aicp

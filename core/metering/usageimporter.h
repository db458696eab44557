#pragma once

#include "common/result.h"
#include "metering/usageeventbatch.h"

#include <cstdint>
#include <functional>
#include <stop_token>
#include <vector>

#include <QDateTime>
#include <QString>

class QIODevice;

namespace aicp {

class Workspace;

enum class UsageFormat {
    Detect,  // by the file's extension, else by its first character ('{' is JSON Lines)
    Csv,
    Jsonl,
};

// How far an import has come; `totalBytes` is -1 when the size is unknown.
struct UsageImportProgress {
    // Reading the file; or, for a big import that set the key index aside
    // (DeferredKeyIndex), building it again once every row is read: a
    // moment with no rows to count (about half a second a million events).
    enum class Stage { Reading, BuildingIndex };

    std::int64_t rows = 0;
    std::int64_t bytes = 0;
    std::int64_t totalBytes = -1;
    Stage stage = Stage::Reading;
};

struct UsageImportOptions {
    UsageFormat format = UsageFormat::Detect;
    // false: the first bad row refuses the whole file and nothing is written.
    // true: good rows are imported and bad rows go to the reject file.
    bool skipBad = false;
    // Where skipBad writes the rows it refuses; empty: beside the file, as
    // "<file>.rejects". Written only when a row is refused, and only once the
    // import commits. Each refused row is preceded by a "# file:line:column:
    // reason" comment; for CSV the header comes first, so the file imports
    // again once fixed and stripped of the comments.
    QString rejectFile;
    // Called every few thousand rows from the thread that reads the file (an
    // import reads on a thread of its own while it writes), and from the
    // importing thread while the key index is built again (Stage::
    // BuildingIndex, every tenth of a second) and at the end; never two calls
    // at once.
    std::function<void(const UsageImportProgress&)> progress;
    // A stop request ends the import with Error::Code::Cancelled and nothing
    // written.
    std::stop_token stop;
    // Events held and stored together: more makes fewer passes over the key
    // index and takes more memory (about 400 bytes an event). An import of
    // at least four batches, in random key order, sets the key index aside
    // (DeferredKeyIndex); tests make batches small to reach that cheaply.
    std::size_t batchEvents = UsageEventBatch::kDefaultCapacity;
};

// A refused row, for showing; the reject file has them all.
struct UsageRejection {
    std::int64_t line = 0;
    std::int32_t column = 0;  // CSV: field number; JSON Lines: character column; 0: whole row
    QString reason;
};

// What one committed import did. new + duplicate + rejected = rows.
struct UsageImportReport {
    std::int64_t importId = 0;
    QString fileName;
    UsageFormat format = UsageFormat::Csv;
    QString sha256;  // of the whole file, lowercase hex
    std::int64_t bytes = 0;
    QDateTime startedAt;   // UTC
    QDateTime finishedAt;  // UTC
    std::int64_t rows = 0;
    std::int64_t newEvents = 0;
    std::int64_t duplicates = 0;  // already in the workspace, or earlier in the same file
    std::int64_t rejected = 0;
    std::int64_t late = 0;  // new events in a closed period (see ClosedPeriods)
    QString rejectFile;     // empty when no row was refused
    std::vector<UsageRejection> firstRejections;  // at most kShownRejections
};

// Imports usage events from CSV or JSON Lines files into a workspace: each
// file in one transaction that stores the new events, skips the ones already
// there (same source and id), updates the hourly and monthly aggregates and
// records the import. A failure, a cancel or a killed process leaves the
// workspace as it was. Errors name the file, line and column
// ("events.csv:12:2: timestamp '2026-13-01T00:00:00Z' is not a valid date").
class UsageImporter {
public:
    static constexpr std::size_t kShownRejections = 20;

    explicit UsageImporter(Workspace& workspace) : workspace_(workspace) {}

    [[nodiscard]] Result<UsageImportReport> importFile(const QString& path,
                                                       const UsageImportOptions& options = {});
    // `name` stands for the file in messages and in the import record; a
    // rejectFile must be given for skipBad.
    [[nodiscard]] Result<UsageImportReport> importDevice(QIODevice& device, const QString& name,
                                                         const UsageImportOptions& options = {});

    // "csv" or "jsonl", as stored and as the CLI's --format takes it.
    [[nodiscard]] static QString formatName(UsageFormat format);

private:
    Workspace& workspace_;
};

}  // namespace aicp

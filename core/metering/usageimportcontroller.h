#pragma once

#include "common/error.h"
#include "metering/usageimporter.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <vector>

#include <QElapsedTimer>
#include <QString>
#include <QStringList>

namespace aicp {

class Workspace;

// One import of several usage files, the same for the console and the
// command line: the files one after the other, each in its own transaction;
// progress that another thread may read while it runs; a cancel that keeps
// nothing of the file being read and skips the rest; and the outcome in the
// words both show. run() goes on the worker thread, the rest anywhere.
class UsageImportController {
public:
    // Where the import stands, for a progress bar and "12,000 rows · 80 MB/s".
    struct Progress {
        int file = 0;  // index of the file being read
        int files = 0;
        QString path;  // of the file being read
        std::int64_t rows = 0;
        std::int64_t bytes = 0;       // read so far, over every file
        std::int64_t totalBytes = 0;  // of every file
        double megabytesPerSecond = 0;
        bool buildingIndex = false;  // every row read, the key index being built again
        [[nodiscard]] int permille() const;
    };
    struct FileOutcome {
        QString path;
        std::optional<UsageImportReport> report;
        std::optional<Error> error;  // Cancelled for a file not (fully) read
    };
    // Every file's line ("march.csv: 3,000 events imported …"), whether any
    // file was refused (a cancel is not a refusal), whether any committed
    // new events and whether every file was imported.
    struct Outcome {
        std::vector<FileOutcome> files;
        QString text;
        bool refused = false;
        bool committed = false;
        bool ok = false;
    };

    // What a caller that prints as it goes (the command line) hears of each
    // file: a file about to be read and its outcome once committed, refused
    // or cancelled, on the thread that runs run(); its progress from the
    // thread the importer reads the file on. Never two calls at once.
    struct FileEvents {
        std::function<void(const QString& path)> started;
        std::function<void(const UsageImportProgress& progress)> progress;
        std::function<void(const FileOutcome& outcome)> finished;
    };

    // `options` apply to every file (format, skipBad; rejectFile as
    // rejectFileFor names it); its stop and progress are the controller's own.
    UsageImportController(QStringList paths, UsageImportOptions options);

    // Imports every file into `workspace`; call once.
    [[nodiscard]] Outcome run(Workspace& workspace, const FileEvents& events = {});
    void cancel() { stop_.request_stop(); }
    [[nodiscard]] bool isCancelled() const { return stop_.stop_requested(); }
    [[nodiscard]] Progress progress() const;
    [[nodiscard]] const QStringList& paths() const { return paths_; }

    // Where file `index` of `count` writes the rows it refuses, given the
    // one reject file asked for: that file for a single file, "<given>.1",
    // "<given>.2", … in the order given for several (so none overwrites
    // another); empty (beside each file, "<file>.rejects") when none is.
    [[nodiscard]] static QString rejectFileFor(const QString& given, qsizetype index,
                                               qsizetype count);

    // The words for outcomes, as the console shows them.
    [[nodiscard]] static Outcome summarize(std::vector<FileOutcome> files);

private:
    QStringList paths_;
    UsageImportOptions options_;
    std::stop_source stop_;
    std::int64_t totalBytes_ = 0;
    QElapsedTimer clock_;
    std::atomic<std::int64_t> rows_{0};
    std::atomic<std::int64_t> bytes_{0};      // of the file being imported
    std::atomic<std::int64_t> doneBytes_{0};  // of the files before it
    std::atomic<int> file_{0};
    std::atomic<bool> buildingIndex_{false};
};

}  // namespace aicp

#include "metering/usageimportcontroller.h"

#include "metering/importwording.h"

#include <algorithm>

#include <QFileInfo>

namespace aicp {
namespace {

std::int64_t fileSize(const QString& path) {
    return std::max<qint64>(0, QFileInfo(path).size());
}

}  // namespace

int UsageImportController::Progress::permille() const {
    if (totalBytes <= 0)
        return 0;
    return int(std::min<std::int64_t>(1000, bytes * 1000 / totalBytes));
}

UsageImportController::UsageImportController(QStringList paths, UsageImportOptions options)
    : paths_(std::move(paths)), options_(std::move(options)) {
    for (const QString& path : paths_)
        totalBytes_ += fileSize(path);
    clock_.start();
}

UsageImportController::Outcome UsageImportController::run(Workspace& workspace,
                                                          const FileEvents& events) {
    UsageImportOptions options = options_;
    options.stop = stop_.get_token();
    options.progress = [this, &events](const UsageImportProgress& progress) {
        rows_.store(progress.rows, std::memory_order_relaxed);
        bytes_.store(progress.bytes, std::memory_order_relaxed);
        buildingIndex_.store(progress.stage == UsageImportProgress::Stage::BuildingIndex,
                             std::memory_order_relaxed);
        if (events.progress)
            events.progress(progress);
    };
    std::vector<FileOutcome> outcomes;
    UsageImporter importer(workspace);
    for (int i = 0; i < paths_.size(); ++i) {
        file_.store(i);
        rows_.store(0);
        bytes_.store(0);
        buildingIndex_.store(false);
        FileOutcome outcome{paths_[i], std::nullopt, std::nullopt};
        options.rejectFile = rejectFileFor(options_.rejectFile, i, paths_.size());
        if (stop_.stop_requested()) {
            outcome.error = Error(Error::Code::Cancelled, QString());
        } else {
            if (events.started)
                events.started(paths_[i]);
            if (auto report = importer.importFile(paths_[i], options))
                outcome.report = std::move(report).value();
            else
                outcome.error = report.error();
        }
        doneBytes_.fetch_add(fileSize(paths_[i]));
        if (events.finished)
            events.finished(outcome);
        outcomes.push_back(std::move(outcome));
    }
    return summarize(std::move(outcomes));
}

QString UsageImportController::rejectFileFor(const QString& given, qsizetype index,
                                             qsizetype count) {
    if (given.isEmpty() || count == 1)
        return given;
    return QStringLiteral("%1.%2").arg(given).arg(index + 1);
}

UsageImportController::Progress UsageImportController::progress() const {
    Progress progress;
    progress.files = int(paths_.size());
    progress.file = std::min<int>(file_.load(), progress.files - 1);
    progress.path = paths_.value(progress.file);
    progress.rows = rows_.load();
    progress.bytes = doneBytes_.load() + bytes_.load();
    progress.totalBytes = totalBytes_;
    progress.buildingIndex = buildingIndex_.load();
    const double seconds = double(std::max<qint64>(1, clock_.elapsed())) / 1000.0;
    progress.megabytesPerSecond = double(progress.bytes) / 1e6 / seconds;
    return progress;
}

UsageImportController::Outcome UsageImportController::summarize(std::vector<FileOutcome> files) {
    Outcome outcome;
    QStringList lines;
    outcome.ok = !files.empty();
    for (const FileOutcome& file : files) {
        if (file.report) {
            outcome.committed = outcome.committed || file.report->newEvents > 0;
            lines.append(QStringLiteral("%1: %2").arg(QFileInfo(file.path).fileName(),
                                                      describeImport(*file.report)));
        } else if (file.error) {
            outcome.ok = false;
            outcome.refused = outcome.refused || file.error->code() != Error::Code::Cancelled;
            lines.append(describeRefusal(file.path, *file.error));
        }
    }
    outcome.ok = outcome.ok && !outcome.refused;
    outcome.text = lines.join(QLatin1Char('\n'));
    outcome.files = std::move(files);
    return outcome;
}

}  // namespace aicp

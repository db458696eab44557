#include "metering/usageimporter.h"

#include "common/utctime.h"
#include "metering/batchchannel.h"
#include "metering/chunkedinput.h"
#include "metering/csveventreader.h"
#include "metering/deferredkeyindex.h"
#include "metering/jsonleventreader.h"
#include "metering/usageaggregator.h"
#include "metering/usageeventbatch.h"
#include "metering/usageeventvalidator.h"
#include "metering/yearmonth.h"
#include "storage/bulkevents.h"
#include "storage/query.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "storage/workspace.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace aicp {

namespace {

// Progress, cancellation and the aggregate memory check happen this often:
// rarely enough to cost nothing, often enough for a smooth progress bar.
constexpr std::int64_t kCheckEveryRows = 8192;
// And this often, in milliseconds, while the key index is built again.
constexpr qint64 kBuildReportMs = 100;

// A bigger page cache for the import only: the new events' B-tree pages and
// the aggregates stay in memory instead of spilling to the WAL mid-way.
// Restored afterwards so an idle workspace keeps SQLite's small default.
constexpr int kImportCacheKiB = 64 * 1024;

// The skip-bad reject file, written through QSaveFile so it appears whole,
// and only when the import commits.
class RejectFile {
public:
    RejectFile(const QString& path, QString inputName, std::string_view preamble)
        : file_(path), inputName_(std::move(inputName)), preamble_(preamble) {}

    Status add(std::string_view record, const RowIssue& issue) {
        if (!file_.isOpen()) {
            if (!file_.open(QIODevice::WriteOnly))
                return cannotWrite();
            used_ = true;
            file_.write(preamble_.data(), qint64(preamble_.size()));
        }
        QByteArray comment =
            QStringLiteral("# %1:%2%3: %4\n")
                .arg(inputName_)
                .arg(issue.line)
                .arg(issue.column > 0 ? QStringLiteral(":%1").arg(issue.column) : QString())
                .arg(issue.reason)
                .toUtf8();
        file_.write(comment);
        file_.write(record.data(), qint64(record.size()));
        if (file_.write("\n", 1) != 1)
            return cannotWrite();
        return {};
    }
    [[nodiscard]] bool used() const { return used_; }
    Status commit() {
        if (file_.isOpen() && !file_.commit())
            return cannotWrite();
        return {};
    }

private:
    Error cannotWrite() const {
        return {Error::Code::Io,
                QStringLiteral("cannot write the reject file '%1' (%2)")
                    .arg(QDir::toNativeSeparators(file_.fileName()), file_.errorString())};
    }

    QSaveFile file_;
    QString inputName_;
    std::string preamble_;
    bool used_ = false;
};

// The (customer, month) pairs closed for billing, read once per import.
class ClosedMonths {
public:
    Status load(Database* db) {
        auto query = Statement::prepare(db, "SELECT customer_id, month FROM closed_periods");
        if (!query)
            return query.error();
        while (true) {
            auto row = query->step();
            if (!row)
                return row.error();
            if (!*row)
                return {};
            const auto month = YearMonth::parse(query->text(1));
            if (month)
                keys_.insert(key(query->text(0).toStdString(), month->index()));
        }
    }
    [[nodiscard]] bool contains(std::string_view customer, std::int64_t seconds) {
        if (keys_.empty())
            return false;
        return keys_.count(key(customer, utc::monthIndexOf(seconds))) != 0;
    }

private:
    const std::string& key(std::string_view customer, std::int64_t monthIndex) {
        scratch_.assign(customer);
        scratch_.push_back('/');
        scratch_.append(std::to_string(monthIndex));
        return scratch_;
    }

    std::unordered_set<std::string> keys_;
    std::string scratch_;
};

UsageFormat detectFormat(const QString& name, std::string_view head) {
    const QString suffix = QFileInfo(name).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return UsageFormat::Csv;
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson") ||
        suffix == QLatin1String("json"))
        return UsageFormat::Jsonl;
    if (head.substr(0, 3) == "\xEF\xBB\xBF")
        head.remove_prefix(3);
    const std::size_t first = head.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && head[first] == '{' ? UsageFormat::Jsonl
                                                                 : UsageFormat::Csv;
}

QString located(const QString& name, const RowIssue& issue) {
    if (issue.column > 0)
        return QStringLiteral("%1:%2:%3: %4")
            .arg(name)
            .arg(issue.line)
            .arg(issue.column)
            .arg(issue.reason);
    return QStringLiteral("%1:%2: %3").arg(name).arg(issue.line).arg(issue.reason);
}

// One import from start to commit; its members live exactly as long as the
// transaction.
class ImportRun {
public:
    ImportRun(Database* db, QIODevice& device, QString name, const UsageImportOptions& options)
        : db_(db), device_(device), name_(std::move(name)), options_(options), input_(device) {}

    Result<UsageImportReport> run() {
        report_.fileName = name_;
        report_.startedAt = QDateTime::currentDateTimeUtc();
        totalBytes_ = device_.isSequential() ? -1 : device_.size();
        auto reader = openReader();
        if (!reader)
            return reader.error();
        std::unique_ptr<RejectFile> rejects;
        if (options_.skipBad) {
            if (options_.rejectFile.isEmpty())
                return Error::internal(QStringLiteral("skip-bad import without a reject file"));
            rejects =
                std::make_unique<RejectFile>(options_.rejectFile, name_, (*reader)->preamble());
        }

        const std::shared_ptr<void> cache = db_->enlargeCache(kImportCacheKiB);
        auto transaction = Transaction::begin(db_);
        if (!transaction)
            return transaction.error();
        AICP_TRY(recordStart());
        // One batch is read while one is stored and the one before is
        // aggregated.
        std::vector<UsageEventBatch> batches;
        std::vector<UsageEventBatch*> batchList;
        batches.reserve(3);
        for (int i = 0; i < 3; ++i) {
            auto batch = UsageEventBatch::create(db_, report_.importId, options_.batchEvents);
            if (!batch)
                return batch.error();
            batches.push_back(std::move(batch).value());
            batchList.push_back(&batches.back());
        }
        auto aggregator = UsageAggregator::create(db_);
        if (!aggregator)
            return aggregator.error();
        ClosedMonths closed;
        AICP_TRY(closed.load(db_));
        AICP_TRY(readAll(**reader, batchList, *aggregator, closed, rejects.get()));
        AICP_TRY(finish(rejects.get()));
        AICP_TRY(transaction->commit());
        if (options_.progress)
            options_.progress({report_.rows, report_.bytes, totalBytes_});
        return report_;
    }

    // The reader for the file's format (detected from its name and first bytes
    // unless given), started past any header.
    Result<std::unique_ptr<UsageEventReader>> openReader() {
        auto head = input_.fill();
        if (!head)
            return fileError(head.error());
        report_.format = options_.format == UsageFormat::Detect
                             ? detectFormat(name_, input_.window())
                             : options_.format;
        std::unique_ptr<UsageEventReader> reader;
        if (report_.format == UsageFormat::Csv)
            reader = std::make_unique<CsvEventReader>(input_);
        else
            reader = std::make_unique<JsonlEventReader>(input_);
        if (const Status started = reader->start(); !started.ok())
            return fileError(started.error());
        return reader;
    }

    // Every row: read and validated on a thread of its own, then held in a
    // batch, which this thread stores once (or counts as a duplicate) while
    // a third thread adds the batch before to the aggregates and the next is
    // read; a bad row stops the import unless there is a reject file. The
    // aggregates are written on this thread (the database's), whenever they
    // outgrow their memory budget and at the end.
    Status readAll(UsageEventReader& reader, const std::vector<UsageEventBatch*>& batches,
                   UsageAggregator& aggregator, ClosedMonths& closed, RejectFile* rejects) {
        BatchChannel<UsageEventBatch> toWrite;
        // Room for every batch: handing one on never waits.
        BatchChannel<UsageEventBatch> toAggregate(batches.size());
        BatchChannel<UsageEventBatch> toFill(batches.size());
        for (std::size_t i = 1; i < batches.size(); ++i)
            toFill.push(batches[i]);
        Status read;
        std::thread reading([&] {
            read = readBatches(reader, batches[0], toWrite, toFill, closed, rejects);
            // Nothing more to fill: the batches aggregated from now on are
            // not handed back.
            toFill.abort();
            if (read.ok())
                toWrite.finish();
            else
                toWrite.abort();
        });
        // Held by the aggregating thread while it adds a batch, and by this
        // one while it writes the sums.
        std::mutex sums;
        std::atomic<bool> flushDue = false;
        std::thread aggregating([&] {
            while (UsageEventBatch* batch = toAggregate.pop()) {
                {
                    const std::lock_guard lock(sums);
                    batch->report([&aggregator](const UsageEventRecord& event, bool late) {
                        aggregator.add(event, late);
                    });
                    flushDue = aggregator.shouldFlush();
                }
                static_cast<void>(toFill.push(batch));  // false once reading is over
            }
        });
        std::unique_ptr<DeferredKeyIndex> deferred;
        const Status written =
            writeBatches(toWrite, toAggregate, aggregator, sums, flushDue, deferred);
        if (written.ok()) {
            toAggregate.finish();
        } else {
            toWrite.abort();
            toFill.abort();
            toAggregate.abort();
        }
        reading.join();
        aggregating.join();
        AICP_TRY(written);
        AICP_TRY(read);
        if (deferred) {
            // The sort that builds the index again wants the memory.
            for (UsageEventBatch* idle : batches)
                idle->release();
            AICP_TRY(storeHeld(*deferred, *batches[0], aggregator));
        }
        return aggregator.flush();
    }

    // The writing side of readAll: stores each batch and hands it on to be
    // aggregated, writing the sums when they are due. After the first
    // batch, a big import may set the key index aside (`deferred`).
    Status writeBatches(BatchChannel<UsageEventBatch>& toWrite,
                        BatchChannel<UsageEventBatch>& toAggregate, UsageAggregator& aggregator,
                        std::mutex& sums, std::atomic<bool>& flushDue,
                        std::unique_ptr<DeferredKeyIndex>& deferred) {
        bool first = true;
        while (UsageEventBatch* batch = toWrite.pop()) {
            AICP_TRY(store(*batch, deferred.get()));
            if (first) {
                first = false;
                auto set = deferIndexAfter(*batch);
                if (!set)
                    return set.error();
                deferred = std::move(set).value();
            }
            toAggregate.push(batch);
            if (flushDue) {
                const std::lock_guard lock(sums);
                flushDue = false;
                AICP_TRY(aggregator.flush());
            }
        }
        return {};
    }

    // Whether the rest of the import goes in with the key index set aside
    // (DeferredKeyIndex), decided once the first batch is stored: when the
    // import is big (several batches, from the file's size), its keys come
    // in random order, the first batch was mostly new (not a re-import) and
    // the workspace holds at most twice as many events already, so that
    // building the whole index again costs less than inserting each key.
    Result<std::unique_ptr<DeferredKeyIndex>> deferIndexAfter(const UsageEventBatch& first) {
        const auto batch = std::int64_t(options_.batchEvents);
        const bool big = first.full() && expectedRows_ >= 4 * batch;
        const bool mostlyNew = report_.duplicates * 10 <= report_.newEvents;
        if (loadsEventsInBulk(db_) || !big || !mostlyNew || first.keysAscending())
            return std::unique_ptr<DeferredKeyIndex>();
        auto stored = queryInt64Or(db_, "SELECT max(id) FROM usage_events", 0);
        if (!stored)
            return stored.error();
        if (*stored > 2 * expectedRows_)
            return std::unique_ptr<DeferredKeyIndex>();
        return DeferredKeyIndex::start(db_, std::size_t(*stored + expectedRows_ * 5 / 4));
    }

    // The events a DeferredKeyIndex held, once the index is back: looked up
    // and stored in file order, through `batch` as a small import would.
    Status storeHeld(DeferredKeyIndex& deferred, UsageEventBatch& batch,
                     UsageAggregator& aggregator) {
        AICP_TRY(checkpoint());
        // The stage is told at once and then every kBuildReportMs, so that a
        // caller that learns of a cancel in its progress callback (the
        // command line's Ctrl-C) can still stop the build.
        const UsageImportProgress building{report_.rows, input_.position(), totalBytes_,
                                           UsageImportProgress::Stage::BuildingIndex};
        if (options_.progress)
            options_.progress(building);
        QElapsedTimer sinceReport;
        sinceReport.start();
        const Status built = deferred.finishIndex([&] {
            if (options_.progress && sinceReport.elapsed() >= kBuildReportMs) {
                options_.progress(building);
                sinceReport.start();
            }
            return !options_.stop.stop_requested();
        });
        if (!built) {
            AICP_TRY(checkpoint());  // a cancel that stopped the build reads as one
            return built;
        }
        const auto storeBatch = [&]() -> Status {
            AICP_TRY(store(batch));
            batch.report([&aggregator](const UsageEventRecord& event, bool late) {
                aggregator.add(event, late);
            });
            return {};
        };
        AICP_TRY(deferred.takeHeld([&](const UsageEventRecord& event, bool late) -> Status {
            batch.add(event, late);
            return batch.full() ? storeBatch() : Status();
        }));
        return storeBatch();
    }

    // The reading side of readAll: fills `batch`, hands it over when full
    // and goes on with the one handed back.
    Status readBatches(UsageEventReader& reader, UsageEventBatch* batch,
                       BatchChannel<UsageEventBatch>& toWrite,
                       BatchChannel<UsageEventBatch>& toFill, ClosedMonths& closed,
                       RejectFile* rejects) {
        UsageEventValidator validator(report_.format == UsageFormat::Csv
                                          ? UsageEventValidator::Naming::Csv
                                          : UsageEventValidator::Naming::CloudEvents);
        // The writing side failed and says why; this side only stops.
        const Error stopped = Error::internal(QStringLiteral("the import stopped"));
        RawUsageEvent raw;
        UsageEventRecord event;
        RowIssue issue;
        while (true) {
            auto next = reader.next(raw, issue);
            if (!next)
                return fileError(next.error());
            if (*next == UsageEventReader::Next::End)
                break;
            ++report_.rows;
            const bool good =
                *next == UsageEventReader::Next::Event && validator.validate(raw, event, issue);
            if (!good) {
                AICP_TRY(reject(raw, issue, rejects));
            } else {
                batch->add(event, closed.contains(event.customer, event.occurredAt));
                if (batch->full()) {
                    if (expectedRows_ < 0)
                        expectedRows_ = expectedRows();
                    batch->sort();
                    if (!toWrite.push(batch) || (batch = toFill.pop()) == nullptr)
                        return stopped;
                }
            }
            if (report_.rows % kCheckEveryRows == 0)
                AICP_TRY(checkpoint());
        }
        batch->sort();
        if (!batch->empty() && !toWrite.push(batch))
            return stopped;
        return checkpoint();
    }

    Status reject(const RawUsageEvent& raw, const RowIssue& issue, RejectFile* rejects) {
        if (!rejects)
            return Error::invalidInput(located(name_, issue));
        AICP_TRY(rejects->add(raw.record, issue));
        ++report_.rejected;
        if (report_.firstRejections.size() < UsageImporter::kShownRejections)
            report_.firstRejections.push_back({issue.line, issue.column, issue.reason});
        return {};
    }

    // The batch's events into the workspace.
    Status store(UsageEventBatch& batch, DeferredKeyIndex* deferred = nullptr) {
        UsageEventBatch::Counts counts;
        AICP_TRY(batch.store(counts, deferred));
        report_.newEvents += counts.stored;
        report_.duplicates += counts.duplicates;
        report_.late += counts.late;
        return {};
    }

    // The import's record and the reject file, still inside the transaction.
    Status finish(RejectFile* rejects) {
        report_.bytes = input_.position();
        auto sha = input_.finishSha256();
        if (!sha)
            return fileError(sha.error());
        report_.sha256 = QString::fromLatin1(*sha);
        report_.bytes = input_.position();
        report_.finishedAt = QDateTime::currentDateTimeUtc();
        AICP_TRY(recordFinish());
        // The reject file before the commit: a rejected row must never be
        // lost while its neighbours are in.
        if (rejects) {
            AICP_TRY(rejects->commit());
            if (rejects->used())
                report_.rejectFile = options_.rejectFile;
        }
        return {};
    }

private:
    Error fileError(const Error& error) const {
        return {error.code(), QStringLiteral("%1:%2").arg(name_, error.message())};
    }

    // The rows the input likely holds, from the share of it read so far; 0
    // when its size is unknown.
    std::int64_t expectedRows() {
        const std::int64_t read = input_.position();
        if (totalBytes_ <= 0 || read <= 0)
            return 0;
        return std::int64_t(double(report_.rows) * double(totalBytes_) / double(read));
    }

    Status checkpoint() {
        if (options_.stop.stop_requested())
            return Error(
                Error::Code::Cancelled,
                QStringLiteral("the import of %1 was cancelled; nothing was imported").arg(name_));
        if (options_.progress)
            options_.progress({report_.rows, input_.position(), totalBytes_});
        return {};
    }

    Status recordStart() {
        auto insert = Statement::prepare(
            db_, "INSERT INTO usage_imports (file_name, format, started_at) VALUES (?1, ?2, ?3)");
        if (!insert)
            return insert.error();
        AICP_TRY(
            insert->bindAll(name_, UsageImporter::formatName(report_.format), report_.startedAt));
        AICP_TRY(insert->execute());
        auto id = db_->lastInsertId();
        if (!id)
            return id.error();
        report_.importId = *id;
        return {};
    }

    Status recordFinish() {
        auto update = Statement::prepare(
            db_,
            "UPDATE usage_imports SET file_sha256 = ?2, file_bytes = ?3, finished_at = ?4, "
            "new_events = ?5, duplicate_events = ?6, rejected_rows = ?7, late_events = ?8 "
            "WHERE id = ?1");
        if (!update)
            return update.error();
        AICP_TRY(update->bindAll(report_.importId, report_.sha256, report_.bytes,
                                 report_.finishedAt, report_.newEvents, report_.duplicates,
                                 report_.rejected, report_.late));
        return update->execute();
    }

    Database* db_;
    QIODevice& device_;
    QString name_;
    const UsageImportOptions& options_;
    ChunkedInput input_;
    UsageImportReport report_;
    std::int64_t totalBytes_ = -1;
    // Set by the reading thread when the first batch is full, before it is
    // handed over.
    std::int64_t expectedRows_ = -1;
};

}  // namespace

QString UsageImporter::formatName(UsageFormat format) {
    return format == UsageFormat::Jsonl ? QStringLiteral("jsonl") : QStringLiteral("csv");
}

Result<UsageImportReport> UsageImporter::importFile(const QString& path,
                                                    const UsageImportOptions& options) {
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(file.exists() ? Error::Code::Io : Error::Code::NotFound,
                     QStringLiteral("%1: cannot be read (%2)")
                         .arg(QDir::toNativeSeparators(path), file.errorString()));
    UsageImportOptions resolved = options;
    if (resolved.skipBad && resolved.rejectFile.isEmpty())
        resolved.rejectFile = path + QStringLiteral(".rejects");
    return importDevice(file, name, resolved);
}

Result<UsageImportReport> UsageImporter::importDevice(QIODevice& device, const QString& name,
                                                      const UsageImportOptions& options) {
    ImportRun run(workspace_.handle(), device, name, options);
    return run.run();
}

}  // namespace aicp

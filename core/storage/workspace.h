#pragma once

#include <memory>

#include <QString>

#include "common/result.h"
#include "pricing/pricebook.h"

struct sqlite3;

namespace aicp {

// One workspace: a single SQLite file (WAL, foreign keys on) holding
// customers, the price book history and, later, licenses, usage and
// invoices. Opening migrates an older file forward in one transaction; a file
// that is unreadable, from a newer aicp, or not an aicp workspace is refused
// with a clear error and left byte-for-byte untouched.
class Workspace {
public:
    enum class OpenMode {
        OpenExisting,  // fail with NotFound when there is no file at the path
        OpenOrCreate,  // create an empty workspace (default price book) when missing
    };

    static constexpr int kSchemaVersion = 1;

    static Result<std::unique_ptr<Workspace>> open(const QString& path,
                                                   OpenMode mode = OpenMode::OpenOrCreate);

    // The per-user default: <AppDataLocation>/workspace.aicp.
    [[nodiscard]] static QString defaultPath();

    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    [[nodiscard]] const QString& path() const { return path_; }
    [[nodiscard]] int schemaVersion() const;

    // The current price book: the most recently stored document.
    [[nodiscard]] Result<PriceBook> priceBook() const;
    // Stores a new price book document (validated first); older ones are kept.
    [[nodiscard]] Status storePriceBook(const PriceBook& book);

    // For core services only; the UI and the CLI never touch SQL.
    [[nodiscard]] sqlite3* handle() const { return db_; }

private:
    Workspace(QString path, sqlite3* db) : path_(std::move(path)), db_(db) {}

    QString path_;
    sqlite3* db_ = nullptr;
};

}  // namespace aicp

#pragma once

#include "common/result.h"
#include "pricing/pricebook.h"
#include "storage/workspacerole.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUuid>

namespace aicp {

class Database;

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

    // Who the workspace belongs to: the vendor issues licenses; a customer's
    // workspace only verifies them.
    enum class Mode { Vendor, Customer };

    // One price book document as it was stored, for the history view.
    struct StoredPriceBook {
        std::int64_t id = 0;
        QDateTime storedAt;  // UTC
        QByteArray document;
    };

    static constexpr int kSchemaVersion = 15;
    // Written to the SQLite header (PRAGMA application_id, "AICP") so a file
    // is recognised as a workspace before any table is read.
    static constexpr std::int32_t kApplicationId = 0x41494350;

    static Result<std::unique_ptr<Workspace>> open(const QString& path,
                                                   OpenMode mode = OpenMode::OpenOrCreate);

    // True for a location that names a PostgreSQL database (a
    // postgresql:// or postgres:// URI) rather than a workspace file.
    [[nodiscard]] static bool isServerLocation(const QString& location);
    // A location as it may be shown: a file in the platform's separators, a
    // URI without its password.
    [[nodiscard]] static QString shownLocation(const QString& location);

    // The per-user default, the same for every aicp program:
    // <GenericDataLocation>/aicp/workspace.aicp (~/.local/share/aicp/… on
    // Linux); empty when the platform has no writable data folder.
    [[nodiscard]] static QString defaultPath();

    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    // The file, or the URI of a PostgreSQL workspace without its password.
    [[nodiscard]] const QString& path() const { return path_; }
    // True for a team workspace in PostgreSQL, false for a SQLite file.
    [[nodiscard]] bool isOnServer() const;
    // What the login may do: its team role on PostgreSQL, read when the
    // workspace was opened; Admin for a file (its one user may do anything).
    [[nodiscard]] WorkspaceRole role() const { return role_; }
    // The PostgreSQL login the workspace was opened as; empty for a file.
    [[nodiscard]] const QString& login() const { return login_; }
    // The file's PRAGMA user_version, read now; -1 when it cannot be read.
    [[nodiscard]] int schemaVersion() const;
    // Fixed when the file was created.
    [[nodiscard]] const QUuid& id() const { return id_; }
    [[nodiscard]] const QDateTime& createdAt() const { return createdAt_; }

    [[nodiscard]] Result<Mode> mode() const;
    // Writes the mode alone; setWorkspaceMode (audit/auditedsettings.h)
    // changes it and records the change in one transaction.
    [[nodiscard]] Status storeMode(Mode mode);

    // Workspace-wide settings; nullopt when the key was never set. The
    // identity keys (workspace_id, created_at) cannot be changed.
    [[nodiscard]] Result<std::optional<QString>> metaValue(const QString& key) const;
    [[nodiscard]] Status setMetaValue(const QString& key, const QString& value);

    // The current price book: the most recently stored document.
    [[nodiscard]] Result<PriceBook> priceBook() const;
    // Stores a price book document unless it is already the current one
    // (true when stored); older ones are kept. storePriceBook
    // (audit/auditedsettings.h) validates a book, stores it and records it.
    [[nodiscard]] Result<bool> storePriceBookDocument(const QByteArray& document);
    // Every stored document, oldest first.
    [[nodiscard]] Result<std::vector<StoredPriceBook>> priceBookHistory() const;

    // For core services only; the UI and the CLI never touch SQL.
    [[nodiscard]] Database* handle() const { return db_.get(); }

private:
    Workspace(QString path, std::unique_ptr<Database> db);
    static Result<std::unique_ptr<Workspace>> openPostgres(const QString& location, OpenMode mode);
    static Result<std::unique_ptr<Workspace>> make(const QString& location,
                                                   std::unique_ptr<Database> db, const QString& id,
                                                   const QString& createdAt);

    QString path_;
    std::unique_ptr<Database> db_;
    QUuid id_;
    QDateTime createdAt_;
    WorkspaceRole role_ = WorkspaceRole::Admin;
    QString login_;
};

}  // namespace aicp

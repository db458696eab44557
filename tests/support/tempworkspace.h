#pragma once

#include "common/result.h"
#include "storage/workspace.h"
#include "support/scratchdatabase.h"

#include <memory>
#include <string_view>
#include <vector>

#include <QString>
#include <QTemporaryDir>

namespace aicp::test {

// A workspace in a temporary folder of its own, gone with the fixture: what
// a test makes in init() or initTestCase(). Other files the test needs (CSV,
// a second workspace) go beside it with file().
class TempWorkspace {
public:
    enum class Content {
        Empty,       // a new workspace
        Demo,        // what `aicp demo` makes
        SigningKey,  // a new workspace with a signing key under kTestPassphrase
    };

    explicit TempWorkspace(Content content = Content::Empty) : content_(content) { renew(); }
    TempWorkspace(const TempWorkspace&) = delete;
    TempWorkspace& operator=(const TempWorkspace&) = delete;

    // A new folder and workspace in place of the old, for init(): each test
    // starts from the same state. False when it could not be made; error()
    // says why: QVERIFY2(workspace_.renew(), qPrintable(workspace_.error())).
    bool renew();
    [[nodiscard]] bool ok() const { return workspace_ != nullptr; }
    [[nodiscard]] const QString& error() const { return error_; }

    // Used like the std::unique_ptr<Workspace> that Workspace::open gives.
    [[nodiscard]] Workspace& operator*() const { return *workspace_; }
    [[nodiscard]] Workspace* operator->() const { return workspace_.get(); }
    // The workspace's location: a file in the folder, or the URI of a
    // database of its own when the tests run on PostgreSQL (onPostgres()).
    [[nodiscard]] QString path() const;
    [[nodiscard]] QString file(const QString& name) const { return dir_->filePath(name); }

    // Closes the workspace, so another process (the CLI, `aicp serve`) or
    // a second Workspace::open can have it; reopen() opens it again.
    void close() { workspace_.reset(); }
    bool reopen();

private:
    bool open(Workspace::OpenMode mode);

    Content content_;
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<ScratchDatabase> database_;
    std::unique_ptr<Workspace> workspace_;
    QString error_;
};

// Fresh copies of one demo workspace, cheaper than making each anew: a file
// copy on SQLite, a database made from it on PostgreSQL (onPostgres()). The
// copies live as long as this.
class DemoCopies {
public:
    DemoCopies();
    [[nodiscard]] bool ok() const { return madeDemo_; }
    [[nodiscard]] const QString& error() const { return demo_.error(); }
    // The location of a new copy (a file, or a database's URI); empty when
    // it could not be made.
    [[nodiscard]] QString freshCopy();
    // A new copy, opened; the test ends (qFatal) when it cannot be.
    [[nodiscard]] std::unique_ptr<Workspace> fresh();
    [[nodiscard]] QString file(const QString& name) const { return demo_.file(name); }

private:
    TempWorkspace demo_{TempWorkspace::Content::Demo};
    bool madeDemo_ = false;
    std::vector<std::unique_ptr<ScratchDatabase>> copies_;
};

// A workspace file as an older aicp left it, for tests of the upgrade on
// opening: the first `schemaVersion` migrations, the meta rows (id
// 6f1c2a4e-9b1d-4c3e-8a2f-0d5e7b9c1a3f, created 2026-01-05T09:00:00Z,
// vendor mode) and the default price book, then `rowsSql` in that schema.
[[nodiscard]] Status writeOldWorkspace(const QString& path, int schemaVersion,
                                       std::string_view rowsSql = {});
// The same in the empty PostgreSQL database at `uri`: the base schema (9)
// and the steps up to `schemaVersion`, the same meta rows and price book,
// then `rowsSql`.
[[nodiscard]] Status writeOldPostgresWorkspace(const QString& uri, int schemaVersion,
                                               std::string_view rowsSql = {});

}  // namespace aicp::test

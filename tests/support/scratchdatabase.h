#pragma once

#include <QString>

namespace aicp::test {

// The PostgreSQL cluster the tests run against: the postgresql:// URI of its
// maintenance database in AICP_TEST_POSTGRES (packaging/with-postgres.sh
// sets it), or empty, and workspaces are SQLite files as always. The one
// switch between the two kinds of storage for every test.
[[nodiscard]] QString testPostgres();
[[nodiscard]] inline bool onPostgres() {
    return !testPostgres().isEmpty();
}

// A new database on the test cluster, dropped (with whoever is still
// connected) when this goes: empty, or a copy of the database at `copyOf`
// (the URI of another, which nobody may be connected to), as a test copies
// a workspace file. uri() is empty when it could not be made; error() says
// why.
class ScratchDatabase {
public:
    explicit ScratchDatabase(const QString& copyOf = {});
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    [[nodiscard]] const QString& uri() const { return uri_; }
    [[nodiscard]] const QString& error() const { return error_; }

private:
    QString name_;
    QString uri_;
    QString error_;
};

}  // namespace aicp::test

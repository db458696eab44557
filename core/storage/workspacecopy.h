#pragma once

#include "common/result.h"

#include <cstdint>
#include <functional>
#include <stop_token>
#include <vector>

#include <QString>

namespace aicp {

class Workspace;

// How far a copy has come: rows written to the destination of all the
// source's rows.
struct WorkspaceCopyProgress {
    std::int64_t rowsCopied = 0;
    std::int64_t rowsTotal = 0;
};

struct WorkspaceCopyOptions {
    // Called after each batch of rows, on the calling thread.
    std::function<void(const WorkspaceCopyProgress&)> progress;
    // Stops the copy at the next batch; nothing is left at the destination.
    std::stop_token stop;
};

// The rows of one table of a workspace.
struct TableRows {
    QString table;
    std::int64_t rows = 0;

    friend bool operator==(const TableRows&, const TableRows&) = default;
};

// Every table of a workspace, in the order a copy writes them, with its
// rows: the same list on both engines.
[[nodiscard]] Result<std::vector<TableRows>> countWorkspaceRows(Workspace& workspace);

// Copies the workspace `source` whole into `destination` (a new or empty
// SQLite file, or a PostgreSQL database without a workspace), either
// engine to either: every table with its ids, numbers, times and text as
// they are, and the workspace's identity, so the destination is the same
// workspace. The destination's triggers stay in force; rows are written in
// an order they accept. One write transaction at the destination: on any
// failure or on cancellation nothing is left there (a file made for the copy
// is removed, an empty one emptied again). Refuses, writing nothing, a
// destination that holds anything or is the source itself. The source is
// read under its write lock, so nobody changes it half-way. Returns what
// was copied, table by table.
[[nodiscard]] Result<std::vector<TableRows>> copyWorkspace(
    Workspace& source, const QString& destination, const WorkspaceCopyOptions& options = {});

}  // namespace aicp

#pragma once

#include <QString>

namespace aicp {

// Removes a workspace file with its SQLite companions (-wal, -shm): the one
// way a partly made file goes.
void removeWorkspaceFiles(const QString& path);

}  // namespace aicp

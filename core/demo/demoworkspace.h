#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QString>

namespace aicp {

class Workspace;

// Set to a UTC instant ("2026-11-25T00:00:00Z") to make the demo for that
// instant instead of now: reproducible demos, screenshots and tests.
inline constexpr char kDemoNowVariable[] = "AICP_DEMO_NOW";

// The instant a demo made now is made for: AICP_DEMO_NOW when set, else the
// current time. Refuses a value that is not an RFC 3339 instant.
[[nodiscard]] Result<QDateTime> demoNow();

// Fills an empty workspace with the demo defined in :/aicp/demo/demo.json,
// moved to `now`: usage over the two months before `now`'s month and that
// month up to `now`'s hour, licenses issued, expiring and in grace around
// it. The same definition and `now` always give the same rows, so the
// console's first start and `aicp demo --db FILE` create identical
// workspaces. Refuses a workspace that already holds customers.
[[nodiscard]] Status populateDemoWorkspace(Workspace& workspace, const QDateTime& now);
[[nodiscard]] Status populateDemoWorkspace(Workspace& workspace);  // at demoNow()

// Creates a new demo workspace file at `path`; refuses an existing file.
[[nodiscard]] Status createDemoWorkspace(const QString& path, const QDateTime& now);
[[nodiscard]] Status createDemoWorkspace(const QString& path);  // at demoNow()

}  // namespace aicp

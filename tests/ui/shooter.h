#pragma once

#include <QDateTime>
#include <QDir>
#include <QString>

class QWidget;

namespace aicp::shots {

// What every shot is taken of: the workspace, its customer and month, and
// the "now" its pages measure against (the demo's AICP_DEMO_NOW).
struct Scene {
    QString db;
    QString customer;
    QDate month;
    QDateTime now;
    QString scratch;  // a folder for files the shots need (keys, licenses)
};

// Writes the PNGs below one folder and counts what went wrong, so one run
// names every missing shot rather than stopping at the first.
class Shooter {
public:
    explicit Shooter(const QDir& out) : out_(out) {}

    // Saves `widget` as `name` (a path below the folder, e.g. "dark/usage.png").
    bool save(QWidget& widget, const QString& name);
    // Reports `what` as a failure unless `ok`; returns `ok`.
    bool expect(bool ok, const QString& what);
    [[nodiscard]] int failures() const { return failures_; }

private:
    QDir out_;
    int failures_ = 0;
};

// Waits until the window's background work has been idle for a moment: work
// may start more work when it ends (a page reloading after another's change).
bool settle(QWidget& window);

// The license dialogs (issue, verify, revoke, passphrase) over the workspace.
void shootLicenseDialogs(Shooter& shooter, const Scene& scene, const QString& folder);
// Settings ▸ Company and the customer dialog, filled in and refused.
void shootProfileDialogs(Shooter& shooter, const Scene& scene, const QString& folder);
// The live source dialog for an OpenMeter source and for an aicp one.
void shootLiveSourceDialogs(Shooter& shooter, const QString& folder);
// File ▸ Open Team Workspace…, after testing a server that is not there.
void shootTeamWorkspaceDialog(Shooter& shooter, const QString& folder);
// Every page and state of the first-run welcome.
void shootFirstRun(Shooter& shooter, const Scene& scene, const QString& folder);

}  // namespace aicp::shots

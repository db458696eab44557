#pragma once

#include "common/result.h"
#include "customers/customer.h"
#include "pricing/pricebook.h"
#include "storage/workspace.h"

#include <memory>
#include <vector>

#include <QString>

namespace aicp {

// The workspace the console is working in, opened the way the console's
// command line and File ▸ Open ask for, with the price book it prices with.
// A file that cannot be opened is reported and never modified (Workspace's
// own guarantee; this class only ever creates files that do not exist).
class WorkspaceSession {
public:
    // What to do when there is no file at the path yet.
    enum class WhenMissing {
        Refuse,       // File ▸ Open: the user picked a file that must exist
        CreateEmpty,  // --db FILE: a new, empty workspace
        CreateDemo,   // --demo and the welcome: the deterministic demo
    };

    static Result<std::unique_ptr<WorkspaceSession>> open(const QString& path,
                                                          WhenMissing whenMissing);

    [[nodiscard]] Workspace& workspace() { return *workspace_; }
    [[nodiscard]] const QString& path() const { return workspace_->path(); }
    // Where it was opened from as given (a URI may hold a password): for a
    // second connection to the same workspace (ChangeFeed), never shown.
    [[nodiscard]] const QString& location() const { return location_; }
    [[nodiscard]] const PriceBook& priceBook() const { return priceBook_; }
    // Reads the workspace's current price book again, after a new one was
    // stored (Settings ▸ Load Price Book); the old one stays on failure.
    [[nodiscard]] Status reloadPriceBook();
    // True when this session created the demo workspace just now.
    [[nodiscard]] bool createdDemo() const { return createdDemo_; }

    [[nodiscard]] Result<std::vector<Customer>> customers() const;
    [[nodiscard]] bool isCustomerWorkspace() const;
    // What opening did besides opening, for the status bar: a license kept
    // by an earlier first run joining the registry, or why it could not.
    // Empty when there is nothing to say.
    [[nodiscard]] const QString& notice() const { return notice_; }

private:
    WorkspaceSession(std::unique_ptr<Workspace> workspace, PriceBook priceBook, bool createdDemo)
        : workspace_(std::move(workspace)),
          priceBook_(std::move(priceBook)),
          createdDemo_(createdDemo) {}

    std::unique_ptr<Workspace> workspace_;
    QString location_;
    PriceBook priceBook_;
    bool createdDemo_ = false;
    QString notice_;
};

// A customer workspace made by an earlier first run kept the license it
// received in the setting `customer_license`, which nothing read: it joins
// the registry (LicenseRegistry::add) the first time the workspace is
// opened. Returns what happened in words, empty when there was nothing to
// adopt; a refusal is reported, never fatal, and tried again next time.
[[nodiscard]] QString adoptLegacyCustomerLicense(Workspace& workspace);

}  // namespace aicp

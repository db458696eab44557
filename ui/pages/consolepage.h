#pragma once

#include "common/wholeseconds.h"
#include "dialogs/passphrasedialog.h"
#include "pricing/pricebook.h"

#include <optional>

#include <QDate>
#include <QPointer>
#include <QString>
#include <QWidget>

namespace aicp {

class TaskRunner;
class Workspace;

// What every console page shares (KeePassXC's EditWidget): the workspace and
// its price book, the task runner shared with the other pages, the clock,
// the context bar's customer and month, one reload that waits while other
// workspace work runs (or until the page is on screen), and the prompts.
// A page says which context it follows and implements load(); the main
// window wires every page the same way, in a loop.
class ConsolePage : public QWidget {
    Q_OBJECT
public:
    // Which of the context bar's choices make the page read again.
    enum Follow { FollowsNothing = 0, FollowsCustomer = 1, FollowsMonth = 2 };

    explicit ConsolePage(QWidget* parent = nullptr);
    ~ConsolePage() override;

    // The page does not own the workspace; null shows an empty page. Without
    // a price book, the workspace's own is read.
    void setWorkspace(Workspace* workspace, std::optional<PriceBook> priceBook = std::nullopt);
    // The workspace with the context to show it in, read once.
    void open(Workspace* workspace, std::optional<PriceBook> priceBook, const QString& customerId,
              QDate month);
    // Shares the runner with other pages on the same workspace.
    void setTaskRunner(TaskRunner* runner);
    // Where "now" comes from.
    void setClock(Clock clock);
    void setCustomer(const QString& customerId);  // empty: all customers
    void setMonth(QDate month);                   // any day of the month
    // Asks before a consequential step (a message box by default).
    void setConfirmer(Confirmer confirmer);

    [[nodiscard]] Workspace* workspace() const { return workspace_; }
    [[nodiscard]] const std::optional<PriceBook>& priceBook() const { return priceBook_; }
    [[nodiscard]] TaskRunner* runner() const;
    [[nodiscard]] const Clock& clock() const { return clock_; }
    [[nodiscard]] QDateTime now() const { return clock_(); }
    [[nodiscard]] const QString& customerId() const { return customerId_; }
    // The first day of the month shown; invalid when none is.
    [[nodiscard]] QDate month() const { return month_; }
    // The price book's name for a tier id ("open_source" → "Open Source"),
    // the newest version's first; the id when no version has it.
    [[nodiscard]] QString tierName(const QString& tierId) const;
    // A reload is waiting for the runner (or for the page to be shown).
    [[nodiscard]] bool isReloadPending() const { return reloadPending_; }

public slots:
    // Reads again now, or once the runner is idle (and, for pages that load
    // only on screen, once the page is shown).
    void reload();
    // What the page shows may be out of date: it reads again now when on
    // screen, else when next shown.
    void markStale();

signals:
    // The page changed what the workspace holds: the other pages read again.
    void workspaceEdited();

protected:
    void setFollows(int follows) { follows_ = follows; }
    // Pages whose reading is costly compute only while on screen.
    void setLoadsOnlyWhenShown(bool onlyWhenShown) { onlyWhenShown_ = onlyWhenShown; }
    // Reads what the page shows; called by reload() when nothing else runs.
    virtual void load() = 0;
    // The runner refused the work: try again once it is idle.
    void deferReload() { reloadPending_ = true; }
    // Whether reading must wait; by default while the runner is busy.
    [[nodiscard]] virtual bool mustWait() const;
    // Hooks for what a page keeps besides the shared state.
    virtual void workspaceChanged() {}
    virtual void runnerChanged() {}
    virtual void runnerBusyChanged(bool busy) { Q_UNUSED(busy); }
    virtual void customerChanged() {}
    virtual void confirmerChanged() {}

    [[nodiscard]] bool confirm(const QString& title, const QString& text,
                               const QString& acceptLabel);
    [[nodiscard]] const Confirmer& confirmer() const { return confirm_; }

    void showEvent(QShowEvent* event) override;

private:
    void watchRunner();

    Workspace* workspace_ = nullptr;
    std::optional<PriceBook> priceBook_;
    QPointer<TaskRunner> runner_;  // a shared one may go first, with its window
    Clock clock_;
    Confirmer confirm_;
    QString customerId_;
    QDate month_;
    int follows_ = FollowsNothing;
    bool onlyWhenShown_ = false;
    bool reloadPending_ = true;  // nothing is read yet
};

}  // namespace aicp

#include "pages/consolepage.h"

#include "storage/workspace.h"
#include "taskrunner.h"

#include <QTimer>

namespace aicp {

ConsolePage::ConsolePage(QWidget* parent)
    : QWidget(parent),
      runner_(new TaskRunner(this)),
      clock_(systemClock()),
      confirm_(&confirmWithMessageBox) {
    const QDate today = clock_().date();
    month_ = QDate(today.year(), today.month(), 1);
    watchRunner();
}

ConsolePage::~ConsolePage() {
    // The page's own runner goes with its children, after this destructor:
    // its last busyChanged must not reach a page that is half gone.
    if (runner_) {
        runner_->waitForIdle();
        runner_->disconnect(this);
    }
}

void ConsolePage::open(Workspace* workspace, std::optional<PriceBook> priceBook,
                       const QString& customerId, QDate month) {
    if (customerId != customerId_) {
        customerId_ = customerId;
        customerChanged();
    }
    month_ = month.isValid() ? QDate(month.year(), month.month(), 1) : QDate();
    setWorkspace(workspace, std::move(priceBook));
}

void ConsolePage::setWorkspace(Workspace* workspace, std::optional<PriceBook> priceBook) {
    // Work still running on the old workspace finishes first.
    if (runner_)
        runner_->waitForIdle();
    workspace_ = workspace;
    if (!priceBook && workspace) {
        if (auto read = workspace->priceBook())
            priceBook = std::move(read).value();
    }
    priceBook_ = std::move(priceBook);
    workspaceChanged();
    reload();
}

void ConsolePage::setTaskRunner(TaskRunner* runner) {
    if (!shareRunner(this, runner_, runner))
        return;
    watchRunner();
    runnerChanged();
    runnerBusyChanged(runner_->isBusy());
}

void ConsolePage::watchRunner() {
    connect(runner_, &TaskRunner::busyChanged, this, [this](bool busy) {
        runnerBusyChanged(busy);
        // After the finished work's result is shown: that may read again itself.
        if (!busy && reloadPending_)
            QTimer::singleShot(0, this, [this] {
                if (reloadPending_)
                    reload();
            });
    });
}

void ConsolePage::setClock(Clock clock) {
    clock_ = std::move(clock);
    reload();
}

void ConsolePage::setCustomer(const QString& customerId) {
    if (customerId == customerId_)
        return;
    customerId_ = customerId;
    customerChanged();
    if (follows_ & FollowsCustomer)
        reload();
}

void ConsolePage::setMonth(QDate month) {
    const QDate first = month.isValid() ? QDate(month.year(), month.month(), 1) : QDate();
    if (first == month_)
        return;
    month_ = first;
    if (follows_ & FollowsMonth)
        reload();
}

void ConsolePage::setConfirmer(Confirmer confirmer) {
    confirm_ = std::move(confirmer);
    confirmerChanged();
}

bool ConsolePage::confirm(const QString& title, const QString& text, const QString& acceptLabel) {
    return confirm_(this, title, text, acceptLabel);
}

QString ConsolePage::tierName(const QString& tierId) const {
    if (priceBook_) {
        for (auto it = priceBook_->versions().rbegin(); it != priceBook_->versions().rend(); ++it) {
            if (const TierDefinition* tier = it->tier(tierId))
                return tier->name;
        }
    }
    return tierId;
}

TaskRunner* ConsolePage::runner() const {
    return runner_;
}

bool ConsolePage::mustWait() const {
    return runner_ && runner_->isBusy();
}

void ConsolePage::reload() {
    reloadPending_ = true;
    if (onlyWhenShown_ && !isVisible())
        return;  // showEvent reads when the page is next on screen
    // One thread uses the workspace at a time: wait for the running work.
    if (workspace_ && mustWait())
        return;
    reloadPending_ = false;
    load();
}

void ConsolePage::markStale() {
    reloadPending_ = true;
    if (isVisible())
        reload();
}

void ConsolePage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (reloadPending_)
        reload();
}

}  // namespace aicp

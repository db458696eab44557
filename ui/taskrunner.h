#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QCursor>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace aicp {

// Runs one piece of workspace work at a time off the GUI thread (key
// decryption alone is a scrypt of ~100 ms) and hands its result back on the
// GUI thread. Pages sharing a workspace share one runner, so while it is
// busy nothing else touches the workspace: they disable their actions on
// busyChanged(true).
class TaskRunner : public QObject {
    Q_OBJECT
public:
    explicit TaskRunner(QObject* parent = nullptr) : QObject(parent) {}
    // Emits nothing: the pages listening may already be half destroyed, and
    // the workspace their reload would read is gone.
    ~TaskRunner() override {
        waitForIdle();
        if (busy_)
            QGuiApplication::restoreOverrideCursor();
    }

    [[nodiscard]] bool isBusy() const { return busy_; }
    // Blocks until the running work (if any) is done; before the workspace
    // it uses goes away.
    void waitForIdle() {
        if (watcher_)
            watcher_->waitForFinished();
    }

    // Runs `work` on the thread pool and `done(result)` on this object's
    // thread, unless `context` was destroyed meanwhile. Refuses (returns
    // false) while other work is running.
    template <typename T>
    bool run(QObject* context, std::function<T()> work, std::function<void(T)> done) {
        if (busy_)
            return false;
        auto result = std::make_shared<std::optional<T>>();
        // The previous watcher may be the sender of the signal running this
        // very call (work started from a `done`), so it is deleted later.
        if (watcher_)
            watcher_->deleteLater();
        watcher_ = new QFutureWatcher<void>(this);
        QPointer<QObject> guard(context);
        connect(watcher_, &QFutureWatcher<void>::finished, this,
                [this, result, guard, done = std::move(done)] {
                    setBusy(false);
                    if (guard && result->has_value())
                        done(std::move(**result));
                });
        setBusy(true);
        watcher_->setFuture(
            QtConcurrent::run([result, work = std::move(work)] { result->emplace(work()); }));
        return true;
    }

signals:
    void busyChanged(bool busy);

private:
    void setBusy(bool busy) {
        if (busy_ == busy)
            return;
        busy_ = busy;
        if (busy)
            QGuiApplication::setOverrideCursor(Qt::BusyCursor);
        else
            QGuiApplication::restoreOverrideCursor();
        emit busyChanged(busy);
    }

    QPointer<QFutureWatcher<void>> watcher_;
    bool busy_ = false;
};

// Makes `owner` use the `shared` runner instead of `current`, which stops
// reporting to the owner and, when the owner made it for itself and it is
// idle, goes. False when there is nothing to change.
template <typename RunnerPointer>
bool shareRunner(QObject* owner, RunnerPointer& current, TaskRunner* shared) {
    if (!shared || shared == current)
        return false;
    if (current) {
        current->disconnect(owner);
        if (current->parent() == owner && !current->isBusy())
            current->deleteLater();
    }
    current = shared;
    return true;
}

}  // namespace aicp

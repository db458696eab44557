#pragma once

#include "common/wholeseconds.h"
#include "dialogs/passphrasedialog.h"
#include "metering/livesources.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include <QDateTime>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace aicp {

class TaskRunner;
class Workspace;

// The live sources of a workspace: a list with each source's schedule, last
// pull and its outcome; add, edit, remove (confirmed), test connection and
// pull now. Pulls and tests run on the shared TaskRunner, never on the GUI
// thread. A source with an interval is pulled on a timer; after a failure
// it is retried with exponential back-off (LiveSources::retryDelayMinutes),
// and the list says why it failed and when it tries again.
class LiveSourcesPanel : public QWidget {
    Q_OBJECT
public:
    // Asks for a source's fields (the dialog by default); nullopt: cancelled.
    using SourceEditor =
        std::function<std::optional<LiveSource>(QWidget* parent, const LiveSource& initial)>;

    explicit LiveSourcesPanel(QWidget* parent = nullptr);
    ~LiveSourcesPanel() override;

    // The panel does not own the workspace; null shows an empty list.
    void setWorkspace(Workspace* workspace);
    void setTaskRunner(TaskRunner* runner);
    void setConfirmer(Confirmer confirmer);
    void setSourceEditor(SourceEditor editor);
    void setClock(Clock clock);

    // Reads the sources again (deferred while workspace work is running).
    void reload();

    // The operations behind the buttons; false when they did not start (the
    // message says why).
    bool addSource(const LiveSource& source);
    bool editSource(const LiveSource& source);
    bool removeSource(std::int64_t id);  // asks the confirmer first
    bool testConnection(std::int64_t id);
    bool pullNow(std::int64_t id);

    [[nodiscard]] const std::vector<LiveSource>& sources() const { return sources_; }
    [[nodiscard]] bool isWorking() const { return working_; }
    // The line under the list: the last operation's outcome or progress.
    [[nodiscard]] QString message() const;
    // What the list's Result column shows for a source.
    [[nodiscard]] QString resultText(std::int64_t id) const;
    // Failed pulls in a row, and when the timer pulls next (invalid: never).
    [[nodiscard]] int failures(std::int64_t id) const;
    [[nodiscard]] QDateTime nextPullAt(std::int64_t id) const;

signals:
    void pullFinished(std::int64_t id, bool ok, const QString& message);
    void testFinished(std::int64_t id, bool ok, const QString& message);
    // A pull committed events.
    void usageChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Schedule {
        QTimer* timer = nullptr;
        int failures = 0;
        QDateTime nextAt;
    };
    struct PullTicker;
    struct PullOutcome;

    void buildLayout();
    void updateActions();
    void runnerBusyChanged(bool busy);
    void showSources();
    void showMessage(const QString& text, bool problem);
    void schedule(const LiveSource& source);
    void armTimer(std::int64_t id, const QDateTime& at);
    void timerFired(std::int64_t id);
    void finishPull(const PullOutcome& outcome);
    void editSelected();
    [[nodiscard]] std::int64_t selectedId() const;
    [[nodiscard]] const LiveSource* sourceById(std::int64_t id) const;
    // The source to test or pull now; null when there is none or other work runs.
    [[nodiscard]] const LiveSource* idleSource(std::int64_t id) const;
    [[nodiscard]] QString scheduleText(const LiveSource& source) const;
    [[nodiscard]] QDateTime now() const { return clock_(); }

    Workspace* workspace_ = nullptr;
    TaskRunner* runner_;
    Confirmer confirm_;
    SourceEditor editor_;
    Clock clock_;
    std::vector<LiveSource> sources_;
    std::map<std::int64_t, Schedule> schedules_;
    bool working_ = false;
    bool reloadPending_ = false;
    std::shared_ptr<PullTicker> ticker_;

    QTableWidget* table_;
    QPushButton* add_;
    QPushButton* edit_;
    QPushButton* remove_;
    QPushButton* test_;
    QPushButton* pull_;
    QLabel* message_;
    QTimer* refresh_;
};

}  // namespace aicp

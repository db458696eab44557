#include "pages/usage/livesourcespanel.h"

#include "metering/openmeterpuller.h"
#include "metering/usagepuller.h"
#include "pages/usage/livesourcedialog.h"
#include "roleguard.h"
#include "storage/workspace.h"
#include "taskrunner.h"
#include "theme.h"
#include "widgets/pagetext.h"

#include <algorithm>
#include <atomic>
#include <climits>

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace aicp {

namespace {

enum Column { NameColumn, UrlColumn, TokenColumn, ScheduleColumn, LastPullColumn, ResultColumn };

// A scheduled pull waits at least this long, so adding a source or opening
// the workspace never starts a pull in the same breath.
constexpr qint64 kMinimumLeadMs = 5000;
// When the runner is busy with other work at a pull's time.
constexpr int kBusyRetryMs = 30000;

QString describe(const UsagePullReport& report) {
    if (report.received == 0)
        return QObject::tr("nothing new");
    return QObject::tr("%1 new, %2 duplicate, %3 late of %4 received")
        .arg(QLocale().toString(static_cast<qlonglong>(report.newEvents)),
             QLocale().toString(static_cast<qlonglong>(report.duplicates)),
             QLocale().toString(static_cast<qlonglong>(report.late)),
             QLocale().toString(static_cast<qlonglong>(report.received)));
}

QString describe(const OpenMeterPullReport& report) {
    const auto count = [](std::int64_t value) {
        return QLocale().toString(static_cast<qlonglong>(value));
    };
    if (report.newWindows + report.changedWindows == 0)
        return report.unchangedWindows == 0 ? QObject::tr("nothing new")
                                            : QObject::tr("nothing new (%1 windows unchanged)")
                                                  .arg(count(report.unchangedWindows));
    QString text = QObject::tr("%1 new windows, %2 revised, %3 unchanged; requests %4")
                       .arg(count(report.newWindows), count(report.changedWindows),
                            count(report.unchangedWindows),
                            (report.requestsDelta >= 0 ? QStringLiteral("+") : QString()) +
                                count(report.requestsDelta));
    if (report.lateRequests > 0)
        text += QObject::tr(", %1 late").arg(count(report.lateRequests));
    if (report.heldWindows > 0)
        text += QObject::tr(", %1 held in invoiced months").arg(count(report.heldWindows));
    return text;
}

QString minutesText(qint64 seconds) {
    const qint64 minutes = std::max<qint64>(1, (seconds + 59) / 60);
    return QObject::tr("%1 min").arg(minutes);
}

}  // namespace

struct LiveSourcesPanel::PullTicker {
    std::atomic<std::int64_t> events{0};  // OpenMeter: hours pulled
    std::atomic<std::int64_t> hours{0};   // OpenMeter: hours asked in all
    std::int64_t id = 0;
    QString name;
    bool hourly = false;  // an OpenMeter pull
};

struct LiveSourcesPanel::PullOutcome {
    std::int64_t id = 0;
    QString name;
    bool ok = false;
    std::int64_t newEvents = 0;  // OpenMeter: windows new or revised
    QString text;                // what was recorded as the source's last result
    QString recordError;         // empty: the outcome was stored
};

LiveSourcesPanel::LiveSourcesPanel(QWidget* parent)
    : QWidget(parent),
      runner_(new TaskRunner(this)),
      confirm_(&confirmWithMessageBox),
      editor_(&LiveSourceDialog::ask),
      clock_([] { return QDateTime::currentDateTimeUtc(); }),
      table_(new QTableWidget(this)),
      add_(new QPushButton(tr("Add…"), this)),
      edit_(new QPushButton(tr("Edit…"), this)),
      remove_(new QPushButton(tr("Remove…"), this)),
      test_(new QPushButton(tr("Test connection"), this)),
      pull_(new QPushButton(tr("Pull now"), this)),
      message_(new QLabel(this)),
      refresh_(new QTimer(this)) {
    buildLayout();
    connect(runner_, &TaskRunner::busyChanged, this, &LiveSourcesPanel::runnerBusyChanged);
    // "retrying in 4 min" and the pull's progress stay current.
    refresh_->setInterval(1000);
    connect(refresh_, &QTimer::timeout, this, [this] {
        if (working_ && ticker_ && ticker_->hourly)
            showMessage(tr("Pulling %1… %2 of %3 hours so far")
                            .arg(ticker_->name,
                                 QLocale().toString(static_cast<qlonglong>(ticker_->events.load())),
                                 QLocale().toString(static_cast<qlonglong>(ticker_->hours.load()))),
                        false);
        else if (working_ && ticker_)
            showMessage(
                tr("Pulling %1… %2 events received so far")
                    .arg(ticker_->name,
                         QLocale().toString(static_cast<qlonglong>(ticker_->events.load()))),
                false);
        for (int row = 0; row < table_->rowCount(); ++row) {
            const auto id = table_->item(row, NameColumn)->data(Qt::UserRole).toLongLong();
            if (const LiveSource* source = sourceById(id)) {
                table_->item(row, ScheduleColumn)->setText(scheduleText(*source));
                table_->item(row, ResultColumn)->setText(resultText(id));
            }
        }
    });
    refresh_->start();
    updateActions();
}

LiveSourcesPanel::~LiveSourcesPanel() {
    // The work may still use the workspace; its result is dropped.
    if (working_)
        runner_->waitForIdle();
}

void LiveSourcesPanel::buildLayout() {
    const int gap = theme::spacing(font(), 0.75);
    table_->setObjectName(QStringLiteral("liveSourcesTable"));
    table_->setAccessibleName(tr("Live sources"));
    // Tab leaves the table for the next control; the arrows move inside it.
    table_->setTabKeyNavigation(false);
    table_->setColumnCount(6);
    table_->setHorizontalHeaderLabels(
        {tr("Name"), tr("Service"), tr("Token"), tr("Pulls"), tr("Last pull"), tr("Result")});
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->setWordWrap(false);
    // Both ends of a result matter: "failed: …" and "retrying in 4 min".
    table_->setTextElideMode(Qt::ElideMiddle);
    // The result takes what the other columns leave, elided in the middle.
    table_->horizontalHeader()->setSectionResizeMode(ResultColumn, QHeaderView::Stretch);
    table_->horizontalHeader()->setHighlightSections(false);
    table_->setMinimumHeight(table_->horizontalHeader()->sizeHint().height() +
                             table_->verticalHeader()->defaultSectionSize() * 4);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &LiveSourcesPanel::updateActions);
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this] { editSelected(); });

    add_->setObjectName(QStringLiteral("addSourceButton"));
    edit_->setObjectName(QStringLiteral("editSourceButton"));
    remove_->setObjectName(QStringLiteral("removeSourceButton"));
    test_->setObjectName(QStringLiteral("testSourceButton"));
    pull_->setObjectName(QStringLiteral("pullSourceButton"));
    add_->setToolTip(tr("Add an aicp service or an OpenMeter API to pull usage from"));
    test_->setToolTip(
        tr("Check that the service answers and accepts the token (for OpenMeter: "
           "knows the requests meter), importing nothing"));
    pull_->setToolTip(tr("Pull the selected source's new events or hourly values now"));
    connect(add_, &QPushButton::clicked, this, [this] {
        if (auto entered = editor_(this, LiveSource{}))
            addSource(*entered);
    });
    connect(edit_, &QPushButton::clicked, this, &LiveSourcesPanel::editSelected);
    connect(remove_, &QPushButton::clicked, this, [this] { removeSource(selectedId()); });
    connect(test_, &QPushButton::clicked, this, [this] { testConnection(selectedId()); });
    connect(pull_, &QPushButton::clicked, this, [this] { pullNow(selectedId()); });

    message_->setObjectName(QStringLiteral("liveSourcesMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(add_);
    buttons->addWidget(edit_);
    buttons->addWidget(remove_);
    buttons->addStretch(1);
    buttons->addWidget(test_);
    buttons->addWidget(pull_);

    auto* layout = flushColumn(this, gap / 2);
    layout->addLayout(buttons);
    layout->addWidget(table_, 1);
    layout->addWidget(message_);

    // The buttons sit above the table, so Tab reaches them first.
    setTabOrder(add_, edit_);
    setTabOrder(edit_, remove_);
    setTabOrder(remove_, test_);
    setTabOrder(test_, pull_);
    setTabOrder(pull_, table_);
}

void LiveSourcesPanel::setWorkspace(Workspace* workspace) {
    runner_->waitForIdle();
    workspace_ = workspace;
    for (auto& [id, schedule] : schedules_)
        delete schedule.timer;
    schedules_.clear();
    sources_.clear();
    message_->clear();
    reload();
}

void LiveSourcesPanel::setTaskRunner(TaskRunner* runner) {
    if (!shareRunner(this, runner_, runner))
        return;
    connect(runner_, &TaskRunner::busyChanged, this, &LiveSourcesPanel::runnerBusyChanged);
    updateActions();
}

void LiveSourcesPanel::runnerBusyChanged(bool busy) {
    if (!busy && reloadPending_)
        reload();
    updateActions();
}

void LiveSourcesPanel::setConfirmer(Confirmer confirmer) {
    confirm_ = std::move(confirmer);
}

void LiveSourcesPanel::setSourceEditor(SourceEditor editor) {
    editor_ = std::move(editor);
}

void LiveSourcesPanel::setClock(Clock clock) {
    clock_ = std::move(clock);
}

void LiveSourcesPanel::reload() {
    if (runner_->isBusy()) {
        reloadPending_ = true;
        return;
    }
    reloadPending_ = false;
    sources_.clear();
    if (workspace_) {
        auto listed = LiveSources(*workspace_).list();
        if (listed)
            sources_ = std::move(*listed);
        else
            showMessage(tr("Cannot read the live sources: %1").arg(listed.error().message()), true);
    }
    // Sources gone (removed, or another workspace) lose their timers.
    for (auto it = schedules_.begin(); it != schedules_.end();) {
        if (!sourceById(it->first)) {
            delete it->second.timer;
            it = schedules_.erase(it);
        } else {
            ++it;
        }
    }
    for (const LiveSource& source : sources_)
        schedule(source);
    showSources();
}

void LiveSourcesPanel::showSources() {
    const std::int64_t selected = selectedId();
    table_->setRowCount(static_cast<int>(sources_.size()));
    int row = 0;
    int selectRow = -1;
    for (const LiveSource& source : sources_) {
        const QString lastPull =
            source.lastPullAt.isValid()
                ? source.lastPullAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                : tr("never");
        const bool openMeter = source.kind == LiveSourceKind::OpenMeter;
        const QString url = source.url.toString(QUrl::RemoveUserInfo);
        const QString texts[] = {source.name,
                                 openMeter ? tr("OpenMeter %1").arg(url) : url,
                                 openMeter && source.token.isEmpty()
                                     ? tr("none")
                                     : LiveSource::maskedToken(source.token),
                                 scheduleText(source),
                                 lastPull,
                                 resultText(source.id)};
        for (int column = 0; column < 6; ++column) {
            auto* item = new QTableWidgetItem(texts[column]);
            item->setToolTip(column == ResultColumn && !source.lastResult.isEmpty()
                                 ? source.lastResult
                                 : texts[column]);
            if (column == ResultColumn && source.lastOk == false)
                item->setForeground(theme::warningText(palette()));
            table_->setItem(row, column, item);
        }
        table_->item(row, NameColumn)->setData(Qt::UserRole, QVariant::fromValue(source.id));
        if (source.id == selected)
            selectRow = row;
        ++row;
    }
    for (int column = NameColumn; column < ResultColumn; ++column)
        table_->resizeColumnToContents(column);
    // A long URL may not crowd out the result; the tooltip has it whole.
    const int widest = theme::spacing(font(), 1.0) * 18;
    table_->setColumnWidth(UrlColumn, std::min(table_->columnWidth(UrlColumn), widest));
    if (selectRow < 0 && !sources_.empty())
        selectRow = 0;
    if (selectRow >= 0)
        table_->selectRow(selectRow);
    if (sources_.empty() && message_->text().isEmpty() && workspace_)
        showMessage(tr("No live sources yet. Add an aicp service (its URL and a read token) or "
                       "an OpenMeter API (its URL and meters) to pull its usage on demand or "
                       "every few minutes."),
                    false);
    updateActions();
}

void LiveSourcesPanel::updateActions() {
    const bool idle = workspace_ && !runner_->isBusy() && !working_;
    const bool chosen = selectedId() != 0;
    add_->setEnabled(idle);
    edit_->setEnabled(idle && chosen);
    remove_->setEnabled(idle && chosen);
    test_->setEnabled(idle && chosen);
    pull_->setEnabled(idle && chosen);
    // Testing a source reads it and writes nothing: any role may.
    for (QPushButton* button : {add_, edit_, remove_, pull_})
        guardRole(button, workspace_, WorkspaceArea::Usage);
}

void LiveSourcesPanel::showMessage(const QString& text, bool problem) {
    showMessageLine(message_, this, text, problem);
}

QString LiveSourcesPanel::message() const {
    return message_->text();
}

std::int64_t LiveSourcesPanel::selectedId() const {
    const auto rows = table_->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    const QTableWidgetItem* item = table_->item(rows.first().row(), NameColumn);
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

const LiveSource* LiveSourcesPanel::sourceById(std::int64_t id) const {
    const auto it = std::find_if(sources_.begin(), sources_.end(),
                                 [id](const LiveSource& source) { return source.id == id; });
    return it == sources_.end() ? nullptr : &*it;
}

QString LiveSourcesPanel::scheduleText(const LiveSource& source) const {
    if (source.intervalMinutes == 0)
        return tr("on demand");
    const QDateTime next = nextPullAt(source.id);
    if (!next.isValid())
        return tr("every %1 min").arg(source.intervalMinutes);
    return tr("every %1 min, next %2")
        .arg(source.intervalMinutes)
        .arg(next.toLocalTime().toString(QStringLiteral("HH:mm")));
}

QString LiveSourcesPanel::resultText(std::int64_t id) const {
    const LiveSource* source = sourceById(id);
    if (!source)
        return {};
    if (working_ && ticker_ && ticker_->id == id)
        return tr("pulling…");
    if (!source->lastOk)
        return tr("never pulled");
    if (*source->lastOk)
        return tr("ok: %1").arg(source->lastResult);
    // The Service column names the URL already: the reason is what must fit.
    QString reason = source->lastResult;
    if (auto endpoint = UsagePuller::endpointFor(source->url);
        endpoint && source->kind == LiveSourceKind::Aicp)
        reason.replace(endpoint->toString(QUrl::RemoveUserInfo), tr("the service"));
    QString text = tr("failed: %1").arg(reason);
    const QDateTime next = nextPullAt(id);
    if (failures(id) > 0 && next.isValid())
        text += tr(" — retrying in %1").arg(minutesText(std::max<qint64>(0, now().secsTo(next))));
    return text;
}

int LiveSourcesPanel::failures(std::int64_t id) const {
    const auto it = schedules_.find(id);
    return it == schedules_.end() ? 0 : it->second.failures;
}

QDateTime LiveSourcesPanel::nextPullAt(std::int64_t id) const {
    const auto it = schedules_.find(id);
    return it == schedules_.end() || !it->second.timer || !it->second.timer->isActive()
               ? QDateTime()
               : it->second.nextAt;
}

void LiveSourcesPanel::schedule(const LiveSource& source) {
    // A login whose role may not pull leaves the schedule to those who may
    // (its pulls would be refused).
    if (source.intervalMinutes == 0 || !mayChange(workspace_, WorkspaceArea::Usage)) {
        // On demand only; failures are still counted for the list.
        if (auto it = schedules_.find(source.id); it != schedules_.end() && it->second.timer)
            it->second.timer->stop();
        return;
    }
    const bool known = schedules_.count(source.id) != 0;
    Schedule& entry = schedules_[source.id];
    if (entry.timer && entry.timer->isActive() && entry.failures > 0)
        return;  // backing off: the retry time stands
    // A source whose last pull failed before the workspace was opened is
    // treated as failing once: it is retried, not pulled on the full interval.
    if (!known && source.lastOk == false)
        entry.failures = 1;
    const int minutes = entry.failures > 0
                            ? LiveSources::retryDelayMinutes(source.intervalMinutes, entry.failures)
                            : source.intervalMinutes;
    QDateTime due =
        source.lastPullAt.isValid() ? source.lastPullAt.addSecs(qint64{minutes} * 60) : now();
    const QDateTime earliest = now().addMSecs(kMinimumLeadMs);
    if (due < earliest)
        due = earliest;
    if (entry.timer && entry.timer->isActive() && entry.nextAt == due)
        return;
    armTimer(source.id, due);
}

void LiveSourcesPanel::armTimer(std::int64_t id, const QDateTime& at) {
    Schedule& entry = schedules_[id];
    if (!entry.timer) {
        entry.timer = new QTimer(this);
        entry.timer->setSingleShot(true);
        connect(entry.timer, &QTimer::timeout, this, [this, id] { timerFired(id); });
    }
    entry.nextAt = at;
    const qint64 ms = std::clamp<qint64>(now().msecsTo(at), 0, INT_MAX);
    entry.timer->start(static_cast<int>(ms));
}

void LiveSourcesPanel::timerFired(std::int64_t id) {
    if (!workspace_ || !sourceById(id))
        return;
    if (working_ || runner_->isBusy()) {
        armTimer(id, now().addMSecs(kBusyRetryMs));
        return;
    }
    pullNow(id);
}

bool LiveSourcesPanel::addSource(const LiveSource& source) {
    if (!workspace_ || runner_->isBusy() || working_)
        return false;
    auto added = LiveSources(*workspace_).add(source, now());
    if (!added) {
        showMessage(tr("Cannot add the live source: %1").arg(added.error().message()), true);
        return false;
    }
    showMessage(tr("Added %1. Test the connection or pull now.").arg(source.name.trimmed()), false);
    reload();
    for (int row = 0; row < table_->rowCount(); ++row) {
        if (table_->item(row, NameColumn)->data(Qt::UserRole).toLongLong() == *added)
            table_->selectRow(row);
    }
    return true;
}

bool LiveSourcesPanel::editSource(const LiveSource& source) {
    if (!workspace_ || runner_->isBusy() || working_)
        return false;
    if (Status changed = LiveSources(*workspace_).update(source); !changed) {
        showMessage(tr("Cannot save the live source: %1").arg(changed.error().message()), true);
        return false;
    }
    // A new URL, token or interval starts the back-off afresh.
    if (auto it = schedules_.find(source.id); it != schedules_.end()) {
        it->second.failures = 0;
        if (it->second.timer)
            it->second.timer->stop();
    }
    showMessage(tr("Saved %1.").arg(source.name.trimmed()), false);
    reload();
    return true;
}

void LiveSourcesPanel::editSelected() {
    const LiveSource* source = sourceById(selectedId());
    if (!source || !edit_->isEnabled())
        return;
    if (auto entered = editor_(this, *source))
        editSource(*entered);
}

bool LiveSourcesPanel::removeSource(std::int64_t id) {
    const LiveSource* source = sourceById(id);
    if (!workspace_ || !source || runner_->isBusy() || working_)
        return false;
    const QString name = source->name;
    if (!confirm_(this, tr("Remove live source"),
                  tr("Remove the live source “%1”? Its URL and token are deleted from the "
                     "workspace; the events already pulled stay.")
                      .arg(name),
                  tr("Remove")))
        return false;
    if (Status removed = LiveSources(*workspace_).remove(id); !removed) {
        showMessage(tr("Cannot remove the live source: %1").arg(removed.error().message()), true);
        return false;
    }
    showMessage(tr("Removed %1.").arg(name), false);
    reload();
    return true;
}

const LiveSource* LiveSourcesPanel::idleSource(std::int64_t id) const {
    if (!workspace_ || runner_->isBusy() || working_)
        return nullptr;
    return sourceById(id);
}

bool LiveSourcesPanel::testConnection(std::int64_t id) {
    const LiveSource* source = idleSource(id);
    if (!source)
        return false;
    const LiveSource copy = *source;
    working_ = true;
    showMessage(tr("Testing the connection to %1…").arg(copy.name), false);
    const bool started = runner_->run<std::pair<bool, QString>>(
        this,
        [copy] {
            auto tested = LiveSources::testConnection(copy);
            return tested ? std::pair{true, *tested} : std::pair{false, tested.error().message()};
        },
        [this, copy](std::pair<bool, QString> outcome) {
            working_ = false;
            showMessage(
                outcome.first
                    ? tr("%1: %2").arg(copy.name, outcome.second)
                    : tr("%1: the connection test failed: %2").arg(copy.name, outcome.second),
                !outcome.first);
            updateActions();
            emit testFinished(copy.id, outcome.first, outcome.second);
        });
    if (!started)
        working_ = false;
    updateActions();
    return started;
}

bool LiveSourcesPanel::pullNow(std::int64_t id) {
    const LiveSource* source = idleSource(id);
    if (!source)
        return false;
    const LiveSource copy = *source;
    Workspace* workspace = workspace_;
    auto ticker = std::make_shared<PullTicker>();
    ticker->id = copy.id;
    ticker->name = copy.name;
    ticker->hourly = copy.kind == LiveSourceKind::OpenMeter;
    const QDateTime started = now();
    working_ = true;
    ticker_ = ticker;
    const bool running = runner_->run<PullOutcome>(
        this,
        [workspace, copy, ticker, started] {
            PullOutcome outcome;
            outcome.id = copy.id;
            outcome.name = copy.name;
            if (copy.kind == LiveSourceKind::OpenMeter) {
                OpenMeterPullOptions options;
                options.progress = [ticker](std::int64_t done, std::int64_t total) {
                    ticker->events = done;
                    ticker->hours = total;
                };
                auto report =
                    OpenMeterPuller(*workspace).pull(copy.url, copy.token, copy.openMeter, options);
                outcome.ok = report.ok();
                outcome.text = report ? describe(*report) : report.error().message();
                outcome.newEvents = report ? report->newWindows + report->changedWindows : 0;
            } else {
                UsagePullOptions options;
                options.progress = [ticker](std::int64_t, std::int64_t events) {
                    ticker->events = events;
                };
                auto report = UsagePuller(*workspace).pull(copy.url, copy.token, options);
                outcome.ok = report.ok();
                outcome.text = report ? describe(*report) : report.error().message();
                outcome.newEvents = report ? report->newEvents : 0;
            }
            if (Status recorded =
                    LiveSources(*workspace).recordPull(copy.id, started, outcome.ok, outcome.text);
                !recorded)
                outcome.recordError = recorded.error().message();
            return outcome;
        },
        [this](PullOutcome outcome) { finishPull(outcome); });
    if (!running) {
        working_ = false;
        ticker_.reset();
        return false;
    }
    showMessage(tr("Pulling %1…").arg(copy.name), false);
    if (auto it = schedules_.find(copy.id); it != schedules_.end() && it->second.timer)
        it->second.timer->stop();
    showSources();
    return true;
}

void LiveSourcesPanel::finishPull(const PullOutcome& outcome) {
    working_ = false;
    ticker_.reset();
    Schedule& entry = schedules_[outcome.id];
    entry.failures = outcome.ok ? 0 : entry.failures + 1;
    reload();
    if (const LiveSource* source = sourceById(outcome.id); source && source->intervalMinutes > 0) {
        const int minutes =
            outcome.ok ? source->intervalMinutes
                       : LiveSources::retryDelayMinutes(source->intervalMinutes, entry.failures);
        armTimer(outcome.id, now().addSecs(qint64{minutes} * 60));
        showSources();
    }
    QString text = outcome.ok ? tr("Pulled %1: %2.").arg(outcome.name, outcome.text)
                              : tr("Pulling %1 failed: %2").arg(outcome.name, outcome.text);
    if (!outcome.recordError.isEmpty())
        text += tr(" (the outcome could not be stored: %1)").arg(outcome.recordError);
    showMessage(text, !outcome.ok);
    if (outcome.newEvents > 0)
        emit usageChanged();
    emit pullFinished(outcome.id, outcome.ok, outcome.text);
}

void LiveSourcesPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        showSources();
}

}  // namespace aicp

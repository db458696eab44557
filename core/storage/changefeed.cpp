#include "storage/changefeed.h"

#include "storage/postgresdatabase.h"

#include <libpq-fe.h>

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QSocketNotifier>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace aicp {

namespace {

using namespace std::chrono_literals;

constexpr auto kDebounce = 250ms;
constexpr auto kLongestBackoff = 30s;

// Made off the GUI thread (connect_timeout is 5 s), read back on it.
using Connection = std::shared_ptr<Result<std::unique_ptr<PostgresDatabase>>>;

}  // namespace

ChangeFeed::ChangeFeed(QString location, QObject* parent)
    : QObject(parent),
      location_(std::move(location)),
      debounce_(new QTimer(this)),
      retry_(new QTimer(this)) {
    debounce_->setSingleShot(true);
    debounce_->setInterval(kDebounce);
    // The first change of a burst starts the clock and later ones join it,
    // so steady writing still shows within the debounce, never starves it.
    connect(debounce_, &QTimer::timeout, this, [this] {
        if (!pending_.isEmpty())
            emit changed(std::exchange(pending_, {}));
    });
    retry_->setSingleShot(true);
    connect(retry_, &QTimer::timeout, this, &ChangeFeed::connectToServer);
}

ChangeFeed::~ChangeFeed() = default;

void ChangeFeed::setDebounce(std::chrono::milliseconds quiet) {
    debounce_->setInterval(quiet);
}

void ChangeFeed::start() {
    if (location_.isEmpty() || state_ != State::Off)
        return;
    if (!isPostgresLocation(location_)) {
        watchFile();
        return;
    }
    setState(State::Connecting);
    connectToServer();
}

int ChangeFeed::backendPid() const {
    return db_ ? PQbackendPID(db_->handle()) : 0;
}

void ChangeFeed::connectToServer() {
    auto* watcher = new QFutureWatcher<Connection>(this);
    connect(watcher, &QFutureWatcher<Connection>::finished, this, [this, watcher] {
        watcher->deleteLater();
        Connection made = watcher->result();
        if (!*made) {
            problem_ = made->error().message();
            scheduleReconnect();
            return;
        }
        adopt(std::move(*made).value());
    });
    watcher->setFuture(QtConcurrent::run([uri = location_] {
        return std::make_shared<Result<std::unique_ptr<PostgresDatabase>>>(
            PostgresDatabase::connect(uri));
    }));
}

void ChangeFeed::adopt(std::unique_ptr<PostgresDatabase> db) {
    const Status listening = db->executeScript(std::string("LISTEN ") + kChannel);
    if (!listening.ok()) {
        problem_ = listening.error().message();
        scheduleReconnect();
        return;
    }
    db_ = std::move(db);
    notifier_ = new QSocketNotifier(PQsocket(db_->handle()), QSocketNotifier::Read, this);
    connect(notifier_, &QSocketNotifier::activated, this, &ChangeFeed::drain);
    backoff_ = {};
    problem_.clear();
    // What was written while nobody listened is unknown: say "everything".
    if (std::exchange(everConnected_, true))
        note(everything());
    setState(State::Live);
    drain();  // notifications that came with the LISTEN's answer
}

void ChangeFeed::drain() {
    if (!db_)
        return;
    const QStringList tables = db_->takeNotifications();
    for (const QString& table : tables)
        note(table);
    // A read that failed (the server went away) leaves the connection bad.
    if (PQstatus(db_->handle()) != CONNECTION_OK)
        dropConnection(QString::fromUtf8(PQerrorMessage(db_->handle())).simplified());
}

void ChangeFeed::dropConnection(const QString& why) {
    // Called from the notifier's own signal: it goes once that returns.
    if (notifier_) {
        notifier_->setEnabled(false);
        notifier_->deleteLater();
    }
    notifier_ = nullptr;
    db_.reset();
    problem_ = QStringLiteral("the connection to the PostgreSQL server was lost (%1)")
                   .arg(why.isEmpty() ? QStringLiteral("no reason given") : why);
    scheduleReconnect();
}

void ChangeFeed::scheduleReconnect() {
    backoff_ = backoff_.count() == 0
                   ? firstBackoff_
                   : std::min<std::chrono::milliseconds>(backoff_ * 2, kLongestBackoff);
    retry_->start(backoff_);
    setState(State::Reconnecting);
}

void ChangeFeed::watchFile() {
    files_ = new QFileSystemWatcher(this);
    // The -wal appears with the first connection that reads, and a file
    // replaced is dropped from the watch: the folder tells of both.
    const QString folder = QFileInfo(location_).absolutePath();
    files_->addPath(folder);
    watchFiles();
    // A change arrives for every write to the file, thousands for one
    // import: it only notes. A file removed or replaced leaves the watch, and
    // the folder's change adds it again.
    connect(files_, &QFileSystemWatcher::fileChanged, this, [this] { note(everything()); });
    connect(files_, &QFileSystemWatcher::directoryChanged, this, [this] {
        if (watchFiles())
            note(everything());
    });
    setState(State::WatchingFile);
}

bool ChangeFeed::watchFiles() {
    bool added = false;
    for (const QString& path : {location_, location_ + QStringLiteral("-wal")})
        if (QFileInfo::exists(path) && !files_->files().contains(path))
            added = files_->addPath(path) || added;
    return added;
}

void ChangeFeed::note(const QString& table) {
    if (debounce_->isActive() && pending_.contains(everything()))
        return;  // already coming
    pending_.insert(table.isEmpty() ? everything() : table);
    if (!debounce_->isActive())
        debounce_->start();
}

void ChangeFeed::setState(State state) {
    if (state_ == state)
        return;
    state_ = state;
    emit stateChanged(state);
}

}  // namespace aicp

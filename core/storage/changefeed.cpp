#include "storage/changefeed.h"

#include "storage/postgresdatabase.h"
#include "storage/sqlitedatabase.h"
#include "storage/statement.h"

#include <libpq-fe.h>

#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSocketNotifier>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <sqlite3.h>

namespace aicp {

namespace {

using namespace std::chrono_literals;

constexpr auto kDebounce = 250ms;
// How often a workspace file's feed asks whether another connection wrote.
constexpr auto kFilePoll = 250ms;
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
    // SQLite counts the commits of other connections (PRAGMA data_version):
    // asking a few times a second costs nothing, where a watch on the files
    // woke this thread, and slowed the writer, on every page it wrote.
    poll_ = new QTimer(this);
    connect(poll_, &QTimer::timeout, this, &ChangeFeed::pollFile);
    poll_->start(kFilePoll);
    pollFile();
    setState(State::WatchingFile);
}

void ChangeFeed::pollFile() {
    if (!file_) {
        // Not there yet, or not readable: asked again at the next poll.
        const QString canonical = QFileInfo(location_).canonicalFilePath();
        if (canonical.isEmpty())
            return;
        const auto held = SqliteDatabase::OpenFiles::lock();
        sqlite3* raw = nullptr;
        const int rc = sqlite3_open_v2(QFile::encodeName(canonical).constData(), &raw,
                                       SQLITE_OPEN_READWRITE, nullptr);
        auto opened = std::make_unique<SqliteDatabase>(raw);
        if (rc != SQLITE_OK)
            return;
        opened->holdFile(canonical);
        file_ = std::move(opened);
    }
    // Busy (another connection checkpointing, say): asked again next time.
    const auto version = queryInt64(file_.get(), "PRAGMA data_version");
    if (!version)
        return;
    if (dataVersion_ && *dataVersion_ != *version)
        note(everything());
    dataVersion_ = *version;
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

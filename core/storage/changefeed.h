#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>

#include <QObject>
#include <QSet>
#include <QString>

class QSocketNotifier;
class QTimer;

namespace aicp {

class PostgresDatabase;
class SqliteDatabase;

// Tells when another program (or this one) changed the workspace, so a
// console can show it (SPEC section 8, "Live"). On PostgreSQL it keeps a
// connection of its own that LISTENs on the channel the schema's triggers
// NOTIFY with the table's name; a dropped connection is reconnected with
// backoff (1 s, 2 s, 4 s… at most 30 s). On a SQLite file it asks a
// connection of its own, four times a second, whether another connection
// committed (PRAGMA data_version). Either way `changed` is debounced: a burst
// of writes is one signal. Listening never writes, so a reader refreshing
// on `changed` can never make another.
class ChangeFeed : public QObject {
    Q_OBJECT
public:
    enum class State {
        Off,           // nothing watched (no location)
        Connecting,    // the first connection is being made
        Live,          // changes arrive as they are made
        Reconnecting,  // the connection dropped; trying again with backoff
        WatchingFile,  // a SQLite file, watched on disk
    };

    // The channel the PostgreSQL schema's triggers NOTIFY on.
    static constexpr const char* kChannel = "aicp_change";
    // In a `changed` set: anything may have changed (after a reconnect).
    [[nodiscard]] static QString everything() { return QStringLiteral("*"); }

    // Watches `location`: a postgresql:// URI or a workspace file. Nothing
    // happens before start().
    explicit ChangeFeed(QString location, QObject* parent = nullptr);
    ~ChangeFeed() override;
    ChangeFeed(const ChangeFeed&) = delete;
    ChangeFeed& operator=(const ChangeFeed&) = delete;

    void start();
    [[nodiscard]] State state() const { return state_; }
    // Why the feed is reconnecting, in words; empty when live.
    [[nodiscard]] const QString& problem() const { return problem_; }
    // For tests: the quiet time that ends a burst, and the first backoff.
    void setDebounce(std::chrono::milliseconds quiet);
    void setFirstBackoff(std::chrono::milliseconds wait) { firstBackoff_ = wait; }
    // The server process of the listening connection (pg_backend_pid), 0
    // when not connected: tests terminate it to see the feed come back.
    [[nodiscard]] int backendPid() const;

signals:
    // The tables written since the last signal (everything() after a gap).
    void changed(const QSet<QString>& tables);
    void stateChanged(aicp::ChangeFeed::State state);

private:
    void connectToServer();
    void adopt(std::unique_ptr<PostgresDatabase> db);
    void drain();
    void dropConnection(const QString& why);
    void scheduleReconnect();
    void note(const QString& table);
    void setState(State state);
    void watchFile();
    // Notes a change when another connection committed to the file since
    // the last poll.
    void pollFile();

    QString location_;
    State state_ = State::Off;
    QString problem_;
    std::unique_ptr<PostgresDatabase> db_;
    QSocketNotifier* notifier_ = nullptr;
    std::unique_ptr<SqliteDatabase> file_;  // asks only PRAGMA data_version
    std::optional<std::int64_t> dataVersion_;
    QTimer* poll_ = nullptr;
    QTimer* debounce_;
    QTimer* retry_;
    QSet<QString> pending_;
    std::chrono::milliseconds firstBackoff_{1000};
    std::chrono::milliseconds backoff_{0};
    bool everConnected_ = false;
};

}  // namespace aicp

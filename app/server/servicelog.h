#pragma once

#include <mutex>

#include <QStringView>

class QTextStream;

namespace aicp {

// The service's log (its standard error): lines from every serving thread
// and from the main one. Each write() lands whole and is flushed at once.
class ServiceLog {
public:
    explicit ServiceLog(QTextStream& out) : out_(out) {}

    // `lines`: one or more lines, each ending in '\n'.
    void write(QStringView lines);

private:
    std::mutex mutex_;
    QTextStream& out_;
};

}  // namespace aicp

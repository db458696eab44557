#pragma once

#include "common/result.h"
#include "server/apiservice.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include <QHostAddress>
#include <QTcpServer>

class QThread;

namespace aicp {

class ServiceLog;

// `aicp serve`'s HTTP side: one listening socket answered by several
// threads, each with its own connection to the workspace, its own
// ApiService (token list, validation cache) and its own ApiHttpServer. A
// new connection goes to whichever thread accepts it first, so an idle
// thread takes it. Requests that change the workspace share one write gate
// (ApiRouter::setWriteGate): they queue in memory for each other rather
// than in SQLite's busy wait.
class ApiServerPool {
public:
    // At most this many threads, whatever the machine.
    static constexpr int kMaxThreads = 16;
    // The page caches of all the threads' connections together, each
    // between a quarter of the service's own and all of it: two threads keep
    // 64 MiB each, sixteen 16 MiB each.
    static constexpr std::int64_t kCachesKiB = 128 * 1024;
    [[nodiscard]] static std::int64_t cachePerThreadKiB(int threads, std::int64_t serviceKiB) {
        return std::clamp(kCachesKiB / std::clamp(threads, 1, kMaxThreads), serviceKiB / 4,
                          serviceKiB);
    }

    explicit ApiServerPool(ServiceLog& log);
    ~ApiServerPool();
    ApiServerPool(const ApiServerPool&) = delete;
    ApiServerPool& operator=(const ApiServerPool&) = delete;

    // Listens on `address`:`port` (0 picks a free port) and starts `threads`
    // threads serving the workspace at `location` (a file or a PostgreSQL
    // URI) with `options`. Returns the port; on an error nothing is left
    // running.
    [[nodiscard]] Result<quint16> start(const QString& location, const ApiServiceOptions& options,
                                        const QHostAddress& address, quint16 port, int threads);
    // Stops accepting, lets the threads finish the answers they have written
    // (all at once, up to `timeoutMs`), then closes every thread's workspace.
    void stop(int timeoutMs);

    [[nodiscard]] int threads() const { return int(workers_.size()); }

private:
    struct Worker;

    [[nodiscard]] Status startWorker(const QString& location, const ApiServiceOptions& options,
                                     std::int64_t cacheKiB);

    ServiceLog& log_;
    QTcpServer listener_;  // listens; the workers accept on copies of its descriptor
    std::mutex writeGate_;
    std::vector<std::unique_ptr<Worker>> workers_;
};

}  // namespace aicp

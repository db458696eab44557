#include "server/apiserverpool.h"

#include "licensing/cryptothread.h"
#include "server/apihttpserver.h"
#include "storage/workspace.h"

#include <algorithm>
#include <fcntl.h>
#include <unistd.h>

#include <QThread>

namespace aicp {

// One serving thread and what lives on it. `context` lives on the thread
// (and is deleted once the thread has finished); everything else is made,
// used and destroyed there.
struct ApiServerPool::Worker {
    QThread thread;
    std::unique_ptr<QObject> context;
    std::unique_ptr<Workspace> workspace;
    std::unique_ptr<ApiService> service;
    std::unique_ptr<ApiHttpServer> server;

    // Runs `function` on the thread and waits for it.
    template <typename Function>
    void run(Function function) {
        QMetaObject::invokeMethod(context.get(), function, Qt::BlockingQueuedConnection);
    }
};

ApiServerPool::ApiServerPool(ServiceLog& log) : log_(log) {}

ApiServerPool::~ApiServerPool() {
    stop(0);
}

Result<quint16> ApiServerPool::start(const QString& location, const ApiServiceOptions& options,
                                     const QHostAddress& address, quint16 port, int threads) {
    if (!listener_.listen(address, port))
        return Error(Error::Code::Io, QStringLiteral("cannot listen on %1:%2 (%3)")
                                          .arg(address.toString())
                                          .arg(port)
                                          .arg(listener_.errorString()));
    // The listener itself never accepts: only the workers do.
    listener_.pauseAccepting();
    const int count = std::clamp(threads, 1, kMaxThreads);
    const std::int64_t cacheKiB = cachePerThreadKiB(count, options.cacheKiB);
    for (int i = 0; i < count; ++i) {
        if (Status started = startWorker(location, options, cacheKiB); !started) {
            stop(0);
            return started.error();
        }
    }
    return listener_.serverPort();
}

Status ApiServerPool::startWorker(const QString& location, const ApiServiceOptions& options,
                                  std::int64_t cacheKiB) {
    auto worker = std::make_unique<Worker>();
    worker->thread.setObjectName(QStringLiteral("aicp serve %1").arg(workers_.size() + 1));
    worker->context = std::make_unique<QObject>();
    worker->context->moveToThread(&worker->thread);
    worker->thread.start();
    const int descriptor = ::fcntl(int(listener_.socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    Status started;
    Worker& on = *worker;
    workers_.push_back(std::move(worker));
    on.run([&] {
        if (descriptor < 0) {
            started = Error(Error::Code::Io,
                            QStringLiteral("cannot share the listening socket between threads"));
            return;
        }
        auto workspace = Workspace::open(location, Workspace::OpenMode::OpenExisting);
        if (!workspace) {
            ::close(descriptor);
            started = workspace.error();
            return;
        }
        on.workspace = std::move(workspace).value();
        // A copy of the passphrase of its own, which the service wipes when
        // it goes (a shared one would be copied on the wipe, not wiped).
        ApiServiceOptions own = options;
        own.passphrase = QByteArray(options.passphrase.constData(), options.passphrase.size());
        own.writeGate = &writeGate_;
        own.cacheKiB = cacheKiB;
        on.service = std::make_unique<ApiService>(*on.workspace, std::move(own));
        on.server = std::make_unique<ApiHttpServer>(*on.service, log_);
        started = on.server->adopt(descriptor);
    });
    return started;
}

void ApiServerPool::stop(int timeoutMs) {
    listener_.close();
    // Every thread finishes its answers at the same time: a stop waits one
    // grace period, not one per thread.
    for (const auto& worker : workers_) {
        Worker& on = *worker;
        QMetaObject::invokeMethod(
            on.context.get(),
            [&on, timeoutMs] {
                if (on.server)
                    on.server->stop(timeoutMs);
                on.server.reset();
                on.service.reset();
                on.workspace.reset();
                releaseThreadCryptoState();
                on.thread.quit();
            },
            Qt::QueuedConnection);
    }
    for (const auto& worker : workers_)
        worker->thread.wait();
    workers_.clear();
}

}  // namespace aicp

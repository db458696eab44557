#include "server/webhooksender.h"

#include "licensing/cryptothread.h"
#include "notify/webhookdelivery.h"
#include "notify/webhooks.h"
#include "recommend/notices.h"
#include "storage/changefeed.h"
#include "storage/workspace.h"

#include <memory>

#include <QTimer>

namespace aicp {

namespace {

constexpr int kTickMs = 1000;
constexpr qint64 kScanEverySeconds = 60;
// After a change to the workspace (usage imported, an activation, an
// invoice), the next scan comes this soon.
constexpr qint64 kScanAfterChangeSeconds = 3;
constexpr int kDeliveriesPerTick = 5;

}  // namespace

class WebhookSender::Worker final : public QObject {
public:
    Worker(QString path, std::atomic<bool>& stopping, WebhookSender& owner)
        : path_(std::move(path)), stopping_(stopping), owner_(owner) {}

    void begin() {
        auto* feed = new ChangeFeed(path_, this);
        connect(feed, &ChangeFeed::changed, this, [this] { changed_ = true; });
        // What changed before the feed listened is looked for once it does.
        connect(feed, &ChangeFeed::stateChanged, this, [this](ChangeFeed::State state) {
            if (state == ChangeFeed::State::Live || state == ChangeFeed::State::WatchingFile)
                changed_ = true;
        });
        feed->start();
        auto* timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, [this] { tick(); });
        timer->start(kTickMs);
        tick();
    }

private:
    void tell(const QString& line) { Q_EMIT owner_.report(line); }
    // A problem once, not every second.
    void problem(const QString& message) {
        if (message != lastProblem_)
            tell(QStringLiteral("webhooks: %1").arg(message));
        lastProblem_ = message;
    }

    void tick() {
        if (stopping_)
            return;
        if (!workspace_) {
            auto opened = Workspace::open(path_, Workspace::OpenMode::OpenExisting);
            if (!opened) {
                problem(opened.error().message());
                return;
            }
            workspace_ = std::move(opened).value();
        }
        auto endpoints = WebhookEndpoints(*workspace_).list();
        if (!endpoints) {
            problem(endpoints.error().message());
            return;
        }
        if (endpoints->empty())
            return;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const qint64 sinceScan = lastScan_.isValid() ? lastScan_.secsTo(now) : kScanEverySeconds;
        if (sinceScan >= kScanEverySeconds || (changed_ && sinceScan >= kScanAfterChangeSeconds)) {
            lastScan_ = now;
            changed_ = false;
            auto found = Notices(*workspace_).publishDue();
            if (!found) {
                problem(found.error().message());
                return;
            }
        }
        auto round = WebhookDeliveries(*workspace_).deliverDue(kDeliveriesPerTick);
        if (!round) {
            problem(round.error().message());
            return;
        }
        lastProblem_.clear();
        if (round->attempted > 0)
            tell(QStringLiteral("webhooks: sent %1: %2 delivered, %3 to retry, %4 failed")
                     .arg(round->attempted)
                     .arg(round->delivered)
                     .arg(round->retrying)
                     .arg(round->failed));
    }

    QString path_;
    std::atomic<bool>& stopping_;
    WebhookSender& owner_;
    std::unique_ptr<Workspace> workspace_;
    QDateTime lastScan_;
    bool changed_ = false;
    QString lastProblem_;
};

WebhookSender::WebhookSender(QString workspacePath, QObject* parent)
    : QObject(parent), path_(std::move(workspacePath)) {}

WebhookSender::~WebhookSender() {
    stop();
}

void WebhookSender::start() {
    if (worker_)
        return;
    worker_ = new Worker(path_, stopping_, *this);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    // On the thread as it ends, before wait() returns (webhooks are signed).
    connect(&thread_, &QThread::finished, worker_, &releaseThreadCryptoState, Qt::DirectConnection);
    thread_.start();
    QMetaObject::invokeMethod(worker_, [worker = worker_] { worker->begin(); });
}

void WebhookSender::stop() {
    if (!worker_)
        return;
    stopping_ = true;
    thread_.quit();
    thread_.wait();
    worker_ = nullptr;
}

}  // namespace aicp

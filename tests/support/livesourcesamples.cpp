#include "support/livesourcesamples.h"

#include <tuple>

namespace aicp::test {

LiveSource aicpSource(const QString& name, const QUrl& url, const QByteArray& token,
                      int intervalMinutes) {
    LiveSource source;
    std::tie(source.name, source.url, source.token, source.intervalMinutes) =
        std::tie(name, url, token, intervalMinutes);
    return source;
}

LiveSource openMeterSource(const QString& name, const QUrl& url) {
    LiveSource source = aicpSource(name, url, {}, 30);
    source.kind = LiveSourceKind::OpenMeter;
    source.openMeter.requestsMeter = QStringLiteral("governed_requests");
    source.openMeter.packsMeter = QStringLiteral("pack_requests");
    source.openMeter.packKey = QStringLiteral("pack");
    source.openMeter.agentsMeter = QStringLiteral("agent_requests");
    source.openMeter.agentKey = QStringLiteral("agent_id");
    return source;
}

}  // namespace aicp::test

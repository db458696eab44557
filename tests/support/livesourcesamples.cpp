#include "support/livesourcesamples.h"

namespace aicp::test {

LiveSource aicpSource(const QString& name, const QUrl& url, const QByteArray& token,
                      int intervalMinutes) {
    LiveSource source;
    source.name = name;
    source.url = url;
    source.token = token;
    source.intervalMinutes = intervalMinutes;
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

#pragma once

#include "metering/livesources.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace aicp::test {

// An aicp live source as the console's dialog stores it.
[[nodiscard]] LiveSource aicpSource(const QString& name, const QUrl& url, const QByteArray& token,
                                    int intervalMinutes = 0);

// An OpenMeter source pulled every 30 minutes, its meters named as the
// OpenMeter fixture tests hold them: governed_requests, pack_requests by
// "pack", agent_requests by "agent_id".
[[nodiscard]] LiveSource openMeterSource(const QString& name, const QUrl& url);

}  // namespace aicp::test

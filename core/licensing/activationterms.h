#pragma once

#include "common/enumwords.h"
#include "common/result.h"

#include <cstdint>
#include <optional>

#include <QString>
#include <QStringView>

namespace aicp {

// How a license's gateways hold their places (SPEC 13): a floating place is
// freed when its gateway misses two heartbeats; a node-locked one stays with
// its machine until it is released.
enum class ActivationMode { Floating, NodeLocked };

inline constexpr EnumWord<ActivationMode> kActivationModeWords[] = {
    {ActivationMode::Floating, "floating"},
    {ActivationMode::NodeLocked, "node-locked"},
};

// "floating", "node-locked".
[[nodiscard]] inline QString activationModeKey(ActivationMode mode) {
    return wordOf(kActivationModeWords, mode);
}
[[nodiscard]] inline std::optional<ActivationMode> activationModeFromKey(QStringView key) {
    return valueOf(kActivationModeWords, key);
}

// How many gateways may run a license at once, and how they keep their
// places: the terms a price book tier gives by default and a license
// carries (`limits.instances`, `activation`). A license or tier that says
// nothing of them has the defaults: unlimited, floating, every 600 s.
struct ActivationTerms {
    static constexpr int kDefaultHeartbeatSeconds = 600;
    static constexpr int kMinHeartbeatSeconds = 60;
    static constexpr int kMaxHeartbeatSeconds = 86'400;

    std::optional<std::int64_t> instances;  // nullopt: unlimited
    ActivationMode mode = ActivationMode::Floating;
    int heartbeatSeconds = kDefaultHeartbeatSeconds;

    [[nodiscard]] bool isDefault() const { return *this == ActivationTerms(); }

    // At least one instance; a heartbeat from a minute to a day.
    [[nodiscard]] Status check() const {
        if (instances && *instances < 1)
            return Error::invalidInput(
                QStringLiteral("instances must be at least 1, or unlimited; %1 was given")
                    .arg(*instances));
        if (heartbeatSeconds < kMinHeartbeatSeconds || heartbeatSeconds > kMaxHeartbeatSeconds)
            return Error::invalidInput(
                QStringLiteral("the heartbeat must be every %1 to %2 seconds; %3 was given")
                    .arg(kMinHeartbeatSeconds)
                    .arg(kMaxHeartbeatSeconds)
                    .arg(heartbeatSeconds));
        return {};
    }

    // "10 instances, floating, heartbeat every 600 s".
    [[nodiscard]] QString toText() const {
        const QString count = !instances        ? QStringLiteral("unlimited instances")
                              : *instances == 1 ? QStringLiteral("1 instance")
                                                : QStringLiteral("%1 instances").arg(*instances);
        return QStringLiteral("%1, %2, heartbeat every %3 s")
            .arg(count, activationModeKey(mode))
            .arg(heartbeatSeconds);
    }

    friend bool operator==(const ActivationTerms&, const ActivationTerms&) = default;
};

// Reads "10" or "unlimited" (`--instances`): the count, or nullopt for
// unlimited; anything else, or fewer than one, is refused.
[[nodiscard]] inline Result<std::optional<std::int64_t>> parseInstances(QStringView text) {
    const QString given = text.trimmed().toString();
    if (given == QLatin1String("unlimited"))
        return std::optional<std::int64_t>();
    bool ok = false;
    const qlonglong count = given.toLongLong(&ok);
    if (!ok || count < 1)
        return Error::invalidInput(
            QStringLiteral("instances must be a whole number of at least 1, or 'unlimited'; "
                           "'%1' is neither")
                .arg(given));
    return std::optional<std::int64_t>(count);
}

}  // namespace aicp

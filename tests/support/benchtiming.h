#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include <QCoreApplication>
#include <QElapsedTimer>

namespace aicp::test {

// How fast `work` ran over `iterations` calls (each given its index).
struct Timing {
    double perSecond = 0;
    double nanosPerOp = 0;
};

template <typename Work>
Timing measure(std::int64_t iterations, Work work) {
    QElapsedTimer timer;
    timer.start();
    for (std::int64_t i = 0; i < iterations; ++i)
        work(i);
    const double nanos = std::max<double>(1.0, static_cast<double>(timer.nsecsElapsed()));
    return {static_cast<double>(iterations) * 1e9 / nanos, nanos / static_cast<double>(iterations)};
}

// The value below which a share `p` (0..1) of `values` lies, nearest rank;
// 0 for none.
inline double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = std::size_t(p * double(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

// For a benchmark of a console page, before its QApplication: drawn
// offscreen unless a platform is chosen, with settings apart from a real
// console's.
inline void prepareConsoleBench() {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QCoreApplication::setOrganizationName(QStringLiteral("aicp-bench"));
}

}  // namespace aicp::test

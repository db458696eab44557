#pragma once

#include "metering/usagegenerator.h"

#include <cstdint>

#include <QString>

namespace aicp::test {

enum class UsageFileFormat { Csv, JsonLines };

// The generator's file for `spec` at `path`; false when it cannot be written.
[[nodiscard]] bool writeGeneratedUsage(const UsageGeneratorSpec& spec, const QString& path,
                                       UsageFileFormat format = UsageFileFormat::Csv);

// The usage the throughput benchmarks and the soak generate: `rows` events
// of 50 customers with 200 users and 20 agents each.
[[nodiscard]] UsageGeneratorSpec benchmarkUsage(std::int64_t rows);

}  // namespace aicp::test

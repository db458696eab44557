#include "support/generatedusage.h"

#include <QFile>

namespace aicp::test {

bool writeGeneratedUsage(const UsageGeneratorSpec& spec, const QString& path,
                         UsageFileFormat format) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const UsageGenerator generator(spec);
    const Status written =
        format == UsageFileFormat::Csv ? generator.writeCsv(file) : generator.writeJsonl(file);
    return written.ok();
}

UsageGeneratorSpec benchmarkUsage(std::int64_t rows) {
    return UsageGeneratorSpec{
        .rows = rows, .customers = 50, .usersPerCustomer = 200, .agentsPerCustomer = 20};
}

}  // namespace aicp::test

// Imports one usage file into a workspace, printing "rows N" lines as it
// goes, so tst_usagecrash can kill it at a known point of a real import.
// A third argument sets the events per batch (UsageImportOptions).
#include "metering/usageimporter.h"
#include "storage/workspace.h"

#include <cstdio>

#include <QCoreApplication>
#include <QStringList>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3 && args.size() != 4) {
        std::fprintf(stderr, "usage: usage_import_helper WORKSPACE FILE [BATCH-EVENTS]\n");
        return 2;
    }
    auto workspace = aicp::Workspace::open(args[1], aicp::Workspace::OpenMode::OpenExisting);
    if (!workspace) {
        std::fprintf(stderr, "%s\n", qPrintable(workspace.error().message()));
        return 1;
    }
    aicp::UsageImportOptions options;
    if (args.size() == 4)
        options.batchEvents = args[3].toULongLong();
    options.progress = [](const aicp::UsageImportProgress& progress) {
        std::printf("rows %lld\n", static_cast<long long>(progress.rows));
        std::fflush(stdout);
    };
    auto report = aicp::UsageImporter(**workspace).importFile(args[2], options);
    if (!report) {
        std::fprintf(stderr, "%s\n", qPrintable(report.error().message()));
        return 1;
    }
    std::printf("done %lld\n", static_cast<long long>(report->newEvents));
    return 0;
}

// Imports one usage file into a workspace, printing "rows N" lines as it
// goes, so tst_usagecrash can kill it at a known point of a real import.
#include "metering/usageimporter.h"
#include "storage/workspace.h"

#include <cstdio>

#include <QCoreApplication>
#include <QStringList>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: usage_import_helper WORKSPACE FILE\n");
        return 2;
    }
    auto workspace = aicp::Workspace::open(args[1], aicp::Workspace::OpenMode::OpenExisting);
    if (!workspace) {
        std::fprintf(stderr, "%s\n", qPrintable(workspace.error().message()));
        return 1;
    }
    aicp::UsageImportOptions options;
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

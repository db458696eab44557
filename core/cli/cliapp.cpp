#include "cli/cliapp.h"

#include <cstdio>

namespace aicp {

int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    Q_UNUSED(arguments);
    Q_UNUSED(out);
    err << "aicp: not built yet\n";
    return 1;
}

int runCli(const QStringList& arguments) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    return runCli(arguments, out, err);
}

}  // namespace aicp

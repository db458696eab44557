#include "cli/cliapp.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    return aicp::runCli(app.arguments());
}

#include "consolelauncher.h"

int main(int argc, char* argv[]) {
    return aicp::consoleMain(argc, argv);
}

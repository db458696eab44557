#include "cli/cliprogram.h"

int main(int argc, char* argv[]) {
    return aicp::runCliProgram(argc, argv);
}

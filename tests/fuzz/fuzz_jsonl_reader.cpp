#include "fuzzreaders.h"
#include "metering/jsonleventreader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return aicp::fuzz::readEverything<aicp::JsonlEventReader>(
        data, size, aicp::UsageEventValidator::Naming::CloudEvents);
}

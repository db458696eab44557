#include "fuzzreaders.h"
#include "metering/csveventreader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return aicp::fuzz::readEverything<aicp::CsvEventReader>(data, size,
                                                            aicp::UsageEventValidator::Naming::Csv);
}

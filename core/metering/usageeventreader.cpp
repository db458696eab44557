#include "metering/usageeventreader.h"

namespace aicp {

std::int32_t characterColumn(std::string_view line, std::size_t offset) {
    std::int32_t column = 1;
    for (std::size_t i = 0; i < offset && i < line.size(); ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80)
            ++column;
    }
    return column;
}

std::int32_t RawUsageEvent::displayColumn(UsageField field) const {
    const std::int32_t stored = column(field);
    if (!columnsAreOffsets)
        return stored;
    return characterColumn(record, std::size_t(stored));
}

}  // namespace aicp

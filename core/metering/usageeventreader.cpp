#include "metering/usageeventreader.h"

namespace aicp {

namespace {

// Both spellings of every field, in the enum's order.
struct FieldNames {
    std::string_view csv;
    std::string_view cloudEvent;
};
constexpr FieldNames kFieldNames[kUsageFieldCount] = {
    {"source", "source"},
    {"event_id", "id"},
    {"type", "type"},
    {"timestamp", "time"},
    {"customer_id", "subject"},
    {"agent_id", "data.agent_id"},
    {"user_id", "data.user_id"},
    {"policy_packs", "data.policy_packs"},
    {"compliance_modules", "data.compliance_modules"},
    {"quantity", "data.quantity"},
};

}  // namespace

std::string_view csvColumnName(UsageField field) {
    return std::size_t(field) < kUsageFieldCount ? kFieldNames[std::size_t(field)].csv : "?";
}

std::string_view cloudEventKey(UsageField field) {
    return std::size_t(field) < kUsageFieldCount ? kFieldNames[std::size_t(field)].cloudEvent : "?";
}

std::string_view trimmedBlanks(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

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

#pragma once

#include "metering/usageeventreader.h"

#include <array>
#include <string>

namespace aicp {

class ChunkedInput;

// JSON Lines of CloudEvents 1.0, one event per line (blank lines skipped):
// id, source, type, time, subject (the customer id) and data {agent_id,
// user_id, policy_packs [], compliance_modules [], quantity}. Other
// attributes are allowed and ignored. A small parser of its own, because the
// import reads a million lines and QJsonDocument would turn each into
// QStrings first.
class JsonlEventReader final : public UsageEventReader {
public:
    explicit JsonlEventReader(ChunkedInput& input);

    [[nodiscard]] Status start() override { return {}; }
    [[nodiscard]] Result<Next> next(RawUsageEvent& event, RowIssue& issue) override;
    [[nodiscard]] std::string_view preamble() const override { return {}; }

private:
    class LineParser;

    ChunkedInput& input_;
    std::array<std::string, kUsageFieldCount> scratch_;  // unescaped strings, joined lists
    std::string element_;                                // one unescaped list element
    std::int64_t line_ = 1;
};

}  // namespace aicp

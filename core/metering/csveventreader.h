#pragma once

#include "metering/usageeventreader.h"

#include <array>
#include <string>
#include <vector>

namespace aicp {

class ChunkedInput;

// RFC 4180 CSV: a header naming the columns in any order, quoted fields with
// doubled quotes, commas and line breaks inside quotes, LF or CRLF line ends,
// an optional UTF-8 byte-order mark. Blank lines are skipped. A file in
// UTF-16, with two byte-order marks or with lone-CR line ends is refused
// with words that say so. Without a
// `source` column (or with an empty cell) an event's source is "default".
class CsvEventReader final : public UsageEventReader {
public:
    // More columns than this is not a usage file.
    static constexpr std::size_t kMaxColumns = 32;

    explicit CsvEventReader(ChunkedInput& input);

    [[nodiscard]] Status start() override;
    [[nodiscard]] Result<Next> next(RawUsageEvent& event, RowIssue& issue) override;
    [[nodiscard]] std::string_view preamble() const override { return header_; }

private:
    // One record split at the front of the window.
    struct Split {
        bool complete = false;        // false: the window ends inside the record
        std::size_t length = 0;       // the record without its line end
        std::size_t consumed = 0;     // with its line end
        std::int64_t lineBreaks = 0;  // inside quoted fields
        std::size_t fieldCount = 0;
        std::int32_t badColumn = 0;  // 0 when the quoting is fine
        const char* badReason = nullptr;
    };

    enum class Plain { Done, NeedMore, HasQuotes };
    // The byte-by-byte split of a record with quotes in it.
    class QuotedScan;

    [[nodiscard]] Split split(std::string_view window, bool atEnd);
    [[nodiscard]] Plain splitPlain(std::string_view window, bool atEnd, Split& result);
    void addField(Split& result, std::string_view value);
    // Splits the next record, reading more input as needed; false at the end.
    [[nodiscard]] Result<bool> nextRecord(Split& result);
    [[nodiscard]] Status readHeader();

    ChunkedInput& input_;
    std::string header_;
    std::vector<int> columnFields_;  // per column: a UsageField, or -1 for an ignored column
    std::array<std::string_view, kMaxColumns + 1> fields_{};
    std::array<std::string, kMaxColumns + 1> unquoted_;
    std::int64_t line_ = 1;  // where the next record starts
    bool hasSource_ = false;
};

}  // namespace aicp

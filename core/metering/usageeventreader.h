#pragma once

#include "common/result.h"

#include <array>
#include <cstdint>
#include <string_view>

#include <QString>

namespace aicp {

// The fields of a usage event, named as in the CSV header (JSON keys differ:
// id, time, subject, data.*).
enum class UsageField : std::uint8_t {
    Source,
    Id,
    Type,
    Time,
    Customer,
    Agent,
    User,
    PolicyPacks,
    ComplianceModules,
    Quantity,
};
inline constexpr std::size_t kUsageFieldCount = 10;

// The name a user sees in messages: the CSV column or the CloudEvents key.
[[nodiscard]] std::string_view csvColumnName(UsageField field);
[[nodiscard]] std::string_view cloudEventKey(UsageField field);

// `text` without the spaces and tabs at either end.
[[nodiscard]] std::string_view trimmedBlanks(std::string_view text);

// One event as a reader found it, before validation. The views point into
// the reader's buffer and stay valid until its next call. List fields are
// ';'-separated in both formats (a JSON array is joined).
struct RawUsageEvent {
    std::array<std::string_view, kUsageFieldCount> values{};
    std::array<bool, kUsageFieldCount> present{};
    // Where each value starts: the 1-based field number in CSV, the byte
    // offset in the line in JSON Lines (see displayColumn).
    std::array<std::int32_t, kUsageFieldCount> columns{};
    bool columnsAreOffsets = false;
    std::int64_t line = 0;    // where the row starts, 1-based
    std::string_view record;  // the row as it was in the file, for reject files

    [[nodiscard]] std::string_view value(UsageField field) const {
        return values[std::size_t(field)];
    }
    [[nodiscard]] bool has(UsageField field) const { return present[std::size_t(field)]; }
    [[nodiscard]] std::int32_t column(UsageField field) const {
        return columns[std::size_t(field)];
    }
    // The column for a message: the field number in CSV, the 1-based
    // character column in JSON Lines (computed only for rows that need it).
    [[nodiscard]] std::int32_t displayColumn(UsageField field) const;
    void set(UsageField field, std::string_view text, std::int32_t column) {
        values[std::size_t(field)] = text;
        present[std::size_t(field)] = true;
        columns[std::size_t(field)] = column;
    }
    void clear() { present.fill(false); }
};

// The 1-based character (not byte) column of a byte offset in a UTF-8 line.
[[nodiscard]] std::int32_t characterColumn(std::string_view line, std::size_t offset);

// Why one row cannot be imported, and where.
struct RowIssue {
    std::int64_t line = 0;
    std::int32_t column = 0;
    QString reason;
};

// Turns a file's bytes into RawUsageEvents, one row at a time.
class UsageEventReader {
public:
    enum class Next {
        Event,   // `event` holds a row
        BadRow,  // the row is unreadable; `issue` says why, `event.record` holds it
        End,
    };

    virtual ~UsageEventReader() = default;

    // Reads what comes before the rows (a CSV header); fails when the file
    // as a whole cannot be imported.
    [[nodiscard]] virtual Status start() = 0;
    // A failure (I/O, a row over the size limit) ends the reading; a BadRow
    // does not.
    [[nodiscard]] virtual Result<Next> next(RawUsageEvent& event, RowIssue& issue) = 0;
    // Text to put at the top of a reject file so that, comments removed, it
    // imports again (the CSV header line); empty for JSON Lines.
    [[nodiscard]] virtual std::string_view preamble() const = 0;
};

}  // namespace aicp

#include "metering/csveventreader.h"

#include "metering/chunkedinput.h"

#include <cstring>

namespace aicp {

namespace {

constexpr std::string_view kByteOrderMark("\xEF\xBB\xBF");
constexpr std::string_view kDefaultSource("default");

// Columns a usage CSV must have; source and quantity may be left out.
constexpr UsageField kRequiredColumns[] = {
    UsageField::Id,   UsageField::Time,        UsageField::Customer,          UsageField::Agent,
    UsageField::User, UsageField::PolicyPacks, UsageField::ComplianceModules,
};

const char* find(std::string_view text, std::size_t from, char c) {
    if (from >= text.size())
        return nullptr;  // memchr must not see the null data of an empty view
    return static_cast<const char*>(std::memchr(text.data() + from, c, text.size() - from));
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char x = (a[i] >= 'A' && a[i] <= 'Z') ? char(a[i] - 'A' + 'a') : a[i];
        if (x != b[i])
            return false;
    }
    return true;
}

QString lineError(std::int64_t line, std::int32_t column, const QString& reason) {
    return column > 0 ? QStringLiteral("%1:%2: %3").arg(line).arg(column).arg(reason)
                      : QStringLiteral("%1: %2").arg(line).arg(reason);
}

}  // namespace

std::string_view csvColumnName(UsageField field) {
    switch (field) {
        case UsageField::Source:
            return "source";
        case UsageField::Id:
            return "event_id";
        case UsageField::Type:
            return "type";
        case UsageField::Time:
            return "timestamp";
        case UsageField::Customer:
            return "customer_id";
        case UsageField::Agent:
            return "agent_id";
        case UsageField::User:
            return "user_id";
        case UsageField::PolicyPacks:
            return "policy_packs";
        case UsageField::ComplianceModules:
            return "compliance_modules";
        case UsageField::Quantity:
            return "quantity";
    }
    return "?";
}

CsvEventReader::CsvEventReader(ChunkedInput& input) : input_(input) {}

void CsvEventReader::addField(Split& result, std::string_view value) {
    // Extra fields are counted, not kept: the row is refused for its count.
    if (result.fieldCount < fields_.size())
        fields_[result.fieldCount] = value;
    ++result.fieldCount;
}

// The common row: no quote anywhere, so fields are the text between commas
// up to the line end, found with memchr rather than byte by byte.
CsvEventReader::Plain CsvEventReader::splitPlain(std::string_view window, bool atEnd,
                                                 Split& result) {
    const char* newline = find(window, 0, '\n');
    if (!newline && !atEnd)
        return Plain::NeedMore;
    std::size_t end = newline ? std::size_t(newline - window.data()) : window.size();
    const std::size_t consumed = newline ? end + 1 : end;
    if (end > 0 && window[end - 1] == '\r')
        --end;
    const std::string_view line = window.substr(0, end);
    if (std::memchr(line.data(), '"', line.size()))
        return Plain::HasQuotes;
    result.complete = true;
    result.length = end;
    result.consumed = consumed;
    std::size_t start = 0;
    while (true) {
        const char* comma = find(line, start, ',');
        if (!comma) {
            addField(result, line.substr(start));
            return Plain::Done;
        }
        const auto at = std::size_t(comma - line.data());
        addField(result, line.substr(start, at - start));
        start = at + 1;
    }
}

CsvEventReader::Split CsvEventReader::split(std::string_view window, bool atEnd) {
    Split result;
    switch (splitPlain(window, atEnd, result)) {
        case Plain::Done:
            return result;
        case Plain::NeedMore:
            return {};
        case Plain::HasQuotes:
            break;
    }

    // Quotes somewhere: a byte-by-byte state machine. After a quoting mistake
    // it keeps going, only to find where the record ends.
    enum class State { FieldStart, Unquoted, Quoted, AfterQuote };
    State state = State::FieldStart;
    std::size_t start = 0;
    std::string* text = nullptr;
    const auto noteProblem = [&result](const char* reason) {
        if (!result.badReason) {
            result.badReason = reason;
            result.badColumn = std::int32_t(result.fieldCount + 1);
        }
    };
    const auto finishField = [&](std::size_t at, bool lineEnd) {
        if (state == State::Unquoted) {
            if (lineEnd && at > start && window[at - 1] == '\r')
                --at;
            addField(result, window.substr(start, at - start));
        } else if (state == State::FieldStart) {
            addField(result, {});
        } else {
            addField(result, *text);
        }
    };
    std::size_t i = 0;
    while (true) {
        if (i == window.size()) {
            if (!atEnd)
                return {};
            if (state == State::Quoted)
                noteProblem("a quoted field is never closed");
            finishField(i, true);
            result.consumed = i;
            break;
        }
        const char c = window[i];
        if (state == State::FieldStart) {
            if (c == '"') {
                text = &unquoted_[std::min(result.fieldCount, unquoted_.size() - 1)];
                text->clear();
                state = State::Quoted;
                ++i;
            } else {
                start = i;
                state = State::Unquoted;
            }
            continue;
        }
        if (state == State::Quoted) {
            if (c != '"') {
                if (c == '\n')
                    ++result.lineBreaks;
                text->push_back(c);
                ++i;
            } else if (i + 1 == window.size() && !atEnd) {
                return {};  // a doubled quote may follow in the next chunk
            } else if (i + 1 < window.size() && window[i + 1] == '"') {
                text->push_back('"');
                i += 2;
            } else {
                state = State::AfterQuote;
                ++i;
            }
            continue;
        }
        if (c == ',') {
            finishField(i, false);
            state = State::FieldStart;
            ++i;
            continue;
        }
        if (c == '\n') {
            finishField(i, true);
            result.consumed = i + 1;
            break;
        }
        if (state == State::AfterQuote) {
            if (c == '\r' && i + 1 == window.size() && !atEnd)
                return {};
            if (c == '\r' && (i + 1 == window.size() || window[i + 1] == '\n')) {
                ++i;
                continue;
            }
            noteProblem("text follows the closing quote of a field");
            start = i;
            state = State::Unquoted;
            continue;
        }
        if (c == '"')
            noteProblem("a quote inside an unquoted field (quote the field and double the quote)");
        ++i;
    }
    std::size_t end = i;
    if (end > 0 && window[end - 1] == '\r')
        --end;
    result.complete = true;
    result.length = end;
    return result;
}

Result<bool> CsvEventReader::nextRecord(Split& result) {
    while (true) {
        const std::string_view window = input_.window();
        if (window.empty() && input_.atEnd())
            return false;
        result = split(window, input_.atEnd());
        if (result.complete)
            return true;
        auto more = input_.fill();
        if (!more)
            return Error(more.error().code(), lineError(line_, 0, more.error().message()));
    }
}

Status CsvEventReader::readHeader() {
    if (input_.window().empty()) {
        auto first = input_.fill();
        if (!first)
            return first.error();
    }
    if (input_.window().substr(0, kByteOrderMark.size()) == kByteOrderMark)
        input_.consume(kByteOrderMark.size());
    Split record;
    auto found = nextRecord(record);
    if (!found)
        return found.error();
    if (!*found || record.length == 0)
        return Error::invalidInput(lineError(1, 0, QStringLiteral("the CSV header is missing")));
    header_.assign(input_.window().substr(0, record.length));
    header_.push_back('\n');
    if (record.badReason)
        return Error::invalidInput(
            lineError(line_, record.badColumn, QString::fromUtf8(record.badReason)));
    if (record.fieldCount > kMaxColumns)
        return Error::invalidInput(lineError(
            line_, 0, QStringLiteral("the header has more than %1 columns").arg(kMaxColumns)));

    std::array<bool, kUsageFieldCount> seen{};
    columnFields_.assign(record.fieldCount, -1);
    for (std::size_t column = 0; column < record.fieldCount; ++column) {
        const std::string_view name = trimmed(fields_[column]);
        int field = -1;
        for (std::size_t f = 0; f < kUsageFieldCount; ++f) {
            if (UsageField(f) != UsageField::Type &&
                equalsIgnoringAsciiCase(name, csvColumnName(UsageField(f))))
                field = int(f);
        }
        const auto where = std::int32_t(column + 1);
        // An unknown column is refused rather than ignored: a misspelt
        // "quantity" would otherwise silently bill every event as 1.
        if (field < 0)
            return Error::invalidInput(
                lineError(line_, where,
                          QStringLiteral("unknown column '%1' in the header")
                              .arg(QString::fromUtf8(name.data(), qsizetype(name.size())))));
        if (seen[std::size_t(field)])
            return Error::invalidInput(
                lineError(line_, where,
                          QStringLiteral("the column '%1' appears twice")
                              .arg(QLatin1String(csvColumnName(UsageField(field)).data()))));
        seen[std::size_t(field)] = true;
        columnFields_[column] = field;
    }
    for (const UsageField required : kRequiredColumns) {
        if (!seen[std::size_t(required)])
            return Error::invalidInput(
                lineError(line_, 0,
                          QStringLiteral("the header has no '%1' column")
                              .arg(QLatin1String(csvColumnName(required).data()))));
    }
    hasSource_ = seen[std::size_t(UsageField::Source)];
    input_.consume(record.consumed);
    line_ += 1 + record.lineBreaks;
    return {};
}

Status CsvEventReader::start() {
    return readHeader();
}

Result<UsageEventReader::Next> CsvEventReader::next(RawUsageEvent& event, RowIssue& issue) {
    while (true) {
        Split record;
        auto found = nextRecord(record);
        if (!found)
            return found.error();
        if (!*found)
            return Next::End;
        const std::int64_t line = line_;
        line_ += 1 + record.lineBreaks;
        const std::string_view raw = input_.window().substr(0, record.length);
        // consume() only moves an offset: the views stay valid until fill().
        input_.consume(record.consumed);
        if (record.length == 0)
            continue;  // a blank line

        event.clear();
        event.line = line;
        event.record = raw;
        if (record.badReason) {
            issue = {line, record.badColumn, QString::fromUtf8(record.badReason)};
            return Next::BadRow;
        }
        if (record.fieldCount != columnFields_.size()) {
            issue = {line, std::int32_t(std::min(record.fieldCount, columnFields_.size()) + 1),
                     QStringLiteral("the row has %1 fields; the header has %2")
                         .arg(record.fieldCount)
                         .arg(columnFields_.size())};
            return Next::BadRow;
        }
        for (std::size_t column = 0; column < columnFields_.size(); ++column)
            event.set(UsageField(columnFields_[column]), fields_[column], std::int32_t(column + 1));
        if (!hasSource_ || event.value(UsageField::Source).empty())
            event.set(UsageField::Source, kDefaultSource,
                      hasSource_ ? event.column(UsageField::Source) : 0);
        return Next::Event;
    }
}

}  // namespace aicp

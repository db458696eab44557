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

// A file saved in an encoding or with line ends this reader does not take,
// told in words instead of read as one unknown column.
Status checkEncoding(std::string_view start) {
    const auto refuse = [](const char* why) {
        return Error::invalidInput(lineError(1, 0, QString::fromUtf8(why)));
    };
    if (start.substr(0, 2) == std::string_view("\xFF\xFE", 2))
        return refuse("the file is UTF-16 (little-endian); save it as UTF-8");
    if (start.substr(0, 2) == std::string_view("\xFE\xFF", 2))
        return refuse("the file is UTF-16 (big-endian); save it as UTF-8");
    if (start.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
        start.remove_prefix(kByteOrderMark.size());
        if (start.substr(0, kByteOrderMark.size()) == kByteOrderMark)
            return refuse(
                "the file starts with two UTF-8 byte order marks; save it as UTF-8 with one");
    }
    if (start.size() >= 2 && start[0] != '\0' && start[1] == '\0')
        return refuse(
            "the file is UTF-16 (little-endian, without a byte order mark); save it as "
            "UTF-8");
    if (start.size() >= 2 && start[0] == '\0' && start[1] != '\0')
        return refuse(
            "the file is UTF-16 (big-endian, without a byte order mark); save it as UTF-8");
    const std::size_t cr = start.find('\r');
    // A CR before the first LF and not followed by it: "a,b\rc,d\r".
    if (cr != std::string_view::npos && cr + 1 < start.size() && cr < start.find('\n') &&
        start[cr + 1] != '\n')
        return refuse(
            "the lines end with a lone CR (an old Mac line end); save the file with LF "
            "or CRLF line ends");
    return {};
}

}  // namespace

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

// Quotes somewhere: a byte-by-byte state machine. After a quoting mistake
// it keeps going, only to find where the record ends.
class CsvEventReader::QuotedScan {
public:
    QuotedScan(CsvEventReader& reader, std::string_view window, bool atEnd, Split& result)
        : reader_(reader), window_(window), atEnd_(atEnd), result_(result) {}

    // False when the window ends inside the record.
    bool run() {
        while (true) {
            if (i_ == window_.size()) {
                if (!atEnd_)
                    return false;
                if (state_ == State::Quoted)
                    noteProblem("a quoted field is never closed");
                finishField(i_, true);
                result_.consumed = i_;
                break;
            }
            const char c = window_[i_];
            Step step = Step::Continue;
            if (state_ == State::FieldStart)
                fieldStart(c);
            else if (state_ == State::Quoted)
                step = quoted(c);
            else
                step = outsideQuotes(c);
            if (step == Step::NeedMore)
                return false;
            if (step == Step::RecordEnd)
                break;
        }
        std::size_t end = i_;
        if (end > 0 && window_[end - 1] == '\r')
            --end;
        result_.complete = true;
        result_.length = end;
        return true;
    }

private:
    enum class State { FieldStart, Unquoted, Quoted, AfterQuote };
    enum class Step { Continue, NeedMore, RecordEnd };

    void noteProblem(const char* reason) {
        if (!result_.badReason) {
            result_.badReason = reason;
            result_.badColumn = std::int32_t(result_.fieldCount + 1);
        }
    }
    void finishField(std::size_t at, bool lineEnd) {
        if (state_ == State::Unquoted) {
            if (lineEnd && at > start_ && window_[at - 1] == '\r')
                --at;
            reader_.addField(result_, window_.substr(start_, at - start_));
        } else if (state_ == State::FieldStart) {
            reader_.addField(result_, {});
        } else {
            reader_.addField(result_, *text_);
        }
    }
    void fieldStart(char c) {
        if (c == '"') {
            text_ = &reader_.unquoted_[std::min(result_.fieldCount, reader_.unquoted_.size() - 1)];
            text_->clear();
            state_ = State::Quoted;
            ++i_;
        } else {
            start_ = i_;
            state_ = State::Unquoted;
        }
    }
    Step quoted(char c) {
        if (c != '"') {
            if (c == '\n')
                ++result_.lineBreaks;
            text_->push_back(c);
            ++i_;
        } else if (i_ + 1 == window_.size() && !atEnd_) {
            return Step::NeedMore;  // a doubled quote may follow in the next chunk
        } else if (i_ + 1 < window_.size() && window_[i_ + 1] == '"') {
            text_->push_back('"');
            i_ += 2;
        } else {
            state_ = State::AfterQuote;
            ++i_;
        }
        return Step::Continue;
    }
    Step outsideQuotes(char c) {
        if (c == ',') {
            finishField(i_, false);
            state_ = State::FieldStart;
            ++i_;
            return Step::Continue;
        }
        if (c == '\n') {
            finishField(i_, true);
            result_.consumed = i_ + 1;
            return Step::RecordEnd;
        }
        if (state_ == State::AfterQuote) {
            if (c == '\r' && i_ + 1 == window_.size() && !atEnd_)
                return Step::NeedMore;
            if (c == '\r' && (i_ + 1 == window_.size() || window_[i_ + 1] == '\n')) {
                ++i_;
                return Step::Continue;
            }
            noteProblem("text follows the closing quote of a field");
            start_ = i_;
            state_ = State::Unquoted;
            return Step::Continue;
        }
        if (c == '"')
            noteProblem("a quote inside an unquoted field (quote the field and double the quote)");
        ++i_;
        return Step::Continue;
    }

    CsvEventReader& reader_;
    std::string_view window_;
    bool atEnd_;
    Split& result_;
    State state_ = State::FieldStart;
    std::size_t start_ = 0;
    std::size_t i_ = 0;
    std::string* text_ = nullptr;
};

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

    if (!QuotedScan(*this, window, atEnd, result).run())
        return {};
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
    AICP_TRY(checkEncoding(input_.window()));
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
        const std::string_view name = trimmedBlanks(fields_[column]);
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

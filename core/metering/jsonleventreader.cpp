#include "metering/jsonleventreader.h"

#include "common/strictjson.h"
#include "metering/chunkedinput.h"

#include <cstring>
#include <optional>

namespace aicp {

namespace {

constexpr std::string_view kSpecVersion("1.0");
constexpr int kMaxDepth = 32;

}  // namespace

// Parses one line into a RawUsageEvent; the first problem found stops it and
// is kept with its byte offset.
class JsonlEventReader::LineParser {
public:
    LineParser(std::string_view line, JsonlEventReader& reader, RawUsageEvent& event)
        : line_(line), reader_(reader), event_(event) {}

    bool parse() {
        skipSpace();
        if (!parseObject(false))
            return false;
        skipSpace();
        if (pos_ != line_.size())
            return fail("text follows the event's closing brace");
        if (specVersion_.data() && specVersion_ != kSpecVersion)
            return failAt(
                specVersionAt_,
                QStringLiteral("specversion '%1' is not CloudEvents 1.0")
                    .arg(QString::fromUtf8(specVersion_.data(), qsizetype(specVersion_.size()))));
        for (const UsageField required :
             {UsageField::Id, UsageField::Source, UsageField::Type, UsageField::Time}) {
            if (!event_.has(required))
                return failAt(0, QStringLiteral("the event has no '%1'")
                                     .arg(QLatin1String(cloudEventKey(required).data())));
        }
        return true;
    }

    [[nodiscard]] std::size_t problemOffset() const { return problemAt_; }
    [[nodiscard]] const QString& problem() const { return problem_; }

private:
    bool fail(const char* reason) { return failAt(pos_, QString::fromUtf8(reason)); }
    bool failAt(std::size_t offset, QString reason) {
        problemAt_ = offset;
        problem_ = std::move(reason);
        return false;
    }

    void skipSpace() {
        while (pos_ < line_.size() &&
               (line_[pos_] == ' ' || line_[pos_] == '\t' || line_[pos_] == '\r'))
            ++pos_;
    }
    bool expect(char c) {
        skipSpace();
        if (pos_ >= line_.size() || line_[pos_] != c)
            return failAt(pos_, QStringLiteral("expected '%1'").arg(QLatin1Char(c)));
        ++pos_;
        return true;
    }

    // A string at pos_: a view of the line when it has no escapes, else
    // unescaped into `scratch`.
    bool parseString(std::string_view& out, std::string& scratch) {
        skipSpace();
        if (pos_ >= line_.size() || line_[pos_] != '"')
            return fail("expected a string");
        const std::size_t start = ++pos_;
        bool escaped = false;
        while (pos_ < line_.size()) {
            const char c = line_[pos_];
            if (c == '"') {
                out = escaped ? std::string_view(scratch) : line_.substr(start, pos_ - start);
                ++pos_;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return fail("a control character inside a string");
            if (c != '\\') {
                if (escaped)
                    scratch.push_back(c);
                ++pos_;
                continue;
            }
            if (!escaped)
                scratch.assign(line_.substr(start, pos_ - start));
            escaped = true;
            if (pos_ + 1 >= line_.size())
                break;
            if (!unescape(scratch))
                return false;
        }
        return fail("a string is never closed");
    }

    // The escape at pos_, appended to `scratch` as UTF-8.
    bool unescape(std::string& scratch) {
        const char kind = line_[pos_ + 1];
        pos_ += 2;
        if (const char plain = jsonEscapedChar(kind)) {
            scratch.push_back(plain);
            return true;
        }
        if (kind != 'u') {
            pos_ -= 1;
            return fail("an unknown escape in a string");
        }
        std::uint32_t codePoint = 0;
        if (!readHex4(codePoint))
            return false;
        if (codePoint >= 0xDC00 && codePoint <= 0xDFFF)
            return fail("an unpaired \\u surrogate escape");
        if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
            std::uint32_t low = 0;
            if (pos_ + 1 >= line_.size() || line_[pos_] != '\\' || line_[pos_ + 1] != 'u')
                return fail("an unpaired \\u surrogate escape");
            pos_ += 2;
            if (!readHex4(low))
                return false;
            if (low < 0xDC00 || low > 0xDFFF)
                return fail("an unpaired \\u surrogate escape");
            codePoint = jsonSurrogatePair(codePoint, low);
        }
        appendUtf8(scratch, codePoint);
        return true;
    }

    bool readHex4(std::uint32_t& value) {
        if (pos_ + 4 > line_.size())
            return fail("a \\u escape needs four hex digits");
        for (int i = 0; i < 4; ++i) {
            const int digit = jsonHexValue(line_[pos_ + std::size_t(i)]);
            if (digit < 0)
                return fail("a \\u escape needs four hex digits");
            value = value * 16 + std::uint32_t(digit);
        }
        pos_ += 4;
        return true;
    }

    // A number is taken as its text: the validator judges it, so "1.5" and
    // "-2" get the same messages as in CSV.
    bool parseNumberText(std::string_view& out) {
        const std::size_t start = pos_;
        while (pos_ < line_.size()) {
            const char c = line_[pos_];
            if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' ||
                  c == 'E'))
                break;
            ++pos_;
        }
        if (pos_ == start)
            return fail("expected a value");
        out = line_.substr(start, pos_ - start);
        return true;
    }

    bool skipValue(int depth) {
        if (depth > kMaxDepth)
            return fail("values nested too deeply");
        skipSpace();
        if (pos_ >= line_.size())
            return fail("expected a value");
        const char c = line_[pos_];
        if (c == '"') {
            std::string_view ignored;
            return parseString(ignored, reader_.element_);
        }
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++pos_;
            skipSpace();
            if (pos_ < line_.size() && line_[pos_] == close) {
                ++pos_;
                return true;
            }
            while (true) {
                if (c == '{') {
                    std::string_view key;
                    if (!parseString(key, reader_.element_) || !expect(':'))
                        return false;
                }
                if (!skipValue(depth + 1))
                    return false;
                skipSpace();
                if (pos_ < line_.size() && line_[pos_] == ',') {
                    ++pos_;
                    continue;
                }
                return expect(close);
            }
        }
        for (const std::string_view literal : {"true", "false", "null"}) {
            if (line_.substr(pos_, literal.size()) == literal) {
                pos_ += literal.size();
                return true;
            }
        }
        std::string_view number;
        return parseNumberText(number);
    }

    bool isNull() {
        skipSpace();
        if (line_.substr(pos_, 4) == "null") {
            pos_ += 4;
            return true;
        }
        return false;
    }

    bool parseStringField(UsageField field) {
        skipSpace();
        if (isNull())
            return true;  // the same as leaving it out
        const std::size_t at = pos_;
        std::string_view value;
        if (pos_ >= line_.size() || line_[pos_] != '"')
            return failAt(at, QStringLiteral("'%1' must be a string")
                                  .arg(QLatin1String(cloudEventKey(field).data())));
        if (!parseString(value, reader_.scratch_[std::size_t(field)]))
            return false;
        event_.set(field, value, std::int32_t(at));
        return true;
    }

    bool parseListField(UsageField field) {
        skipSpace();
        if (isNull())
            return true;
        const std::size_t at = pos_;
        const QString mustBe = QStringLiteral("'%1' must be an array of strings")
                                   .arg(QLatin1String(cloudEventKey(field).data()));
        if (pos_ >= line_.size() || line_[pos_] != '[')
            return failAt(at, mustBe);
        ++pos_;
        std::string& joined = reader_.scratch_[std::size_t(field)];
        joined.clear();
        int elements = 0;
        skipSpace();
        if (pos_ < line_.size() && line_[pos_] == ']') {
            ++pos_;
            event_.set(field, joined, std::int32_t(at));
            return true;
        }
        while (true) {
            skipSpace();
            const std::size_t elementAt = pos_;
            if (pos_ >= line_.size() || line_[pos_] != '"')
                return failAt(elementAt, mustBe);
            std::string_view element;
            if (!parseString(element, reader_.element_))
                return false;
            // Lists are stored ';'-separated, as in CSV.
            if (element.find(';') != std::string_view::npos)
                return failAt(elementAt, QStringLiteral("a name in '%1' contains ';'")
                                             .arg(QLatin1String(cloudEventKey(field).data())));
            if (elements++ > 0)
                joined.push_back(';');
            joined.append(element);
            skipSpace();
            if (pos_ < line_.size() && line_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (!expect(']'))
                return false;
            break;
        }
        event_.set(field, joined, std::int32_t(at));
        return true;
    }

    bool parseQuantity() {
        skipSpace();
        if (isNull())
            return true;
        const std::size_t at = pos_;
        std::string_view value;
        if (pos_ < line_.size() && line_[pos_] == '"') {
            if (!parseString(value, reader_.scratch_[std::size_t(UsageField::Quantity)]))
                return false;
        } else if (!parseNumberText(value)) {
            return failAt(at, QStringLiteral("'data.quantity' must be a number"));
        }
        event_.set(UsageField::Quantity, value, std::int32_t(at));
        return true;
    }

    // A member named twice would let two readers of the same line (a
    // gateway's and ours) disagree on the event: refused, not last-one-wins.
    bool firstTime(int bit, std::string_view name) {
        const std::uint32_t mask = std::uint32_t(1) << bit;
        if ((seen_ & mask) != 0)
            return failAt(pos_, QStringLiteral("'%1' appears twice")
                                    .arg(QLatin1String(name.data(), qsizetype(name.size()))));
        seen_ |= mask;
        return true;
    }
    bool firstTime(UsageField field) { return firstTime(int(field), cloudEventKey(field)); }

    bool parseField(UsageField field) {
        if (field == UsageField::Quantity)
            return parseQuantity();
        if (field == UsageField::PolicyPacks || field == UsageField::ComplianceModules)
            return parseListField(field);
        return parseStringField(field);
    }

    bool parseMember(std::string_view key, bool inData) {
        const std::optional<UsageField> field = memberField(key, inData);
        if (field && !firstTime(*field))
            return false;
        if (!inData && (key == "specversion" || key == "data") &&
            !firstTime(key == "data" ? kDataBit : kSpecVersionBit, key))
            return false;
        if (field)
            return parseField(*field);
        if (inData)
            return skipValue(1);
        if (key == "specversion") {
            skipSpace();
            specVersionAt_ = pos_;
            return parseString(specVersion_, specVersionScratch_);
        }
        if (key == "data") {
            skipSpace();
            if (pos_ < line_.size() && line_[pos_] == '{')
                return parseObject(true);
            return isNull() || failAt(pos_, QStringLiteral("'data' must be an object"));
        }
        return skipValue(1);
    }

    bool parseObject(bool inData) {
        if (!expect('{'))
            return false;
        skipSpace();
        if (pos_ < line_.size() && line_[pos_] == '}') {
            ++pos_;
            return true;
        }
        while (true) {
            std::string_view key;
            if (!parseString(key, keyScratch_) || !expect(':'))
                return false;
            // The key's view may point into keyScratch_, which the value
            // below never reuses.
            if (!parseMember(key, inData))
                return false;
            skipSpace();
            if (pos_ < line_.size() && line_[pos_] == ',') {
                ++pos_;
                continue;
            }
            return expect('}');
        }
    }

    // The field a member names: "data.quantity" is "quantity" inside "data".
    static std::optional<UsageField> memberField(std::string_view key, bool inData) {
        constexpr std::string_view kData = "data.";
        for (std::size_t i = 0; i < kUsageFieldCount; ++i) {
            std::string_view name = cloudEventKey(UsageField(i));
            const bool dataField = name.substr(0, kData.size()) == kData;
            if (dataField)
                name.remove_prefix(kData.size());
            if (dataField == inData && name == key)
                return UsageField(i);
        }
        return std::nullopt;
    }

    static constexpr int kSpecVersionBit = int(kUsageFieldCount);
    static constexpr int kDataBit = int(kUsageFieldCount) + 1;

    std::string_view line_;
    JsonlEventReader& reader_;
    RawUsageEvent& event_;
    std::size_t pos_ = 0;
    std::string keyScratch_;
    std::string specVersionScratch_;
    std::string_view specVersion_;
    std::size_t specVersionAt_ = 0;
    std::size_t problemAt_ = 0;
    QString problem_;
    std::uint32_t seen_ = 0;  // members met so far, by field (and the two bits above)
};

JsonlEventReader::JsonlEventReader(ChunkedInput& input) : input_(input) {}

Result<UsageEventReader::Next> JsonlEventReader::next(RawUsageEvent& event, RowIssue& issue) {
    while (true) {
        std::string_view window = input_.window();
        // memchr must not see the null data of an empty view.
        const char* newline =
            window.empty()
                ? nullptr
                : static_cast<const char*>(std::memchr(window.data(), '\n', window.size()));
        if (!newline && !input_.atEnd()) {
            auto more = input_.fill();
            if (!more)
                return Error(more.error().code(),
                             QStringLiteral("%1: %2").arg(line_).arg(more.error().message()));
            continue;
        }
        if (!newline && window.empty())
            return Next::End;
        const std::size_t length = newline ? std::size_t(newline - window.data()) : window.size();
        std::string_view line = window.substr(0, length);
        input_.consume(newline ? length + 1 : length);
        const std::int64_t lineNumber = line_++;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos)
            continue;

        event.clear();
        event.line = lineNumber;
        event.record = line;
        LineParser parser(line, *this, event);
        event.columnsAreOffsets = true;
        if (parser.parse())
            return Next::Event;
        issue = {lineNumber, characterColumn(line, parser.problemOffset()), parser.problem()};
        return Next::BadRow;
    }
}

}  // namespace aicp

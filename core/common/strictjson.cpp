#include "common/strictjson.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include <QByteArrayView>

namespace aicp {

int jsonHexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char jsonEscapedChar(char kind) {
    constexpr std::string_view kFrom = "\"\\/bfnrt";
    constexpr std::string_view kTo = "\"\\/\b\f\n\r\t";
    const std::size_t at = kFrom.find(kind);
    return at == std::string_view::npos ? '\0' : kTo[at];
}

void appendUtf8(std::string& out, std::uint32_t codePoint) {
    if (codePoint < 0x80) {
        out.push_back(char(codePoint));
    } else if (codePoint < 0x800) {
        out.push_back(char(0xC0 | (codePoint >> 6)));
        out.push_back(char(0x80 | (codePoint & 0x3F)));
    } else if (codePoint < 0x10000) {
        out.push_back(char(0xE0 | (codePoint >> 12)));
        out.push_back(char(0x80 | ((codePoint >> 6) & 0x3F)));
        out.push_back(char(0x80 | (codePoint & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (codePoint >> 18)));
        out.push_back(char(0x80 | ((codePoint >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((codePoint >> 6) & 0x3F)));
        out.push_back(char(0x80 | (codePoint & 0x3F)));
    }
}

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

QString hex4Text(std::uint32_t unit) {
    return QString::number(unit, 16).rightJustified(4, QLatin1Char('0')).toUpper();
}

// The RFC 8259 grammar by recursive descent; the first problem stops it.
class Reader {
public:
    Reader(QByteArrayView json, const StrictJson::ElementSink& sink)
        : begin_(json.data()), at_(begin_), end_(begin_ + json.size()), sink_(sink) {}

    bool document();

    const char* problemAt = nullptr;
    QString reason;
    StrictJson::Facts facts;

private:
    // A member name of an open object: its bytes as sent, or unescaped.
    struct Name {
        std::string_view text;
        const char* at;
    };

    bool fail(const char* where, QString why) {
        problemAt = where;
        reason = std::move(why);
        return false;
    }
    bool failHere(const char* why) { return fail(at_, QString::fromUtf8(why)); }
    bool failEnd(const char* what) {
        return at_ == end_ ? failHere("the JSON ends too early") : failHere(what);
    }
    bool depthAllowed(int depth) {
        return depth <= StrictJson::kMaxDepth ||
               fail(at_,
                    QStringLiteral("nesting deeper than %1 levels").arg(StrictJson::kMaxDepth));
    }
    void skipSpace() {
        while (at_ != end_ && isSpace(*at_))
            ++at_;
    }
    bool next(char c) const { return at_ != end_ && *at_ == c; }
    // After any whitespace, `close` (taken) or not (left for the caller).
    bool closes(char close) {
        skipSpace();
        if (!next(close))
            return false;
        ++at_;
        return true;
    }

    bool value(int depth);
    bool object(int depth);
    bool array(int depth);
    bool member(int depth);
    bool string(bool isName);
    bool escape();
    bool hex4(std::uint32_t& unit);
    bool utf8();
    bool number();
    bool literal(std::string_view word);
    bool uniqueNames(std::size_t first);
    std::string_view unescaped(const char* from, const char* to);

    const char* begin_;
    const char* at_;
    const char* end_;
    const StrictJson::ElementSink& sink_;
    std::vector<Name> names_;            // of every open object, innermost last
    std::deque<std::string> unescaped_;  // names spelled with escapes
};

bool Reader::document() {
    if (end_ - at_ >= 3 && QByteArrayView(at_, 3) == QByteArrayView("\xEF\xBB\xBF"))
        return failHere("a byte order mark before the JSON; send UTF-8 without one");
    skipSpace();
    if (at_ == end_)
        return failHere("there is no JSON value");
    if (!value(0))
        return false;
    skipSpace();
    return at_ == end_ || failHere("text follows the JSON value");
}

bool Reader::value(int depth) {
    if (at_ == end_)
        return failHere("the JSON ends too early");
    switch (*at_) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string(false);
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        case '.':
            return failHere("a number must not start with '.'");
        case '+':
            return failHere("a number must not start with '+'");
        default:
            if (*at_ == '-' || isDigit(*at_))
                return number();
            return failHere("expected a value");
    }
}

bool Reader::object(int depth) {
    if (!depthAllowed(depth))
        return false;
    const std::size_t first = names_.size();
    ++at_;  // '{'
    if (closes('}'))
        return true;
    while (true) {
        if (!member(depth))
            return false;
        skipSpace();
        if (next('}'))
            break;
        if (!next(','))
            return failEnd("expected ',' or '}' after a member");
        ++at_;
        skipSpace();
    }
    ++at_;
    const bool unique = uniqueNames(first);
    names_.resize(first);
    return unique;
}

bool Reader::member(int depth) {
    if (!next('"'))
        return failEnd("expected a member name in double quotes");
    if (!string(true))
        return false;
    skipSpace();
    if (!next(':'))
        return failEnd("expected ':' after a member name");
    ++at_;
    skipSpace();
    return value(depth);
}

bool Reader::array(int depth) {
    if (!depthAllowed(depth))
        return false;
    const bool top = depth == 1 && sink_;
    ++at_;  // '['
    if (closes(']'))
        return true;
    while (true) {
        const char* start = at_;
        if (!value(depth))
            return false;
        if (top)
            sink_(start - begin_, at_ - begin_);
        if (closes(']'))
            return true;
        if (!next(','))
            return failEnd("expected ',' or ']' after an element");
        ++at_;
        skipSpace();
    }
}

bool Reader::string(bool isName) {
    const char* open = at_++;
    bool escaped = false;
    while (at_ != end_) {
        const auto c = static_cast<unsigned char>(*at_);
        if (c == '"') {
            if (isName)
                names_.push_back({escaped ? unescaped(open + 1, at_)
                                          : std::string_view(open + 1, std::size_t(at_ - open - 1)),
                                  open});
            ++at_;
            return true;
        }
        if (c < 0x20)
            return fail(at_, QStringLiteral("a raw control character (U+%1) inside a string; "
                                            "write it as an escape")
                                 .arg(hex4Text(c)));
        if (c == '\\') {
            escaped = true;
            if (!escape())
                return false;
        } else if (c >= 0x80) {
            if (!utf8())
                return false;
        } else {
            ++at_;
        }
    }
    return fail(open, QStringLiteral("a string that does not end"));
}

bool Reader::hex4(std::uint32_t& unit) {
    unit = 0;
    for (int i = 0; i < 4; ++i, ++at_) {
        const int digit = at_ == end_ ? -1 : jsonHexValue(*at_);
        if (digit < 0)
            return failHere("\\u needs four hexadecimal digits");
        unit = unit * 16 + std::uint32_t(digit);
    }
    return true;
}

bool Reader::escape() {
    const char* start = at_++;  // '\'
    if (at_ == end_)
        return failHere("the JSON ends too early");
    const char c = *at_;
    if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' ||
        c == 't') {
        ++at_;
        return true;
    }
    if (c != 'u')
        return fail(start, QStringLiteral("'\\%1' is not a JSON escape")
                               .arg(static_cast<unsigned char>(c) < 0x80 && c >= 0x20
                                        ? QString(QLatin1Char(c))
                                        : QStringLiteral("?")));
    ++at_;
    std::uint32_t unit = 0;
    if (!hex4(unit))
        return false;
    if (unit >= 0xDC00 && unit <= 0xDFFF)
        return fail(start, QStringLiteral("a lone low surrogate \\u%1").arg(hex4Text(unit)));
    if (unit < 0xD800 || unit > 0xDBFF)
        return true;
    std::uint32_t low = 0;
    if (end_ - at_ < 2 || at_[0] != '\\' || at_[1] != 'u')
        return fail(start, QStringLiteral("the high surrogate \\u%1 is not followed by a low one")
                               .arg(hex4Text(unit)));
    at_ += 2;
    if (!hex4(low))
        return false;
    if (low < 0xDC00 || low > 0xDFFF)
        return fail(start, QStringLiteral("the high surrogate \\u%1 is not followed by a low one")
                               .arg(hex4Text(unit)));
    return true;
}

// One UTF-8 sequence of two to four bytes, in its shortest form and not a
// surrogate (RFC 3629's table).
bool Reader::utf8() {
    const auto lead = static_cast<unsigned char>(*at_);
    int length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return failHere("invalid UTF-8");
    }
    if (end_ - at_ < length)
        return failHere("invalid UTF-8");
    for (int i = 1; i < length; ++i) {
        const auto c = static_cast<unsigned char>(at_[i]);
        if (c < (i == 1 ? low : 0x80) || c > (i == 1 ? high : 0xBF))
            return failHere("invalid UTF-8");
    }
    at_ += length;
    return true;
}

bool Reader::number() {
    const char* start = at_;
    if (next('-'))
        ++at_;
    if (at_ == end_ || !isDigit(*at_))
        return fail(start, QStringLiteral("'-' must be followed by a digit"));
    if (*at_ == '0' && at_ + 1 != end_ && isDigit(at_[1]))
        return fail(start, QStringLiteral("a number must not start with a zero"));
    while (at_ != end_ && isDigit(*at_))
        ++at_;
    if (next('.')) {
        facts.hasFractions = true;
        if (++at_ == end_ || !isDigit(*at_))
            return fail(start, QStringLiteral("a '.' in a number must be followed by a digit"));
        while (at_ != end_ && isDigit(*at_))
            ++at_;
    }
    if (next('e') || next('E')) {
        facts.hasFractions = true;
        ++at_;
        if (next('+') || next('-'))
            ++at_;
        if (at_ == end_ || !isDigit(*at_))
            return fail(start, QStringLiteral("an exponent needs digits"));
        while (at_ != end_ && isDigit(*at_))
            ++at_;
    }
    if (at_ != end_ && (std::isalnum(static_cast<unsigned char>(*at_)) || *at_ == '.' ||
                        *at_ == '+' || *at_ == '-'))
        return fail(start, QStringLiteral("a malformed number"));
    return true;
}

bool Reader::literal(std::string_view word) {
    if (end_ - at_ < qsizetype(word.size()) || std::string_view(at_, word.size()) != word)
        return failHere("expected a value");
    at_ += word.size();
    return true;
}

// The bytes of a name that passed string(), its escapes resolved.
std::string_view Reader::unescaped(const char* from, const char* to) {
    std::string& text = unescaped_.emplace_back();
    for (const char* c = from; c != to; ++c) {
        if (*c != '\\') {
            text.push_back(*c);
            continue;
        }
        const char kind = *++c;
        if (kind != 'u') {
            text.push_back(jsonEscapedChar(kind));
            continue;
        }
        const auto hex = [&c] {
            std::uint32_t unit = 0;
            for (int i = 0; i < 4; ++i)
                unit = unit * 16 + std::uint32_t(jsonHexValue(*++c));
            return unit;
        };
        std::uint32_t unit = hex();
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            c += 2;  // on the 'u' of the low surrogate's escape
            const std::uint32_t low = hex();
            unit = jsonSurrogatePair(unit, low);
        }
        appendUtf8(text, unit);
    }
    return text;
}

// Of the names of the object just closed, the second spelling of the first
// name given twice, in the order of the text.
bool Reader::uniqueNames(std::size_t first) {
    const auto from = names_.begin() + std::ptrdiff_t(first);
    const std::size_t count = names_.size() - first;
    const Name* twice = nullptr;
    if (count <= 16) {
        for (auto j = from + 1; j < names_.end() && !twice; ++j)
            for (auto i = from; i < j; ++i)
                if (i->text == j->text) {
                    twice = &*j;
                    break;
                }
    } else {
        std::vector<Name> sorted(from, names_.end());
        std::sort(sorted.begin(), sorted.end(), [](const Name& a, const Name& b) {
            return a.text != b.text ? a.text < b.text : a.at < b.at;
        });
        for (std::size_t i = 1; i < sorted.size(); ++i)
            if (sorted[i].text == sorted[i - 1].text && (!twice || sorted[i].at < twice->at))
                twice = &*std::find_if(from, names_.end(),
                                       [&](const Name& n) { return n.at == sorted[i].at; });
    }
    if (!twice)
        return true;
    return fail(twice->at,
                QStringLiteral("the member '%1' appears twice")
                    .arg(QString::fromUtf8(twice->text.data(), qsizetype(twice->text.size()))));
}

}  // namespace

QString textPosition(QByteArrayView text, qsizetype offset) {
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    const QByteArrayView before = text.first(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    qsizetype column = 1;  // characters: every byte but UTF-8 continuation bytes
    for (const char c : before.sliced(lineStart))
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++column;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

Result<StrictJson::Facts> StrictJson::check(QByteArrayView json, const ElementSink& element) {
    Reader reader(json, element);
    if (reader.document())
        return reader.facts;
    return Error::invalidInput(QStringLiteral("%1: %2").arg(
        textPosition(json, reader.problemAt - json.data()), reader.reason));
}

Status StrictJson::checkLines(QByteArrayView text) {
    const ElementSink none;
    for (qsizetype start = 0; start < text.size();) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = text.sliced(start, end - start);
        if (!line.trimmed().isEmpty()) {
            Reader reader(line, none);
            if (!reader.document())
                return Error::invalidInput(QStringLiteral("%1: %2").arg(
                    textPosition(text, reader.problemAt - text.data()), reader.reason));
        }
        start = end + 1;
    }
    return {};
}

Result<QJsonDocument> StrictJson::parse(const QByteArray& json) {
    AICP_TRY(check(json));
    QJsonParseError parseError{};
    QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    // Strict JSON Qt still refuses (a number beyond a double's range).
    if (parseError.error != QJsonParseError::NoError)
        return Error::invalidInput(QStringLiteral("%1: %2").arg(
            textPosition(json, parseError.offset), parseError.errorString()));
    return document;
}

}  // namespace aicp

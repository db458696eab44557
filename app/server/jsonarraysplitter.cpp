#include "server/jsonarraysplitter.h"

#include <cstring>

#include <QUtf8StringView>

namespace aicp {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

std::optional<JsonArraySplitter::Lines> JsonArraySplitter::split(const QByteArray& body) {
    if (!QUtf8StringView(body).isValidUtf8())
        return std::nullopt;
    JsonArraySplitter reader(body);
    reader.skipSpace();
    if (reader.at_ == reader.end_ || *reader.at_ != '[')
        return std::nullopt;
    ++reader.at_;
    Lines result;
    result.lines.reserve(body.size() + 1);
    reader.skipSpace();
    if (reader.at_ != reader.end_ && *reader.at_ == ']') {
        ++reader.at_;
    } else {
        while (true) {
            if (reader.at_ == reader.end_ || *reader.at_ != '{')
                return std::nullopt;
            const char* start = reader.at_;
            if (!reader.object(1))
                return std::nullopt;
            const qsizetype from = result.lines.size();
            result.lines.append(start, reader.at_ - start);
            // Raw line breaks cannot be inside a JSON string: these are
            // whitespace between tokens.
            for (char* c = result.lines.data() + from;
                 c != result.lines.data() + result.lines.size(); ++c)
                if (*c == '\n' || *c == '\r')
                    *c = ' ';
            result.lines.append('\n');
            ++result.elements;
            reader.skipSpace();
            if (reader.at_ == reader.end_)
                return std::nullopt;
            if (*reader.at_ == ']') {
                ++reader.at_;
                break;
            }
            if (*reader.at_ != ',')
                return std::nullopt;
            ++reader.at_;
            reader.skipSpace();
        }
    }
    reader.skipSpace();
    if (reader.at_ != reader.end_ || reader.sawFraction_)
        return std::nullopt;
    return result;
}

void JsonArraySplitter::skipSpace() {
    while (at_ != end_ && isSpace(*at_))
        ++at_;
}

bool JsonArraySplitter::value(int depth) {
    if (at_ == end_)
        return false;
    switch (*at_) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
    }
}

bool JsonArraySplitter::object(int depth) {
    if (depth > kMaxDepth)
        return false;
    ++at_;  // '{'
    skipSpace();
    if (at_ != end_ && *at_ == '}') {
        ++at_;
        return true;
    }
    while (true) {
        if (at_ == end_ || *at_ != '"' || !string())
            return false;
        skipSpace();
        if (at_ == end_ || *at_ != ':')
            return false;
        ++at_;
        skipSpace();
        if (!value(depth))
            return false;
        skipSpace();
        if (at_ == end_)
            return false;
        if (*at_ == '}') {
            ++at_;
            return true;
        }
        if (*at_ != ',')
            return false;
        ++at_;
        skipSpace();
    }
}

bool JsonArraySplitter::array(int depth) {
    if (depth > kMaxDepth)
        return false;
    ++at_;  // '['
    skipSpace();
    if (at_ != end_ && *at_ == ']') {
        ++at_;
        return true;
    }
    while (true) {
        if (!value(depth))
            return false;
        skipSpace();
        if (at_ == end_)
            return false;
        if (*at_ == ']') {
            ++at_;
            return true;
        }
        if (*at_ != ',')
            return false;
        ++at_;
        skipSpace();
    }
}

bool JsonArraySplitter::string() {
    ++at_;  // '"'
    while (at_ != end_) {
        const auto c = static_cast<unsigned char>(*at_);
        if (c == '"') {
            ++at_;
            return true;
        }
        if (c < 0x20)
            return false;
        if (c != '\\') {
            ++at_;
            continue;
        }
        if (++at_ == end_)
            return false;
        switch (*at_) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                ++at_;
                break;
            case 'u':
                if (end_ - at_ < 5)
                    return false;
                for (int i = 1; i <= 4; ++i)
                    if (!isHex(at_[i]))
                        return false;
                at_ += 5;
                break;
            default:
                return false;
        }
    }
    return false;
}

bool JsonArraySplitter::digits() {
    const char* start = at_;
    while (at_ != end_ && isDigit(*at_))
        ++at_;
    return at_ != start;
}

bool JsonArraySplitter::number() {
    if (at_ != end_ && *at_ == '-')
        ++at_;
    if (at_ == end_)
        return false;
    if (*at_ == '0')
        ++at_;
    else if (!digits())
        return false;
    if (at_ != end_ && *at_ == '.') {
        sawFraction_ = true;
        ++at_;
        if (!digits())
            return false;
    }
    if (at_ != end_ && (*at_ == 'e' || *at_ == 'E')) {
        sawFraction_ = true;
        ++at_;
        if (at_ != end_ && (*at_ == '+' || *at_ == '-'))
            ++at_;
        if (!digits())
            return false;
    }
    return true;
}

bool JsonArraySplitter::literal(const char* word) {
    const auto length = static_cast<qsizetype>(std::strlen(word));
    if (end_ - at_ < length || std::memcmp(at_, word, std::size_t(length)) != 0)
        return false;
    at_ += length;
    return true;
}

}  // namespace aicp

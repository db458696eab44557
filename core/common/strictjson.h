#pragma once

#include "common/result.h"

#include <cstdint>
#include <functional>
#include <string>

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonDocument>
#include <QString>

namespace aicp {

// The one reader of untrusted JSON: RFC 8259, strictly, in a single pass
// over the bytes without building anything. Numbers follow the RFC's grammar
// (no leading '.', '+' or zero, no trailing '.'); strings hold no raw
// control character, only the RFC's escapes, \u surrogates in pairs, and
// valid UTF-8 (no overlong forms, no encoded surrogates); nesting is at most
// kMaxDepth; nothing but whitespace follows the value; and no object names a
// member twice (QJsonDocument keeps the last of two where another reader may
// keep the first). Qt's parser, lenient about all of these, builds the tree
// only from bytes this reader has passed. Every refusal says where: "line 3,
// column 14: a number must not start with '.'".
class StrictJson {
public:
    static constexpr int kMaxDepth = 64;

    // What a caller may want to know of a document that passed.
    struct Facts {
        bool hasFractions = false;  // a number with a '.' or an exponent
    };

    // Called with the byte range [begin, end) of each element of an array
    // that is the document's value, as it is read.
    using ElementSink = std::function<void(qsizetype begin, qsizetype end)>;

    [[nodiscard]] static Result<Facts> check(QByteArrayView json, const ElementSink& element = {});

    // JSON Lines: each line that is not blank is checked as one document;
    // the place of a problem is its line and column in the whole text.
    [[nodiscard]] static Status checkLines(QByteArrayView text);

    // check(), then QJsonDocument's tree of the same bytes.
    [[nodiscard]] static Result<QJsonDocument> parse(const QByteArray& json);
};

// The pieces of a JSON string that StrictJson and the JSON Lines event
// reader share, so both unescape a string the same way.

// The value of a hexadecimal digit; -1 for any other character.
[[nodiscard]] int jsonHexValue(char c);

// The character an escape "\<kind>" stands for, for the RFC's one-letter
// escapes; '\0' for 'u' and for any letter that is no JSON escape.
[[nodiscard]] char jsonEscapedChar(char kind);

// The code point of a UTF-16 surrogate pair given as two \u escapes.
[[nodiscard]] constexpr std::uint32_t jsonSurrogatePair(std::uint32_t high, std::uint32_t low) {
    return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
}

// Appends `codePoint` encoded as UTF-8.
void appendUtf8(std::string& out, std::uint32_t codePoint);

// "line L, column C" of a byte offset in UTF-8 text, the column counted in
// characters and both from 1.
[[nodiscard]] QString textPosition(QByteArrayView text, qsizetype offset);

}  // namespace aicp

#pragma once

#include <optional>

#include <QByteArray>

namespace aicp {

// A batch's JSON array of objects as JSON Lines, one element per line, made
// by checking the JSON's syntax and copying each element's own bytes: no
// document is built, and nothing is rewritten but the line breaks between
// tokens (they become spaces, so an element spans one line). nullopt for
// anything else — malformed JSON, invalid UTF-8, an element that is not an
// object, nesting deeper than kMaxDepth — which the caller hands to
// QJsonDocument for its exact error; and for an array holding a number with
// a fraction or an exponent, which QJsonDocument rewrites ("quantity": 1.0
// becomes 1) and batches have always been read that way.
class JsonArraySplitter {
public:
    static constexpr int kMaxDepth = 64;

    struct Lines {
        QByteArray lines;  // each element and '\n'
        qsizetype elements = 0;
    };

    [[nodiscard]] static std::optional<Lines> split(const QByteArray& body);

private:
    explicit JsonArraySplitter(const QByteArray& body)
        : at_(body.constData()), end_(body.constData() + body.size()) {}

    void skipSpace();
    [[nodiscard]] bool value(int depth);
    [[nodiscard]] bool object(int depth);
    [[nodiscard]] bool array(int depth);
    [[nodiscard]] bool string();
    [[nodiscard]] bool number();
    [[nodiscard]] bool literal(const char* word);
    [[nodiscard]] bool digits();

    const char* at_;
    const char* end_;
    bool sawFraction_ = false;
};

}  // namespace aicp

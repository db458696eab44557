#pragma once

#include "common/result.h"

#include <QByteArray>

namespace aicp {

// A batch's JSON array of objects as JSON Lines, one element per line, so
// line N is event N. The body passes StrictJson (RFC 8259, line and column
// of the first problem) in the same pass that copies each element's own
// bytes; nothing is rewritten but the line breaks between tokens (they
// become spaces, so an element spans one line). An array holding a number
// with a fraction or an exponent is rewritten by QJsonDocument instead
// ("quantity": 1.0 becomes 1), as batches have always been read.
class JsonArraySplitter {
public:
    struct Lines {
        QByteArray lines;  // each element and '\n'
        qsizetype elements = 0;
    };

    [[nodiscard]] static Result<Lines> split(const QByteArray& body);
};

}  // namespace aicp
